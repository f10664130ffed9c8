// Browser journeys of the events page. Environment: see console.e2e.test.mjs.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import { withAdminApi } from './adminApi.mjs';
import { adminPassword, baseUrl, inBrowser, resetConsoleSettings, screenshotDir, signIn, textOf } from './browser.mjs';

describe('events', { concurrency: false }, () => {
  before(async () => {
    assert.ok(adminPassword, 'set GARRISON_ADMIN_PASSWORD to the password of the admin account');
    await mkdir(screenshotDir, { recursive: true });
    await resetConsoleSettings();
  });

  test('open the events with a filter from the URL, narrow them by severity, and see an event with its payload', async () => {
    const type = `e2e-check-${Date.now()}`;
    const now = Date.now();
    await withAdminApi(async (api) => {
      const submitted = await api.post('/events', [
        { occurredAt: new Date(now - 60_000).toISOString(), source: 'core', type, severity: 'critical', description: 'E2E critical event', payload: { attempt: 2 } },
        { occurredAt: new Date(now - 120_000).toISOString(), source: 'core', type, severity: 'info', description: 'E2E info event' },
      ]);
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    });

    await inBrowser('events-filter', async (page) => {
      await page.goto(`${baseUrl}/console/events?type=${type}`);
      await signIn(page);
      await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
      const table = page.getByTestId('events-table');
      await table.getByText('E2E critical event').waitFor();
      await table.getByText('E2E info event').waitFor();
      assert.equal(await page.getByLabel('Type').inputValue(), type);

      await page.getByRole('button', { name: 'Critical', exact: true }).click();
      await table.getByText('E2E info event').waitFor({ state: 'detached' });
      assert.match(page.url(), /severity=critical/);
      assert.match(page.url(), new RegExp(`type=${type}`));
      const exportHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
      assert.match(exportHref, /severity=critical/);

      await table.getByRole('row').filter({ hasText: 'E2E critical event' }).getByRole('button', { name: /Details of/ }).click();
      const dialog = page.getByRole('dialog');
      assert.deepEqual(JSON.parse(await textOf(dialog.getByTestId('event-payload'))), { attempt: 2 });
      assert.match(page.url(), /event=/, 'the open event is part of the URL');
    });
  });
});
