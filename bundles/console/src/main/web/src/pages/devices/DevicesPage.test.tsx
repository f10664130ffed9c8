import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyOf, fakeServer, type FakeCall } from '../../testing/fakeServer';
import { jsonResponse, problemResponse, renderConsole } from '../../testing/renderConsole';
import { berlinGroupId, deviceNumber, groupsAnswer, unassignedGroupId, writerSession } from './testDevices';

// jsdom lays nothing out: the table's scroll box gets the height of a screenful so the virtual list renders rows.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});
afterEach(() => {
  if (clientHeight) {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
  }
});

const listCalls = (calls: FakeCall[]) => calls.filter((call) => call.key === 'GET /devices').map((call) => new URL(call.url, 'https://console.test').searchParams);

/** The first render loads the page's code chunk, which takes a while on a busy machine. */
const pageShows = (name: string) => screen.findByRole('link', { name }, { timeout: 10_000 });

function server(routes: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    'GET /groups': () => jsonResponse(groupsAnswer),
    'GET /devices': () => jsonResponse({ items: [deviceNumber(1), deviceNumber(2, { groupId: unassignedGroupId })], nextCursor: null, total: 2 }),
    ...routes,
  });
}

// The first test also loads the page's code; the machine running the tests may be busy.
describe('Devices page', { timeout: 20_000 }, () => {
  it('takes its filters from the URL and puts changed filters back into the listing request', async () => {
    const calls = server();
    renderConsole(`/devices?group=${berlinGroupId}&subtree=false&status=WARNING&os=LINUX&q=ws-&sort=lastVisible&order=desc`);
    const user = userEvent.setup();

    await pageShows('WS-0001');
    const first = listCalls(calls)[0]!;
    expect(Object.fromEntries(first)).toMatchObject({
      group: berlinGroupId,
      subtree: 'false',
      status: 'WARNING',
      os: 'LINUX',
      q: 'ws-',
      sort: 'lastVisible',
      order: 'desc',
      limit: '100',
    });
    expect((screen.getByLabelText('Administration group') as HTMLSelectElement).value).toBe(berlinGroupId);
    expect(screen.getByRole('button', { name: 'Warning' }).getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByLabelText('Search devices by name, IP or MAC address') as HTMLInputElement).value).toBe('ws-');

    await user.click(screen.getByRole('button', { name: 'Critical' }));
    await waitFor(() => expect(listCalls(calls).at(-1)!.get('status')).toBe('WARNING,CRITICAL'));
    expect(listCalls(calls).at(-1)!.get('group')).toBe(berlinGroupId);

    await user.type(screen.getByLabelText('Tag'), 'vip{Enter}');
    await waitFor(() => expect(listCalls(calls).at(-1)!.get('tag')).toBe('vip'));

    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
    await waitFor(() => expect([...listCalls(calls).at(-1)!.keys()].sort()).toEqual(['limit', 'order', 'sort']));
  });

  it('shows the total and status reasons, and keeps the column choice in the account settings', async () => {
    const calls = server({
      'GET /devices': () =>
        jsonResponse({
          items: [
            deviceNumber(1, {
              status: { level: 'WARNING', reasons: [{ level: 'WARNING', source: 'core', code: 'RESTART_PENDING', text: 'Restart pending' }] },
            }),
          ],
          nextCursor: null,
          total: 1,
        }),
      'PUT /me/settings': (init) => jsonResponse(JSON.parse(String(init.body))),
    });
    renderConsole('/devices', 'en', { session: writerSession({ theme: 'dark', tableColumns: { accounts: ['login'], devices: ['name', 'status', 'dnsName'] } }) });
    const user = userEvent.setup();

    await pageShows('WS-0001');
    expect(screen.getByTestId('devices-count').textContent).toBe('1 device, 0 selected');
    expect(screen.getByRole('columnheader', { name: 'DNS name' })).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: /IPv4/ })).toBeNull();
    await user.hover(screen.getByText('Warning', { selector: '.pf-v6-c-label__text' }));
    expect(await screen.findByText('Restart pending')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(await screen.findByRole('checkbox', { name: 'IPv4 address' }));

    await waitFor(() => expect(calls.some((call) => call.key === 'PUT /me/settings')).toBe(true));
    expect(bodyOf(calls.find((call) => call.key === 'PUT /me/settings')!)).toEqual({
      theme: 'dark',
      tableColumns: { accounts: ['login'], devices: ['name', 'status', 'ipv4', 'dnsName'] },
    });
    expect(await screen.findByRole('columnheader', { name: /IPv4 address/ })).toBeTruthy();
  });

  it('renders only the rows in view and loads the next page while scrolling', async () => {
    const page = (from: number, count: number) => Array.from({ length: count }, (_, index) => deviceNumber(from + index));
    const calls = server({
      'GET /devices': [
        () => jsonResponse({ items: page(1, 100), nextCursor: 'cursor-2', total: 150 }),
        () => jsonResponse({ items: page(101, 50), nextCursor: null, total: 150 }),
      ],
    });
    renderConsole('/devices?os=WINDOWS');

    await pageShows('WS-0001');
    expect(screen.getByTestId('devices-count').textContent).toBe('150 devices');
    expect(screen.getAllByRole('link', { name: /^WS-/ }).length).toBeLessThan(40);
    expect(screen.queryByRole('link', { name: 'WS-0090' })).toBeNull();
    expect(listCalls(calls)).toHaveLength(1);

    const box = screen.getByTestId('devices-scroll');
    Object.defineProperty(box, 'scrollTop', { configurable: true, value: 80 * 41 });
    fireEvent.scroll(box);

    expect(await screen.findByRole('link', { name: 'WS-0090' })).toBeTruthy();
    await waitFor(() => expect(listCalls(calls)).toHaveLength(2));
    expect(listCalls(calls)[1]!.get('cursor')).toBe('cursor-2');
    expect(listCalls(calls)[1]!.get('os')).toBe('WINDOWS');
    Object.defineProperty(box, 'scrollTop', { configurable: true, value: 130 * 41 });
    fireEvent.scroll(box);
    expect(await screen.findByRole('link', { name: 'WS-0140' })).toBeTruthy();
  });

  it('moves the selected devices and names each device the server refused', async () => {
    const one = deviceNumber(1);
    const two = deviceNumber(2);
    const refused = () => problemResponse(422, 'Invalid input', { errors: [{ field: 'deviceIds', message: `unknown device ${two.id}` }] });
    const calls = server({
      'GET /devices': () => jsonResponse({ items: [one, two], nextCursor: null, total: 2 }),
      'POST /devices/bulk/move': [refused, () => jsonResponse({ requested: 1, affected: 1 }), refused],
    });
    renderConsole('/devices', 'en', { session: writerSession() });
    const user = userEvent.setup();

    await pageShows('WS-0001');
    expect(screen.getByRole('button', { name: 'Move to group' }).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Select all loaded devices' }));
    expect(screen.getByTestId('devices-count').textContent).toBe('2 devices, 2 selected');
    await user.click(screen.getByRole('button', { name: 'Move to group' }));
    const dialog = await screen.findByRole('dialog');
    await user.selectOptions(within(dialog).getByLabelText(/Target group/), berlinGroupId);
    await user.click(within(dialog).getByRole('button', { name: 'Move to group' }));

    expect(await screen.findByText('Moved 1 of 2 devices')).toBeTruthy();
    const moves = calls.filter((call) => call.key === 'POST /devices/bulk/move').map(bodyOf);
    expect(moves).toEqual([
      { deviceIds: [one.id, two.id], groupId: berlinGroupId },
      { deviceIds: [one.id], groupId: berlinGroupId },
      { deviceIds: [two.id], groupId: berlinGroupId },
    ]);
    await user.click(screen.getByRole('button', { name: '1 device could not be changed' }));
    expect(screen.getByText(`WS-0002: Invalid input`)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('devices-count').textContent).toBe('2 devices, 1 selected'));
  });

  it('warns that removing devices from "Unassigned devices" deletes them', async () => {
    const calls = server({ 'POST /devices/bulk/delete': () => jsonResponse({ requested: 2, affected: 2 }) });
    renderConsole('/devices', 'en', { session: writerSession() });
    const user = userEvent.setup();

    await pageShows('WS-0001');
    await user.click(screen.getByRole('checkbox', { name: 'Select all loaded devices' }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/are deleted for good/)).toBeTruthy();
    expect(within(dialog).getByText('1 of the selected devices is in "Unassigned devices" and will be deleted.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));

    expect(await screen.findByText('Removed 2 of 2 devices')).toBeTruthy();
    expect(bodyOf(calls.find((call) => call.key === 'POST /devices/bulk/delete')!)).toEqual({ deviceIds: [deviceNumber(1).id, deviceNumber(2).id] });
  });

  it('offers no selection or bulk actions to an account that may only read devices', async () => {
    server();
    renderConsole('/devices');

    await pageShows('WS-0001');
    expect(screen.queryByRole('button', { name: 'Move to group' })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'Select all loaded devices' })).toBeNull();
  });

  it('shows the server refusing a filter', async () => {
    server({ 'GET /devices': () => problemResponse(422, 'Invalid input', { detail: 'lastVisibleFrom must be an ISO-8601 instant' }) });
    renderConsole('/devices?lastVisibleFrom=yesterday');

    expect(await screen.findByText('Invalid input: lastVisibleFrom must be an ISO-8601 instant')).toBeTruthy();
    expect(screen.getByText('The devices could not be loaded')).toBeTruthy();
  });
});
