import { describe, expect, it } from 'vitest';
import type { GarrisonEvent } from '../../api/events';
import { filterOf, mergeNewer, paramsOf, viewOf } from './eventFilter';

const event = (id: string, occurredAt: string): GarrisonEvent => ({
  id,
  occurredAt,
  receivedAt: occurredAt,
  source: 'core',
  type: 'device-added',
  severity: 'info',
});

describe('event filters in the URL', () => {
  it('reads the filters of a deep link and writes them back unchanged', () => {
    const search = 'range=7d&group=g1&severity=critical%2Cwarning&type=backup-failed&source=core%2Ccom.example&q=disk';
    const view = viewOf(new URLSearchParams(search));

    expect(view).toMatchObject({ range: '7d', group: 'g1', severity: ['critical', 'warning'], type: ['backup-failed'], source: ['core', 'com.example'], q: 'disk' });
    expect(paramsOf(view).toString()).toBe(search);
  });

  it('leaves the defaults out of the URL and ignores values it does not know', () => {
    const view = viewOf(new URLSearchParams('range=forever&severity=loud,info'));

    expect(view.range).toBe('24h');
    expect(view.severity).toEqual(['info']);
    expect(paramsOf(view).toString()).toBe('severity=info');
  });

  it('takes explicit instants as a custom range', () => {
    const view = viewOf(new URLSearchParams('from=2026-11-01T00:00:00.000Z&to=2026-11-02T00:00:00.000Z'));

    expect(view.range).toBe('custom');
    expect(filterOf(view, new Date())).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' });
  });

  it('turns a relative range into a start counted back from now', () => {
    const now = new Date('2026-11-26T12:00:00Z');

    expect(filterOf(viewOf(new URLSearchParams('range=1h&device=d1')), now)).toEqual({ from: '2026-11-26T11:00:00.000Z', device: 'd1' });
    expect(filterOf(viewOf(new URLSearchParams('range=all')), now)).toEqual({});
  });
});

describe('live tail', () => {
  const older = event('a', '2026-11-26T10:00:00Z');
  const newer = event('b', '2026-11-26T11:00:00Z');

  it('adds only events not shown yet, newest first, and says which are new', () => {
    const arrived = event('c', '2026-11-26T12:00:00Z');
    const merged = mergeNewer([newer, older], [arrived, newer], 100);

    expect(merged.events.map((e) => e.id)).toEqual(['c', 'b', 'a']);
    expect(merged.added).toEqual(['c']);
  });

  it('places a late event by its time, not on top', () => {
    const late = event('d', '2026-11-26T10:30:00Z');

    expect(mergeNewer([newer, older], [newer, late], 100).events.map((e) => e.id)).toEqual(['b', 'd', 'a']);
  });

  it('keeps the list bounded, dropping the oldest', () => {
    const arrived = event('c', '2026-11-26T12:00:00Z');
    const merged = mergeNewer([newer, older], [arrived], 2);

    expect(merged.events.map((e) => e.id)).toEqual(['c', 'b']);
  });

  it('changes nothing when the poll brings nothing new', () => {
    expect(mergeNewer([newer, older], [newer], 100)).toEqual({ events: [newer, older], added: [] });
  });
});
