import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../testing/fakeServer';
import { adminMe, adminSession, jsonResponse, problemResponse, renderConsole } from '../../testing/renderConsole';

const health = {
  status: 'UP',
  version: '0.1.0-SNAPSHOT',
  startedAt: '2026-11-26T10:00:00Z',
  uptimeSeconds: 7500,
  database: { kind: 'derby', product: 'Apache Derby 10.16.1.1 - (1928083)', state: 'UP' },
  serverId: '5f0c9a52-8d7e-4a8e-9a35-0a4d1c0e8b11',
  installedAt: '2026-11-20T08:30:00Z',
};

const bodyOf = (init: RequestInit) => JSON.parse(String(init.body)) as Record<string, unknown>;

async function fillAndSubmit(login: string, password: string) {
  const user = userEvent.setup();
  const loginField = await screen.findByLabelText(/Login name/);
  await user.clear(loginField);
  await user.type(loginField, login);
  const passwordField = screen.getByLabelText(/^Password/);
  await user.clear(passwordField);
  await user.type(passwordField, password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

describe('sign-in flow', () => {
  it('sends a visitor without a session to the sign-in page and back to the page they wanted', async () => {
    const calls = fakeServer({
      'GET /session': () => problemResponse(401, 'Unauthorized'),
      'POST /session': () => jsonResponse(adminSession, 201),
      'GET /me': () => jsonResponse(adminMe),
      'GET /me/settings': () => jsonResponse({ language: 'en', theme: 'dark' }),
      'GET /health': () => jsonResponse(health),
    });
    renderConsole('/overview', 'en', { session: 'check' });

    expect(await screen.findByRole('heading', { name: 'Sign in to Garrison' })).toBeTruthy();
    await fillAndSubmit('admin', 'correct horse battery');

    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
    const signIn = calls.find((call) => call.key === 'POST /session')!;
    expect(bodyOf(signIn.init)).toEqual({ login: 'admin', password: 'correct horse battery' });
    expect(document.documentElement.classList.contains('pf-v6-theme-dark')).toBe(true);
    expect(screen.getByTestId('user-menu').textContent).toContain('admin');
  });

  it('says that login or password is wrong, then asks for the second factor and sends it', async () => {
    const calls = fakeServer({
      'GET /session': () => problemResponse(401, 'Unauthorized'),
      'POST /session': [
        () => problemResponse(401, 'Unauthorized', { detail: 'Wrong login or password' }),
        () => problemResponse(401, 'Unauthorized', { detail: 'A second-factor code is required', code: 'second-factor-required' }),
        () => problemResponse(401, 'Unauthorized', { detail: 'A second-factor code is required', code: 'second-factor-required' }),
        () => jsonResponse(adminSession, 201),
      ],
      'GET /me': () => jsonResponse(adminMe),
      'GET /me/settings': () => jsonResponse({}),
      'GET /health': () => jsonResponse(health),
    });
    renderConsole('/sign-in', 'en', { session: 'check' });

    let user = await fillAndSubmit('admin', 'wrong');
    expect((await screen.findByTestId('sign-in-error')).textContent).toContain('The login name or the password is wrong.');

    user = await fillAndSubmit('admin', 'right');
    const codeField = await screen.findByLabelText(/Verification code/);
    expect(screen.queryByTestId('sign-in-error')).toBeNull();

    await user.type(codeField, '000000');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect((await screen.findByTestId('sign-in-error')).textContent).toContain('verification code is wrong');

    await user.clear(screen.getByLabelText(/Verification code/));
    await user.type(screen.getByLabelText(/Verification code/), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
    const attempts = calls.filter((call) => call.key === 'POST /session').map((call) => bodyOf(call.init));
    expect(attempts.at(-1)).toEqual({ login: 'admin', password: 'right', totp: '123456' });
  });

  it('tells how long to wait when the server backs off', async () => {
    fakeServer({
      'GET /session': () => problemResponse(401, 'Unauthorized'),
      'POST /session': () => problemResponse(429, 'Too Many Requests', {}, { 'Retry-After': '90' }),
    });
    renderConsole('/sign-in', 'en', { session: 'check' });

    await fillAndSubmit('admin', 'guess');

    expect((await screen.findByTestId('sign-in-error')).textContent).toContain('Too many failed sign-ins. Try again in 1 min 30 s.');
  });

  it('restores an existing session on load and uses its CSRF token', async () => {
    const calls = fakeServer({
      'GET /session': () => jsonResponse(adminSession),
      'GET /me': () => jsonResponse(adminMe),
      'GET /me/settings': () => jsonResponse({ language: 'de', theme: 'light' }),
      'GET /health': () => jsonResponse(health),
      'PUT /me/settings': (init) => jsonResponse(bodyOf(init)),
    });
    renderConsole('/overview', 'en', { session: 'check' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Übersicht' })).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dunkel' }));

    await waitFor(() => expect(calls.some((call) => call.key === 'PUT /me/settings')).toBe(true));
    const save = calls.find((call) => call.key === 'PUT /me/settings')!;
    expect((save.init.headers as Record<string, string>)['X-CSRF-Token']).toBe(adminSession.csrfToken);
    expect(bodyOf(save.init)).toEqual({ language: 'de', theme: 'dark' });
  });

  it('makes an account with a generated password change it first, showing the policy errors', async () => {
    const mustChange = { ...adminSession, pendingSteps: ['CHANGE_PASSWORD'] };
    const calls = fakeServer({
      'GET /session': () => jsonResponse(mustChange),
      'PUT /me/password': [
        () =>
          problemResponse(422, 'Invalid input', {
            detail: 'The new password breaks the policy',
            errors: [{ field: 'newPassword', message: 'must have at least 12 characters' }],
          }),
        () => new Response(null, { status: 204 }),
      ],
      'GET /me': () => jsonResponse(adminMe),
      'GET /me/settings': () => jsonResponse({}),
      'GET /health': () => jsonResponse(health),
    });
    renderConsole('/overview', 'en', { session: 'check' });
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toBeTruthy();
    await user.type(screen.getByLabelText(/Current password/), 'generated-password');
    await user.type(screen.getByLabelText(/^New password/), 'short');
    await user.type(screen.getByLabelText(/Repeat the new password/), 'shorter');
    await user.click(screen.getByRole('button', { name: 'Change password and continue' }));
    expect(await screen.findByText('The two new passwords differ.')).toBeTruthy();

    await user.clear(screen.getByLabelText(/Repeat the new password/));
    await user.type(screen.getByLabelText(/Repeat the new password/), 'short');
    await user.click(screen.getByRole('button', { name: 'Change password and continue' }));
    expect(await screen.findByText('must have at least 12 characters')).toBeTruthy();

    await user.clear(screen.getByLabelText(/^New password/));
    await user.type(screen.getByLabelText(/^New password/), 'a much longer password');
    await user.clear(screen.getByLabelText(/Repeat the new password/));
    await user.type(screen.getByLabelText(/Repeat the new password/), 'a much longer password');
    await user.click(screen.getByRole('button', { name: 'Change password and continue' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
    const change = calls.filter((call) => call.key === 'PUT /me/password').at(-1)!;
    expect(bodyOf(change.init)).toEqual({ currentPassword: 'generated-password', newPassword: 'a much longer password' });
    expect((change.init.headers as Record<string, string>)['X-CSRF-Token']).toBe(adminSession.csrfToken);
  });

  it('shows the terms to accept when a call is refused for them, then goes on', async () => {
    const terms = { version: '2026-11', title: 'Terms of use', text: 'Be nice.', acceptedAt: null };
    const calls = fakeServer({
      'GET /session': () => jsonResponse(adminSession),
      'GET /me': () => jsonResponse(adminMe),
      'GET /me/settings': () => jsonResponse({}),
      'GET /health': [
        () => problemResponse(403, 'Forbidden', { code: 'accept-terms' }),
        () => jsonResponse(health),
      ],
      'GET /terms': () => jsonResponse(terms),
      'POST /terms/2026-11/acceptance': () => new Response(null, { status: 204 }),
    });
    renderConsole('/overview', 'en', { session: 'check' });

    expect(await screen.findByText('Be nice.')).toBeTruthy();
    expect(screen.getByText('Version 2026-11')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Accept' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
    expect(screen.queryByText('Be nice.')).toBeNull();
    expect(calls.some((call) => call.key === 'POST /terms/2026-11/acceptance')).toBe(true);
  });

  it('goes back to the sign-in page when the session has ended', async () => {
    fakeServer({
      'GET /health': () => problemResponse(401, 'Unauthorized'),
    });
    renderConsole('/overview');

    expect(await screen.findByText('Your session has ended. Sign in again to continue.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Sign in to Garrison' })).toBeTruthy();
  });

  it('signs out from the user menu', async () => {
    const calls = fakeServer({
      'GET /health': () => jsonResponse(health),
      'DELETE /session': () => new Response(null, { status: 204 }),
    });
    renderConsole('/overview');
    const user = userEvent.setup();

    await user.click(await screen.findByTestId('user-menu'));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to Garrison' })).toBeTruthy();
    expect(screen.queryByText('Your session has ended. Sign in again to continue.')).toBeNull();
    const signOut = calls.find((call) => call.key === 'DELETE /session')!;
    expect((signOut.init.headers as Record<string, string>)['X-CSRF-Token']).toBe(adminSession.csrfToken);
  });
});

describe('a console coming back to the foreground', () => {
  it('shows the sign-in page when the session ended meanwhile', async () => {
    fakeServer({
      'GET /health': () => jsonResponse(health),
      'GET /session': () => problemResponse(401, 'Unauthorized'),
    });
    renderConsole('/overview');
    await screen.findByTestId('health-status');

    document.dispatchEvent(new Event('visibilitychange'));

    expect(await screen.findByText('Your session has ended. Sign in again to continue.')).toBeTruthy();
  });
});
