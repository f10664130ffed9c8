import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './client';
import { bulkChunkSize, deviceQueryOf, listingParams, runBulk, searchOf, type BulkAnswer } from './devices';

const berlin = 'b0000000-0000-4000-8000-000000000001';

describe('device filters in the URL', () => {
  it('survive the round trip from the URL to the filters and back', () => {
    const url = `group=${berlin}&subtree=false&status=WARNING%2CCRITICAL&os=LINUX&q=10.20.&tag=lobby&lastVisibleFrom=2026-11-01&lastVisibleTo=2026-11-26&noApp=endpoint&sort=lastVisible&order=desc`;
    const query = deviceQueryOf(new URLSearchParams(url));
    expect(query).toEqual({
      group: berlin,
      subtree: false,
      status: ['WARNING', 'CRITICAL'],
      os: ['LINUX'],
      q: '10.20.',
      tag: 'lobby',
      lastVisibleFrom: '2026-11-01',
      lastVisibleTo: '2026-11-26',
      noApp: 'endpoint',
      sort: 'lastVisible',
      order: 'desc',
    });
    expect(searchOf(query).toString()).toBe(url);
  });

  it('keep plain links plain: defaults leave no parameter', () => {
    const query = deviceQueryOf(new URLSearchParams(''));
    expect(query).toEqual({ status: [], os: [], sort: 'name', order: 'asc' });
    expect(searchOf(query).toString()).toBe('');
  });

  it('read repeated and lower-case list values and drop unknown ones and orders', () => {
    const query = deviceQueryOf(new URLSearchParams('status=warning&status=bogus,ok&os=windows&sort=size&order=sideways&subtree=false'));
    expect(query.status).toEqual(['OK', 'WARNING']);
    expect(query.os).toEqual(['WINDOWS']);
    expect(query.sort).toBe('name');
    expect(query.order).toBe('asc');
    expect(query.subtree).toBeUndefined();
  });

  it('ask the server for whole UTC days as instants, with the page size and cursor', () => {
    const params = listingParams(deviceQueryOf(new URLSearchParams('lastVisibleFrom=2026-11-01&lastVisibleTo=2026-11-26T12:00:00Z')), 100, 'next');
    expect(params.get('lastVisibleFrom')).toBe('2026-11-01T00:00:00Z');
    expect(params.get('lastVisibleTo')).toBe('2026-11-26T12:00:00Z');
    expect(params.get('limit')).toBe('100');
    expect(params.get('cursor')).toBe('next');
  });
});

const unknownDevice = () =>
  new ApiError({ type: 'about:blank', title: 'Invalid input', status: 422, errors: [{ field: 'deviceIds', message: 'names unknown devices' }] });

/** A server applying a request only when none of its devices is "bad", as the API does (all or nothing). */
function allOrNothing(bad: ReadonlySet<string>) {
  return vi.fn((ids: readonly string[]): Promise<BulkAnswer> =>
    ids.some((id) => bad.has(id)) ? Promise.reject(unknownDevice()) : Promise.resolve({ requested: ids.length, affected: ids.length }),
  );
}

describe('bulk actions', () => {
  it('act on every device the server accepts and name each one it refuses', async () => {
    const ids = Array.from({ length: 10 }, (_, index) => `device-${index}`);
    const action = allOrNothing(new Set(['device-3', 'device-8']));

    const outcome = await runBulk(ids, action);

    expect(outcome.requested).toBe(10);
    expect(outcome.affected).toBe(8);
    expect(outcome.failures.map((failure) => failure.deviceId)).toEqual(['device-3', 'device-8']);
    expect(outcome.failures[0]!.error).toBeInstanceOf(ApiError);
    const applied = (await Promise.all(action.mock.results.map((result) => result.value.catch(() => undefined)))).filter(Boolean);
    expect(applied.reduce((sum, answer) => sum + (answer as BulkAnswer).affected, 0)).toBe(8);
  });

  it('send large selections in chunks the API accepts', async () => {
    const ids = Array.from({ length: bulkChunkSize * 2 + 5 }, (_, index) => `device-${index}`);
    const action = allOrNothing(new Set());

    const outcome = await runBulk(ids, action);

    expect(action.mock.calls.map(([chunk]) => chunk.length)).toEqual([bulkChunkSize, bulkChunkSize, 5]);
    expect(outcome).toEqual({ requested: ids.length, affected: ids.length, failures: [] });
  });

  it('throw a refusal of the request itself when nothing has changed yet', async () => {
    const invalidTag = new ApiError({ type: 'about:blank', title: 'Invalid input', status: 422, errors: [{ field: 'add/0', message: 'is too long' }] });
    const action = vi.fn(() => Promise.reject(invalidTag));

    await expect(runBulk(['a', 'b'], action)).rejects.toBe(invalidTag);
    expect(action).toHaveBeenCalledTimes(1);
  });

  it('report a later chunk failing as a whole for each of its devices', async () => {
    const ids = Array.from({ length: bulkChunkSize + 2 }, (_, index) => `device-${index}`);
    const down = new ApiError({ type: 'about:blank', title: 'Service Unavailable', status: 503 });
    const action = vi.fn((chunk: readonly string[]) => (chunk.length === 2 ? Promise.reject(down) : Promise.resolve({ requested: chunk.length, affected: chunk.length })));

    const outcome = await runBulk(ids, action);

    expect(outcome.affected).toBe(bulkChunkSize);
    expect(outcome.failures).toEqual([
      { deviceId: `device-${bulkChunkSize}`, error: down },
      { deviceId: `device-${bulkChunkSize + 1}`, error: down },
    ]);
  });
});
