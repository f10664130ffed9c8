// Browser test of the web console against a running Garrison server.
//
//   cd bundles/console/src/main/web && npm run e2e
//
// GARRISON_URL             server to test (default https://localhost:8443; its self-signed certificate is accepted)
// GARRISON_ADMIN_PASSWORD  password of the account `admin` (required; the test server is started with it, so no
//                          password change is forced)
// GARRISON_ADMIN_LOGIN     login to sign in with (default admin)
// CHROMIUM_PATH            browser binary (default /usr/bin/chromium, Debian's package)
//
// Screenshots land in bundles/console/target/e2e/.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

// playwright-core is a dev dependency of the web package, not of this folder.
const { chromium, request } = createRequire(new URL('../../main/web/package.json', import.meta.url))('playwright-core');

const baseUrl = (process.env.GARRISON_URL ?? 'https://localhost:8443').replace(/\/+$/, '');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const adminLogin = process.env.GARRISON_ADMIN_LOGIN ?? 'admin';
const adminPassword = process.env.GARRISON_ADMIN_PASSWORD;
const screenshotDir = fileURLToPath(new URL('../../../target/e2e/', import.meta.url));
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Runs `steps` in a fresh browser (own temporary profile, so no theme or language is remembered from another test),
 * saves a screenshot named after the test, and fails on page errors and Content-Security-Policy violations.
 */
async function inBrowser(name, steps) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'garrison-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: chromiumArgs,
    ignoreHTTPSErrors: true,
    locale: 'en-US',
    viewport: { width: 1440, height: 900 },
  });
  const problems = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        problems.push(`CSP violation: ${message.text()}`);
      }
    });
    try {
      await steps(page, context);
    } finally {
      await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

async function textOf(locator) {
  await locator.waitFor();
  return (await locator.textContent()).trim();
}

/** Fills the sign-in form; the page must show it. */
async function submitSignIn(page, password) {
  await page.getByRole('heading', { name: 'Sign in to Garrison' }).waitFor();
  await page.locator('#sign-in-login').fill(adminLogin);
  await page.locator('#sign-in-password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * Signs in as the admin on the sign-in page the console is showing, accepting the legal terms when the server asks
 * for them, and waits until the console frame is there.
 */
async function signIn(page) {
  await submitSignIn(page, adminPassword);
  const frame = page.getByRole('navigation', { name: 'Main navigation' });
  const terms = page.getByRole('button', { name: 'Accept', exact: true });
  const passwordStep = page.getByRole('heading', { name: 'Choose a new password' });
  await Promise.race([frame.waitFor(), terms.waitFor(), passwordStep.waitFor()]);
  assert.equal(await passwordStep.isVisible(), false, 'the test server must be started with GARRISON_ADMIN_PASSWORD (no forced change)');
  if (await terms.isVisible()) {
    await terms.click();
  }
  await frame.waitFor();
}

/**
 * Language and theme are kept in the account's settings on the server and applied at every sign-in: start from
 * English and the system theme, whatever an earlier (perhaps interrupted) run left behind.
 */
async function resetConsoleSettings() {
  const api = await request.newContext({ ignoreHTTPSErrors: true });
  try {
    const signIn = await api.post(`${baseUrl}/api/v1/session`, { data: { login: adminLogin, password: adminPassword } });
    assert.equal(signIn.status(), 201, `the admin can sign in: ${await signIn.text()}`);
    const headers = { 'X-CSRF-Token': (await signIn.json()).csrfToken };
    const settings = await (await api.get(`${baseUrl}/api/v1/me/settings`)).json();
    const saved = await api.put(`${baseUrl}/api/v1/me/settings`, { headers, data: { ...settings, language: 'en', theme: 'system' } });
    assert.equal(saved.ok(), true, `settings reset: ${await saved.text()}`);
    await api.delete(`${baseUrl}/api/v1/session`, { headers });
  } finally {
    await api.dispose();
  }
}

async function waitForOverview(page) {
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  await page.getByTestId('health-status').waitFor();
}

describe('web console', { concurrency: false }, () => {
  before(async () => {
    assert.ok(adminPassword, 'set GARRISON_ADMIN_PASSWORD to the password of the admin account');
    await mkdir(screenshotDir, { recursive: true });
    await resetConsoleSettings();
  });

  test('sign-in refuses a wrong password, then opens the overview with the server health', async () => {
    await inBrowser('sign-in-overview', async (page, context) => {
      const healthResponse = await context.request.get(`${baseUrl}/api/v1/health`);
      const health = await healthResponse.json();
      assert.equal(healthResponse.status(), 200, 'server health answer');
      assert.equal(health.status, 'UP');
      const unauthenticated = await context.request.get(`${baseUrl}/api/v1/me`);
      assert.equal(unauthenticated.status(), 401, 'the API refuses a caller without a session');

      const response = await page.goto(`${baseUrl}/console/`);
      assert.equal(response.status(), 200);
      const headers = response.headers();
      assert.equal(headers['x-content-type-options'], 'nosniff');
      assert.equal(headers['x-frame-options'], 'DENY');
      assert.match(headers['content-security-policy'], /default-src 'self'/);

      await submitSignIn(page, `${adminPassword}-wrong`);
      assert.match(await textOf(page.getByTestId('sign-in-error')), /The login name or the password is wrong\./);
      assert.match(page.url(), /\/console\/sign-in$/);

      await signIn(page);
      await waitForOverview(page);
      assert.match(page.url(), /\/console\/overview$/);
      assert.equal(await textOf(page.getByRole('banner').getByRole('link', { name: 'Garrison' })), 'Garrison');
      assert.equal(await textOf(page.getByTestId('user-menu')), adminLogin);
      const navigation = page.getByRole('navigation', { name: 'Main navigation' });
      assert.equal(await navigation.getByRole('link', { name: 'Overview' }).getAttribute('aria-current'), 'page');
      await navigation.getByRole('link', { name: 'Accounts' }).waitFor();

      assert.equal(await textOf(page.getByTestId('health-status')), 'UP');
      assert.equal(await textOf(page.getByTestId('health-version')), health.version);
      assert.match(await textOf(page.getByTestId('health-database-kind')), /derby/i);
      assert.equal(await textOf(page.getByTestId('health-database-product')), health.database.product);
      assert.equal(await textOf(page.getByTestId('health-server-id')), health.serverId);
      assert.match(await textOf(page.getByTestId('health-uptime')), /\d+ (d|h|min|s)\b/);

      const cookies = await context.cookies(baseUrl);
      const session = cookies.find((cookie) => cookie.name === 'GARRISON_SESSION');
      assert.ok(session, 'session cookie set');
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, 'Strict');
      assert.equal(session.secure, baseUrl.startsWith('https:'), 'Secure exactly when the console came over HTTPS');
    });
  });

  test('a deep link leads through sign-in to "page not found" inside the frame', async () => {
    await inBrowser('not-found', async (page) => {
      const response = await page.goto(`${baseUrl}/console/does/not/exist`);
      assert.equal(response.status(), 200, 'the server answers the app for every console route');

      await signIn(page);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      assert.match(page.url(), /\/console\/does\/not\/exist$/);
      assert.match(await textOf(page.getByText('The console has no page at')), /\/does\/not\/exist/);
      await page.getByRole('banner').getByRole('link', { name: 'Garrison' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Go to the overview' }).getAttribute('href'), '/console/overview');
    });
  });

  test('My account: create and revoke an API token, switch to German and back', async () => {
    await inBrowser('my-account', async (page) => {
      await page.goto(`${baseUrl}/console/my-account`);
      await signIn(page);
      await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
      assert.equal(await textOf(page.getByTestId('profile-login')), adminLogin);

      const tokenName = `e2e ${Date.now()}`;
      await page.getByRole('tab', { name: 'API tokens' }).click();
      await page.getByRole('button', { name: 'Create API token' }).click();
      await page.locator('#token-name').fill(tokenName);
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      const secretField = page.getByTestId('token-secret').locator('input');
      await secretField.waitFor();
      const secretValue = await secretField.inputValue();
      assert.ok(secretValue.length >= 20, 'the token secret is shown once');
      // A separate client without the browser's session cookie, so only the token authenticates.
      const api = await request.newContext({ ignoreHTTPSErrors: true });
      const meWithToken = () => api.get(`${baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${secretValue}` } });
      try {
        assert.equal((await meWithToken()).status(), 200, 'the new token works as a Bearer token');
        await page.getByRole('button', { name: 'Done' }).click();

        const row = page.getByRole('row').filter({ hasText: tokenName });
        await row.waitFor();
        await row.getByRole('button', { name: `Revoke token ${tokenName}` }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
        await row.waitFor({ state: 'detached' });
        // Servers may keep a resolved caller for callerCacheSeconds (default 2 s), so allow a few seconds.
        let status = (await meWithToken()).status();
        for (let attempt = 0; status !== 401 && attempt < 10; attempt++) {
          await page.waitForTimeout(500);
          status = (await meWithToken()).status();
        }
        assert.equal(status, 401, 'a revoked token is refused');
      } finally {
        await api.dispose();
      }

      await page.getByRole('tab', { name: 'Settings' }).click();
      await page.locator('#settings-language').selectOption('de');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mein Konto' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');

      // Kept on the server: a new browser profile signing in later gets German too; here a reload restores it.
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Mein Konto' }).waitFor();
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Übersicht' }).click();
      assert.equal(await textOf(page.getByTestId('health-status')), 'IN BETRIEB');

      await page.goto(`${baseUrl}/console/my-account`);
      await page.getByRole('tab', { name: 'Einstellungen' }).click();
      await page.locator('#settings-language').selectOption('en');
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    });
  });

  test('the theme toggle switches to the dark theme and keeps it', async () => {
    await inBrowser('theme-dark', async (page) => {
      await page.goto(`${baseUrl}/console/overview`);
      await signIn(page);
      await waitForOverview(page);
      const isDark = () => page.evaluate(() => document.documentElement.classList.contains('pf-v6-theme-dark'));
      await page.getByRole('button', { name: 'Light' }).click();
      assert.equal(await isDark(), false);

      await page.getByRole('button', { name: 'Dark' }).click();

      await page.waitForFunction(() => document.documentElement.classList.contains('pf-v6-theme-dark'));
      assert.equal(await page.getByRole('button', { name: 'Dark' }).getAttribute('aria-pressed'), 'true');
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('.pf-v6-c-page__main-container')).backgroundColor);
      assert.notEqual(background, 'rgb(255, 255, 255)');

      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await waitForOverview(page);
      assert.equal(await isDark(), true, 'the theme comes back from the account settings');
      await page.getByRole('button', { name: 'System' }).click();
      await page.waitForFunction(() => !document.documentElement.classList.contains('pf-v6-theme-dark'));
    });
  });

  test('signing out leads to the sign-in page and ends the session', async () => {
    await inBrowser('sign-out', async (page) => {
      await page.goto(`${baseUrl}/console/overview`);
      await signIn(page);
      await waitForOverview(page);

      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to Garrison' }).waitFor();
      assert.match(page.url(), /\/console\/sign-in$/);

      await page.goto(`${baseUrl}/console/overview`);
      await page.getByRole('heading', { name: 'Sign in to Garrison' }).waitFor();
    });
  });
});
