import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bodyOf, fakeServer } from '../../testing/fakeServer';
import { jsonResponse, problemResponse, renderConsole } from '../../testing/renderConsole';
import { deviceNumber, groupsAnswer, writerSession } from './testDevices';

const device = deviceNumber(7, {
  description: 'Reception',
  identity: { netbiosName: 'WS-7', dnsName: 'ws-7.corp.example', windowsDomain: 'CORP', windowsDomainType: 'ACTIVE_DIRECTORY' },
  status: { level: 'CRITICAL', reasons: [{ level: 'CRITICAL', source: 'endpoint', code: 'THREATS', text: 'Threats detected' }] },
  tags: [
    { name: 'lobby', source: 'admin' },
    { name: 'protected', source: 'endpoint' },
  ],
});
const path = `/devices/${device.id}`;

function server(routes: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    'GET /groups': () => jsonResponse(groupsAnswer),
    [`GET ${path}`]: () => jsonResponse(device),
    ...routes,
  });
}

const titleShown = () => screen.findByRole('heading', { level: 1, name: 'WS-0007' }, { timeout: 10_000 });

// The first test also loads the page's code; the machine running the tests may be busy.
describe('Device detail page', { timeout: 20_000 }, () => {
  it('shows every part of the record: identity, status reasons and tags with their source', async () => {
    server();
    renderConsole(path, 'en', { session: writerSession() });

    await titleShown();
    expect(await screen.findByText('Managed devices / Berlin')).toBeTruthy();
    expect(screen.getByText('CORP (ACTIVE_DIRECTORY)')).toBeTruthy();
    expect(screen.getByText('Threats detected')).toBeTruthy();
    expect(screen.getByText('lobby (administrator)')).toBeTruthy();
    expect(screen.getByText('protected (endpoint)')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'History' })).toBeTruthy();
  });

  it('edits the admin fields in place, showing the server refusing a field', async () => {
    const calls = server({
      [`PATCH ${path}`]: [
        () => problemResponse(422, 'Invalid input', { errors: [{ field: 'tags/1', message: 'must have 1-128 characters' }] }),
        (init) => jsonResponse({ ...device, ...JSON.parse(String(init.body)) }),
      ],
    });
    renderConsole(path, 'en', { session: writerSession() });
    const user = userEvent.setup();

    await titleShown();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: "Administrator's fields" });
    await user.clear(within(form).getByLabelText('Description'));
    await user.type(within(form).getByLabelText('Description'), 'Front desk');
    await user.clear(within(form).getByLabelText("Administrator's tags"));
    await user.type(within(form).getByLabelText("Administrator's tags"), 'lobby, x');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await within(form).findByText('must have 1-128 characters')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The changes are saved')).toBeTruthy();
    const patches = calls.filter((call) => call.key === `PATCH ${path}`).map(bodyOf);
    expect(patches.at(-1)).toEqual({ displayName: 'WS-0007', description: 'Front desk', tags: ['lobby', 'x'] });
    await waitFor(() => expect(calls.filter((call) => call.key === `GET ${path}`).length).toBe(2));
  });

  it('explains that sync now needs the agent gateway when the server does not know it', async () => {
    const calls = server({ 'POST /agents/sync-now': () => problemResponse(404, 'Not Found') });
    renderConsole(path, 'en', { session: writerSession() });
    const user = userEvent.setup();

    await titleShown();
    await user.click(screen.getByRole('button', { name: 'Sync now' }));

    expect(await screen.findByText(/the agent gateway is not installed or not running/)).toBeTruthy();
    expect(bodyOf(calls.find((call) => call.key === 'POST /agents/sync-now')!)).toEqual({ deviceIds: [device.id] });
  });

  it('opens the tab named in the URL and pages through the events', async () => {
    const event = (number: number) => ({
      id: `e${number}`,
      occurredAt: '2026-11-26T10:00:00Z',
      source: 'core',
      type: 'device-added',
      severity: 'info',
      description: `Event ${number}`,
    });
    const calls = server({
      [`GET ${path}/events`]: [
        () => jsonResponse({ items: [event(1), event(2)], nextCursor: 'more' }),
        () => jsonResponse({ items: [event(3)], nextCursor: null }),
      ],
    });
    renderConsole(`${path}?tab=events`, 'en', { session: writerSession() });
    const user = userEvent.setup();

    expect(await screen.findByText('Event 2', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Events' }).getAttribute('aria-selected')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Event 3')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    const eventCalls = calls.filter((call) => call.key === `GET ${path}/events`);
    expect(new URL(eventCalls[1]!.url, 'https://console.test').searchParams.get('cursor')).toBe('more');
  });

  it('filters the software list', async () => {
    server({
      [`GET ${path}/software`]: () =>
        jsonResponse([
          { name: 'Firefox', vendor: 'Mozilla', version: '130' },
          { name: '7-Zip', vendor: 'Igor Pavlov', version: '24.08' },
        ]),
    });
    renderConsole(`${path}?tab=software`, 'en', { session: writerSession() });
    const user = userEvent.setup();

    await screen.findByText('Firefox', {}, { timeout: 10_000 });
    await user.type(screen.getByLabelText('Filter by name, vendor or version'), 'moz');
    expect(screen.queryByText('7-Zip')).toBeNull();
    expect(screen.getByText('Firefox')).toBeTruthy();
  });

  it('says so when the device does not exist', async () => {
    fakeServer({ [`GET ${path}`]: () => problemResponse(404, 'Not Found', { detail: 'no device ' + device.id }) });
    renderConsole(path);

    expect(await screen.findByText('There is no such device', {}, { timeout: 10_000 })).toBeTruthy();
  });
});
