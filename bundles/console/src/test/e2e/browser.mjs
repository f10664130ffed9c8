// Shared helpers of the console's browser tests: a fresh Chromium per test, sign-in, settings reset.
// See console.e2e.test.mjs for the environment variables.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// playwright-core is a dev dependency of the web package, not of this folder.
export const { chromium, request } = createRequire(new URL('../../main/web/package.json', import.meta.url))('playwright-core');

export const baseUrl = (process.env.GARRISON_URL ?? 'https://localhost:8443').replace(/\/+$/, '');
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const adminLogin = process.env.GARRISON_ADMIN_LOGIN ?? 'admin';
export const adminPassword = process.env.GARRISON_ADMIN_PASSWORD;
export const screenshotDir = fileURLToPath(new URL('../../../target/e2e/', import.meta.url));
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
export async function inBrowser(name, steps) {
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

export async function textOf(locator) {
  await locator.waitFor();
  return (await locator.textContent()).trim();
}

/** Fills the sign-in form; the page must show it. */
export async function submitSignIn(page, password) {
  await page.getByRole('heading', { name: 'Sign in to Garrison' }).waitFor();
  await page.locator('#sign-in-login').fill(adminLogin);
  await page.locator('#sign-in-password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * Signs in as the admin on the sign-in page the console is showing, accepting the legal terms when the server asks
 * for them, and waits until the console frame is there.
 */
export async function signIn(page) {
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
export async function resetConsoleSettings() {
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

export async function waitForOverview(page) {
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  await page.getByTestId('health-status').waitFor();
}

