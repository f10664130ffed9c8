// Browser journeys of the monitoring dashboard on the overview. Environment: see console.e2e.test.mjs.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { withAdminApi } from './adminApi.mjs';
import { adminPassword, baseUrl, inBrowser, resetConsoleSettings, screenshotDir, signIn, waitForOverview } from './browser.mjs';

/** Puts the admin's dashboard layout to `layout` and keeps the other settings. */
async function setDashboardLayout(layout) {
  await withAdminApi(async (api) => {
    const settings = (await api.get('/me/settings')).body;
    const saved = await api.put('/me/settings', { ...settings, dashboardLayout: layout });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
  });
}

describe('monitoring dashboard', { concurrency: false }, () => {
  before(async () => {
    assert.ok(adminPassword, 'set GARRISON_ADMIN_PASSWORD to the password of the admin account');
    await mkdir(screenshotDir, { recursive: true });
    await resetConsoleSettings();
    await setDashboardLayout({ version: 1, widgets: [{ widget: 'device-status' }] });
  });

  after(async () => {
    await setDashboardLayout([]);
  });

  test('a widget added to the dashboard is still there after a reload', async () => {
    await inBrowser('dashboard-add-widget', async (page) => {
      await page.goto(`${baseUrl}/console/overview`);
      await signIn(page);
      await waitForOverview(page);
      await page.getByTestId('dashboard-widget-device-status').waitFor();
      assert.equal(await page.getByTestId('dashboard-widget-not-seen').count(), 0);

      await page.getByRole('button', { name: 'Customise' }).click();
      await page.getByLabel('Widget to add').selectOption({ label: 'Devices not seen recently' });
      await page.getByRole('button', { name: 'Add widget' }).click();
      await page.getByTestId('dashboard-widget-not-seen').waitFor();
      await page.getByRole('button', { name: 'Done' }).click();

      // Saving is asynchronous: wait until the server has the new layout before reloading.
      for (let attempt = 0; attempt < 20; attempt++) {
        const stored = await withAdminApi((api) => api.get('/me/settings'));
        if (JSON.stringify(stored.body.dashboardLayout).includes('not-seen')) {
          break;
        }
        await page.waitForTimeout(250);
      }
      await page.reload();
      await waitForOverview(page);
      await page.getByTestId('dashboard-widget-not-seen').waitFor();
      await page.getByTestId('dashboard-widget-device-status').waitFor();
    });
  });
});
