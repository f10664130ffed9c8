import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, type FakeCall } from '../../testing/fakeServer';
import { jsonResponse, problemResponse, renderConsole } from '../../testing/renderConsole';

const berlin = 'b0000000-0000-4000-8000-000000000001';
const groups = {
  items: [
    { id: '00000000-0000-0000-0000-000000000001', parentId: null, name: 'Managed devices', builtIn: true },
    { id: berlin, parentId: '00000000-0000-0000-0000-000000000001', name: 'Berlin', builtIn: false },
  ],
};
const event = (id: string, minutesAgo: number, extra: Record<string, unknown> = {}) => ({
  id,
  occurredAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
  receivedAt: new Date().toISOString(),
  deviceId: 'd0000000-0000-4000-8000-000000000001',
  groupId: berlin,
  source: 'com.example.backup',
  type: 'backup-failed',
  severity: 'critical',
  description: `Backup ${id} failed`,
  ...extra,
});

const queryOf = (call: FakeCall) => new URL(call.url, 'https://console.test').searchParams;
const listings = (calls: FakeCall[]) => calls.filter((call) => call.key === 'GET /events');

afterEach(() => vi.useRealTimers());

describe('Events page', () => {
  it('asks the server with the filters of the URL and shows the events with their group', async () => {
    const calls = fakeServer({
      'GET /groups': () => jsonResponse(groups),
      'GET /event-types': () => jsonResponse({ items: [], total: 0 }),
      'GET /events': () => jsonResponse({ items: [event('e1', 5)] }),
    });
    renderConsole(`/events?range=7d&group=${berlin}&severity=critical&q=backup`);

    const row = (await screen.findByText('Backup e1 failed', {}, { timeout: 5000 })).closest('tr')!;
    expect(within(row).getByText('Critical')).toBeTruthy();
    expect(await within(row).findByText('Managed devices / Berlin')).toBeTruthy();
    const query = queryOf(listings(calls)[0]!);
    expect(query.get('group')).toBe(berlin);
    expect(query.get('severity')).toBe('critical');
    expect(query.get('q')).toBe('backup');
    expect(Date.now() - Date.parse(query.get('from')!)).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect((screen.getByLabelText('Group and its subgroups') as HTMLSelectElement).value).toBe(berlin);
    const exportLink = screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')!;
    expect(exportLink).toMatch(/^\/api\/v1\/events\/export\.csv\?/);
    expect(new URL(exportLink, 'https://x').searchParams.get('severity')).toBe('critical');
  });

  it('puts a changed filter into the request and starts again at the first page', async () => {
    const calls = fakeServer({
      'GET /groups': () => jsonResponse(groups),
      'GET /event-types': () => jsonResponse({ items: [], total: 0 }),
      'GET /events': (_init, url) =>
        new URL(url, 'https://x').searchParams.get('cursor')
          ? jsonResponse({ items: [event('e2', 60)] })
          : jsonResponse({ items: [event('e1', 5)], nextCursor: 'page-2' }),
    });
    renderConsole('/events');
    const user = userEvent.setup();

    await screen.findByText('Backup e1 failed', {}, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('Backup e2 failed');
    expect(queryOf(listings(calls).at(-1)!).get('cursor')).toBe('page-2');
    expect(screen.getByText('Page 2')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Warning' }));
    await screen.findByText('Backup e1 failed');
    const query = queryOf(listings(calls).at(-1)!);
    expect(query.get('severity')).toBe('warning');
    expect(query.get('cursor')).toBeNull();
    expect(screen.getByText('Page 1')).toBeTruthy();

    await user.type(screen.getByLabelText('Type'), 'disk-full, backup-failed{Enter}');
    await vi.waitFor(() => expect(queryOf(listings(calls).at(-1)!).get('type')).toBe('disk-full,backup-failed'));
  }, 20_000);

  it('highlights the new events of the live tail', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fakeServer({
      'GET /groups': () => jsonResponse(groups),
      'GET /event-types': () => jsonResponse({ items: [], total: 0 }),
      'GET /events': [() => jsonResponse({ items: [event('e1', 5)] }), () => jsonResponse({ items: [event('e3', 0), event('e1', 5)] })],
    });
    renderConsole('/events');
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });

    await screen.findByText('Backup e1 failed', {}, { timeout: 5000 });
    await user.click(screen.getByLabelText('Live'));
    await act(() => vi.advanceTimersByTimeAsync(5_000));

    const fresh = (await screen.findByText('Backup e3 failed')).closest('tr')!;
    expect(fresh.className).toContain('garrison-new-row');
    expect(screen.getByText('Backup e1 failed').closest('tr')!.className).not.toContain('garrison-new-row');
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByText('Backup e3 failed')).toBeTruthy();
  }, 20_000);

  it('opens an event with its payload from its own URL', async () => {
    fakeServer({
      'GET /groups': () => jsonResponse(groups),
      'GET /event-types': () => jsonResponse({ items: [], total: 0 }),
      'GET /events': () => jsonResponse({ items: [event('e1', 5)] }),
      'GET /events/e1': () => jsonResponse(event('e1', 5, { payload: { job: 'nightly', attempt: 2 } })),
    });
    renderConsole('/events?event=e1');

    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    expect(await within(dialog).findByText('Event backup-failed')).toBeTruthy();
    expect(JSON.parse(within(dialog).getByTestId('event-payload').textContent!)).toEqual({ job: 'nightly', attempt: 2 });
  });

  it('shows the problems the server found in the filters', async () => {
    fakeServer({
      'GET /groups': () => jsonResponse(groups),
      'GET /event-types': () => jsonResponse({ items: [], total: 0 }),
      'GET /events': () => problemResponse(422, 'Invalid input', { detail: 'to must be after from' }),
    });
    renderConsole('/events?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z');

    expect(await screen.findByText('Invalid input: to must be after from', {}, { timeout: 5000 })).toBeTruthy();
  });
});
