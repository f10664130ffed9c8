import type { TFunction } from 'i18next';
import { daysOfWeek, type DeviceRunState, type RunCounts, type Task, type TaskRun, type TaskSchedule, type TaskType } from '../../api/tasks';
import { formatDateTime } from '../../i18n/format';

/** The type's title from `GET /task-types`, else `application / type` (a stopped plugin's type is not listed). */
export function typeTitleOf(task: Pick<Task, 'application' | 'type'>, types: readonly TaskType[] | undefined): string {
  const type = types?.find((candidate) => candidate.application === task.application && candidate.type === task.type);
  return type ? type.title : `${task.application} / ${task.type}`;
}

/** An application's name: the Network Agent's and the server's own types by name, a plugin's by its id. */
export function applicationName(application: string, t: TFunction): string {
  if (application === 'agent') {
    return t('tasks.applicationName.agent');
  }
  if (application === 'server') {
    return t('tasks.applicationName.server');
  }
  return t('tasks.applicationName.plugin', { plugin: application });
}

/** The key of a task type in pickers and the URL: `application/type`. */
export function typeKeyOf(type: Pick<TaskType, 'application' | 'type'>): string {
  return `${type.application}/${type.type}`;
}

/** When the task starts on its own, in a line: "Weekly on Monday, Friday at 06:00 (Europe/Berlin)". */
export function scheduleSummary(schedule: TaskSchedule, t: TFunction, language: string): string {
  const zone = schedule.timeZone ?? 'UTC';
  const time = (schedule.time ?? '').slice(0, 5);
  switch (schedule.kind) {
    case 'MANUAL':
      return t('tasks.schedule.summary.MANUAL');
    case 'ONCE':
      return t('tasks.schedule.summary.ONCE', { at: schedule.at ? formatDateTime(schedule.at, language) : '' });
    case 'EVERY':
      return t(schedule.unit === 'MINUTES' ? 'tasks.schedule.summary.everyMinutes' : 'tasks.schedule.summary.everyHours', {
        count: schedule.interval ?? 0,
      });
    case 'DAILY':
      return t('tasks.schedule.summary.DAILY', { time, zone });
    case 'WEEKLY':
      return t('tasks.schedule.summary.WEEKLY', {
        // In week order: the server keeps the days as a set.
        days: daysOfWeek
          .filter((day) => schedule.daysOfWeek?.includes(day))
          .map((day) => t(`tasks.schedule.day.${day}`))
          .join(', '),
        time,
        zone,
      });
    case 'MONTHLY':
      return t('tasks.schedule.summary.MONTHLY', { day: schedule.dayOfMonth ?? 1, time, zone });
    case 'CRON':
      return t('tasks.schedule.summary.CRON', { cron: schedule.cron ?? '', zone });
  }
}

/** Whether a run still has devices (or the server) at work; its view is refreshed until it has not. */
export function isRunOpen(run: Pick<TaskRun, 'state'>): boolean {
  return run.state === 'RUNNING';
}

/** The share of a run's devices that finished, 0–100 (a run without devices is complete). */
export function finishedPercent(counts: RunCounts): number {
  if (counts.total <= 0) {
    return 100;
  }
  const finished = counts.succeeded + counts.failed + counts.cancelled;
  return Math.round((finished / counts.total) * 100);
}

/** The counts to show for a run, in the order of a device's life, leaving out states no device is in. */
export function countsShown(counts: RunCounts): { state: DeviceRunState | 'SKIPPED'; count: number }[] {
  const all: { state: DeviceRunState | 'SKIPPED'; count: number }[] = [
    { state: 'PENDING', count: counts.pending },
    { state: 'RUNNING', count: counts.running },
    { state: 'SUCCEEDED', count: counts.succeeded },
    { state: 'FAILED', count: counts.failed },
    { state: 'CANCELLED', count: counts.cancelled },
    { state: 'SKIPPED', count: counts.skipped },
  ];
  return all.filter((entry) => entry.count > 0);
}

/** A device's results as indented JSON, or nothing when there are none. */
export function resultText(result: Record<string, unknown> | null | undefined): string | undefined {
  if (!result || Object.keys(result).length === 0) {
    return undefined;
  }
  return JSON.stringify(result, null, 2);
}
