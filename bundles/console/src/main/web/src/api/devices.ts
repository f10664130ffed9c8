import { ApiError, getJson, patchJson, postJson, segment, type RequestOptions } from './client';

export type StatusLevel = 'OK' | 'WARNING' | 'CRITICAL';
export const statusLevels: readonly StatusLevel[] = ['OK', 'WARNING', 'CRITICAL'];

export type OsType = 'WINDOWS' | 'LINUX' | 'MACOS' | 'ANDROID' | 'IOS' | 'OTHER';
export const osTypes: readonly OsType[] = ['WINDOWS', 'LINUX', 'MACOS', 'ANDROID', 'IOS', 'OTHER'];

export type DeviceSort = 'name' | 'lastVisible' | 'status' | 'os' | 'ip';
export const deviceSorts: readonly DeviceSort[] = ['name', 'lastVisible', 'status', 'os', 'ip'];

export interface StatusReason {
  level: StatusLevel;
  /** `core` or the id of the managed application that set it. */
  source: string;
  code: string;
  text: string;
}

export interface DeviceTag {
  name: string;
  /** `admin` or the id of the application that assigned it. */
  source: string;
}

/** A managed device as `GET /devices` and `GET /devices/{id}` describe it; facts never reported are null or absent. */
export interface Device {
  id: string;
  groupId: string;
  displayName: string;
  description?: string | null;
  identity?: {
    windowsDomain?: string | null;
    windowsDomainType?: string | null;
    netbiosName?: string | null;
    dnsDomain?: string | null;
    dnsName?: string | null;
    hardwareId?: string | null;
  } | null;
  network?: {
    ipv4?: string | null;
    ipv6?: string | null;
    networkLocation?: string | null;
    macAddresses?: string[] | null;
  } | null;
  os?: {
    type?: OsType | null;
    architecture?: string | null;
    vendor?: string | null;
    name?: string | null;
    version?: string | null;
    build?: string | null;
    releaseId?: string | null;
    installFolder?: string | null;
  } | null;
  virtualisation?: {
    virtualMachine?: boolean | null;
    hypervisor?: string | null;
    vmType?: string | null;
    vdiDynamic?: boolean | null;
  } | null;
  activity?: {
    lastUpdate?: string | null;
    lastVisible?: string | null;
    restartPending?: boolean | null;
    poweredOnAt?: string | null;
  } | null;
  status?: { level: StatusLevel; computedAt?: string | null; reasons?: StatusReason[] | null } | null;
  tags?: DeviceTag[] | null;
  createdAt?: string | null;
  modifiedAt?: string | null;
}

export interface DevicePage {
  items: Device[];
  nextCursor: string | null;
  total: number | null;
}

/**
 * The device listing's filters and order, as the console keeps them in its URL. The names are those of the API's
 * query parameters; dates of the last-visible range are whole UTC days (`2026-11-26`), or full instants.
 */
export interface DeviceQuery {
  group?: string;
  /** Only with `group`: false leaves out the groups below it (the API's default is true). */
  subtree?: boolean;
  status: StatusLevel[];
  os: OsType[];
  q?: string;
  tag?: string;
  lastVisibleFrom?: string;
  lastVisibleTo?: string;
  app?: string;
  noApp?: string;
  sort: DeviceSort;
  order: 'asc' | 'desc';
}

export const emptyDeviceQuery: DeviceQuery = { status: [], os: [], sort: 'name', order: 'asc' };

const textFilters = ['group', 'q', 'tag', 'lastVisibleFrom', 'lastVisibleTo', 'app', 'noApp'] as const;

function listOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  const values = params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toUpperCase());
  return allowed.filter((value) => values.includes(value));
}

/**
 * Reads the filters from a console URL's query. Values the API would refuse as a list member or an order are
 * dropped rather than passed on, so a hand-edited link still shows a listing; free text is kept as it is (the
 * server names what it refuses).
 */
export function deviceQueryOf(params: URLSearchParams): DeviceQuery {
  const query: DeviceQuery = {
    status: listOf(params, 'status', statusLevels),
    os: listOf(params, 'os', osTypes),
    sort: deviceSorts.find((sort) => sort === params.get('sort')) ?? 'name',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
  for (const name of textFilters) {
    const value = params.get(name)?.trim();
    if (value) {
      query[name] = value;
    }
  }
  if (query.group && params.get('subtree') === 'false') {
    query.subtree = false;
  }
  return query;
}

/** The console URL query for the filters: only what differs from the defaults, so plain links stay plain. */
export function searchOf(query: DeviceQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.group) {
    params.set('group', query.group);
    if (query.subtree === false) {
      params.set('subtree', 'false');
    }
  }
  if (query.status.length > 0) {
    params.set('status', query.status.join(','));
  }
  if (query.os.length > 0) {
    params.set('os', query.os.join(','));
  }
  for (const name of textFilters.filter((name) => name !== 'group')) {
    const value = query[name];
    if (value) {
      params.set(name, value);
    }
  }
  if (query.sort !== 'name') {
    params.set('sort', query.sort);
  }
  if (query.order !== 'asc') {
    params.set('order', query.order);
  }
  return params;
}

/** A whole UTC day as the instant it starts at; anything else (a full instant, a typo) goes to the server as is. */
export function instantOf(dayOrInstant: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(dayOrInstant) ? `${dayOrInstant}T00:00:00Z` : dayOrInstant;
}

/** The API query of one page of the listing. */
export function listingParams(query: DeviceQuery, limit: number, cursor?: string | null): URLSearchParams {
  const params = searchOf(query);
  for (const name of ['lastVisibleFrom', 'lastVisibleTo'] as const) {
    const value = query[name];
    if (value) {
      params.set(name, instantOf(value));
    }
  }
  params.set('limit', String(limit));
  if (cursor) {
    params.set('cursor', cursor);
  }
  return params;
}

export async function listDevices(query: DeviceQuery, limit: number, cursor: string | null, signal?: AbortSignal): Promise<DevicePage> {
  const page = await getJson<Partial<DevicePage>>(`/devices?${listingParams(query, limit, cursor).toString()}`, signal ? { signal } : {});
  return { items: page.items ?? [], nextCursor: page.nextCursor ?? null, total: page.total ?? null };
}

function withSignal(signal?: AbortSignal): RequestOptions {
  return signal ? { signal } : {};
}

export function getDevice(id: string, signal?: AbortSignal): Promise<Device> {
  return getJson<Device>(`/devices/${segment(id)}`, withSignal(signal));
}

/** The admin's fields: left out stays; `tags` replaces the admin's tags (applications' tags stay). */
export interface DeviceChange {
  displayName?: string;
  description?: string;
  tags?: string[];
}

export function updateDevice(id: string, change: DeviceChange): Promise<Device> {
  return patchJson<Device>(`/devices/${segment(id)}`, change);
}

/** Pre-registers a device before its agent reports; without a group it lands in "Unassigned devices". */
export function registerDevice(name: string, groupId?: string): Promise<Device> {
  return postJson<Device>('/devices', groupId ? { name, groupId } : { name });
}

export interface HardwareComponent {
  category: string;
  name?: string | null;
  vendor?: string | null;
  model?: string | null;
  serialNumber?: string | null;
  details?: unknown;
}

export interface SoftwareEntry {
  name: string;
  vendor?: string | null;
  version?: string | null;
  installedAt?: string | null;
  location?: string | null;
}

export interface InstalledApplication {
  applicationId: string;
  name?: string | null;
  version?: string | null;
  state?: string | null;
  realTimeProtection?: string | boolean | null;
  lastScan?: string | null;
  threatsDetected?: number | null;
  objectsNotDisinfected?: number | null;
  components?: { name: string; version?: string | null; status?: string | null }[] | null;
  activeKey?: { key: string; expiresAt?: string | null } | null;
  reserveKey?: { key: string; expiresAt?: string | null } | string | null;
  installedAt?: string | null;
  installId?: string | null;
  statusReports?: { level: string; code: string; text: string }[] | null;
  tags?: string[] | null;
}

export interface DeviceUsers {
  accounts: { name: string; domain?: string | null; fullName?: string | null; lastLogonAt?: string | null }[];
  sessions: { accountName: string; domain?: string | null; kind?: string | null; startedAt?: string | null; endedAt?: string | null }[];
}

export function deviceHardware(id: string, signal?: AbortSignal): Promise<HardwareComponent[]> {
  return getJson<HardwareComponent[]>(`/devices/${segment(id)}/hardware`, withSignal(signal));
}

export function deviceSoftware(id: string, signal?: AbortSignal): Promise<SoftwareEntry[]> {
  return getJson<SoftwareEntry[]>(`/devices/${segment(id)}/software`, withSignal(signal));
}

export function deviceApplications(id: string, signal?: AbortSignal): Promise<InstalledApplication[]> {
  return getJson<InstalledApplication[]>(`/devices/${segment(id)}/applications`, withSignal(signal));
}

export async function deviceUsers(id: string, signal?: AbortSignal): Promise<DeviceUsers> {
  const answer = await getJson<Partial<DeviceUsers>>(`/devices/${segment(id)}/sessions`, withSignal(signal));
  return { accounts: answer.accounts ?? [], sessions: answer.sessions ?? [] };
}

export interface DeviceEvent {
  id: string;
  occurredAt: string;
  source: string;
  type: string;
  severity: string;
  description?: string | null;
}

export interface EventPage {
  items: DeviceEvent[];
  nextCursor: string | null;
}

export async function deviceEvents(id: string, cursor: string | null, limit = 50, signal?: AbortSignal): Promise<EventPage> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) {
    params.set('cursor', cursor);
  }
  const page = await getJson<Partial<EventPage>>(`/devices/${segment(id)}/events?${params.toString()}`, withSignal(signal));
  return { items: page.items ?? [], nextCursor: page.nextCursor ?? null };
}

export interface Revision {
  id: string;
  number: number;
  at: string;
  actor?: { kind: string; id?: string | null; name?: string | null } | null;
  action: string;
  changes?: { op: string; path: string; value?: unknown }[] | null;
}

export interface RevisionPage {
  items: Revision[];
  nextCursor: string | null;
}

/** The revision history of one device (its admin fields), newest first. */
export async function deviceRevisions(id: string, cursor: string | null, signal?: AbortSignal): Promise<RevisionPage> {
  const params = new URLSearchParams({ objectType: 'device', objectId: id, limit: '50' });
  if (cursor) {
    params.set('cursor', cursor);
  }
  const page = await getJson<Partial<RevisionPage>>(`/revisions?${params.toString()}`, withSignal(signal));
  return { items: page.items ?? [], nextCursor: page.nextCursor ?? null };
}

/** Asks the agents of these devices to sync at once. */
export function syncNow(deviceIds: readonly string[]): Promise<unknown> {
  return postJson<unknown>('/agents/sync-now', { deviceIds });
}

export interface BulkAnswer {
  requested: number;
  affected: number;
}

export function moveDevices(deviceIds: readonly string[], groupId: string): Promise<BulkAnswer> {
  return postJson<BulkAnswer>('/devices/bulk/move', { deviceIds, groupId });
}

export function tagDevices(deviceIds: readonly string[], change: { add?: string[]; remove?: string[] }): Promise<BulkAnswer> {
  return postJson<BulkAnswer>('/devices/bulk/tags', { deviceIds, ...change });
}

export function removeDevices(deviceIds: readonly string[]): Promise<BulkAnswer> {
  return postJson<BulkAnswer>('/devices/bulk/delete', { deviceIds });
}

/** One device a bulk action could not be applied to, and the server's reason. */
export interface BulkFailure {
  deviceId: string;
  error: unknown;
}

export interface BulkOutcome {
  requested: number;
  /** Devices the action changed, as the server counted them (a device already in the target state is not). */
  affected: number;
  failures: BulkFailure[];
}

/** Devices per request: well below the API's limit of 10,000, so one request stays short. */
export const bulkChunkSize = 1000;

/**
 * Whether a refused bulk request may have been refused for some of its devices only (a device removed meanwhile,
 * one outside the caller's groups), as opposed to the request as a whole (an invalid tag, an unknown target group).
 */
function refusedForDevices(error: unknown): boolean {
  if (!(error instanceof ApiError)) {
    return false;
  }
  if (error.status === 403 || error.status === 404) {
    return true;
  }
  return error.status === 422 && error.errors.length > 0 && error.errors.every((fieldError) => fieldError.field.startsWith('deviceIds'));
}

/**
 * Runs a bulk action over any number of devices. The API applies a request all or nothing, so the devices are sent
 * in chunks; a chunk refused because of some of its devices is split in halves until the devices at fault are
 * found, so that every other device is still acted on and each failure names its device. A refusal of the request
 * as such (e.g. an invalid tag) on the first chunk is thrown, as nothing has changed then; on a later chunk it is
 * reported for every device of that chunk.
 */
export async function runBulk(deviceIds: readonly string[], action: (ids: readonly string[]) => Promise<BulkAnswer>): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { requested: deviceIds.length, affected: 0, failures: [] };
  let anyApplied = false;

  const apply = async (ids: readonly string[]): Promise<void> => {
    try {
      const answer = await action(ids);
      outcome.affected += answer.affected;
      anyApplied = true;
    } catch (error) {
      if (!refusedForDevices(error)) {
        if (!anyApplied && outcome.failures.length === 0) {
          throw error;
        }
        outcome.failures.push(...ids.map((deviceId) => ({ deviceId, error })));
        return;
      }
      if (ids.length === 1) {
        outcome.failures.push({ deviceId: ids[0]!, error });
        return;
      }
      const half = Math.ceil(ids.length / 2);
      await apply(ids.slice(0, half));
      await apply(ids.slice(half));
    }
  };

  for (let start = 0; start < deviceIds.length; start += bulkChunkSize) {
    await apply(deviceIds.slice(start, start + bulkChunkSize));
  }
  return outcome;
}
