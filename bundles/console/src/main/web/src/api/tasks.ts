import { deleteRequest, getJson, postJson, putJson, segment, type RequestOptions } from './client';
import type { JsonSchemaDocument } from './plugins';

/** Who did something: an account, an API token, or the server itself (`SYSTEM`, e.g. the task scheduler). */
export interface TaskActor {
  kind: string;
  id?: string | null;
  name?: string | null;
}

/** A task type of `GET /task-types`: the agent's own (`agent`), the server's own (`server`) or a plugin's. */
export interface TaskType {
  application: string;
  type: string;
  title: string;
  description?: string | null;
  parametersSchema?: JsonSchemaDocument | null;
  /** Whether devices' agents run it (its tasks need a scope) or the server does. */
  runsOnDevices: boolean;
}

export const scheduleKinds = ['MANUAL', 'ONCE', 'EVERY', 'DAILY', 'WEEKLY', 'MONTHLY', 'CRON'] as const;
export type ScheduleKind = (typeof scheduleKinds)[number];

export const intervalUnits = ['MINUTES', 'HOURS'] as const;
export type IntervalUnit = (typeof intervalUnits)[number];

export const daysOfWeek = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type DayOfWeek = (typeof daysOfWeek)[number];

/** When a task starts on its own; members that do not belong to the kind are absent (the server refuses them). */
export interface TaskSchedule {
  kind: ScheduleKind;
  /** ONCE: when; EVERY: the first start. An instant. */
  at?: string | null;
  interval?: number | null;
  unit?: IntervalUnit | null;
  /** DAILY, WEEKLY, MONTHLY: the time of day; the server answers `02:30:00` (or `02:30`), takes `02:30`. */
  time?: string | null;
  daysOfWeek?: DayOfWeek[] | null;
  dayOfMonth?: number | null;
  cron?: string | null;
  timeZone?: string | null;
  randomDelayMinutes?: number | null;
  runIfMissed?: boolean | null;
  stopAfterMinutes?: number | null;
}

/** Exactly one of the two: a group's subtree at each run, or a fixed selection of devices. */
export interface TaskScope {
  groupId?: string | null;
  deviceIds?: string[] | null;
}

export interface Task {
  id: string;
  name: string;
  application: string;
  type: string;
  parameters: Record<string, unknown>;
  /** Absent for the server's own tasks. */
  scope?: TaskScope | null;
  schedule: TaskSchedule;
  enabled: boolean;
  revision: number;
  createdAt?: string;
  createdBy?: TaskActor | null;
  updatedAt?: string;
  updatedBy?: TaskActor | null;
  nextRunAt?: string | null;
  lastRunId?: string | null;
}

/** The latest run of a listed task, in brief (`GET /tasks` embeds it so a list needs no request per task). */
export interface TaskLastRun {
  id: string;
  state: TaskRunState;
  trigger: TaskRun['trigger'];
  startedAt?: string | null;
  finishedAt?: string | null;
  counts: RunCounts;
}

/** A task as `GET /tasks` lists it: the task and its latest run (absent if it never ran). */
export interface TaskListItem extends Task {
  lastRun?: TaskLastRun | null;
}

/** A task to create, or (with `expectedRevision`) a task's new state. */
export interface TaskRequest {
  name: string;
  application: string;
  type: string;
  parameters: Record<string, unknown>;
  scope?: TaskScope;
  schedule: TaskSchedule;
  enabled: boolean;
  expectedRevision?: number;
}

export type TaskRunState = 'RUNNING' | 'COMPLETED' | 'CANCELLED';

export const deviceRunStates = ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export type DeviceRunState = (typeof deviceRunStates)[number];

export interface RunCounts {
  total: number;
  pending: number;
  running: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  skipped: number;
}

export interface TaskRun {
  id: string;
  taskId: string;
  state: TaskRunState;
  trigger: 'MANUAL' | 'SCHEDULE' | 'MISSED';
  scheduledFor?: string | null;
  startedAt?: string | null;
  finishedAt?: string | null;
  startedBy?: TaskActor | null;
  message?: string | null;
  counts: RunCounts;
}

/** How one device of a run stands; a run of the server's own has a single entry without a device. */
export interface TaskRunDevice {
  runId: string;
  deviceId?: string | null;
  deviceName?: string | null;
  state: DeviceRunState;
  message?: string | null;
  result?: Record<string, unknown> | null;
  instructionId?: string | null;
  updatedAt?: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number | null;
}

export interface TaskQuery {
  application?: string;
  group?: string;
  /** Only tasks whose schedule is (or is not) in force. */
  enabled?: boolean;
  /** Only tasks that will (or will not) start on their own: they have a next start. */
  scheduled?: boolean;
}

/** One device's entry in one run, as the device's task history shows it. */
export interface DeviceTaskRun {
  runId: string;
  taskId: string;
  taskName: string;
  application: string;
  type: string;
  trigger: TaskRun['trigger'];
  runState: TaskRunState;
  state: DeviceRunState;
  message?: string | null;
  result?: Record<string, unknown> | null;
  instructionId?: string | null;
  startedAt?: string | null;
  finishedAt?: string | null;
  updatedAt?: string | null;
}

function withSignal(signal?: AbortSignal): RequestOptions {
  return signal ? { signal } : {};
}

async function pageOf<T>(path: string, signal?: AbortSignal): Promise<Page<T>> {
  const page = await getJson<Partial<Page<T>>>(path, withSignal(signal));
  return { items: page.items ?? [], nextCursor: page.nextCursor ?? null, total: page.total ?? null };
}

function pagingOf(params: URLSearchParams, limit: number, cursor: string | null | undefined): string {
  params.set('limit', String(limit));
  if (cursor) {
    params.set('cursor', cursor);
  }
  return params.toString();
}

export function listTaskTypes(signal?: AbortSignal): Promise<TaskType[]> {
  return getJson<TaskType[]>('/task-types', withSignal(signal));
}

/** One page of tasks by name, each with its latest run; `group` lists the tasks whose scope is that group's subtree. */
export function listTasks(query: TaskQuery, limit: number, cursor: string | null | undefined, signal?: AbortSignal): Promise<Page<TaskListItem>> {
  const params = new URLSearchParams();
  if (query.application) {
    params.set('application', query.application);
  }
  if (query.group) {
    params.set('group', query.group);
  }
  if (query.enabled !== undefined) {
    params.set('enabled', String(query.enabled));
  }
  if (query.scheduled !== undefined) {
    params.set('scheduled', String(query.scheduled));
  }
  return pageOf<TaskListItem>(`/tasks?${pagingOf(params, limit, cursor)}`, signal);
}

/** One page of a device's entries in task runs, newest first. */
export function listDeviceTaskRuns(deviceId: string, limit: number, cursor: string | null | undefined, signal?: AbortSignal): Promise<Page<DeviceTaskRun>> {
  return pageOf<DeviceTaskRun>(`/devices/${segment(deviceId)}/task-runs?${pagingOf(new URLSearchParams(), limit, cursor)}`, signal);
}

export function getTask(id: string, signal?: AbortSignal): Promise<Task> {
  return getJson<Task>(`/tasks/${segment(id)}`, withSignal(signal));
}

export function createTask(task: TaskRequest): Promise<Task> {
  return postJson<Task>('/tasks', task);
}

/** Changes a task; answers 409 when it changed since `expectedRevision`. */
export function updateTask(id: string, task: TaskRequest): Promise<Task> {
  return putJson<Task>(`/tasks/${segment(id)}`, task);
}

export function deleteTask(id: string): Promise<void> {
  return deleteRequest(`/tasks/${segment(id)}`);
}

export function runTask(id: string): Promise<TaskRun> {
  return postJson<TaskRun>(`/tasks/${segment(id)}/run`);
}

export function listRuns(taskId: string, limit: number, cursor: string | null | undefined, signal?: AbortSignal): Promise<Page<TaskRun>> {
  return pageOf<TaskRun>(`/tasks/${segment(taskId)}/runs?${pagingOf(new URLSearchParams(), limit, cursor)}`, signal);
}

export function getRun(taskId: string, runId: string, signal?: AbortSignal): Promise<TaskRun> {
  return getJson<TaskRun>(`/tasks/${segment(taskId)}/runs/${segment(runId)}`, withSignal(signal));
}

export function listRunDevices(
  taskId: string,
  runId: string,
  state: DeviceRunState | undefined,
  limit: number,
  cursor: string | null | undefined,
  signal?: AbortSignal,
): Promise<Page<TaskRunDevice>> {
  const params = new URLSearchParams();
  if (state) {
    params.set('state', state);
  }
  return pageOf<TaskRunDevice>(`/tasks/${segment(taskId)}/runs/${segment(runId)}/devices?${pagingOf(params, limit, cursor)}`, signal);
}

export function cancelRun(taskId: string, runId: string): Promise<TaskRun> {
  return postJson<TaskRun>(`/tasks/${segment(taskId)}/runs/${segment(runId)}/cancel`);
}
