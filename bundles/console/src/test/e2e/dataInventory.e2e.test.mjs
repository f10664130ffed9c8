// Browser journey of the data inventory page. Environment: see console.e2e.test.mjs.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import { withAdminApi } from './adminApi.mjs';
import { adminPassword, baseUrl, inBrowser, resetConsoleSettings, screenshotDir, signIn, textOf } from './browser.mjs';

describe('data inventory', { concurrency: false }, () => {
  before(async () => {
    assert.ok(adminPassword, 'set GARRISON_ADMIN_PASSWORD to the password of the admin account');
    await mkdir(screenshotDir, { recursive: true });
    await resetConsoleSettings();
  });

  test('lists the server’s data, filters it through the link and shows where an item is stored', async () => {
    const all = await withAdminApi((api) => api.get('/data-inventory'));
    assert.equal(all.status, 200, JSON.stringify(all.body));
    const personalAgentItems = all.body.items.filter((item) => item.personal && item.source === 'AGENT');
    assert.ok(personalAgentItems.length > 0, 'a fresh server holds personal data reported by agents');
    const email = all.body.items.find((item) => item.owner === 'core' && item.id === 'account.email');
    assert.ok(email, 'the core lists the accounts’ e-mail addresses');

    await inBrowser('data-inventory', async (page) => {
      await page.goto(`${baseUrl}/console/data-inventory`);
      await signIn(page);
      await page.getByRole('heading', { level: 1, name: 'Data inventory' }).waitFor();
      const table = page.getByRole('grid', { name: 'Kinds of data the server holds' });
      await table.getByText(email.title, { exact: true }).waitFor();
      const personalCount = all.body.items.filter((item) => item.personal).length;
      await page.getByText(`${all.body.items.length} kinds of data, ${personalCount} of them personal.`).waitFor();

      await page.getByRole('button', { name: `Details of ${email.title}` }).click();
      await table.getByText(email.storage, { exact: true }).waitFor();

      await page.getByLabel('Source', { exact: true }).selectOption('AGENT');
      await page.getByLabel('Personal', { exact: true }).selectOption('true');
      await page.waitForURL(/source=AGENT/);
      assert.match(page.url(), /personal=true/);
      await page.getByText(`${personalAgentItems.length} kind${personalAgentItems.length === 1 ? '' : 's'} of data, ${personalAgentItems.length} of them personal.`).waitFor();
      assert.equal(await table.getByText(email.title, { exact: true }).count(), 0);

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Data inventory' }).waitFor();
      assert.equal(await page.getByLabel('Source', { exact: true }).inputValue(), 'AGENT');
      assert.equal(await textOf(table.getByText(personalAgentItems[0].title, { exact: true }).first()), personalAgentItems[0].title);
    });
  });
});
