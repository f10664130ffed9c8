import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer, type FakeCall } from '../../testing/fakeServer';
import { jsonResponse, problemResponse, renderConsole } from '../../testing/renderConsole';
import { groupId, groupRevision, signedInAsRestorer } from './testHistory';

/** Opens a revision's actions menu and chooses one. */
async function chooseAction(user: ReturnType<typeof userEvent.setup>, number: number, action: string) {
  await user.click(await screen.findByRole('button', { name: `Actions of revision ${number}` }, { timeout: 5000 }));
  await user.click(await screen.findByRole('menuitem', { name: action }));
}

const first = groupRevision(1, 'Berlin', [
  { op: 'add', path: '/name', value: 'Berlin' },
  { op: 'add', path: '/parentId', value: '00000000-0000-0000-0000-000000000001' },
], 'created');
const second = groupRevision(2, 'Berlin HQ', [{ op: 'replace', path: '/name', value: 'Berlin HQ' }]);
const third = groupRevision(3, 'Berlin Mitte', [{ op: 'replace', path: '/name', value: 'Berlin Mitte' }]);
const queryOf = (call: FakeCall) => new URL(call.url, 'https://console.test').searchParams;
const deepLink = `/history?objectType=administration-group&objectId=${groupId}`;

describe('Revision history page', () => {
  it('lists the revisions of the object the deep link names', async () => {
    const calls = fakeServer({ 'GET /revisions': () => jsonResponse({ items: [second, first], total: 2 }) });
    renderConsole(deepLink);

    const row = await screen.findByTestId('revision-2', {}, { timeout: 5000 });
    expect(within(row).getByText('alice (account)')).toBeTruthy();
    expect(within(row).getByText('renamed')).toBeTruthy();
    expect(within(row).getByText('name')).toBeTruthy();
    expect(screen.getByText('2 revisions')).toBeTruthy();
    expect(screen.getByText('Revisions of Group Berlin HQ')).toBeTruthy();
    const query = queryOf(calls.find((call) => call.key === 'GET /revisions')!);
    expect(query.get('objectType')).toBe('administration-group');
    expect(query.get('objectId')).toBe(groupId);
    expect((screen.getByLabelText('Object type') as HTMLSelectElement).value).toBe('administration-group');
  });

  it('shows what a revision changed, old value against new, from the previous revision on screen', async () => {
    fakeServer({ 'GET /revisions': () => jsonResponse({ items: [second, first], total: 2 }) });
    renderConsole(deepLink);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Changes of revision 2' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    const diff = within(dialog).getByTestId('revision-diff');
    const row = within(diff).getByText('name').closest('tr')!;
    expect(within(row).getByText('Berlin').tagName).toBe('DEL');
    expect(within(row).getByText('Berlin HQ').tagName).toBe('INS');
    expect(within(row).getByText('changed')).toBeTruthy();

    await user.click(within(dialog).getByRole('tab', { name: 'Snapshot' }));
    expect(JSON.parse(within(dialog).getByTestId('snapshot').textContent!)).toMatchObject({ name: 'Berlin HQ' });
  });

  it('fetches the previous revision when it is not on screen, for a revision opened by its URL', async () => {
    const calls = fakeServer({
      // The recent list has other revisions; the object's own revisions are walked to find number 2.
      'GET /revisions': (_init, url) =>
        new URL(url, 'https://x').searchParams.get('objectId') === groupId
          ? jsonResponse({ items: [third, second, first], total: 3 })
          : jsonResponse({ items: [], total: 0 }),
      'GET /revisions/rev-3': () => jsonResponse(third),
    });
    renderConsole('/history?revision=rev-3');

    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    const row = (await within(dialog).findByText('Berlin Mitte')).closest('tr')!;
    expect(within(row).getByText('Berlin HQ')).toBeTruthy();
    expect(calls.some((call) => call.key === 'GET /revisions' && queryOf(call).get('objectId') === groupId)).toBe(true);
  });

  it('still shows the new values when the previous revision cannot be read', async () => {
    fakeServer({
      'GET /revisions': (_init, url) =>
        new URL(url, 'https://x').searchParams.get('objectId')
          ? problemResponse(503, 'Service Unavailable', { detail: 'The database cannot be reached' })
          : jsonResponse({ items: [], total: 0 }),
      'GET /revisions/rev-3': () => jsonResponse(third),
    });
    renderConsole('/history?revision=rev-3');

    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    expect(await within(dialog).findByText('The previous revision could not be loaded, so the old values cannot be shown')).toBeTruthy();
    const row = within(dialog).getByText('Berlin Mitte').closest('tr')!;
    expect(within(row).getByText('(unknown)')).toBeTruthy();
  });

  it('shows the server refusing a restore inside the dialogue, and changes nothing on screen', async () => {
    fakeServer({
      'GET /revisions': () => jsonResponse({ items: [second, first], total: 2 }),
      'POST /revisions/rev-1/restore': () =>
        problemResponse(409, 'Conflict', { detail: 'A sibling group is already named Berlin.' }),
    });
    renderConsole(deepLink, 'en', { session: signedInAsRestorer });
    const user = userEvent.setup();

    await chooseAction(user, 1, 'Restore…');
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/is put back into the state of revision 1/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));

    expect(await within(dialog).findByText('The server refused the restore')).toBeTruthy();
    expect(within(dialog).getByText('Conflict: A sibling group is already named Berlin.')).toBeTruthy();
    expect(screen.queryByText(/Restored: revision/)).toBeNull();
  });

  it('lists each field the server names in a refused restore', async () => {
    fakeServer({
      'GET /revisions': () => jsonResponse({ items: [second, first], total: 2 }),
      'POST /revisions/rev-1/restore': () =>
        problemResponse(422, 'Invalid input', { detail: 'The snapshot is not valid any more', errors: [{ field: 'name', message: 'must not be blank' }] }),
    });
    renderConsole(deepLink, 'en', { session: signedInAsRestorer });
    const user = userEvent.setup();

    await chooseAction(user, 1, 'Restore…');
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(await within(dialog).findByText('name: must not be blank')).toBeTruthy();
  });

  it('restores a revision and shows the revision that records it', async () => {
    const restored = groupRevision(3, 'Berlin', [{ op: 'replace', path: '/name', value: 'Berlin' }], 'restored');
    const calls = fakeServer({
      'GET /revisions': [() => jsonResponse({ items: [second, first], total: 2 }), () => jsonResponse({ items: [restored, second, first], total: 3 })],
      'POST /revisions/rev-1/restore': () => jsonResponse(restored),
    });
    renderConsole(deepLink, 'en', { session: signedInAsRestorer });
    const user = userEvent.setup();

    await chooseAction(user, 1, 'Restore…');
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore' }));

    expect(await screen.findByText('Restored: revision 3 records the change')).toBeTruthy();
    expect(await screen.findByTestId('revision-3')).toBeTruthy();
    expect(calls.filter((call) => call.key === 'POST /revisions/rev-1/restore')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'See what changed' }));
    const dialog = await screen.findByRole('dialog');
    const row = (await within(dialog).findByText('name')).closest('tr')!;
    expect(within(row).getByText('Berlin HQ')).toBeTruthy();
  });

  it('offers no restore to an account without history.restore', async () => {
    fakeServer({ 'GET /revisions': () => jsonResponse({ items: [second, first], total: 2 }) });
    renderConsole(deepLink);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Actions of revision 2' }, { timeout: 5000 }));
    expect(await screen.findByRole('menuitem', { name: 'Snapshot' })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: /Restore/ })).toBeNull();
  });

  it('goes from a revision of the recent list to the history of its object', async () => {
    const calls = fakeServer({ 'GET /revisions': () => jsonResponse({ items: [second], total: 1 }) });
    renderConsole('/history');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Show the revisions of Group Berlin HQ' }, { timeout: 5000 }));
    await waitFor(() => expect(queryOf(calls.at(-1)!).get('objectId')).toBe(groupId));
    expect(queryOf(calls.at(-1)!).get('objectType')).toBe('administration-group');
  });
});
