// Browser journeys of the monitoring dashboard on the overview. Environment: see console.e2e.test.mjs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { managedDevicesGroupId, withAdminApi } from './adminApi.mjs';
import { adminPassword, baseUrl, inBrowser, resetConsoleSettings, screenshotDir, signIn, waitForOverview } from './browser.mjs';

/** Puts the admin's dashboard layout to `layout` and keeps the other settings. */
async function setDashboardLayout(layout) {
  await withAdminApi(async (api) => {
    const settings = (await api.get('/me/settings')).body;
    const saved = await api.put('/me/settings', { ...settings, dashboardLayout: layout });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
  });
}

/** The Network Agent's runnable jar, built by `mvn install -pl agent`, or undefined. */
async function agentJar() {
  const target = fileURLToPath(new URL('../../../../../agent/target/', import.meta.url));
  try {
    const jar = (await readdir(target)).find((name) => /^garrison-agent-.*-all\.jar$/.test(name));
    return jar ? join(target, jar) : undefined;
  } catch {
    return undefined;
  }
}

const simulatedAgents = 6;

/**
 * Enrolls simulated Network Agents (the agent's own `simulate` command, as a load test would) into a new group and
 * waits until every one has reported its inventory, managed applications included: the only way devices get
 * applications is an agent's report. Returns what to clean up.
 */
async function simulatedFleet(jar, stamp) {
  const fleet = { output: [] };
  await withAdminApi(async (api) => {
    const group = await api.post('/groups', { parentId: managedDevicesGroupId, name: `${stamp} group` });
    assert.equal(group.status, 201, JSON.stringify(group.body));
    fleet.group = group.body;
    const token = await api.post('/enrollment-tokens', { name: `${stamp} token`, groupId: fleet.group.id, maxUses: simulatedAgents });
    assert.equal(token.status, 201, JSON.stringify(token.body));
    fleet.token = token.body;
  });
  const gateway = new URL(/--server (\S+)/.exec(fleet.token.enrollCommand)[1]);
  gateway.hostname = new URL(baseUrl).hostname;
  fleet.dataDir = await mkdtemp(join(tmpdir(), 'garrison-e2e-agents-'));
  fleet.process = spawn(
    'java',
    ['-jar', jar, 'simulate', '--server', gateway.toString(), '--token', fleet.token.token, '--count', String(simulatedAgents), '--seed', '7', '--spread', '1', '--data-dir', fleet.dataDir, '--duration', '300'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  fleet.process.stdout.on('data', (chunk) => fleet.output.push(String(chunk)));
  fleet.process.stderr.on('data', (chunk) => fleet.output.push(String(chunk)));
  await withAdminApi(async (api) => {
    for (let attempt = 0; ; attempt++) {
      const devices = await api.get(`/devices?group=${fleet.group.id}&limit=100`);
      if (devices.body.total === simulatedAgents && devices.body.items.every((device) => device.activity?.lastUpdate)) {
        break;
      }
      assert.ok(attempt < 120, `the simulated agents report within two minutes: ${JSON.stringify(devices.body.total)} devices; ${fleet.output.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });
  return fleet;
}

async function removeFleet(fleet) {
  fleet.process?.kill();
  await withAdminApi(async (api) => {
    if (fleet.token) {
      await api.delete(`/enrollment-tokens/${fleet.token.id}`);
    }
    if (fleet.group) {
      const devices = await api.get(`/devices?group=${fleet.group.id}&limit=100`);
      const deviceIds = devices.body.items.map((device) => device.id);
      if (deviceIds.length > 0) {
        // out of the group, then (from "Unassigned devices") deleted
        await api.post('/devices/bulk/delete', { deviceIds });
        await api.post('/devices/bulk/delete', { deviceIds });
      }
      await api.delete(`/groups/${fleet.group.id}?mode=empty-only`);
    }
  });
  if (fleet.dataDir) {
    await rm(fleet.dataDir, { recursive: true, force: true });
  }
}

/** Elements wider than the page or than the widget they are in: sideways overflow. */
async function overflows(page) {
  return page.evaluate(() => {
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      found.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    }
    for (const card of document.querySelectorAll('[data-testid^="dashboard-widget-"]')) {
      const body = card.querySelector('.pf-v6-c-card__body') ?? card;
      if (body.scrollWidth > body.clientWidth + 1) {
        found.push(`${card.getAttribute('data-testid')} ${body.scrollWidth} > ${body.clientWidth}`);
      }
    }
    return found;
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

  test('the protection and licence widgets show what the agents report, and fit the screen', async (t) => {
    const jar = await agentJar();
    if (!jar) {
      t.skip('the Network Agent is not built (mvn install -pl agent): this test enrolls simulated agents');
      return;
    }
    await setDashboardLayout({ version: 1, widgets: [{ widget: 'device-status' }] });
    const fleet = await simulatedFleet(jar, `e2e-dashboard-${Date.now()}`);
    try {
      const inGroup = await withAdminApi((api) => api.get(`/device-applications?group=${fleet.group.id}`));
      assert.equal(inGroup.status, 200, JSON.stringify(inGroup.body));
      const protection = inGroup.body.items.find((item) => item.applicationId === 'endpoint-protection');
      assert.ok(protection && protection.devices > 0, `the simulated machines run endpoint protection: ${JSON.stringify(inGroup.body)}`);
      assert.equal(protection.licences.keys.length, protection.devices - protection.licences.withoutKey, 'each simulated machine has a key of its own');
      for (const key of protection.licences.keys) {
        assert.match(key.key, /^…[0-9A-F]{5}$/, 'keys are masked to their last five characters');
      }
      // the dashboard counts the whole fleet the admin sees
      const fleetWide = (await withAdminApi((api) => api.get('/device-applications'))).body.items.find((item) => item.applicationId === 'endpoint-protection');

      await inBrowser('dashboard-applications', async (page) => {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(`${baseUrl}/console/overview`);
        await signIn(page);
        await waitForOverview(page);
        await page.getByRole('button', { name: 'Customise' }).click();
        await page.getByLabel('Widget to add').selectOption({ label: 'Protection status' });
        await page.getByRole('button', { name: 'Add widget' }).click();
        await page.getByLabel('Widget to add').selectOption({ label: 'Licence usage' });
        await page.getByRole('button', { name: 'Add widget' }).click();
        await page.getByRole('button', { name: 'Done' }).click();

        const protectionWidget = page.getByTestId('dashboard-widget-protection-status');
        const devicesLink = protectionWidget.getByRole('link', { name: `Endpoint Protection: ${fleetWide.devices} device${fleetWide.devices === 1 ? '' : 's'}` });
        await devicesLink.waitFor();
        assert.equal(await devicesLink.getAttribute('href'), '/console/devices?app=endpoint-protection');
        await protectionWidget.getByTestId('protection-chart').locator('svg').waitFor();
        const onCell = protectionWidget.getByRole('row', { name: /Endpoint Protection/ }).getByRole('cell').first();
        assert.equal((await onCell.textContent()).trim(), String(fleetWide.realTimeProtection.ON ?? 0));

        const licenceWidget = page.getByTestId('dashboard-widget-licence-usage');
        const counts = licenceWidget.getByTestId('licences-endpoint-protection');
        await counts.waitFor();
        assert.equal((await counts.getByTestId('licences-endpoint-protection-withoutKey').textContent()).trim(), String(fleetWide.licences.withoutKey));
        assert.equal((await counts.getByTestId('licences-endpoint-protection-valid').textContent()).trim(), String(fleetWide.licences.valid));
        await counts.getByRole('grid').getByText(fleetWide.licences.keys[0].key, { exact: true }).waitFor();

        for (const [width, height] of [
          [1280, 800],
          [1920, 1080],
        ]) {
          await page.setViewportSize({ width, height });
          await licenceWidget.scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(screenshotDir, `dashboard-applications-${width}x${height}.png`) });
          await protectionWidget.screenshot({ path: join(screenshotDir, `dashboard-protection-${width}x${height}.png`) });
          await licenceWidget.screenshot({ path: join(screenshotDir, `dashboard-licences-${width}x${height}.png`) });
          assert.deepEqual(await overflows(page), [], `nothing overflows sideways at ${width}×${height}`);
        }

        await devicesLink.click();
        await page.waitForURL(/\/console\/devices\?app=endpoint-protection$/);
      });
    } finally {
      await removeFleet(fleet);
    }
  });
});
