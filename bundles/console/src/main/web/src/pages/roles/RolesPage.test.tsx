import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bodyOf, fakeServer } from '../../testing/fakeServer';
import { jsonResponse, renderConsole } from '../../testing/renderConsole';

const permissions = {
  items: [
    { id: 'devices.read', area: 'devices', description: 'See devices', groupScoped: true },
    { id: 'devices.write', area: 'devices', description: 'Change devices', groupScoped: true },
    { id: 'accounts.read', area: 'accounts', description: 'See accounts and roles', groupScoped: false },
  ],
};
const auditor = { id: '00000000-0000-0000-0000-00000000a004', name: 'Auditor', description: 'Reads everything', builtIn: true, permissions: ['devices.read', 'accounts.read'] };
const helpdesk = { id: '7d0c0000-0000-4000-8000-00000000c001', name: 'Helpdesk', description: 'First line', builtIn: false, permissions: ['devices.read'] };

describe('Roles page', () => {
  it('shows a built-in role read-only with its permissions by area', async () => {
    fakeServer({
      'GET /roles': () => jsonResponse({ items: [auditor, helpdesk] }),
      'GET /permissions': () => jsonResponse(permissions),
    });
    renderConsole('/roles');
    const user = userEvent.setup();

    const row = (await screen.findByText('Auditor')).closest('tr')!;
    expect(within(row).getByText('Built-in')).toBeTruthy();
    expect(within(row).getByText('2 permissions')).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: 'View' }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Area: devices')).toBeTruthy();
    expect(within(dialog).getByText('Area: accounts')).toBeTruthy();
    const read = within(dialog).getByLabelText('devices.read') as HTMLInputElement;
    expect(read.checked).toBe(true);
    expect(read.disabled).toBe(true);
    expect((within(dialog).getByLabelText('devices.write') as HTMLInputElement).checked).toBe(false);
    expect(within(dialog).queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('creates a custom role from ticked permissions and edits one', async () => {
    const calls = fakeServer({
      'GET /roles': () => jsonResponse({ items: [auditor, helpdesk] }),
      'GET /permissions': () => jsonResponse(permissions),
      'POST /roles': (init) => jsonResponse({ ...JSON.parse(String(init.body)), id: 'new', builtIn: false }, 201),
      'PUT /roles/7d0c0000-0000-4000-8000-00000000c001': (init) => jsonResponse({ ...helpdesk, ...JSON.parse(String(init.body)) }),
    });
    renderConsole('/roles');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Create role' }));
    let dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Name/), 'Device editors');
    await user.click(within(dialog).getByLabelText('devices.read'));
    await user.click(within(dialog).getByLabelText('devices.write'));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await screen.findByRole('button', { name: 'Create role' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bodyOf(calls.find((call) => call.key === 'POST /roles')!)).toEqual({
      name: 'Device editors',
      description: null,
      permissions: ['devices.read', 'devices.write'],
    });

    const row = screen.getByText('Helpdesk').closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Kebab toggle' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText('accounts.read'));
    await user.click(within(dialog).getByLabelText('devices.read'));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await screen.findByRole('button', { name: 'Create role' });
    expect(bodyOf(calls.find((call) => call.key.startsWith('PUT /roles/'))!)).toEqual({
      name: 'Helpdesk',
      description: 'First line',
      permissions: ['accounts.read'],
    });
  });
});
