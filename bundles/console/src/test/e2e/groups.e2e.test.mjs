// Browser journeys of the administration groups. Environment: see console.e2e.test.mjs.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import { managedDevicesGroupId, withAdminApi } from './adminApi.mjs';
import { adminPassword, baseUrl, inBrowser, resetConsoleSettings, screenshotDir, signIn, textOf } from './browser.mjs';

describe('administration groups', { concurrency: false }, () => {
  before(async () => {
    assert.ok(adminPassword, 'set GARRISON_ADMIN_PASSWORD to the password of the admin account');
    await mkdir(screenshotDir, { recursive: true });
    await resetConsoleSettings();
  });

  test('create a group, rename it, move it under another group, then delete it', async () => {
    const suffix = Date.now();
    const name = `E2E group ${suffix}`;
    const renamed = `E2E renamed ${suffix}`;
    const parentName = `E2E parent ${suffix}`;
    const parent = await withAdminApi(async (api) => {
      const created = await api.post('/groups', { parentId: managedDevicesGroupId, name: parentName });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body;
    });

    await inBrowser('groups-journey', async (page) => {
      await page.goto(`${baseUrl}/console/groups`);
      await signIn(page);
      await page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();

      await page.getByRole('button', { name: 'Create group' }).click();
      let dialog = page.getByRole('dialog');
      await dialog.getByLabel('Name').fill(name);
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      await page.getByText(`Group ${name} created`).waitFor();
      const row = (groupName) => page.getByTestId(`group-row-${groupName}`);
      await row(name).waitFor();

      await page.getByRole('button', { name: `Actions of ${name}` }).click();
      await page.getByRole('menuitem', { name: 'Rename' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('Name').fill(renamed);
      await dialog.getByRole('button', { name: 'Rename' }).click();
      await page.getByText(`Group renamed to ${renamed}`).waitFor();
      await row(renamed).waitFor();

      // By keyboard only: open the row's actions, walk down to "Move to…", choose the new parent in a list.
      await page.getByRole('button', { name: `Actions of ${renamed}` }).focus();
      await page.keyboard.press('Enter');
      const moveItem = page.getByRole('menuitem', { name: 'Move to…' });
      for (let step = 0; step < 5 && !(await moveItem.evaluate((item) => item === document.activeElement)); step++) {
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('New parent group').selectOption({ label: `Managed devices / ${parentName}` });
      await dialog.getByRole('button', { name: 'Move', exact: true }).click();
      await page.getByText(`${renamed} moved under Managed devices / ${parentName}`).waitFor();
      // One level deeper, below its new parent (expanded to show it).
      await page.locator(`[data-testid="group-row-${renamed}"][aria-level="3"]`).waitFor();

      const moved = await withAdminApi((api) => api.get('/groups/tree'));
      const parentNode = moved.body[0].children.find((child) => child.id === parent.id);
      assert.deepEqual(
        parentNode.children.map((child) => child.name),
        [renamed],
        'the server has the group under its new parent',
      );

      await page.getByRole('button', { name: `Actions of ${renamed}` }).click();
      await page.getByRole('menuitem', { name: 'Delete' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await page.getByText(`Group ${renamed} deleted`).waitFor();
      await row(renamed).waitFor({ state: 'detached' });

      // The group page of the parent: its details and its device settings.
      await row(parentName).getByRole('link', { name: parentName, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: parentName }).waitFor();
      assert.match(await textOf(page.getByTestId('settings-in-force')), /Inherited from/);
    });

    await withAdminApi(async (api) => {
      const deleted = await api.get('/deleted-objects?objectType=administration-group&limit=50');
      assert.ok(
        deleted.body.items.some((entry) => entry.name === renamed),
        'the deleted group is in the registry of deleted objects',
      );
      assert.equal((await api.delete(`/groups/${parent.id}?mode=with-subgroups`)).status, 204);
    });
  });
});
