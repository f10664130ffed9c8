import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../api/history';
import { fakeServer, type FakeCall } from '../../testing/fakeServer';
import { jsonResponse, problemResponse, renderConsole } from '../../testing/renderConsole';
import { alice, groupId } from './testHistory';

const entry = (id: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at: '2026-11-26T13:53:31.722596Z',
  actor: alice,
  action: 'DELETE /groups/{id}',
  objectType: 'administration-group',
  objectId: groupId,
  remoteAddress: '203.0.113.7',
  status: 204,
  outcome: 'success',
  ...extra,
});
const queryOf = (call: FakeCall) => new URL(call.url, 'https://console.test').searchParams;
const listings = (calls: FakeCall[]) => calls.filter((call) => call.key === 'GET /audit-log');

describe('Audit log page', () => {
  it('asks with the filters of the URL and exports with the same filters', async () => {
    const calls = fakeServer({
      'GET /accounts': () => jsonResponse({ items: [] }),
      'GET /audit-log': () => jsonResponse({ items: [entry('e1', { status: 403, outcome: 'denied' })] }),
    });
    renderConsole('/audit-log?range=7d&outcome=denied&actor=a1&objectType=device');

    const row = (await screen.findByText('DELETE /groups/{id}', {}, { timeout: 5000 })).closest('tr')!;
    expect(within(row).getByText('Denied')).toBeTruthy();
    expect(within(row).getByText('403')).toBeTruthy();
    const query = queryOf(listings(calls)[0]!);
    expect(query.get('outcome')).toBe('denied');
    expect(query.get('actor')).toBe('a1');
    expect(query.get('objectType')).toBe('device');
    expect(Date.now() - Date.parse(query.get('from')!)).toBeGreaterThan(7 * 86_400_000 - 60_000);
    const exportLink = screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')!;
    expect(exportLink).toMatch(/^\/api\/v1\/audit-log\/export\?/);
    const exported = new URL(exportLink, 'https://x').searchParams;
    expect(exported.get('outcome')).toBe('denied');
    expect(exported.get('from')).toBe(query.get('from'));
    expect(exported.get('limit')).toBeNull();
    expect((screen.getByLabelText('Outcome') as HTMLSelectElement).value).toBe('denied');
  });

  it('pages by cursor and starts again at the first page when a filter changes', async () => {
    const calls = fakeServer({
      'GET /accounts': () => jsonResponse({ items: [] }),
      'GET /audit-log': (_init, url) =>
        new URL(url, 'https://x').searchParams.get('cursor')
          ? jsonResponse({ items: [entry('e2', { action: 'POST /groups' })] })
          : jsonResponse({ items: [entry('e1')], nextCursor: 'page-2' }),
    });
    renderConsole('/audit-log');
    const user = userEvent.setup();

    await screen.findByText('DELETE /groups/{id}', {}, { timeout: 5000 });
    expect(queryOf(listings(calls)[0]!).get('from')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('POST /groups');
    expect(queryOf(listings(calls).at(-1)!).get('cursor')).toBe('page-2');

    await user.click(screen.getByRole('button', { name: 'Show only the entries of alice (account)' }));
    await screen.findByText('DELETE /groups/{id}');
    const query = queryOf(listings(calls).at(-1)!);
    expect(query.get('actor')).toBe('a1');
    expect(query.get('cursor')).toBeNull();
    expect(screen.getByText('Page 1')).toBeTruthy();
  }, 20_000);

  it('links an entry to the revision history of its object', async () => {
    fakeServer({ 'GET /accounts': () => jsonResponse({ items: [] }), 'GET /audit-log': () => jsonResponse({ items: [entry('e1')] }) });
    renderConsole('/audit-log');

    const link = await screen.findByRole('link', { name: `Revisions of Group ${groupId}` }, { timeout: 5000 });
    expect(link.getAttribute('href')).toBe(`/history?objectType=administration-group&objectId=${groupId}`);
  });

  it('names the object types in German, and a plugin type as it is', async () => {
    const taskId = '0b6c2f4e-2d1a-4a57-8c3e-5f0e9d1c7a21';
    const tokenId = '7d2e9a10-4b3c-4f6e-9a8b-1c2d3e4f5a6b';
    fakeServer({
      'GET /accounts': () => jsonResponse({ items: [] }),
      'GET /audit-log': () =>
        jsonResponse({
          items: [
            entry('e1', { action: 'DELETE /session', objectType: 'session', objectId: '' }),
            entry('e2', { action: 'POST /events', objectType: 'event', objectId: '' }),
            entry('e3', { action: 'PUT /me/password', objectType: 'me', objectId: '' }),
            entry('e4', { action: 'POST /tasks/{id}/run', objectType: 'task', objectId: taskId }),
            entry('e5', { action: 'DELETE /enrollment-tokens/{id}', objectType: 'enrollment-token', objectId: tokenId }),
            entry('e6', { action: 'POST /plugins/acme/resources/scans', objectType: 'acme-scan', objectId: 'scan-1' }),
          ],
        }),
    });
    renderConsole('/audit-log', 'de');

    const table = await screen.findByRole('grid', { name: 'Einträge des Audit-Protokolls' }, { timeout: 5000 });
    const onlyObject = (name: string) => within(table).getByRole('button', { name: `Nur dieses Objekt: ${name}` });
    expect(onlyObject('Sitzung')).toBeTruthy();
    expect(onlyObject('Ereignis')).toBeTruthy();
    expect(onlyObject('Eigenes Konto')).toBeTruthy();
    expect(onlyObject(`Aufgabe ${taskId}`)).toBeTruthy();
    expect(onlyObject(`Registrierungstoken ${tokenId}`)).toBeTruthy();
    expect(onlyObject('acme-scan scan-1')).toBeTruthy();
    // Revisions are offered where there can be some: a task, a plugin's own type; not an enrollment token.
    expect(within(table).getByRole('link', { name: `Revisionen von Aufgabe ${taskId}` })).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Revisionen von acme-scan scan-1' })).toBeTruthy();
    expect(within(table).queryByRole('link', { name: `Revisionen von Registrierungstoken ${tokenId}` })).toBeNull();
    // The filter suggests every type the server records, named in German.
    expect(document.querySelector('#audit-known-types option[value="enrollment-token"]')?.getAttribute('label')).toBe('Registrierungstoken');
  });

  it('applies typed filters on Enter', async () => {
    const calls = fakeServer({ 'GET /accounts': () => jsonResponse({ items: [] }), 'GET /audit-log': () => jsonResponse({ items: [] }) });
    renderConsole('/audit-log');
    const user = userEvent.setup();

    expect(await screen.findByText('No entries', {}, { timeout: 5000 })).toBeTruthy();
    await user.type(screen.getByLabelText('Object id'), `${groupId}{Enter}`);
    await waitFor(() => expect(queryOf(listings(calls).at(-1)!).get('objectId')).toBe(groupId));
  });

  it('shows every problem the server found in the filters', async () => {
    fakeServer({
      'GET /accounts': () => jsonResponse({ items: [] }),
      'GET /audit-log': () =>
        problemResponse(422, 'Invalid input', {
          detail: 'The filters are not valid',
          errors: [
            { field: 'from', message: 'must be an ISO-8601 instant' },
            { field: 'outcome', message: 'must be success, denied, refused or failed' },
          ],
        }),
    });
    renderConsole('/audit-log?outcome=maybe');

    expect(await screen.findByText('The audit log could not be loaded', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('from: must be an ISO-8601 instant')).toBeTruthy();
    expect(screen.getByText('outcome: must be success, denied, refused or failed')).toBeTruthy();
  });
});
