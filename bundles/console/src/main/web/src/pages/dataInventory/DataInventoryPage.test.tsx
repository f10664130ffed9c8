import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DataItem } from '../../api/dataInventory';
import type { SessionState } from '../../session/SessionContext';
import { fakeServer, type FakeCall } from '../../testing/fakeServer';
import { adminMe, jsonResponse, problemResponse, renderConsole, signedInAsAdmin } from '../../testing/renderConsole';

const item = (id: string, extra: Partial<DataItem> = {}): DataItem => ({
  id,
  owner: 'core',
  title: `Title of ${id}`,
  description: `Why ${id} is kept`,
  source: 'AGENT',
  storage: `TABLE_OF_${id.toUpperCase().replace(/[.-]/g, '_')}`,
  personal: false,
  encrypted: false,
  retention: 'until the device is deleted',
  ...extra,
});

const addresses = item('device.network-addresses', { title: 'Network addresses', personal: true, retention: 'until the next inventory' });
const email = item('account.email', { title: 'E-mail address', source: 'ADMIN', personal: true, encrypted: true, storage: 'ACCOUNTS_ACCOUNT.EMAIL' });
const threats = item('threats', { owner: 'endpoint-protection', title: 'Detected threats', source: 'APPLICATION', retention: '90 days' });

const queryOf = (call: FakeCall) => new URL(call.url, 'https://console.test').searchParams;
const listings = (calls: FakeCall[]) => calls.filter((call) => call.key === 'GET /data-inventory');
const inventoryOf = (...items: DataItem[]) => () => jsonResponse({ items });
const navigation = (name = 'Main navigation') => screen.getByRole('navigation', { name });

function sessionWith(permissions: string[]): SessionState {
  return {
    ...signedInAsAdmin,
    me: { ...adminMe, permissions: Object.fromEntries(permissions.map((permission) => [permission, { everywhere: true, roots: [] }])) },
  } as SessionState;
}

describe('Data inventory page', () => {
  it('lists every kind of data with its source, personal and encrypted flags, retention and counts', async () => {
    const calls = fakeServer({ 'GET /data-inventory': inventoryOf(email, addresses, threats) });
    renderConsole('/data-inventory');

    const table = await screen.findByRole('grid', { name: 'Kinds of data the server holds' }, { timeout: 5000 });
    const row = within(table).getByText('E-mail address').closest('tr')!;
    expect(within(row).getByText('Server (core)')).toBeTruthy();
    expect(within(row).getByText('account.email')).toBeTruthy();
    expect(within(row).getByText('Entered by an administrator')).toBeTruthy();
    expect(within(row).getAllByText('Yes')).toHaveLength(2);
    const threatRow = within(table).getByText('Detected threats').closest('tr')!;
    expect(within(threatRow).getByText('endpoint-protection')).toBeTruthy();
    expect(within(threatRow).getByText('Reported by a managed application')).toBeTruthy();
    expect(within(threatRow).getAllByText('No')).toHaveLength(2);
    expect(within(threatRow).getByText('90 days')).toBeTruthy();
    expect(screen.getByText('3 kinds of data, 2 of them personal.')).toBeTruthy();
    expect(screen.getByText(/Every kind of data this server and its plugins hold/)).toBeTruthy();
    expect(queryOf(listings(calls)[0]!).toString()).toBe('');
  });

  it('shows storage and description of a row only when it is expanded', async () => {
    fakeServer({ 'GET /data-inventory': inventoryOf(email, addresses) });
    renderConsole('/data-inventory');
    const user = userEvent.setup();

    const toggle = await screen.findByRole('button', { name: 'Details of E-mail address' }, { timeout: 5000 });
    expect(screen.getByText('ACCOUNTS_ACCOUNT.EMAIL').closest('tr')!.className).not.toMatch(/pf-m-expanded/);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = screen.getByText('ACCOUNTS_ACCOUNT.EMAIL').closest('tr')!;
    expect(details.className).toMatch(/pf-m-expanded/);
    expect(within(details).getByText('Why account.email is kept')).toBeTruthy();
    expect(screen.getByText('Why device.network-addresses is kept').closest('tr')!.className).not.toMatch(/pf-m-expanded/);
  });

  it('asks the server with the filters of the URL and keeps changed filters in the URL', async () => {
    const calls = fakeServer({ 'GET /data-inventory': inventoryOf(addresses) });
    renderConsole('/data-inventory?owner=core&source=agent&personal=true');
    const user = userEvent.setup();

    await screen.findByText('Network addresses', {}, { timeout: 5000 });
    const first = queryOf(listings(calls)[0]!);
    expect(first.get('owner')).toBe('core');
    expect(first.get('origin')).toBe('AGENT');
    expect(first.get('personal')).toBe('true');
    expect((screen.getByLabelText('Owner') as HTMLSelectElement).value).toBe('core');
    expect((screen.getByLabelText('Source') as HTMLSelectElement).value).toBe('AGENT');
    expect((screen.getByLabelText('Personal') as HTMLSelectElement).value).toBe('true');
    expect(screen.getByText('1 kind of data, 1 of them personal.')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Personal'), 'Only data that is not personal');
    await waitFor(() => expect(queryOf(listings(calls).at(-1)!).get('personal')).toBe('false'));
    expect(queryOf(listings(calls).at(-1)!).get('origin')).toBe('AGENT');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(queryOf(listings(calls).at(-1)!).toString()).toBe(''));
    expect((screen.getByLabelText('Owner') as HTMLSelectElement).value).toBe('');
    expect(screen.getByRole('button', { name: 'Clear filters' }).hasAttribute('disabled')).toBe(true);
  });

  it('names plugins in the owner filter and column for those who may read the plugins', async () => {
    const calls = fakeServer({
      'GET /data-inventory': inventoryOf(email, threats),
      'GET /plugins': () => jsonResponse([{ id: 'endpoint-protection', name: 'Endpoint protection', state: 'active', bundleId: 9, changedAt: '2026-11-26T09:00:00Z' }]),
    });
    renderConsole('/data-inventory', 'en', { session: sessionWith(['audit.read', 'plugins.read']) });
    const user = userEvent.setup();

    const row = (await screen.findByText('Detected threats', {}, { timeout: 5000 })).closest('tr')!;
    expect(within(row).getByText('Endpoint protection (endpoint-protection)')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Owner'), 'Endpoint protection (endpoint-protection)');
    await waitFor(() => expect(queryOf(listings(calls).at(-1)!).get('owner')).toBe('endpoint-protection'));
  });

  it('says when no data matches the filters and offers to clear them', async () => {
    const calls = fakeServer({ 'GET /data-inventory': [inventoryOf(), inventoryOf(email)] });
    renderConsole('/data-inventory?source=SERVER&personal=true');
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { name: 'No data matches the filters' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByText(/kinds? of data,/)).toBeNull();
    const clearButtons = screen.getAllByRole('button', { name: 'Clear filters' });
    await user.click(clearButtons.at(-1)!);
    expect(await screen.findByText('E-mail address')).toBeTruthy();
    expect(queryOf(listings(calls).at(-1)!).toString()).toBe('');
  });

  it('shows the problem the server found in the filters', async () => {
    fakeServer({
      'GET /data-inventory': () =>
        problemResponse(422, 'Invalid input', { detail: 'The filters are not valid', errors: [{ field: 'owner', message: 'must be core or a plugin id' }] }),
    });
    renderConsole('/data-inventory?owner=%20bad');

    expect(await screen.findByText('The data inventory could not be loaded', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('owner: must be core or a plugin id')).toBeTruthy();
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('is in the administration navigation only for those who may read the audit records', async () => {
    fakeServer({ 'GET /data-inventory': inventoryOf(email) });
    const { unmount } = renderConsole('/data-inventory', 'de');
    expect(await screen.findByRole('heading', { level: 1, name: 'Datenverzeichnis' }, { timeout: 5000 })).toBeTruthy();
    expect(within(navigation('Hauptnavigation')).getByRole('link', { name: 'Datenverzeichnis' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByText('1 Art von Daten, davon 1 personenbezogen.')).toBeTruthy();
    unmount();

    const calls = fakeServer({ 'GET /data-inventory': inventoryOf(email) });
    renderConsole('/data-inventory', 'en', { session: sessionWith(['devices.read']) });
    expect(await screen.findByRole('heading', { level: 1, name: 'No access' }, { timeout: 5000 })).toBeTruthy();
    expect(within(navigation()).queryByRole('link', { name: 'Data inventory' })).toBeNull();
    expect(listings(calls)).toHaveLength(0);
  });
});
