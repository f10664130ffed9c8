import { describe, expect, it } from 'vitest';
import type { TaskSchedule } from '../../api/tasks';
import { draftOf, emptyScheduleDraft, instantOfLocalInput, localInputOf, scheduleOf } from './scheduleForm';

const base = { timeZone: 'Europe/Berlin', randomDelayMinutes: 0, runIfMissed: false };

describe('schedule form and the API schedule', () => {
  it.each<[string, TaskSchedule]>([
    ['manual', { kind: 'MANUAL', ...base }],
    ['every 15 minutes', { kind: 'EVERY', interval: 15, unit: 'MINUTES', ...base }],
    ['daily with a random delay and a limit', { kind: 'DAILY', time: '02:30', ...base, randomDelayMinutes: 30, stopAfterMinutes: 120, runIfMissed: true }],
    ['weekly', { kind: 'WEEKLY', time: '06:00', daysOfWeek: ['MONDAY', 'FRIDAY'], ...base }],
    ['monthly', { kind: 'MONTHLY', time: '23:15', dayOfMonth: 31, ...base }],
    ['cron', { kind: 'CRON', cron: '0 */4 * JAN-MAR MON-FRI', ...base }],
  ])('sends a %s schedule back as it was read', (_name, schedule) => {
    const outcome = scheduleOf(draftOf(schedule));
    expect(outcome.errors).toEqual([]);
    expect(outcome.schedule).toEqual(schedule);
  });

  it('reads the server’s times of day with seconds as hours and minutes', () => {
    expect(draftOf({ kind: 'DAILY', time: '02:30:00', timeZone: 'UTC' }).time).toBe('02:30');
  });

  it('sends only the members of the chosen kind, whatever else was typed before switching', () => {
    const draft = { ...emptyScheduleDraft('UTC'), kind: 'WEEKLY' as const, daysOfWeek: ['SUNDAY' as const, 'MONDAY' as const], cron: '* * * * *', interval: '5' };
    expect(scheduleOf(draft).schedule).toEqual({ kind: 'WEEKLY', time: '02:00', daysOfWeek: ['MONDAY', 'SUNDAY'], timeZone: 'UTC', randomDelayMinutes: 0, runIfMissed: false });
    expect(scheduleOf({ ...draft, kind: 'MANUAL' }).schedule).toEqual({ kind: 'MANUAL', timeZone: 'UTC', randomDelayMinutes: 0, runIfMissed: false });
  });

  it('sends a moment typed in the browser’s time zone as an instant, and shows an instant there', () => {
    const at = instantOfLocalInput('2026-12-01T06:30');
    expect(at).toBe(new Date(2026, 11, 1, 6, 30).toISOString());
    expect(localInputOf(at!)).toBe('2026-12-01T06:30');
    const once = scheduleOf({ ...emptyScheduleDraft('UTC'), kind: 'ONCE', at: '2026-12-01T06:30' });
    expect(once.schedule).toMatchObject({ kind: 'ONCE', at });
    expect(draftOf(once.schedule).at).toBe('2026-12-01T06:30');
  });

  it('leaves out the first start of an interval when none is given', () => {
    const every = scheduleOf({ ...emptyScheduleDraft('UTC'), kind: 'EVERY', interval: '2', unit: 'HOURS', at: '' });
    expect(every.schedule).toEqual({ kind: 'EVERY', interval: 2, unit: 'HOURS', timeZone: 'UTC', randomDelayMinutes: 0, runIfMissed: false });
  });

  it('names each member that is not a number or moment at the API’s path, and sends no limit when none is typed', () => {
    const outcome = scheduleOf({ ...emptyScheduleDraft('UTC'), kind: 'EVERY', interval: 'ten', randomDelayMinutes: '-5', stopAfterMinutes: '1.5', at: 'tomorrow' });
    expect(outcome.errors).toEqual([
      { field: 'schedule/interval', problem: 'wholeNumber' },
      { field: 'schedule/at', problem: 'dateTime' },
      { field: 'schedule/randomDelayMinutes', problem: 'wholeNumber' },
      { field: 'schedule/stopAfterMinutes', problem: 'wholeNumber' },
    ]);
    expect(scheduleOf({ ...emptyScheduleDraft('UTC'), kind: 'ONCE', at: '' }).errors).toEqual([{ field: 'schedule/at', problem: 'dateTime' }]);
    expect(scheduleOf(emptyScheduleDraft('UTC')).schedule).not.toHaveProperty('stopAfterMinutes');
  });

  it('starts a new task’s schedule by hand only, in the browser’s time zone', () => {
    const draft = draftOf(undefined, 'Europe/Vienna');
    expect(draft.kind).toBe('MANUAL');
    expect(scheduleOf(draft).schedule.timeZone).toBe('Europe/Vienna');
  });
});
