import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeletedObject } from '../../api/history';
import { fakeServer, noContent, type FakeCall } from '../../testing/fakeServer';
import { jsonResponse, problemResponse, renderConsole } from '../../testing/renderConsole';
import { alice, groupId, groupRevision, rootId, signedInAsRestorer } from './testHistory';

const parentGroupId = 'p0000000-0000-4000-8000-000000000001';
const parent: DeletedObject = {
  id: 'entry-parent',
  objectType: 'administration-group',
  objectId: parentGroupId,
  name: 'Germany',
  deletedAt: '2026-11-26T12:01:02Z',
  actor: alice,
  snapshot: { id: parentGroupId, parentId: rootId, name: 'Germany' },
};
const child: DeletedObject = {
  id: 'entry-child',
  objectType: 'administration-group',
  objectId: groupId,
  name: 'Berlin',
  deletedAt: '2026-11-26T12:01:02Z',
  actor: alice,
  snapshot: { id: groupId, parentId: parentGroupId, name: 'Berlin', deviceSettings: { inheritFromParent: true } },
};
const queryOf = (call: FakeCall) => new URL(call.url, 'https://console.test').searchParams;
/** The page's listing requests, without those the console frame makes on its own. */
const listings = (calls: FakeCall[]) => calls.filter((call) => call.key === 'GET /deleted-objects');

describe('Deleted objects page', () => {
  it('lists the entries of the type in the URL and shows a snapshot', async () => {
    const calls = fakeServer({ 'GET /deleted-objects': () => jsonResponse({ items: [child, parent], total: 2 }) });
    renderConsole('/deleted-objects?objectType=administration-group');
    const user = userEvent.setup();

    const row = await screen.findByTestId('deleted-Berlin', {}, { timeout: 5000 });
    expect(within(row).getByText('Group')).toBeTruthy();
    expect(within(row).getByText('alice (account)')).toBeTruthy();
    expect(screen.getByText('2 deleted objects')).toBeTruthy();
    expect(queryOf(listings(calls)[0]!).get('objectType')).toBe('administration-group');

    await user.click(within(row).getByRole('button', { name: 'Snapshot of Berlin' }));
    const dialog = await screen.findByRole('dialog');
    expect(JSON.parse(within(dialog).getByTestId('snapshot').textContent!)).toMatchObject({ parentId: parentGroupId });
  });

  it('changes the type filter through the URL', async () => {
    const calls = fakeServer({ 'GET /deleted-objects': () => jsonResponse({ items: [], total: 0 }) });
    renderConsole('/deleted-objects');
    const user = userEvent.setup();

    expect(await screen.findByText('No deleted objects', {}, { timeout: 5000 })).toBeTruthy();
    expect(queryOf(listings(calls)[0]!).get('objectType')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Object type'), 'device');
    await waitFor(() => expect(queryOf(listings(calls).at(-1)!).get('objectType')).toBe('device'));
  });

  it('names deleted policies and tasks in German and offers their types in the filter', async () => {
    const policy: DeletedObject = { ...child, id: 'entry-policy', objectType: 'policy', objectId: 'c0ffee00-0000-4000-8000-000000000001', name: 'Kiosk' };
    const task: DeletedObject = { ...child, id: 'entry-task', objectType: 'task', objectId: 'c0ffee00-0000-4000-8000-000000000002', name: 'Nightly scan' };
    const calls = fakeServer({ 'GET /deleted-objects': () => jsonResponse({ items: [policy, task], total: 2 }) });
    renderConsole('/deleted-objects', 'de');
    const user = userEvent.setup();

    expect(within(await screen.findByTestId('deleted-Kiosk', {}, { timeout: 5000 })).getByText('Richtlinie')).toBeTruthy();
    expect(within(screen.getByTestId('deleted-Nightly scan')).getByText('Aufgabe')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Objekttyp'), screen.getByRole('option', { name: 'Aufgabe' }));
    await waitFor(() => expect(queryOf(listings(calls).at(-1)!).get('objectType')).toBe('task'));
  });

  it('warns of a deleted parent and shows the server refusing the restore', async () => {
    fakeServer({
      'GET /deleted-objects': () => jsonResponse({ items: [child, parent], total: 2 }),
      'POST /deleted-objects/entry-child/restore': () => problemResponse(409, 'Conflict', { detail: 'Restore the parent group first.' }),
    });
    renderConsole('/deleted-objects', 'en', { session: signedInAsRestorer });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Restore Berlin' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Its parent group Germany is deleted too (see this list): restore that first.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));

    expect(await within(dialog).findByText('Berlin cannot be restored')).toBeTruthy();
    expect(within(dialog).getByText('Conflict: Restore the parent group first.')).toBeTruthy();
    expect(screen.getByTestId('deleted-Berlin')).toBeTruthy();
  });

  it('restores an entry and links to the group and its history', async () => {
    const restored = groupRevision(4, 'Germany', [], 'restored');
    fakeServer({
      'GET /deleted-objects': [() => jsonResponse({ items: [parent], total: 1 }), () => jsonResponse({ items: [], total: 0 })],
      'POST /deleted-objects/entry-parent/restore': () => jsonResponse(restored),
    });
    renderConsole('/deleted-objects', 'en', { session: signedInAsRestorer });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Restore Germany' }, { timeout: 5000 }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore' }));

    expect(await screen.findByText('Germany restored')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open it' }).getAttribute('href')).toBe(`/groups/${parentGroupId}`);
    expect(screen.getAllByRole('link', { name: 'Revision history' }).at(-1)!.getAttribute('href')).toBe(
      `/history?objectType=administration-group&objectId=${parentGroupId}`,
    );
    expect(await screen.findByText('No deleted objects')).toBeTruthy();
  });

  it('purges only after a confirmation that says it is permanent', async () => {
    const calls = fakeServer({
      'GET /deleted-objects': [() => jsonResponse({ items: [parent], total: 1 }), () => jsonResponse({ items: [], total: 0 })],
      'DELETE /deleted-objects/entry-parent': noContent,
    });
    renderConsole('/deleted-objects', 'en', { session: signedInAsRestorer });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Actions of Germany' }, { timeout: 5000 }));
    await user.click(await screen.findByRole('menuitem', { name: 'Purge…' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Purging is permanent/)).toBeTruthy();
    expect(calls.some((call) => call.key === 'DELETE /deleted-objects/entry-parent')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Purge for good' }));

    expect(await screen.findByText('Germany purged')).toBeTruthy();
    expect(calls.filter((call) => call.key === 'DELETE /deleted-objects/entry-parent')).toHaveLength(1);
  });

  it('offers neither restore nor purge without history.restore', async () => {
    fakeServer({ 'GET /deleted-objects': () => jsonResponse({ items: [parent], total: 1 }) });
    renderConsole('/deleted-objects');

    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Actions of Germany' }, { timeout: 5000 }));
    expect(await screen.findByRole('menuitem', { name: 'Revision history' })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: 'Purge…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Restore Germany' })).toBeNull();
  });
});
