import { describe, expect, it } from 'vitest';
import type { RunCounts } from '../../api/tasks';
import { createI18n } from '../../i18n/language';
import { countsShown, finishedPercent, isRunOpen, resultText, scheduleSummary } from './taskText';

const counts = (part: Partial<RunCounts>): RunCounts => ({ total: 0, pending: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0, skipped: 0, ...part });

describe('runs in words', () => {
  it('counts a run open only while it is running', () => {
    expect(isRunOpen({ state: 'RUNNING' })).toBe(true);
    expect(isRunOpen({ state: 'COMPLETED' })).toBe(false);
    expect(isRunOpen({ state: 'CANCELLED' })).toBe(false);
  });

  it('measures progress by finished devices; a run without devices is complete', () => {
    expect(finishedPercent(counts({ total: 4, pending: 1, running: 1, succeeded: 1, failed: 1 }))).toBe(50);
    expect(finishedPercent(counts({ total: 3, succeeded: 1, cancelled: 2 }))).toBe(100);
    expect(finishedPercent(counts({ total: 0, skipped: 3 }))).toBe(100);
  });

  it('shows the states devices are in, in the order of a device’s life, skipped last', () => {
    expect(countsShown(counts({ total: 5, failed: 2, pending: 3, skipped: 1 }))).toEqual([
      { state: 'PENDING', count: 3 },
      { state: 'FAILED', count: 2 },
      { state: 'SKIPPED', count: 1 },
    ]);
  });

  it('shows results as indented JSON, and nothing for none', () => {
    expect(resultText({ backup: 'data/backups/x', kept: 7 })).toBe('{\n  "backup": "data/backups/x",\n  "kept": 7\n}');
    expect(resultText({})).toBeUndefined();
    expect(resultText(null)).toBeUndefined();
  });

  it('says when a task starts, in English and German, with the days in week order', () => {
    const en = createI18n('en').t;
    const de = createI18n('de').t;
    const weekly = { kind: 'WEEKLY' as const, time: '06:00:00', daysOfWeek: ['FRIDAY' as const, 'MONDAY' as const], timeZone: 'Europe/Berlin' };
    expect(scheduleSummary(weekly, en, 'en')).toBe('Weekly on Monday, Friday at 06:00 (Europe/Berlin)');
    expect(scheduleSummary(weekly, de, 'de')).toBe('Wöchentlich am Montag, Freitag um 06:00 (Europe/Berlin)');
    expect(scheduleSummary({ kind: 'EVERY', interval: 15, unit: 'MINUTES' }, en, 'en')).toBe('Every 15 minutes');
    expect(scheduleSummary({ kind: 'EVERY', interval: 1, unit: 'HOURS' }, en, 'en')).toBe('Every hour');
    expect(scheduleSummary({ kind: 'MANUAL' }, de, 'de')).toBe('Nur von Hand');
  });
});
