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
import { mkdir } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import {
  adminLogin,
  adminPassword,
  request,
  baseUrl,
  inBrowser,
  resetConsoleSettings,
  screenshotDir,
  signIn,
  submitSignIn,
  textOf,
  waitForOverview,
} from './browser.mjs';

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
