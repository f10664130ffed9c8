import type { DeviceTaskRun, Task, TaskListItem, TaskRun, TaskRunDevice, TaskType } from '../../api/tasks';
import type { SessionState } from '../../session/SessionContext';
import { adminMe, signedInAsAdmin } from '../../testing/renderConsole';
import { berlinGroupId } from '../devices/testDevices';

/** Task types as `GET /task-types` answers them, for tests. */
export const taskTypes: TaskType[] = [
  {
    application: 'agent',
    type: 'refresh-inventory',
    title: 'Refresh inventory',
    description: 'The agent collects the device’s whole inventory again.',
    parametersSchema: { type: 'object', properties: {}, additionalProperties: false },
    runsOnDevices: true,
  },
  {
    application: 'server',
    type: 'backup',
    title: 'Back up the server’s data',
    description: 'Copies the database, keys and configuration.',
    parametersSchema: { type: 'object', properties: { keep: { type: 'integer', title: 'Backups kept', minimum: 1, maximum: 100, default: 7 } }, additionalProperties: false },
    runsOnDevices: false,
  },
];

export const refreshTask: Task = {
  id: 't0000000-0000-4000-8000-000000000001',
  name: 'Refresh Berlin',
  application: 'agent',
  type: 'refresh-inventory',
  parameters: {},
  scope: { groupId: berlinGroupId, deviceIds: [] },
  schedule: { kind: 'WEEKLY', time: '06:00:00', daysOfWeek: ['MONDAY'], timeZone: 'Europe/Berlin', randomDelayMinutes: 30, runIfMissed: false },
  enabled: true,
  revision: 3,
  createdAt: '2026-11-26T10:00:00Z',
  createdBy: { kind: 'ACCOUNT', id: 'a', name: 'admin' },
  updatedAt: '2026-11-26T11:00:00Z',
  updatedBy: { kind: 'ACCOUNT', id: 'a', name: 'admin' },
  nextRunAt: '2026-11-30T05:00:00Z',
  lastRunId: 'r0000000-0000-4000-8000-000000000001',
};

/** The refresh task as `GET /tasks` lists it, with its last run embedded. */
export const listedRefreshTask: TaskListItem = {
  ...refreshTask,
  lastRun: {
    id: 'r0000000-0000-4000-8000-000000000001',
    state: 'COMPLETED',
    trigger: 'SCHEDULE',
    startedAt: '2026-11-23T05:00:00Z',
    finishedAt: '2026-11-23T05:10:00Z',
    counts: { total: 3, pending: 0, running: 0, succeeded: 2, failed: 1, cancelled: 0, skipped: 0 },
  },
};

export const backupTask: Task = {
  id: 't0000000-0000-4000-8000-000000000002',
  name: 'Nightly backup',
  application: 'server',
  type: 'backup',
  parameters: { keep: 7 },
  scope: null,
  schedule: { kind: 'MANUAL', timeZone: 'UTC', randomDelayMinutes: 0, runIfMissed: false },
  enabled: true,
  revision: 1,
  nextRunAt: null,
  lastRunId: null,
};

export function runOf(task: Task, part: Partial<TaskRun> = {}): TaskRun {
  return {
    id: 'r0000000-0000-4000-8000-000000000001',
    taskId: task.id,
    state: 'RUNNING',
    trigger: 'MANUAL',
    scheduledFor: '2026-11-26T12:00:00Z',
    startedAt: '2026-11-26T12:00:00Z',
    startedBy: { kind: 'ACCOUNT', id: 'a', name: 'admin' },
    counts: { total: 1, pending: 1, running: 0, succeeded: 0, failed: 0, cancelled: 0, skipped: 0 },
    ...part,
  };
}

export function runDevice(part: Partial<TaskRunDevice> = {}): TaskRunDevice {
  return { runId: 'r0000000-0000-4000-8000-000000000001', state: 'PENDING', result: {}, updatedAt: '2026-11-26T12:00:01Z', ...part };
}

/** The main administrator with the tasks permissions (or only some of them). */
export function sessionWithTasks(permissions: string[] = ['tasks.read', 'tasks.write', 'tasks.run']): SessionState {
  const granted = Object.fromEntries(permissions.map((permission) => [permission, { everywhere: true, roots: [] }]));
  return { ...signedInAsAdmin, me: { ...adminMe, permissions: { ...adminMe.permissions, ...granted } } } as SessionState;
}

/** A device's entry in a run of the refresh task, as `GET /devices/{id}/task-runs` lists it. */
export function deviceTaskRun(part: Partial<DeviceTaskRun> = {}): DeviceTaskRun {
  return {
    runId: 'r0000000-0000-4000-8000-000000000001',
    taskId: refreshTask.id,
    taskName: refreshTask.name,
    application: 'agent',
    type: 'refresh-inventory',
    trigger: 'MANUAL',
    runState: 'RUNNING',
    state: 'PENDING',
    result: {},
    startedAt: '2026-11-26T12:00:00Z',
    updatedAt: '2026-11-26T12:00:01Z',
    ...part,
  };
}
