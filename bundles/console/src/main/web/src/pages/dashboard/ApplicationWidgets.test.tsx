import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationSummary } from '../../api/deviceApplications';
import type { SessionState } from '../../session/SessionContext';
import { fakeServer, type FakeHandler } from '../../testing/fakeServer';
import { jsonResponse, problemResponse, renderConsole, signedInAsAdmin } from '../../testing/renderConsole';
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

const protection: ApplicationSummary = {
  applicationId: 'endpoint-protection',
  name: 'Endpoint Protection',
  devices: 120,
  states: { RUNNING: 110, STOPPED: 10 },
  realTimeProtection: { ON: 100, PAUSED: 5, OFF: 12, UNKNOWN: 3 },
  threatsDetected: 42,
  notDisinfected: 1,
  licences: {
    withoutKey: 4,
    expired: 2,
    expiring: 7,
    valid: 107,
    keys: [
      { key: '…7K3QF', devices: 50, expiresAt: '2099-01-31T00:00:00Z' },
      { key: '…Q81ZD', devices: 38, expiresAt: null },
      { key: '…OLD01', devices: 2, expiresAt: '2020-05-01T00:00:00Z' },
      { key: '…AAAA4', devices: 1, expiresAt: null },
      { key: '…AAAA5', devices: 1, expiresAt: null },
      { key: '…AAAA6', devices: 1, expiresAt: null },
    ],
  },
};

const control: ApplicationSummary = {
  applicationId: 'device-control',
  name: 'Device Control',
  devices: 30,
  states: { RUNNING: 30 },
  realTimeProtection: { NOT_SUPPORTED: 30 },
  threatsDetected: 0,
  notDisinfected: 0,
  licences: { withoutKey: 30, expired: 0, expiring: 0, valid: 0, keys: [] },
};

const bothWidgets = {
  session: {
    ...signedInAsAdmin,
    settings: { language: 'en', dashboardLayout: { version: 1, widgets: [{ widget: 'protection-status' }, { widget: 'licence-usage' }] } },
  } as SessionState,
};

function server(applications: FakeHandler) {
  return fakeServer({ 'GET /health': () => jsonResponse(health), 'GET /device-applications': applications });
}

const summaries = (items: ApplicationSummary[]) => () => jsonResponse({ items, expiringWithinDays: 30 });

beforeEach(stubResizeObserver);

describe('Protection status and licence usage widgets', () => {
  it('chart the real-time protection of each application that has it, and link to its devices', async () => {
    const calls = server(summaries([control, protection]));
    renderConsole('/overview', 'en', bothWidgets);

    const widget = await screen.findByTestId('dashboard-widget-protection-status', {}, { timeout: 5000 });
    expect(within(widget).getByRole('heading', { name: 'Protection status' })).toBeTruthy();
    expect(await within(widget).findByTestId('protection-chart')).toBeTruthy();
    const table = within(widget).getByRole('table', { name: /^Devices per managed application and real-time protection state/ });
    const row = within(table).getByRole('row', { name: /Endpoint Protection/ });
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['100', '5', '12', '3']);
    expect(within(table).queryByText('Device Control')).toBeNull();

    const list = within(widget).getByRole('list', { name: 'Managed applications with real-time protection and their devices' });
    expect(within(list).getByRole('link', { name: 'Endpoint Protection: 120 devices' }).getAttribute('href')).toBe('/devices?app=endpoint-protection');
    expect(within(list).getByText('42 threats detected · 1 object not disinfected')).toBeTruthy();
    expect(within(list).queryByText(/Device Control/)).toBeNull();

    const requests = calls.filter((call) => call.key === 'GET /device-applications');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toContain('expiringWithinDays=30');
  });

  it('list each application’s licence standing and its most used keys, masked, with their expiry', async () => {
    server(summaries([control, protection]));
    renderConsole('/overview', 'en', bothWidgets);

    const widget = await screen.findByTestId('dashboard-widget-licence-usage', {}, { timeout: 5000 });
    const section = await within(widget).findByRole('region', { name: 'Endpoint Protection' });
    const counts = within(section).getByLabelText('Licences of Endpoint Protection');
    expect(within(counts).getByText('Without key')).toBeTruthy();
    expect(within(section).getByTestId('licences-endpoint-protection-withoutKey').textContent).toBe('4');
    expect(within(section).getByTestId('licences-endpoint-protection-expired').textContent).toBe('2');
    expect(within(section).getByTestId('licences-endpoint-protection-expiring').textContent).toBe('7');
    expect(within(section).getByTestId('licences-endpoint-protection-valid').textContent).toBe('107');
    expect(within(counts).getByText('Expiring within 30 days')).toBeTruthy();

    const link = within(section).getByRole('link', { name: 'Endpoint Protection: 120 devices' });
    expect(link.textContent).toBe('120 devices');
    expect(link.getAttribute('href')).toBe('/devices?app=endpoint-protection');

    const keys = within(section).getByRole('grid', { name: 'Licence keys of Endpoint Protection used by the most devices' });
    const rows = within(keys).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['…7K3QF', '50', 'Jan 31, 2099'],
      ['…Q81ZD', '38', 'Never'],
      ['…OLD01', '2', 'May 1, 2020 Expired'],
      ['…AAAA4', '1', 'Never'],
      ['…AAAA5', '1', 'Never'],
    ]);
    expect(within(section).getByText('The 5 keys used by the most devices.')).toBeTruthy();

    const other = within(widget).getByRole('region', { name: 'Device Control' });
    expect(within(other).getByTestId('licences-device-control-withoutKey').textContent).toBe('30');
    expect(within(other).queryByRole('grid')).toBeNull();
  });

  it('say in a sentence that no device reports a managed application yet', async () => {
    server(summaries([]));
    renderConsole('/overview', 'en', bothWidgets);

    for (const id of ['protection-status', 'licence-usage']) {
      const widget = await screen.findByTestId(`dashboard-widget-${id}`, {}, { timeout: 5000 });
      expect(await within(widget).findByText(/^No device reports a managed application yet\./)).toBeTruthy();
      expect(within(widget).queryByRole('link')).toBeNull();
    }
    expect(screen.queryByTestId('protection-chart')).toBeNull();
  });

  it('say so when no application has real-time protection, and still count its licences', async () => {
    server(summaries([control]));
    renderConsole('/overview', 'en', bothWidgets);

    const widget = await screen.findByTestId('dashboard-widget-protection-status', {}, { timeout: 5000 });
    expect(await within(widget).findByText('None of the managed applications on your devices has real-time protection.')).toBeTruthy();
    const licences = screen.getByTestId('dashboard-widget-licence-usage');
    expect(within(licences).getByRole('link', { name: 'Device Control: 30 devices' }).getAttribute('href')).toBe('/devices?app=device-control');
  });

  it('show the server’s refusal where the figures would be', async () => {
    server(() => problemResponse(503, 'Service Unavailable', { detail: 'The database is not available' }));
    renderConsole('/overview', 'en', bothWidgets);

    for (const id of ['protection-status', 'licence-usage']) {
      const widget = await screen.findByTestId(`dashboard-widget-${id}`, {}, { timeout: 5000 });
      expect(await within(widget).findByText('The data could not be loaded')).toBeTruthy();
      expect(within(widget).getByText('Service Unavailable: The database is not available')).toBeTruthy();
    }
  });

  it('speak German', async () => {
    server(summaries([protection]));
    renderConsole('/overview', 'de', { session: { ...bothWidgets.session, settings: { ...(bothWidgets.session as { settings: object }).settings, language: 'de' } } as SessionState });

    const widget = await screen.findByTestId('dashboard-widget-licence-usage', {}, { timeout: 5000 });
    expect(within(widget).getByRole('heading', { name: 'Lizenznutzung' })).toBeTruthy();
    const section = await within(widget).findByRole('region', { name: 'Endpoint Protection' });
    expect(within(section).getByText('Ohne Schlüssel')).toBeTruthy();
    expect(within(section).getByText('Läuft innerhalb von 30 Tagen ab')).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'Endpoint Protection: 120 Geräte' })).toBeTruthy();
    expect(within(screen.getByTestId('dashboard-widget-protection-status')).getByText('42 Bedrohungen erkannt · 1 Objekt nicht desinfiziert')).toBeTruthy();
  });
});
