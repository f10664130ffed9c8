import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bodyOf, fakeServer, noContent } from '../../testing/fakeServer';
import { adminAccount, adminMe, jsonResponse, problemResponse, renderConsole, signedInAsAdmin } from '../../testing/renderConsole';
import type { SessionState } from '../../session/SessionContext';

const operatorRole = { id: '00000000-0000-0000-0000-00000000a003', name: 'Operator', description: 'Runs tasks', builtIn: true, permissions: ['tasks.run'] };
const helpdesk = { id: '7d0c0000-0000-4000-8000-00000000c001', name: 'Helpdesk', description: null, builtIn: false, permissions: ['devices.read'] };
const groups = {
  items: [
    { id: '00000000-0000-0000-0000-000000000001', parentId: null, name: 'Managed devices', builtIn: true },
    { id: '00000000-0000-0000-0000-000000000002', parentId: null, name: 'Unassigned devices', builtIn: true },
    { id: 'b0000000-0000-4000-8000-000000000001', parentId: '00000000-0000-0000-0000-000000000001', name: 'Berlin', builtIn: false },
  ],
};
const jane = {
  ...adminAccount,
  id: 'a0000000-0000-4000-8000-000000000002',
  login: 'jane',
  fullName: 'Jane Doe',
  email: 'jane@example.org',
  secondFactor: true,
  grants: [{ roleId: helpdesk.id, groupId: 'b0000000-0000-4000-8000-000000000001' }],
};

function server(extra: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    'GET /accounts': () => jsonResponse({ items: [adminAccount, jane], nextCursor: null, total: 2 }),
    'GET /roles': () => jsonResponse({ items: [operatorRole, helpdesk] }),
    'GET /groups': () => jsonResponse(groups),
    ...extra,
  });
}

describe('Accounts page', () => {
  it('lists accounts with their role grants on group paths', async () => {
    server();
    renderConsole('/accounts');

    const row = (await screen.findByText('jane')).closest('tr')!;
    expect(within(row).getByText('Jane Doe')).toBeTruthy();
    expect(within(row).getByText('Helpdesk on Managed devices / Berlin')).toBeTruthy();
    expect(within(row).getByText('On')).toBeTruthy();
  });

  it('creates an account with an initial password and a role on a group, showing field errors from the server', async () => {
    const calls = server({
      'POST /accounts': [
        () =>
          problemResponse(422, 'Invalid input', {
            errors: [{ field: 'password', message: 'must have at least 12 characters' }],
          }),
        (init) => jsonResponse({ ...jane, ...JSON.parse(String(init.body)), id: 'new' }, 201),
      ],
    });
    renderConsole('/accounts');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Create account' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Login name/), 'max');
    await user.type(within(dialog).getByLabelText(/Full name/), 'Max Muster');
    await user.type(within(dialog).getByLabelText(/Initial password/), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Grant a role' }));
    await user.selectOptions(within(dialog).getByLabelText('Role of grant 1'), helpdesk.id);
    await user.selectOptions(within(dialog).getByLabelText('Group of grant 1'), 'b0000000-0000-4000-8000-000000000001');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await within(dialog).findByText('must have at least 12 characters')).toBeTruthy();
    await user.clear(within(dialog).getByLabelText(/Initial password/));
    await user.type(within(dialog).getByLabelText(/Initial password/), 'a long enough password');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    await screen.findByRole('button', { name: 'Create account' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bodyOf(calls.filter((call) => call.key === 'POST /accounts').at(-1)!)).toEqual({
      login: 'max',
      fullName: 'Max Muster',
      email: null,
      phone: null,
      description: null,
      password: 'a long enough password',
      mustChangePassword: true,
      grants: [{ roleId: helpdesk.id, groupId: 'b0000000-0000-4000-8000-000000000001' }],
    });
  });

  it('disables an account and clears a field when editing', async () => {
    const calls = server({
      'PATCH /accounts/a0000000-0000-4000-8000-000000000002': (init) => jsonResponse({ ...jane, ...JSON.parse(String(init.body)) }),
    });
    renderConsole('/accounts');
    const user = userEvent.setup();

    const row = (await screen.findByText('jane')).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Kebab toggle' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Disable' }));
    const patches = () => calls.filter((call) => call.key === 'PATCH /accounts/a0000000-0000-4000-8000-000000000002');
    await screen.findByText('jane');
    expect(bodyOf(patches()[0]!)).toEqual({ enabled: false });

    await user.click(within(row).getByRole('button', { name: 'Kebab toggle' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    await user.clear(within(dialog).getByLabelText(/Email/));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await screen.findByRole('button', { name: 'Create account' });
    expect(bodyOf(patches().at(-1)!)).toMatchObject({ login: 'jane', email: '', fullName: 'Jane Doe' });
  });

  it('resets a password and removes a second factor', async () => {
    const calls = server({
      'POST /accounts/a0000000-0000-4000-8000-000000000002/password-reset': noContent,
      'DELETE /accounts/a0000000-0000-4000-8000-000000000002/second-factor': noContent,
    });
    renderConsole('/accounts');
    const user = userEvent.setup();
    const row = (await screen.findByText('jane')).closest('tr')!;

    await user.click(within(row).getByRole('button', { name: 'Kebab toggle' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reset password' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/New password/), 'temporary password 1');
    await user.click(within(dialog).getByRole('button', { name: 'Reset password' }));
    await screen.findByRole('button', { name: 'Create account' });
    expect(bodyOf(calls.find((call) => call.key.endsWith('/password-reset'))!)).toEqual({ newPassword: 'temporary password 1', mustChange: true });

    await user.click(within(row).getByRole('button', { name: 'Kebab toggle' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Remove second factor' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove second factor' }));
    await screen.findByRole('button', { name: 'Create account' });
    expect(calls.some((call) => call.key === 'DELETE /accounts/a0000000-0000-4000-8000-000000000002/second-factor')).toBe(true);
  });

  it('shows the server refusing to delete the last main administrator', async () => {
    server({
      'DELETE /accounts/6a1e0f1c-5d2b-4c8e-9d3f-0a1b2c3d4e5f': () =>
        problemResponse(409, 'Conflict', { detail: 'admin is the last enabled main administrator' }),
    });
    renderConsole('/accounts');
    const user = userEvent.setup();
    const row = (await screen.findByRole('cell', { name: 'admin' })).closest('tr')!;

    await user.click(within(row).getByRole('button', { name: 'Kebab toggle' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('Conflict: admin is the last enabled main administrator')).toBeTruthy();
  });

  it('offers no changes to an account that may only read accounts', async () => {
    server();
    const reader = { ...adminMe, permissions: { 'accounts.read': { everywhere: true, roots: [] } } };
    renderConsole('/accounts', 'en', { session: { ...signedInAsAdmin, me: reader } as SessionState });

    await screen.findByText('jane');
    expect(screen.queryByRole('button', { name: 'Create account' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Kebab toggle' })).toBeNull();
  });
});
