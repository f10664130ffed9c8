import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../session/SessionContext';
import { bodyOf, fakeServer, noContent } from '../../testing/fakeServer';
import { adminMe, jsonResponse, problemResponse, renderConsole, signedInAsAdmin } from '../../testing/renderConsole';

// Built against the contract of the enrollment REST (/enrollment-tokens, /agents, /gateway).
const unassigned = '00000000-0000-0000-0000-000000000002';
const berlin = 'b0000000-0000-4000-8000-000000000001';
const groups = {
  items: [
    { id: '00000000-0000-0000-0000-000000000001', parentId: null, name: 'Managed devices', builtIn: true },
    { id: unassigned, parentId: null, name: 'Unassigned devices', builtIn: true },
    { id: berlin, parentId: '00000000-0000-0000-0000-000000000001', name: 'Berlin', builtIn: false },
  ],
};
const token = {
  id: 't1',
  name: 'Berlin laptops',
  groupId: berlin,
  requireApproval: true,
  maxUses: 10,
  uses: 3,
  expiresAt: '2026-12-03T10:00:00Z',
  createdAt: '2026-11-26T10:00:00Z',
  createdBy: { kind: 'ACCOUNT', id: 'a1', name: 'admin' },
  state: 'active',
};
const agent = (id: string, hostname: string, state: string) => ({
  id,
  hardwareId: `hw-${id}`,
  hostname,
  host: { hostname, osType: 'LINUX', osName: 'Debian GNU/Linux 12', architecture: 'x86_64', agentVersion: '0.1.0' },
  state,
  groupId: berlin,
  tokenId: 't1',
  enrolledAt: '2026-11-26T11:00:00Z',
});

const enroller = {
  ...signedInAsAdmin,
  me: {
    ...adminMe,
    permissions: {
      ...adminMe.permissions,
      'enrollment.read': { everywhere: true, roots: [] },
      'enrollment.write': { everywhere: true, roots: [] },
    },
  },
} as SessionState;

function server(extra: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    'GET /groups': () => jsonResponse(groups),
    'GET /gateway': () => jsonResponse({ port: 13000, caPin: 'pin-of-the-ca', caCertificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', serverNames: ['gw.example'] }),
    'GET /enrollment-tokens': () => jsonResponse({ items: [token] }),
    'GET /agents': (_init, url) =>
      new URL(url, 'https://x').searchParams.get('state') === 'PENDING_APPROVAL'
        ? jsonResponse({ items: [agent('g1', 'ws-pending', 'PENDING_APPROVAL')], total: 1 })
        : jsonResponse({ items: [agent('g1', 'ws-pending', 'PENDING_APPROVAL'), agent('g2', 'ws-active', 'ACTIVE')], total: 2 }),
    ...extra,
  });
}

describe('Agents and enrollment page', () => {
  it('shows the gateway port and certificate-authority pin for adding devices', async () => {
    server();
    renderConsole('/enrollment', 'en', { session: enroller });

    expect((await screen.findByTestId('gateway-ca-pin', {}, { timeout: 5000 })).textContent).toBe('pin-of-the-ca');
    expect(screen.getByTestId('gateway-port').textContent).toBe('13000');
  });

  it('creates a token and shows its text and enroll command once', async () => {
    const calls = server({
      'POST /enrollment-tokens': [
        () => problemResponse(422, 'Invalid input', { errors: [{ field: 'maxUses', message: 'must be between 1 and 100000' }] }),
        (init) =>
          jsonResponse(
            {
              ...token,
              ...JSON.parse(String(init.body)),
              id: 't2',
              uses: 0,
              token: 'ge1.secret.pin-of-the-ca',
              enrollCommand: 'garrison-agent enroll --server https://gw.example:13000/ --token ge1.secret.pin-of-the-ca',
            },
            201,
          ),
      ],
    });
    renderConsole('/enrollment?tab=tokens', 'en', { session: enroller });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Create token' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/^Name/), 'Lab');
    await user.selectOptions(within(dialog).getByLabelText('Group of new devices'), berlin);
    await user.clear(within(dialog).getByLabelText('Devices that may use it'));
    await user.type(within(dialog).getByLabelText('Devices that may use it'), '0');
    await user.click(within(dialog).getByLabelText('Each device needs approval'));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('must be between 1 and 100000')).toBeTruthy();

    await user.clear(within(dialog).getByLabelText('Devices that may use it'));
    await user.type(within(dialog).getByLabelText('Devices that may use it'), '25');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    const created = await screen.findByRole('dialog', { name: 'Token Lab created' });
    expect(within(created).getByTestId('enroll-command').textContent).toBe('garrison-agent enroll --server https://gw.example:13000/ --token ge1.secret.pin-of-the-ca');
    expect(within(created).getByTestId('enrollment-token').textContent).toBe('ge1.secret.pin-of-the-ca');
    expect(bodyOf(calls.filter((call) => call.key === 'POST /enrollment-tokens').at(-1)!)).toEqual({ name: 'Lab', groupId: berlin, requireApproval: true, maxUses: 25 });

    await user.click(within(created).getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('ge1.secret.pin-of-the-ca')).toBeNull();
  }, 20_000);

  it('lists tokens with their state and uses, and revokes one', async () => {
    const calls = server({ 'DELETE /enrollment-tokens/t1': noContent });
    renderConsole('/enrollment?tab=tokens', 'en', { session: enroller });
    const user = userEvent.setup();

    const row = (await screen.findByText('Berlin laptops', {}, { timeout: 5000 })).closest('tr')!;
    expect(within(row).getByText('3 of 10')).toBeTruthy();
    expect(within(row).getByText('Active')).toBeTruthy();
    expect(await within(row).findByText('Managed devices / Berlin')).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: 'Actions of token Berlin laptops' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Revoke' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke' }));

    await waitFor(() => expect(calls.some((call) => call.key === 'DELETE /enrollment-tokens/t1')).toBe(true));
  });

  it('puts agents waiting for approval first and approves one', async () => {
    const calls = server({ 'POST /agents/g1/approve': () => jsonResponse(agent('g1', 'ws-pending', 'ACTIVE')) });
    renderConsole('/enrollment?tab=agents', 'en', { session: enroller });
    const user = userEvent.setup();

    const pending = await screen.findByTestId('agents-pending', {}, { timeout: 5000 });
    expect(within(pending).getByText('1 agent waiting for approval')).toBeTruthy();
    await user.click(within(pending).getByRole('button', { name: 'Approve ws-pending' }));

    expect(await screen.findByText('ws-pending approved')).toBeTruthy();
    expect(calls.some((call) => call.key === 'POST /agents/g1/approve')).toBe(true);
  });

  it('shows enrollment without changes to an account that may only read it', async () => {
    server();
    const reader = { ...signedInAsAdmin, me: { ...adminMe, permissions: { ...adminMe.permissions, 'enrollment.read': { everywhere: true, roots: [] } } } } as SessionState;
    renderConsole('/enrollment?tab=agents', 'en', { session: reader });

    await screen.findByTestId('agents-pending', {}, { timeout: 5000 });
    expect(screen.queryByRole('button', { name: 'Approve ws-pending' })).toBeNull();
  });
});
