import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bodyOf, fakeServer, headersOf, noContent } from '../../testing/fakeServer';
import { adminMe, jsonResponse, problemResponse, renderConsole } from '../../testing/renderConsole';

const token = {
  id: '3f1d2c4b-0000-4000-8000-000000000001',
  accountId: adminMe.account.id,
  name: 'backup script',
  prefix: 'gar_AbC',
  roleIds: [],
  createdAt: '2026-11-25T10:00:00Z',
  expiresAt: '2027-02-23T10:00:00Z',
  lastUsedAt: null,
  expired: false,
};

describe('My account', () => {
  it('shows the profile of the signed-in account', async () => {
    renderConsole('/my-account');

    expect(await screen.findByRole('heading', { level: 1, name: 'My account' })).toBeTruthy();
    expect(screen.getByTestId('profile-login').textContent).toBe('admin');
    expect(screen.getByTestId('profile-email').textContent).toBe('admin@example.org');
    expect(screen.getByTestId('profile-permissions').textContent).toContain('accounts.write');
  });

  it('creates an API token, shows its secret once, and revokes a token', async () => {
    const calls = fakeServer({
      'GET /tokens': [() => jsonResponse({ items: [token] }), () => jsonResponse({ items: [token, { ...token, id: 'new', name: 'ci' }] }), () => jsonResponse({ items: [] })],
      'GET /roles': () => jsonResponse({ items: [] }),
      'POST /tokens': (init) =>
        jsonResponse({ ...token, id: 'new', name: JSON.parse(String(init.body)).name, token: 'gar_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG' }, 201),
      'DELETE /tokens/3f1d2c4b-0000-4000-8000-000000000001': noContent,
    });
    renderConsole('/my-account');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('tab', { name: 'API tokens' }));
    expect(await screen.findByText('backup script')).toBeTruthy();
    expect(screen.getByText('All your roles')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Create API token' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Name/), 'ci');
    await user.click(within(dialog).getByLabelText('Main administrator'));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    const secret = await screen.findByDisplayValue('gar_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG');
    expect(secret).toBeTruthy();
    const create = calls.find((call) => call.key === 'POST /tokens')!;
    expect(bodyOf(create)).toEqual({ name: 'ci', roleIds: ['00000000-0000-0000-0000-00000000a001'] });
    expect(headersOf(create)['X-CSRF-Token']).toBe('csrf-token-of-the-test');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByDisplayValue(/gar_0123/)).toBeNull();

    await user.click(await screen.findByRole('button', { name: 'Revoke token backup script' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke' }));

    expect(await screen.findByText('No API tokens')).toBeTruthy();
    expect(calls.some((call) => call.key === 'DELETE /tokens/3f1d2c4b-0000-4000-8000-000000000001')).toBe(true);
  });

  it('enrols a second factor with a QR code and shows the recovery codes once', async () => {
    const enrolled = { ...adminMe, account: { ...adminMe.account, secondFactor: true } };
    const calls = fakeServer({
      'POST /me/second-factor': () =>
        jsonResponse({ secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/Garrison:admin?secret=JBSWY3DPEHPK3PXP&issuer=Garrison' }),
      'POST /me/second-factor/confirm': [
        () => problemResponse(422, 'Invalid input', { detail: 'The code does not match' }),
        () => jsonResponse({ recoveryCodes: ['aaaa-bbbb', 'cccc-dddd'] }),
      ],
      'GET /me': () => jsonResponse(enrolled),
    });
    renderConsole('/my-account');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('tab', { name: 'Second factor' }));
    await user.click(await screen.findByRole('button', { name: 'Set up a second factor' }));

    expect(await screen.findByRole('img', { name: 'QR code for your authenticator app' })).toBeTruthy();
    expect(screen.getByDisplayValue('JBSWY3DPEHPK3PXP')).toBeTruthy();
    await user.type(screen.getByLabelText(/Code from the app/), '000000');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText(/The code does not match/)).toBeTruthy();

    await user.clear(screen.getByLabelText(/Code from the app/));
    await user.type(screen.getByLabelText(/Code from the app/), '123456');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));

    expect((await screen.findByTestId('recovery-codes')).textContent).toBe('aaaa-bbbb\ncccc-dddd');
    expect(bodyOf(calls.filter((call) => call.key === 'POST /me/second-factor/confirm').at(-1)!)).toEqual({ code: '123456' });
    await user.click(screen.getByRole('button', { name: 'I have saved the recovery codes' }));
    expect(await screen.findByText('Second factor on')).toBeTruthy();
    expect(screen.queryByTestId('recovery-codes')).toBeNull();
  });

  it('saves language and theme in the account settings and applies them', async () => {
    const calls = fakeServer({
      'PUT /me/settings': (init) => jsonResponse(JSON.parse(String(init.body))),
    });
    renderConsole('/my-account');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('tab', { name: 'Settings' }));
    await user.selectOptions(await screen.findByLabelText('Interface language'), 'de');
    await user.click(screen.getByLabelText('Dark'));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Mein Konto' })).toBeTruthy();
    expect(document.documentElement.classList.contains('pf-v6-theme-dark')).toBe(true);
    await waitFor(() => expect(screen.getByText('Ihre Einstellungen wurden gespeichert.')).toBeTruthy());
    expect(bodyOf(calls.find((call) => call.key === 'PUT /me/settings')!)).toEqual({ language: 'de', theme: 'dark' });
  });
});
