import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionState } from '../../session/SessionContext';
import { bodyOf, fakeServer, frameCalls, type FakeCall } from '../../testing/fakeServer';
import { adminMe, jsonResponse, renderConsole, signedInAsAdmin } from '../../testing/renderConsole';
import { stubResizeObserver } from '../../testing/resizeObserver';

const health = {
  status: 'UP',
  version: '0.1.0-SNAPSHOT',
  startedAt: '2026-11-26T10:00:00Z',
  uptimeSeconds: 7500,
  database: { kind: 'derby', product: 'Apache Derby', state: 'UP' },
  serverId: '5f0c9a52-8d7e-4a8e-9a35-0a4d1c0e8b11',
  installedAt: '2026-11-20T08:30:00Z',
};
const totals: Record<string, number> = { '': 120, CRITICAL: 3, WARNING: 17, OK: 100 };

function server() {
  return fakeServer({
    'GET /health': () => jsonResponse(health),
    'GET /devices': (_init, url) => {
      const query = new URL(url, 'https://x').searchParams;
      if (query.has('lastVisibleTo')) {
        return jsonResponse({ items: [{ id: 'd1', displayName: 'WS-0042', groupId: 'g', activity: { lastVisible: '2026-11-01T10:00:00Z' } }], total: 4 });
      }
      return jsonResponse({ items: [], total: totals[query.get('status') ?? ''] });
    },
    'GET /events': () =>
      jsonResponse({
        items: [
          { id: 'e1', occurredAt: new Date(Date.now() - 60_000).toISOString(), receivedAt: '', source: 'core', type: 'device-moved', severity: 'info' },
          { id: 'e2', occurredAt: new Date(Date.now() - 120_000).toISOString(), receivedAt: '', source: 'core', type: 'device-moved', severity: 'warning' },
        ],
      }),
    'GET /device-applications': () => jsonResponse({ items: [], expiringWithinDays: 30 }),
    'PUT /me/settings': (init) => jsonResponse(JSON.parse(String(init.body))),
  });
}

const withLayout = (widgets: string[]) =>
  ({ session: { ...signedInAsAdmin, settings: { language: 'en', dashboardLayout: { version: 1, widgets: widgets.map((widget) => ({ widget })) } } } as SessionState });

const savedLayouts = (calls: FakeCall[]) =>
  calls.filter((call) => call.key === 'PUT /me/settings').map((call) => (bodyOf(call).dashboardLayout as { widgets: { widget: string }[] }).widgets.map((entry) => entry.widget));

beforeEach(stubResizeObserver);

describe('Monitoring dashboard', () => {
  it('shows every widget to a new account, with counts from the server', async () => {
    server();
    renderConsole('/overview');

    const status = await screen.findByTestId('dashboard-widget-device-status', {}, { timeout: 5000 });
    expect(await within(status).findByRole('link', { name: '3 devices Critical: show them' })).toBeTruthy();
    expect(within(status).getByRole('link', { name: '120' }).getAttribute('href')).toBe('/devices');
    const notSeen = screen.getByTestId('dashboard-widget-not-seen');
    expect(await within(notSeen).findByText('4 devices not seen for more than 7 days; longest unseen first.')).toBeTruthy();
    expect(within(notSeen).getByRole('link', { name: 'Show them all' }).getAttribute('href')).toMatch(/^\/devices\?lastVisibleTo=.*&sort=lastVisible$/);
    expect(within(notSeen).getByRole('link', { name: 'WS-0042' }).getAttribute('href')).toBe('/devices/d1');
    const top = screen.getByTestId('dashboard-widget-top-event-types');
    const typeLink = await within(top).findByRole('link', { name: 'device-moved' });
    expect(typeLink.getAttribute('href')).toBe('/events?type=device-moved&source=core');
    const licences = screen.getByTestId('dashboard-widget-licence-usage');
    expect(await within(licences).findByText(/^No device reports a managed application yet\./)).toBeTruthy();
    expect(screen.getByTestId('dashboard-widget-protection-status')).toBeTruthy();
    expect(screen.getByTestId('health-status').textContent).toBe('UP');
  });

  it('keeps the layout the account arranged: removed, reordered and added widgets are saved in its settings', async () => {
    const calls = server();
    renderConsole('/overview', 'en', withLayout(['device-status', 'not-seen']));
    const user = userEvent.setup();

    await screen.findByTestId('dashboard-widget-not-seen', {}, { timeout: 5000 });
    expect(screen.queryByTestId('dashboard-widget-events-by-severity')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Customise' }));
    await user.click(screen.getByRole('button', { name: 'Move Devices not seen recently earlier' }));
    await user.click(screen.getByRole('button', { name: 'Remove Device status' }));
    await user.selectOptions(screen.getByLabelText('Widget to add'), 'top-event-types');
    await user.click(screen.getByRole('button', { name: 'Add widget' }));

    await screen.findByTestId('dashboard-widget-top-event-types');
    expect(savedLayouts(calls)).toEqual([['not-seen', 'device-status'], ['not-seen'], ['not-seen', 'top-event-types']]);
    expect(bodyOf(calls.at(-1)!)).toMatchObject({ language: 'en' });
    expect(calls.some((call) => call.key === 'GET /events')).toBe(true);
  }, 20_000);

  it('shows an empty dashboard as arranged, without loading anything for it', async () => {
    const calls = server();
    renderConsole('/overview', 'en', withLayout([]));

    expect(await screen.findByText('No widgets. Choose "Customise" to add some.', {}, { timeout: 5000 })).toBeTruthy();
    expect(calls.filter((call) => call.key !== 'GET /health' && !frameCalls.has(call.key))).toEqual([]);
  });

  it('neither shows nor offers widgets whose data the account may not read', async () => {
    server();
    const healthOnly = { ...signedInAsAdmin, settings: {}, me: { ...adminMe, permissions: { 'events.read': { everywhere: false, roots: ['g'] } } } } as SessionState;
    renderConsole('/overview', 'en', { session: healthOnly });
    const user = userEvent.setup();

    await screen.findByTestId('dashboard-widget-events-by-severity', {}, { timeout: 5000 });
    expect(screen.queryByTestId('dashboard-widget-device-status')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Customise' }));
    expect(screen.queryByLabelText('Widget to add')).toBeNull();
  });
});
