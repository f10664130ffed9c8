import { daysOfWeek, type DayOfWeek, type IntervalUnit, type ScheduleKind, type TaskSchedule } from '../../api/tasks';

/**
 * The schedule as the form edits it: every member as its input shows it (text), whatever the kind, so switching the
 * kind back and forth keeps what was typed. {@link scheduleOf} turns it into the API's schedule with only the kind's
 * members.
 */
export interface ScheduleDraft {
  kind: ScheduleKind;
  /** ONCE: when; EVERY: the first start (empty: when saved). A `datetime-local` value in the browser's time zone. */
  at: string;
  interval: string;
  unit: IntervalUnit;
  /** DAILY, WEEKLY, MONTHLY: `HH:MM`. */
  time: string;
  daysOfWeek: DayOfWeek[];
  dayOfMonth: string;
  cron: string;
  timeZone: string;
  randomDelayMinutes: string;
  runIfMissed: boolean;
  /** Empty: no limit. */
  stopAfterMinutes: string;
}

/** The time zone new schedules start with: the browser's, so "daily at 02:30" means the admin's 02:30. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function emptyScheduleDraft(timeZone: string = browserTimeZone()): ScheduleDraft {
  return {
    kind: 'MANUAL',
    at: '',
    interval: '1',
    unit: 'HOURS',
    time: '02:00',
    daysOfWeek: ['MONDAY'],
    dayOfMonth: '1',
    cron: '0 2 * * *',
    timeZone,
    randomDelayMinutes: '0',
    runIfMissed: false,
    stopAfterMinutes: '',
  };
}

const two = (value: number) => String(value).padStart(2, '0');

/** An instant as a `datetime-local` value in the browser's time zone (minutes precision). */
export function localInputOf(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** A `datetime-local` value (browser's time zone) as an ISO instant; `undefined` when it is not a date and time. */
export function instantOfLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) {
    return undefined;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The draft of a task's schedule (or of a new task's). */
export function draftOf(schedule: TaskSchedule | undefined, timeZone?: string): ScheduleDraft {
  const empty = emptyScheduleDraft(timeZone);
  if (!schedule) {
    return empty;
  }
  return {
    kind: schedule.kind,
    at: schedule.at ? localInputOf(schedule.at) : empty.at,
    interval: schedule.interval != null ? String(schedule.interval) : empty.interval,
    unit: schedule.unit ?? empty.unit,
    time: schedule.time ? schedule.time.slice(0, 5) : empty.time,
    daysOfWeek: schedule.daysOfWeek && schedule.daysOfWeek.length > 0 ? daysOfWeek.filter((day) => schedule.daysOfWeek?.includes(day)) : empty.daysOfWeek,
    dayOfMonth: schedule.dayOfMonth != null ? String(schedule.dayOfMonth) : empty.dayOfMonth,
    cron: schedule.cron ?? empty.cron,
    timeZone: schedule.timeZone ?? 'UTC',
    randomDelayMinutes: String(schedule.randomDelayMinutes ?? 0),
    runIfMissed: schedule.runIfMissed ?? false,
    stopAfterMinutes: schedule.stopAfterMinutes != null ? String(schedule.stopAfterMinutes) : '',
  };
}

/** A member that cannot be sent at all, at the API's field path (`schedule/interval`), and what it must be. */
export interface ScheduleProblem {
  field: string;
  problem: 'wholeNumber' | 'dateTime';
}

/** The schedule (with only the kind's members) and the members that cannot be sent. */
export interface ScheduleOutcome {
  schedule: TaskSchedule;
  errors: ScheduleProblem[];
}

/**
 * The API's schedule of a draft. Ranges and the sense of a time or cron expression are the server's to check (it
 * names each problem at its `schedule/<member>`); here only what is not a number or date at all is refused, so the
 * request never carries a value other than the one shown.
 */
export function scheduleOf(draft: ScheduleDraft): ScheduleOutcome {
  const errors: ScheduleProblem[] = [];
  const whole = (member: string, text: string): number | undefined => {
    const trimmed = text.trim();
    if (!/^\d+$/.test(trimmed)) {
      errors.push({ field: `schedule/${member}`, problem: 'wholeNumber' });
      return undefined;
    }
    return Number(trimmed);
  };
  const schedule: TaskSchedule = { kind: draft.kind, timeZone: draft.timeZone.trim() || 'UTC' };
  switch (draft.kind) {
    case 'MANUAL':
      break;
    case 'ONCE': {
      const at = instantOfLocalInput(draft.at);
      if (at === undefined) {
        errors.push({ field: 'schedule/at', problem: 'dateTime' });
      } else {
        schedule.at = at;
      }
      break;
    }
    case 'EVERY': {
      schedule.interval = whole('interval', draft.interval) ?? null;
      schedule.unit = draft.unit;
      if (draft.at.trim()) {
        const at = instantOfLocalInput(draft.at);
        if (at === undefined) {
          errors.push({ field: 'schedule/at', problem: 'dateTime' });
        } else {
          schedule.at = at;
        }
      }
      break;
    }
    case 'DAILY':
      schedule.time = draft.time;
      break;
    case 'WEEKLY':
      schedule.time = draft.time;
      schedule.daysOfWeek = daysOfWeek.filter((day) => draft.daysOfWeek.includes(day));
      break;
    case 'MONTHLY':
      schedule.time = draft.time;
      schedule.dayOfMonth = whole('dayOfMonth', draft.dayOfMonth) ?? null;
      break;
    case 'CRON':
      schedule.cron = draft.cron.trim();
      break;
  }
  schedule.randomDelayMinutes = whole('randomDelayMinutes', draft.randomDelayMinutes || '0') ?? 0;
  schedule.runIfMissed = draft.runIfMissed;
  if (draft.stopAfterMinutes.trim()) {
    schedule.stopAfterMinutes = whole('stopAfterMinutes', draft.stopAfterMinutes) ?? null;
  }
  return { schedule, errors };
}
