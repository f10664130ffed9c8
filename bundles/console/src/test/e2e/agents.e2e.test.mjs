// Browser journeys of agents and enrollment. Environment: see console.e2e.test.mjs.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import { withAdminApi } from './adminApi.mjs';
import { adminPassword, baseUrl, inBrowser, resetConsoleSettings, screenshotDir, signIn, textOf } from './browser.mjs';

describe('agents and enrollment', { concurrency: false }, () => {
  before(async () => {
    assert.ok(adminPassword, 'set GARRISON_ADMIN_PASSWORD to the password of the admin account');
    await mkdir(screenshotDir, { recursive: true });
    await resetConsoleSettings();
  });

  test('create an enrollment token, see its enroll command once, then revoke it', async () => {
    const gateway = await withAdminApi((api) => api.get('/gateway'));
    assert.equal(gateway.status, 200, JSON.stringify(gateway.body));
    const name = `E2E token ${Date.now()}`;

    await inBrowser('enrollment-token', async (page) => {
      await page.goto(`${baseUrl}/console/enrollment`);
      await signIn(page);
      await page.getByRole('heading', { level: 1, name: 'Agents and enrollment' }).waitFor();
      assert.equal(await textOf(page.getByTestId('gateway-ca-pin')), gateway.body.caPin);
      assert.equal(await textOf(page.getByTestId('gateway-port')), String(gateway.body.port));

      await page.getByRole('tab', { name: 'Enrollment tokens' }).click();
      assert.match(page.url(), /tab=tokens/);
      await page.getByRole('button', { name: 'Create token' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Name').fill(name);
      await dialog.getByLabel('Devices that may use it').fill('3');
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();

      const created = page.getByRole('dialog', { name: `Token ${name} created` });
      const token = await textOf(created.getByTestId('enrollment-token'));
      assert.match(token, new RegExp(`^ge1\\.[A-Za-z0-9_-]+\\.${gateway.body.caPin.replace(/[-]/g, '\\-')}$`));
      assert.match(await textOf(created.getByTestId('enroll-command')), new RegExp(`--token ${token.replace(/[.]/g, '\\.')}`));
      await created.getByRole('button', { name: 'Done' }).click();

      const row = page.getByRole('row').filter({ hasText: name });
      assert.match(await textOf(row), /0 of 3/);
      await row.getByRole('button', { name: `Actions of token ${name}` }).click();
      await page.getByRole('menuitem', { name: 'Revoke' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
      await row.waitFor({ state: 'detached' });

      await page.getByRole('button', { name: 'All', exact: true }).click();
      assert.match(await textOf(page.getByRole('row').filter({ hasText: name })), /Revoked/);
      assert.equal(await page.getByText(token).count(), 0, 'the token text is not shown again');

      await page.getByRole('tab', { name: 'Agents' }).click();
      await page.getByRole('textbox', { name: 'Host name or hardware id' }).waitFor();
    });
  });
});
