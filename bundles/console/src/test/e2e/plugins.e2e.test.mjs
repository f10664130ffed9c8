// Browser journey of plugins: a plugin JAR built here (descriptor, a console page, a device tab) is uploaded on the
// Plugins page, its page opened from the navigation, its device tab shown, then it is stopped and uninstalled.
// Environment: see console.e2e.test.mjs.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { withAdminApi } from './adminApi.mjs';
import { adminLogin, adminPassword, baseUrl, inBrowser, resetConsoleSettings, screenshotDir, signIn, textOf } from './browser.mjs';

// fflate is a dev dependency of the web package, not of this folder.
const { strToU8, zipSync } = createRequire(new URL('../../main/web/package.json', import.meta.url))('fflate');

const pluginId = 'e2e-console';
const pluginName = 'E2E console plugin';
const version = '1.0.0';

const descriptor = {
  id: pluginId,
  name: pluginName,
  vendor: 'Garrison tests',
  version,
  // Its own permission guards its page: the main administrator holds it as soon as the plugin is active.
  permissions: [{ id: `${pluginId}.read`, description: 'See the E2E page' }],
  console: [
    { kind: 'page', id: 'hello', title: 'E2E hello', titles: { de: 'E2E Hallo' }, module: 'hello.js', permission: `${pluginId}.read` },
    { kind: 'navigation', id: 'hello-entry', title: 'E2E hello', titles: { de: 'E2E Hallo' }, module: 'hello' },
    { kind: 'device-tab', id: 'protection', title: 'E2E protection', module: 'tab.js', permission: 'devices.read' },
  ],
};

// A page as a vendor writes it: plain DOM, its own heading, one API call with the admin's session.
const pageModule = `
export async function mount(element, context) {
  const heading = document.createElement('h1');
  heading.textContent = '${pluginName}';
  const who = document.createElement('p');
  who.dataset.testid = 'e2e-plugin-me';
  who.textContent = 'Asking the server…';
  element.append(heading, who);
  const me = await context.api.get('/me');
  who.textContent = 'Signed in as ' + ((me.account && me.account.login) || me.login) + ' (' + context.language + ', ' + context.theme + ')';
}
export function unmount(element) {
  element.replaceChildren();
}
`;

const tabModule = `
export function mount(element, context) {
  const text = document.createElement('p');
  text.dataset.testid = 'e2e-plugin-tab';
  text.textContent = 'Protection of ' + context.deviceId;
  element.append(text);
}
`;

/** The plugin JAR: a bundle without classes whose manifest names the plugin, with its descriptor and modules. */
function pluginJar() {
  const manifest = [
    'Manifest-Version: 1.0',
    'Bundle-ManifestVersion: 2',
    `Bundle-SymbolicName: org.garrison.e2e.${pluginId}`,
    `Bundle-Version: ${version}`,
    `Bundle-Name: ${pluginName}`,
    `Garrison-Plugin: ${pluginId};version=${version}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.from(
    zipSync({
      'META-INF/MANIFEST.MF': strToU8(manifest),
      'GARRISON-INF/plugin.json': strToU8(JSON.stringify(descriptor, null, 2)),
      'GARRISON-INF/console/hello.js': strToU8(pageModule),
      'GARRISON-INF/console/tab.js': strToU8(tabModule),
    }),
  );
}

/** Uninstalls the test plugin (with its data) if an earlier, interrupted run left it behind. */
async function removeLeftovers(api) {
  const existing = await api.get(`/plugins/${pluginId}`);
  if (existing.status === 200) {
    const removed = await api.delete(`/plugins/${pluginId}?purge=true`);
    assert.equal(removed.status, 204, JSON.stringify(removed.body));
  }
}

describe('plugins', { concurrency: false }, () => {
  const fixture = { device: undefined };

  before(async () => {
    assert.ok(adminPassword, 'set GARRISON_ADMIN_PASSWORD to the password of the admin account');
    await mkdir(screenshotDir, { recursive: true });
    await resetConsoleSettings();
    await withAdminApi(async (api) => {
      await removeLeftovers(api);
      const device = await api.post('/devices', { name: `e2e-plugin-${Date.now()}` });
      assert.equal(device.status, 201, `device registered: ${JSON.stringify(device.body)}`);
      fixture.device = device.body;
    });
  });

  after(async () => {
    await withAdminApi(async (api) => {
      await removeLeftovers(api);
      if (fixture.device) {
        // From a managed group a device goes back to "Unassigned devices", from there it is deleted.
        for (let attempt = 0; attempt < 2; attempt++) {
          await api.delete(`/devices/${fixture.device.id}`);
        }
      }
    });
  });

  test('upload a plugin, open its page and its device tab, stop it, then uninstall it with its data', async () => {
    await inBrowser('plugins-journey', async (page) => {
      await page.goto(`${baseUrl}/console/installed-plugins`);
      await signIn(page);
      await page.getByRole('heading', { level: 1, name: 'Plugins' }).waitFor();
      const navigation = page.getByRole('navigation', { name: 'Main navigation' });

      // Upload through the file picker of the upload dialogue.
      await page.getByRole('button', { name: 'Upload plugin' }).click();
      const dialog = page.getByRole('dialog', { name: 'Upload a plugin' });
      await dialog.getByText('At most 64 MB.').waitFor();
      await dialog.locator('input[type="file"]').setInputFiles({ name: `${pluginId}-${version}.jar`, mimeType: 'application/java-archive', buffer: pluginJar() });
      assert.equal(await dialog.getByLabel('Chosen file').inputValue(), `${pluginId}-${version}.jar`);
      await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
      await page.getByText(`${pluginName} ${version} is installed and active`).waitFor();
      const row = page.getByTestId(`plugin-row-${pluginId}`);
      assert.equal(await textOf(row.getByText('Active', { exact: true })), 'Active');
      // The server checked its signature: the test's JAR is not signed, which the default setting only reports.
      assert.equal(await textOf(row.getByText('Unsigned', { exact: true })), 'Unsigned');

      // Its details name what it contributes.
      await row.getByRole('button', { name: pluginName, exact: true }).click();
      await page.getByRole('heading', { level: 2, name: pluginName }).waitFor();
      await page.getByText('Device tab: E2E protection').waitFor();
      await page.getByText('The JAR is not signed').waitFor();
      assert.match(page.url(), new RegExp(`\\?plugin=${pluginId}$`));

      // Its navigation entry opens its page: the module's heading, and what it asked the API.
      await navigation.getByRole('link', { name: 'E2E hello' }).click();
      await page.getByRole('heading', { level: 1, name: pluginName }).waitFor();
      assert.match(page.url(), new RegExp(`/console/applications/${pluginId}/hello$`));
      await page.getByTestId('e2e-plugin-me').getByText(`Signed in as ${adminLogin} (en, `).waitFor();
      // A reload of the deep link shows the page again.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: pluginName }).waitFor();

      // Its tab on a device's page gets the device.
      await page.goto(`${baseUrl}/console/devices/${fixture.device.id}`);
      await page.getByRole('tab', { name: 'E2E protection' }).click();
      assert.equal(await textOf(page.getByTestId('e2e-plugin-tab')), `Protection of ${fixture.device.id}`);
      assert.match(page.url(), new RegExp(`\\?tab=${pluginId}\\.protection$`));

      // Stopped, it contributes nothing: the entry goes without a reload.
      await navigation.getByRole('link', { name: 'Plugins' }).click();
      await page.getByRole('heading', { level: 1, name: 'Plugins' }).waitFor();
      await page.getByRole('button', { name: `Actions of ${pluginName}` }).click();
      await page.getByRole('menuitem', { name: 'Stop' }).click();
      await page.getByText(`${pluginName} is stopped; its data is kept`).waitFor();
      await navigation.getByRole('link', { name: 'E2E hello' }).waitFor({ state: 'detached' });
      assert.equal(await textOf(row.getByText('Stopped', { exact: true })), 'Stopped');

      // Uninstalled with its data, after a confirmation that names it.
      await page.getByRole('button', { name: `Actions of ${pluginName}` }).click();
      await page.getByRole('menuitem', { name: 'Uninstall…' }).click();
      const confirm = page.getByRole('dialog', { name: `Uninstall ${pluginName} (${pluginId})?` });
      await confirm.getByRole('checkbox', { name: 'Also delete its data' }).check();
      await confirm.getByRole('button', { name: 'Uninstall and delete data' }).click();
      await page.getByText(`${pluginName} is uninstalled and its data deleted`).waitFor();
      await row.waitFor({ state: 'detached' });
    });

    const gone = await withAdminApi((api) => api.get(`/plugins/${pluginId}`));
    assert.equal(gone.status, 404, 'the server no longer knows the plugin');
  });

  test('a page of a plugin that is not installed says so', async () => {
    await withAdminApi(removeLeftovers);
    await inBrowser('plugins-missing-page', async (page) => {
      await page.goto(`${baseUrl}/console/applications/${pluginId}/hello`);
      await signIn(page);
      await page.getByRole('heading', { level: 1, name: 'This application page is not available' }).waitFor();
    });
  });
});
