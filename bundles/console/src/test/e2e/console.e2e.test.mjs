// Browser test of the web console against a running Garrison server.
//
//   cd bundles/console/src/main/web && npm run e2e
//
// GARRISON_URL   server to test (default https://localhost:8443; its self-signed certificate is accepted)
// CHROMIUM_PATH  browser binary (default /usr/bin/chromium, Debian's package)
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
const { chromium } = createRequire(new URL('../../main/web/package.json', import.meta.url))('playwright-core');

const baseUrl = (process.env.GARRISON_URL ?? 'https://localhost:8443').replace(/\/+$/, '');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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

async function waitForOverview(page) {
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  await page.getByTestId('health-status').waitFor();
}

describe('web console', { concurrency: false }, () => {
  before(async () => {
    await mkdir(screenshotDir, { recursive: true });
  });

  test('the overview shows the server health inside the console frame', async () => {
    await inBrowser('overview', async (page, context) => {
      const healthResponse = await context.request.get(`${baseUrl}/api/v1/health`);
      const health = await healthResponse.json();
      assert.equal(healthResponse.status(), 200, 'server health answer');
      assert.equal(health.status, 'UP');

      const response = await page.goto(`${baseUrl}/console/`);
      assert.equal(response.status(), 200);
      const headers = response.headers();
      assert.equal(headers['x-content-type-options'], 'nosniff');
      assert.equal(headers['x-frame-options'], 'DENY');
      assert.match(headers['content-security-policy'], /default-src 'self'/);

      await waitForOverview(page);
      assert.match(page.url(), /\/console\/overview$/);
      assert.equal(await textOf(page.getByRole('banner').getByRole('link', { name: 'Garrison' })), 'Garrison');
      const navigation = page.getByRole('navigation', { name: 'Main navigation' });
      assert.equal(await navigation.getByRole('link', { name: 'Overview' }).getAttribute('aria-current'), 'page');

      assert.equal(await textOf(page.getByTestId('health-status')), 'UP');
      assert.equal(await textOf(page.getByTestId('health-version')), health.version);
      assert.match(await textOf(page.getByTestId('health-database-kind')), /derby/i);
      assert.equal(await textOf(page.getByTestId('health-database-product')), health.database.product);
      assert.equal(await textOf(page.getByTestId('health-server-id')), health.serverId);
      assert.match(await textOf(page.getByTestId('health-uptime')), /\d+ (d|h|min|s)\b/);
    });
  });

  test('a deep link to an unknown page shows "page not found" inside the frame', async () => {
    await inBrowser('not-found', async (page) => {
      const response = await page.goto(`${baseUrl}/console/does/not/exist`);
      assert.equal(response.status(), 200, 'the server answers the app for every console route');

      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      assert.match(await textOf(page.getByText('The console has no page at')), /\/does\/not\/exist/);
      await page.getByRole('banner').getByRole('link', { name: 'Garrison' }).waitFor();
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Overview' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Go to the overview' }).getAttribute('href'), '/console/overview');
    });
  });

  test('switching the language to German changes the visible labels', async () => {
    await inBrowser('language-de', async (page) => {
      await page.goto(`${baseUrl}/console/overview`);
      await waitForOverview(page);

      await page.getByRole('button', { name: 'Language: English' }).click();
      await page.getByRole('option', { name: 'Deutsch' }).click();

      await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Übersicht' }).waitFor();
      assert.equal(await textOf(page.getByTestId('health-status')), 'IN BETRIEB');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    });
  });

  test('the theme toggle switches to the dark theme and keeps it', async () => {
    await inBrowser('theme-dark', async (page) => {
      await page.goto(`${baseUrl}/console/overview`);
      await waitForOverview(page);
      const isDark = () => page.evaluate(() => document.documentElement.classList.contains('pf-v6-theme-dark'));
      assert.equal(await isDark(), false);

      await page.getByRole('button', { name: 'Dark' }).click();

      await page.waitForFunction(() => document.documentElement.classList.contains('pf-v6-theme-dark'));
      assert.equal(await page.getByRole('button', { name: 'Dark' }).getAttribute('aria-pressed'), 'true');
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('.pf-v6-c-page__main-container')).backgroundColor);
      assert.notEqual(background, 'rgb(255, 255, 255)');

      await page.reload();
      await waitForOverview(page);
      assert.equal(await isDark(), true);
    });
  });
});
