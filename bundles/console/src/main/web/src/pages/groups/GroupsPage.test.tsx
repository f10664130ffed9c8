import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../session/SessionContext';
import { bodyOf, fakeServer, noContent } from '../../testing/fakeServer';
import { adminMe, jsonResponse, problemResponse, renderConsole, signedInAsAdmin } from '../../testing/renderConsole';

const managed = '00000000-0000-0000-0000-000000000001';
const unassigned = '00000000-0000-0000-0000-000000000002';
const berlin = 'b0000000-0000-4000-8000-000000000001';
const paris = 'b0000000-0000-4000-8000-000000000002';
const floor = 'b0000000-0000-4000-8000-000000000003';

const tree = [
  {
    id: managed,
    name: 'Managed devices',
    builtIn: true,
    deviceCount: 0,
    subtreeDeviceCount: 12,
    children: [
      {
        id: berlin,
        name: 'Berlin',
        builtIn: false,
        deviceCount: 3,
        subtreeDeviceCount: 12,
        children: [{ id: floor, name: 'Floor 1', builtIn: false, deviceCount: 9, subtreeDeviceCount: 9, children: [] }],
      },
      { id: paris, name: 'Paris', builtIn: false, deviceCount: 0, subtreeDeviceCount: 0, children: [] },
    ],
  },
  { id: unassigned, name: 'Unassigned devices', builtIn: true, deviceCount: 5, subtreeDeviceCount: 5, children: [] },
];

const writer = {
  ...signedInAsAdmin,
  me: { ...adminMe, permissions: { ...adminMe.permissions, 'groups.write': { everywhere: true, roots: [] } } },
} as SessionState;

const row = (name: string) => screen.getByTestId(`group-row-${name}`);

describe('Groups page', () => {
  it('shows the tree with device counts, links to each group and to its devices', async () => {
    fakeServer({ 'GET /groups/tree': () => jsonResponse(tree) });
    renderConsole('/groups', 'en', { session: writer });

    await screen.findByRole('link', { name: 'Berlin' });
    expect(within(row('Berlin')).getByRole('link', { name: 'Berlin' }).getAttribute('href')).toBe(`/groups/${berlin}`);
    expect(within(row('Berlin')).getByText('3')).toBeTruthy();
    expect(
      within(row('Berlin')).getByRole('link', { name: 'Show the 12 devices of Berlin and its subgroups' }).getAttribute('href'),
    ).toBe(`/devices?group=${berlin}`);
    expect(screen.queryByTestId('group-row-Floor 1')).toBeNull();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Expand Berlin' }));
    expect(row('Floor 1').getAttribute('aria-level')).toBe('3');
  });

  it('protects the built-in groups: no rename, move or delete, and no subgroups for "Unassigned devices"', async () => {
    fakeServer({ 'GET /groups/tree': () => jsonResponse(tree) });
    renderConsole('/groups', 'en', { session: writer });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Actions of Managed devices' }));
    expect(await screen.findByRole('menuitem', { name: 'Create subgroup' })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: 'Rename' })).toBeNull();
    expect(screen.queryByRole('menuitem', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Actions of Unassigned devices' })).toBeNull();
    expect(row('Managed devices').getAttribute('draggable')).toBe('false');
    expect(row('Berlin').getAttribute('draggable')).toBe('true');
  });

  it('creates a subgroup and shows the server refusing a name a sibling has', async () => {
    const calls = fakeServer({
      'GET /groups/tree': () => jsonResponse(tree),
      'POST /groups': [
        () => problemResponse(409, 'Conflict', { detail: 'A group named "Paris" already exists here' }),
        (init) => jsonResponse({ id: 'new', builtIn: false, ...JSON.parse(String(init.body)) }, 201),
      ],
    });
    renderConsole('/groups', 'en', { session: writer });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Actions of Berlin' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Create subgroup' }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText(/Parent group/) as HTMLSelectElement).value).toBe(berlin);
    await user.type(within(dialog).getByLabelText(/Name/), 'Paris');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Conflict: A group named "Paris" already exists here')).toBeTruthy();

    await user.clear(within(dialog).getByLabelText(/Name/));
    await user.type(within(dialog).getByLabelText(/Name/), 'Floor 2');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('Group Floor 2 created')).toBeTruthy();
    expect(bodyOf(calls.filter((call) => call.key === 'POST /groups').at(-1)!)).toEqual({ parentId: berlin, name: 'Floor 2' });
  });

  it('moves a group with "Move to…", offering only the groups the server accepts', async () => {
    const calls = fakeServer({
      'GET /groups/tree': () => jsonResponse(tree),
      [`POST /groups/${berlin}/move`]: () => jsonResponse({ id: berlin, parentId: paris, name: 'Berlin', builtIn: false }),
    });
    renderConsole('/groups', 'en', { session: writer });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Actions of Berlin' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Move to…' }));
    const dialog = await screen.findByRole('dialog');
    const target = within(dialog).getByLabelText(/New parent group/) as HTMLSelectElement;
    expect([...target.options].map((option) => option.textContent)).toEqual(['Managed devices / Paris']);
    await user.click(within(dialog).getByRole('button', { name: 'Move' }));

    expect(await screen.findByText('Berlin moved under Managed devices / Paris')).toBeTruthy();
    expect(bodyOf(calls.find((call) => call.key === `POST /groups/${berlin}/move`)!)).toEqual({ parentId: paris });
  });

  it('moves a group dropped onto another one after asking, and refuses a drop onto its own subgroup', async () => {
    const calls = fakeServer({
      'GET /groups/tree': () => jsonResponse(tree),
      [`POST /groups/${paris}/move`]: () => jsonResponse({ id: paris, parentId: berlin, name: 'Paris', builtIn: false }),
    });
    renderConsole('/groups', 'en', { session: writer });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Expand Berlin' }));
    const dataTransfer = { setData: () => undefined, effectAllowed: '', dropEffect: '' };

    fireEvent.dragStart(row('Berlin'), { dataTransfer });
    expect(fireEvent.dragOver(row('Floor 1'), { dataTransfer })).toBe(true);
    fireEvent.drop(row('Floor 1'), { dataTransfer });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.dragStart(row('Paris'), { dataTransfer });
    expect(fireEvent.dragOver(row('Berlin'), { dataTransfer })).toBe(false);
    fireEvent.drop(row('Berlin'), { dataTransfer });
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText(/New parent group/) as HTMLSelectElement).value).toBe(berlin);
    await user.click(within(dialog).getByRole('button', { name: 'Move' }));

    await screen.findByText('Paris moved under Managed devices / Berlin');
    expect(bodyOf(calls.find((call) => call.key === `POST /groups/${paris}/move`)!)).toEqual({ parentId: berlin });
  });

  it('deletes a group with its subgroups in the mode chosen, and shows the server refusing members', async () => {
    const calls = fakeServer({
      'GET /groups/tree': () => jsonResponse(tree),
      [`DELETE /groups/${berlin}`]: [
        () => problemResponse(409, 'Conflict', { detail: 'The group "Berlin" and its subgroups still hold 12 devices' }),
        noContent,
      ],
    });
    renderConsole('/groups', 'en', { session: writer });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Actions of Berlin' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText(/This group and its subgroups, if none/) as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText(/still hold 12 devices/)).toBeTruthy();

    await user.click(within(dialog).getByLabelText(/This group, its subgroups and everything in them/));
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await screen.findByText('Group Berlin deleted');
    const deletes = calls.filter((call) => call.key === `DELETE /groups/${berlin}`);
    expect(deletes.map((call) => new URL(call.url, 'https://x').searchParams.get('mode'))).toEqual(['with-subgroups', 'with-members']);
  });

  it('offers no changes to an account that may only read groups', async () => {
    fakeServer({ 'GET /groups/tree': () => jsonResponse(tree) });
    renderConsole('/groups');

    await screen.findByRole('link', { name: 'Berlin' });
    expect(screen.queryByRole('button', { name: 'Create group' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Actions of/ })).toBeNull();
    expect(row('Berlin').getAttribute('draggable')).toBeNull();
  });
});
