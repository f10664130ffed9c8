import { describe, expect, it } from 'vitest';
import type { GarrisonEvent, Severity } from '../../api/events';
import { countBySeverity, topEventTypes } from './eventStats';

const event = (occurredAt: string, severity: Severity, type = 'backup-failed', source = 'com.example'): GarrisonEvent => ({
  id: `${occurredAt}-${severity}-${type}`,
  occurredAt,
  receivedAt: occurredAt,
  source,
  type,
  severity,
});

describe('event statistics', () => {
  it('counts events per hour and severity, ignoring those outside the window', () => {
    const end = new Date('2026-11-26T12:00:00Z');
    const series = countBySeverity(
      [
        event('2026-11-26T11:59:00Z', 'critical'),
        event('2026-11-26T11:00:00Z', 'critical'),
        event('2026-11-26T10:30:00Z', 'info'),
        event('2026-11-26T12:00:00Z', 'warning'),
        event('2026-11-26T08:59:59Z', 'info'),
        event('2026-11-26T12:00:01Z', 'info'),
      ],
      end,
      3_600_000,
      3,
    );

    expect(series.buckets.map((bucket) => bucket.toISOString())).toEqual(['2026-11-26T09:00:00.000Z', '2026-11-26T10:00:00.000Z', '2026-11-26T11:00:00.000Z']);
    expect(series.counts.critical).toEqual([0, 0, 2]);
    expect(series.counts.info).toEqual([0, 1, 0]);
    expect(series.counts.warning).toEqual([0, 0, 1]);
  });

  it('ranks event types by count, with their worst severity', () => {
    const top = topEventTypes(
      [
        event('2026-11-26T11:00:00Z', 'info', 'backup-done'),
        event('2026-11-26T11:01:00Z', 'info', 'backup-done'),
        event('2026-11-26T11:02:00Z', 'warning', 'disk-full'),
        event('2026-11-26T11:03:00Z', 'critical', 'disk-full'),
        event('2026-11-26T11:04:00Z', 'info', 'device-added', 'core'),
      ],
      2,
    );

    expect(top).toEqual([
      { source: 'com.example', type: 'disk-full', count: 2, worst: 'critical' },
      { source: 'com.example', type: 'backup-done', count: 2, worst: 'info' },
    ]);
  });
});
