// Browser journeys of the revision history, the deleted objects and the audit log. Environment: see
// console.e2e.test.mjs. A fresh server has no groups of its own: the journeys create them through the API.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import { managedDevicesGroupId, withAdminApi } from './adminApi.mjs';
import { adminPassword, baseUrl, inBrowser, resetConsoleSettings, screenshotDir, signIn } from './browser.mjs';

/** A group created and deleted through the API, so that it waits in the deleted objects. */
async function deletedGroup(name) {
  return withAdminApi(async (api) => {
    const created = await api.post('/groups', { parentId: managedDevicesGroupId, name });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const deleted = await api.delete(`/groups/${created.body.id}`);
    assert.equal(deleted.status, 204, JSON.stringify(deleted.body));
    return created.body;
  });
}

describe('revision history and deleted objects', { concurrency: false }, () => {
  before(async () => {
    assert.ok(adminPassword, 'set GARRISON_ADMIN_PASSWORD to the password of the admin account');
    await mkdir(screenshotDir, { recursive: true });
    await resetConsoleSettings();
  });

  test('restore a deleted group from the deleted objects, then find the restore in its revision history', async () => {
    const name = `E2E restored ${Date.now()}`;
    const group = await deletedGroup(name);

    await inBrowser('history-restore-deleted-group', async (page) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${baseUrl}/console/deleted-objects?objectType=administration-group`);
      await signIn(page);
      await page.getByRole('heading', { level: 1, name: 'Deleted objects' }).waitFor();
      const row = page.getByTestId(`deleted-${name}`);
      await row.waitFor();

      await row.getByRole('button', { name: `Snapshot of ${name}` }).click();
      let dialog = page.getByRole('dialog');
      assert.equal(JSON.parse(await dialog.getByTestId('snapshot').textContent()).id, group.id);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      await row.getByRole('button', { name: `Restore ${name}` }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
      await page.getByText(`${name} restored`).waitFor();
      await row.waitFor({ state: 'detached' });
      await page.screenshot({ path: `${screenshotDir}/deleted-objects-restored-1280.png` });

      const back = await withAdminApi((api) => api.get(`/groups/${group.id}`));
      assert.equal(back.status, 200, 'the group exists again');
      assert.equal(back.body.name, name);

      await page.getByTestId('deleted-outcome').getByRole('link', { name: 'Revision history' }).click();
      await page.getByRole('heading', { level: 1, name: 'Revision history' }).waitFor();
      assert.match(page.url(), new RegExp(`objectId=${group.id}`));
      const table = page.getByTestId('revisions-table');
      const restoredRow = table.getByRole('row').filter({ hasText: 'restored' }).first();
      await restoredRow.waitFor();
      await restoredRow.getByRole('button', { name: /^Changes of revision/ }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByTestId('revision-diff').waitFor();
      await page.screenshot({ path: `${screenshotDir}/history-restored-revision-1280.png` });
      await dialog.getByRole('tab', { name: 'Snapshot' }).click();
      assert.equal(JSON.parse(await dialog.getByTestId('snapshot').textContent()).name, name);
      assert.match(page.url(), /view=snapshot/);
    });

    const revisions = await withAdminApi((api) => api.get(`/revisions?objectType=administration-group&objectId=${group.id}`));
    assert.equal(revisions.status, 200);
    assert.equal(revisions.body.items[0].action, 'restored', 'the newest revision records the restore');
  });

  test('find the deletion in the audit log by the object, and export the same entries', async () => {
    const name = `E2E audited ${Date.now()}`;
    const group = await deletedGroup(name);

    await inBrowser('audit-log-object', async (page) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${baseUrl}/console/audit-log?objectId=${group.id}`);
      await signIn(page);
      await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
      const table = page.getByTestId('audit-table');
      await table.getByText('DELETE /groups/{id}').waitFor();
      assert.equal(await page.getByLabel('Object id').inputValue(), group.id);

      await page.getByLabel('Outcome').selectOption('success');
      await page.waitForURL(/outcome=success/);
      const exportLink = page.getByRole('link', { name: 'Export CSV' });
      await page.locator('a[href*="outcome=success"]', { hasText: 'Export CSV' }).waitFor();
      const href = await exportLink.getAttribute('href');
      assert.match(href, new RegExp(`objectId=${group.id}`));
      assert.match(href, /outcome=success/);
      const csv = await page.request.get(`${baseUrl}${href}`);
      assert.equal(csv.status(), 200);
      const lines = (await csv.text()).trim().split('\r\n');
      assert.match(lines[0], /^id,at,actorKind/);
      assert.ok(lines.slice(1).some((line) => line.includes('DELETE /groups/{id}')), 'the export holds the deletion');
      await page.screenshot({ path: `${screenshotDir}/audit-log-1280.png` });
    });
  });
});
