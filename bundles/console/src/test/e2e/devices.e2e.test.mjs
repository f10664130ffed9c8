// Browser journey through the devices area, against a running Garrison server (see console.e2e.test.mjs for the
// environment variables). It creates what it needs through the API (two devices, a group) and removes it after.
//
// GARRISON_E2E_TIMINGS=1 also prints the devices page's round trips to the server (first page, filter, next page).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { adminLogin, adminPassword, baseUrl, inBrowser, request, resetConsoleSettings, screenshotDir, signIn, textOf } from './browser.mjs';

const managedDevices = '00000000-0000-0000-0000-000000000001';
const stamp = `e2e-${Date.now().toString(36)}`;
const fixture = { group: undefined, devices: [] };

/** A signed-in API context with the session's CSRF token, for seeding and checking. */
async function adminApi() {
  const api = await request.newContext({ ignoreHTTPSErrors: true });
  const signedIn = await api.post(`${baseUrl}/api/v1/session`, { data: { login: adminLogin, password: adminPassword } });
  assert.equal(signedIn.status(), 201, `the admin can sign in: ${await signedIn.text()}`);
  const headers = { 'X-CSRF-Token': (await signedIn.json()).csrfToken };
  const call = async (method, path, data) => {
    const response = await api.fetch(`${baseUrl}/api/v1${path}`, { method, headers, ...(data === undefined ? {} : { data }) });
    const text = await response.text();
    return { status: response.status(), body: text ? JSON.parse(text) : undefined };
  };
  return { call, dispose: () => api.dispose() };
}

/** Server round trips of the device listing seen by the page, with their duration as the browser measured it. */
function watchListings(page) {
  const seen = [];
  page.on('requestfinished', (finished) => {
    const url = new URL(finished.url());
    if (url.pathname === '/api/v1/devices' && finished.method() === 'GET') {
      const timing = finished.timing();
      seen.push({ query: url.search, ms: Math.round(timing.responseEnd - timing.requestStart) });
    }
  });
  return seen;
}

describe('devices area', { concurrency: false }, () => {
  before(async () => {
    assert.ok(adminPassword, 'set GARRISON_ADMIN_PASSWORD to the password of the admin account');
    await mkdir(screenshotDir, { recursive: true });
    await resetConsoleSettings();
    const api = await adminApi();
    try {
      const group = await api.call('POST', '/groups', { parentId: managedDevices, name: `${stamp} group` });
      assert.equal(group.status, 201, `group created: ${JSON.stringify(group.body)}`);
      fixture.group = group.body;
      for (const suffix of ['alpha', 'beta']) {
        const device = await api.call('POST', '/devices', { name: `${stamp}-${suffix}` });
        assert.equal(device.status, 201, `device registered: ${JSON.stringify(device.body)}`);
        fixture.devices.push(device.body);
      }
    } finally {
      await api.dispose();
    }
  });

  after(async () => {
    const api = await adminApi();
    try {
      // Removing twice: from a managed group a device goes back to "Unassigned devices", from there it is deleted.
      for (const device of fixture.devices) {
        for (let attempt = 0; attempt < 2; attempt++) {
          await api.call('DELETE', `/devices/${device.id}`);
        }
      }
      if (fixture.group) {
        await api.call('DELETE', `/groups/${fixture.group.id}?mode=with-members`);
      }
    } finally {
      await api.dispose();
    }
  });

  test('filter the devices, move one into a group in bulk, and edit its description on its page', async () => {
    const [alpha, beta] = fixture.devices;
    await inBrowser('devices-journey', async (page) => {
      const listings = watchListings(page);
      await page.goto(`${baseUrl}/console/devices`);
      await signIn(page);
      await page.getByRole('heading', { level: 1, name: 'Devices' }).waitFor();
      await page.getByTestId('devices-count').filter({ hasText: /\d+ devices?/ }).waitFor();

      await page.getByLabel('Search devices by name, IP or MAC address').fill(stamp);
      await page.waitForURL((url) => url.searchParams.get('q') === stamp);
      const table = page.getByRole('grid', { name: 'Devices' });
      await table.getByRole('link', { name: alpha.displayName }).waitFor();
      await table.getByRole('link', { name: beta.displayName }).waitFor();
      assert.match(await textOf(page.getByTestId('devices-count')), /^2 devices, 0 selected$/);

      await page.getByRole('checkbox', { name: `Select ${alpha.displayName}` }).check();
      assert.match(await textOf(page.getByTestId('devices-count')), /^2 devices, 1 selected$/);
      await page.getByRole('button', { name: 'Move to group' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Target group').selectOption({ label: `Managed devices / ${stamp} group` });
      await dialog.getByRole('button', { name: 'Move to group' }).click();
      await page.getByText('Moved 1 of 1 devices').waitFor();
      const alphaRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: alpha.displayName }) });
      await alphaRow.getByText(`${stamp} group`, { exact: true }).waitFor();

      // The filters are in the URL: opening it again shows the same list.
      await page.reload();
      await table.getByRole('link', { name: beta.displayName }).waitFor();
      await alphaRow.getByText(`${stamp} group`, { exact: true }).waitFor();
      assert.equal(await page.getByLabel('Search devices by name, IP or MAC address').inputValue(), stamp);

      for (const [width, height] of [
        [1280, 800],
        [1920, 1080],
      ]) {
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: join(screenshotDir, `devices-list-${width}x${height}.png`) });
      }

      await table.getByRole('link', { name: alpha.displayName }).click();
      await page.getByRole('heading', { level: 1, name: alpha.displayName }).waitFor();
      await page.getByText(`Managed devices / ${stamp} group`).waitFor();
      await page.getByRole('button', { name: 'Edit' }).click();
      const form = page.getByRole('form', { name: "Administrator's fields" });
      await form.getByLabel('Description').fill('Front desk, set by the e2e test');
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByText('The changes are saved').waitFor();
      assert.equal(await textOf(page.getByTestId('device-description')), 'Front desk, set by the e2e test');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: alpha.displayName }).waitFor();
      assert.equal(await textOf(page.getByTestId('device-description')), 'Front desk, set by the e2e test');
      for (const [width, height] of [
        [1280, 800],
        [1920, 1080],
      ]) {
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: join(screenshotDir, `device-detail-${width}x${height}.png`) });
      }

      if (process.env.GARRISON_E2E_TIMINGS) {
        console.log(JSON.stringify({ deviceListings: listings }, null, 1));
      }
    });

    const api = await adminApi();
    try {
      const saved = await api.call('GET', `/devices/${alpha.id}`);
      assert.equal(saved.body.description, 'Front desk, set by the e2e test');
      assert.equal(saved.body.groupId, fixture.group.id);
      const untouched = await api.call('GET', `/devices/${beta.id}`);
      assert.notEqual(untouched.body.groupId, fixture.group.id);
    } finally {
      await api.dispose();
    }
  });
});
