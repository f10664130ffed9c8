// Browser journey of policies: a plugin JAR with a settings schema (built here) is installed through the API, then a
// policy is created for a new group in the console, a setting changed and locked, saved and seen again after a reload,
// a value the schema refuses is answered at its field, and a profile with a rule is added. The list takes in the
// policies of subgroups unless switched off, and an administrator of the group alone (no plugins.read) edits the
// policy with the form drawn from the schema. Everything is removed again (the account, the plugin with its data).
// Environment: see console.e2e.test.mjs.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { managedDevicesGroupId, withAdminApi } from './adminApi.mjs';
import { adminLogin, adminPassword, baseUrl, inBrowser, request, resetConsoleSettings, screenshotDir, signIn, textOf } from './browser.mjs';

// fflate is a dev dependency of the web package, not of this folder.
const { strToU8, zipSync } = createRequire(new URL('../../main/web/package.json', import.meta.url))('fflate');

const pluginId = 'e2e-policies';
const operatorPrefix = 'e2e-policies-operator-';
/** The built-in role "Administrator": granted on a group, it holds policies.write there but not plugins.read. */
const administratorRole = '00000000-0000-0000-0000-00000000a002';
const version = '1.0.0';

const descriptor = { id: pluginId, name: 'E2E policies', vendor: 'Garrison tests', version, settingsSchema: 'settings.json' };

const settingsSchema = {
  type: 'object',
  properties: {
    realtime: { type: 'boolean', title: 'Real-time protection', default: true },
    scan: {
      type: 'object',
      title: 'Scan',
      properties: {
        interval: { type: 'integer', title: 'Interval (minutes)', minimum: 5, maximum: 1440 },
        level: { enum: ['low', 'recommended', 'high'], title: 'Level' },
      },
    },
  },
};

/** A plugin JAR without classes: a manifest naming the plugin, its descriptor and its settings schema. */
function pluginJar() {
  const manifest = [
    'Manifest-Version: 1.0',
    'Bundle-ManifestVersion: 2',
    `Bundle-SymbolicName: org.garrison.e2e.${pluginId}`,
    `Bundle-Version: ${version}`,
    'Bundle-Name: E2E policies',
    `Garrison-Plugin: ${pluginId};version=${version}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.from(
    zipSync({
      'META-INF/MANIFEST.MF': strToU8(manifest),
      'GARRISON-INF/plugin.json': strToU8(JSON.stringify(descriptor)),
      'GARRISON-INF/schemas/settings.json': strToU8(JSON.stringify(settingsSchema)),
    }),
  );
}

/** Installs the plugin: the JAR as the raw body of `POST /plugins`, which the JSON helper of adminApi cannot send. */
async function installPlugin() {
  const api = await request.newContext({ ignoreHTTPSErrors: true });
  try {
    const signedIn = await api.post(`${baseUrl}/api/v1/session`, { data: { login: adminLogin, password: adminPassword } });
    assert.equal(signedIn.status(), 201, await signedIn.text());
    const token = (await signedIn.json()).csrfToken;
    const installed = await api.post(`${baseUrl}/api/v1/plugins?fileName=${pluginId}.jar`, {
      headers: { 'X-CSRF-Token': token, 'Content-Type': 'application/java-archive' },
      data: pluginJar(),
    });
    const body = await installed.json();
    assert.ok([200, 201].includes(installed.status()), JSON.stringify(body));
    assert.equal(body.state, 'active', JSON.stringify(body));
    await api.delete(`${baseUrl}/api/v1/session`, { headers: { 'X-CSRF-Token': token } });
  } finally {
    await api.dispose();
  }
}

/** Removes what this test (or an interrupted earlier run) made: its account, policies, group, the plugin with its data. */
async function removeLeftovers(api, groupId) {
  const accounts = await api.get('/accounts?limit=1000');
  assert.equal(accounts.status, 200, JSON.stringify(accounts.body));
  for (const account of accounts.body.items.filter((candidate) => candidate.login.startsWith(operatorPrefix))) {
    const deleted = await api.delete(`/accounts/${account.id}`);
    assert.equal(deleted.status, 204, JSON.stringify(deleted.body));
  }
  const policies = await api.get(`/policies?application=${pluginId}&limit=1000`);
  if (policies.status === 200) {
    for (const policy of policies.body.items) {
      const deleted = await api.delete(`/policies/${policy.id}`);
      assert.equal(deleted.status, 204, JSON.stringify(deleted.body));
    }
  }
  if (groupId) {
    await api.delete(`/groups/${groupId}`);
  }
  const existing = await api.get(`/plugins/${pluginId}`);
  if (existing.status === 200) {
    const removed = await api.delete(`/plugins/${pluginId}?purge=true`);
    assert.equal(removed.status, 204, JSON.stringify(removed.body));
  }
}

/** Signs in on the sign-in page shown as someone other than the admin, accepting the legal terms if asked. */
async function signInAs(page, login, password) {
  await page.getByRole('heading', { name: 'Sign in to Garrison' }).waitFor();
  await page.locator('#sign-in-login').fill(login);
  await page.locator('#sign-in-password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const frame = page.getByRole('navigation', { name: 'Main navigation' });
  const terms = page.getByRole('button', { name: 'Accept', exact: true });
  await Promise.race([frame.waitFor(), terms.waitFor()]);
  if (await terms.isVisible()) {
    await terms.click();
  }
  await frame.waitFor();
}

describe('policies', { concurrency: false }, () => {
  const fixture = { group: undefined };

  before(async () => {
    assert.ok(adminPassword, 'set GARRISON_ADMIN_PASSWORD to the password of the admin account');
    await mkdir(screenshotDir, { recursive: true });
    await resetConsoleSettings();
    await withAdminApi((api) => removeLeftovers(api));
    await installPlugin();
    await withAdminApi(async (api) => {
      const group = await api.post('/groups', { parentId: managedDevicesGroupId, name: `e2e-policies-${Date.now()}` });
      assert.equal(group.status, 201, JSON.stringify(group.body));
      fixture.group = group.body;
    });
  });

  after(async () => {
    await withAdminApi((api) => removeLeftovers(api, fixture.group?.id));
  });

  test('create a policy for a group, change and lock a setting, see a server validation error, add a profile', async () => {
    await inBrowser('policies-journey', async (page) => {
      await page.goto(`${baseUrl}/console/groups/${fixture.group.id}`);
      await signIn(page);
      await page.getByRole('heading', { level: 1, name: fixture.group.name }).waitFor();

      // The group's Policies section creates a policy for the group.
      await page.getByRole('button', { name: 'Create policy for this group' }).click();
      const create = page.getByRole('dialog', { name: 'Create a policy' });
      assert.equal(await create.getByLabel('Application').inputValue(), pluginId);
      await create.getByLabel('Name').fill('E2E baseline');
      await create.getByLabel('State').selectOption('ACTIVE');
      await create.getByRole('button', { name: 'Create and edit' }).click();
      await page.getByRole('heading', { level: 1, name: 'E2E baseline' }).waitFor();
      assert.match(page.url(), /\/console\/policies\/[0-9a-f-]{36}$/);
      const editorUrl = page.url();

      // Change a setting and lock it; saved, it is there again after a reload.
      const settings = page.getByRole('form', { name: 'Settings' });
      const interval = settings.getByRole('textbox', { name: 'Interval (minutes)' });
      await interval.fill('45');
      await settings.getByRole('button', { name: 'Lock Interval (minutes)' }).click();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Saved as revision 2').waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'E2E baseline' }).waitFor();
      assert.equal(await page.getByRole('form', { name: 'Settings' }).getByRole('textbox', { name: 'Interval (minutes)' }).inputValue(), '45');
      assert.equal(await page.getByRole('button', { name: 'Lock Interval (minutes)' }).getAttribute('aria-pressed'), 'true');

      // A value the plugin's schema refuses: the server's message shows at the field, nothing is saved.
      const reloadedInterval = page.getByRole('form', { name: 'Settings' }).getByRole('textbox', { name: 'Interval (minutes)' });
      await reloadedInterval.fill('1');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('The server refused the change: 1 problem, shown at its field').waitFor();
      assert.equal(await reloadedInterval.getAttribute('aria-invalid'), 'true');
      assert.match(await textOf(page.getByText('must have a minimum value of 5')), /minimum value of 5/);
      await reloadedInterval.fill('60');

      // A profile for laptops that scans at a higher level, added and saved with the policy.
      await page.getByRole('button', { name: 'Add profile' }).click();
      const profile = page.getByRole('dialog', { name: 'Add a profile' });
      await profile.getByLabel('Name').fill('Laptops');
      await profile.getByRole('textbox', { name: 'New value for Rule 1' }).fill('laptop');
      await profile.getByRole('textbox', { name: 'New value for Rule 1' }).press('Enter');
      await profile.getByRole('combobox', { name: 'Level' }).selectOption('high');
      await profile.getByRole('button', { name: 'Apply' }).click();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Saved as revision 3').waitFor();
      const row = page.getByTestId('profile-row-0');
      assert.equal(await textOf(row.locator('td').nth(1)), 'Laptops');
      assert.match(await textOf(row.locator('td').nth(3)), /Tag: laptop/);

      // The policies list shows it in the group, active.
      await page.goto(`${baseUrl}/console/policies?group=${fixture.group.id}`);
      const listed = page.getByRole('link', { name: 'E2E baseline' });
      await listed.waitFor();
      assert.equal(new URL(await listed.evaluate((link) => link.href)).href, editorUrl);
      assert.equal(await textOf(page.locator('tr', { has: listed }).getByText('Active', { exact: true })), 'Active');
    });

    const stored = await withAdminApi((api) => api.get(`/policies?group=${fixture.group.id}`));
    assert.equal(stored.body.items.length, 1);
    const [policy] = stored.body.items;
    assert.deepEqual(policy.settings, { scan: { interval: 60 } });
    assert.deepEqual(policy.lockedSettings, ['scan/interval']);
    assert.deepEqual(policy.profiles.map((profile) => [profile.name, profile.settings, profile.rules]), [
      ['Laptops', { scan: { level: 'high' } }, [{ attribute: 'TAG', values: ['laptop'] }]],
    ]);
  });

  test('the list takes in the policies of the groups below a group unless switched off, kept in the address', async () => {
    await inBrowser('policies-subgroups', async (page) => {
      await page.goto(`${baseUrl}/console/policies?application=${pluginId}&group=${managedDevicesGroupId}`);
      await signIn(page);
      // The policy is in a group below "Managed devices".
      await page.getByRole('link', { name: 'E2E baseline' }).waitFor();
      const subgroups = page.getByRole('switch', { name: 'Include subgroups' });
      assert.equal(await subgroups.isChecked(), true);
      await subgroups.click({ force: true });
      await page.getByText('No policy matches these filters.').waitFor();
      assert.equal(new URL(page.url()).searchParams.get('subtree'), 'false');
      await page.reload();
      await page.getByText('No policy matches these filters.').waitFor();
      assert.equal(await page.getByRole('switch', { name: 'Include subgroups' }).isChecked(), false);
    });
  });

  test('an administrator of the group alone, without plugins.read, edits the policy with the form of the schema', async () => {
    const login = `${operatorPrefix}${Date.now()}`;
    const password = `Operator-${Date.now()}-passphrase!`;
    const policy = await withAdminApi(async (api) => {
      const account = await api.post('/accounts', {
        login,
        password,
        mustChangePassword: false,
        grants: [{ roleId: administratorRole, groupId: fixture.group.id }],
      });
      assert.equal(account.status, 201, JSON.stringify(account.body));
      return (await api.get(`/policies?group=${fixture.group.id}`)).body.items[0];
    });

    await inBrowser('policies-operator', async (page) => {
      await page.goto(`${baseUrl}/console/policies/${policy.id}`);
      await signInAs(page, login, password);
      await page.getByRole('heading', { level: 1, name: 'E2E baseline' }).waitFor();
      const interval = page.getByRole('form', { name: 'Settings' }).getByRole('textbox', { name: 'Interval (minutes)' });
      assert.equal(await interval.inputValue(), '60');
      assert.equal(await page.getByText(/settings are shown as JSON/).count(), 0);
      // The group is at the top of the operator's tree, but its parent is only outside the operator's groups.
      await page.getByText(/the parent group, which is outside your groups/).waitFor();
      await interval.fill('90');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText(`Saved as revision ${policy.revision + 1}`).waitFor();
    });

    const stored = await withAdminApi((api) => api.get(`/policies/${policy.id}`));
    assert.deepEqual(stored.body.settings, { scan: { interval: 90 } });
  });
});
