import { deleteRequest, getJson, postJson, segment } from './client';

/** Who did something (`kind`: ACCOUNT, API_TOKEN, AGENT, SYSTEM, ANONYMOUS). */
export interface Actor {
  kind: string;
  id: string;
  name: string;
}

/** One operation of the RFC 6902 JSON Patch a revision carries (the server uses only these three). */
export interface PatchOperation {
  op: 'add' | 'remove' | 'replace';
  /** An RFC 6901 JSON Pointer. */
  path: string;
  value?: unknown;
}

/** One recorded state of a management object (`GET /revisions`). */
export interface Revision {
  id: string;
  objectType: string;
  objectId: string;
  number: number;
  at: string;
  actor: Actor;
  action: string;
  /** The object's full state after the change. */
  snapshot: unknown;
  /** The patch from the previous revision's snapshot to this one; the first revision adds every member. */
  changes: PatchOperation[];
}

/** An entry of the registry of deleted objects; `id` is the entry's own id, not the object's. */
export interface DeletedObject {
  id: string;
  objectType: string;
  objectId: string;
  name: string;
  deletedAt: string;
  actor: Actor;
  snapshot: unknown;
}

export const outcomes = ['success', 'denied', 'refused', 'failed'] as const;

export type Outcome = (typeof outcomes)[number];

/** One state-changing call or sign-in attempt, as the audit log keeps it. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: Actor;
  action: string;
  objectType?: string;
  objectId?: string;
  remoteAddress?: string;
  status: number;
  outcome: Outcome | string;
}

/** One page of a cursor-paged listing; `total` where the listing counts (not the audit log). */
export interface ListPage<T> {
  items: T[];
  nextCursor?: string | null;
  total?: number;
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

/** The object types that keep a revision history today; plugins may add more, shown by their type name. */
export const revisionObjectTypes = ['administration-group', 'device', 'device-moving-rule', 'policy', 'task', 'account', 'role', 'legal-terms'] as const;

/**
 * Every object type the server writes into the audit log: the revision types, the kinds the REST resources declare
 * (`@RequiresPermission(objectKind = …)`), the first path segment of calls that declare none (`accounts`, `me`,
 * `session`, …; a plugin's own resources are `plugins`), and what enrollment, sign-in and the shell record. A type a
 * plugin declares for its resources is shown by its name.
 */
export const knownObjectTypes = [
  ...revisionObjectTypes,
  'accounts',
  'roles',
  'terms',
  'me',
  'session',
  'tokens',
  'event',
  'agent',
  'enrollment-token',
  'plugin',
  'plugins',
  'revision',
  'deleted-object',
] as const;

/**
 * Whether objects of a type may have a revision history: the revision types, and any type the console does not know
 * (a plugin may record revisions of its own objects); not sessions, events, tokens and the like.
 */
export function mayHaveRevisions(type: string): boolean {
  return (revisionObjectTypes as readonly string[]).includes(type) || !(knownObjectTypes as readonly string[]).includes(type);
}

/** The filters of the audit log listing and its CSV export; empty ones do not filter. */
export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  objectType?: string;
  objectId?: string;
  outcome?: string;
}

function queryOf(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') {
      params.set(name, String(value));
    }
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Revisions newest first: of one object (type and id), of one type, or of everything. */
export function listRevisions(
  object: { objectType?: string; objectId?: string },
  page: PageRequest,
  signal?: AbortSignal,
): Promise<ListPage<Revision>> {
  return getJson<ListPage<Revision>>(
    `/revisions${queryOf({ objectType: object.objectType, objectId: object.objectId, limit: page.limit, cursor: page.cursor })}`,
    withSignal(signal),
  );
}

export function fetchRevision(id: string, signal?: AbortSignal): Promise<Revision> {
  return getJson<Revision>(`/revisions/${segment(id)}`, withSignal(signal));
}

/**
 * The revision with this number of one object, or `undefined` if there is none. The API has no look-up by number,
 * so this walks the object's revisions (newest first, large pages) until it passes the number.
 */
export async function findRevisionByNumber(
  objectType: string,
  objectId: string,
  number: number,
  signal?: AbortSignal,
): Promise<Revision | undefined> {
  let cursor: string | undefined;
  do {
    const page = await listRevisions({ objectType, objectId }, { limit: 1000, cursor }, signal);
    const found = page.items.find((revision) => revision.number === number);
    if (found) {
      return found;
    }
    if (page.items.some((revision) => revision.number < number)) {
      return undefined;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return undefined;
}

/** Puts the object back into the state of the revision; answers the new revision (action `restored`). */
export function restoreRevision(id: string): Promise<Revision> {
  return postJson<Revision>(`/revisions/${segment(id)}/restore`);
}

export function listDeletedObjects(objectType: string | undefined, page: PageRequest, signal?: AbortSignal): Promise<ListPage<DeletedObject>> {
  return getJson<ListPage<DeletedObject>>(
    `/deleted-objects${queryOf({ objectType, limit: page.limit, cursor: page.cursor })}`,
    withSignal(signal),
  );
}

/** Recreates the object from the entry; answers the revision that records the restore. */
export function restoreDeletedObject(id: string): Promise<Revision> {
  return postJson<Revision>(`/deleted-objects/${segment(id)}/restore`);
}

/** Removes the entry for good: the object can no longer be restored. */
export function purgeDeletedObject(id: string): Promise<void> {
  return deleteRequest(`/deleted-objects/${segment(id)}`);
}

function auditQuery(filter: AuditFilter, page?: PageRequest): string {
  return queryOf({ ...filter, limit: page?.limit, cursor: page?.cursor });
}

export function listAuditLog(filter: AuditFilter, page: PageRequest, signal?: AbortSignal): Promise<ListPage<AuditEntry>> {
  return getJson<ListPage<AuditEntry>>(`/audit-log${auditQuery(filter, page)}`, withSignal(signal));
}

/** The address of the CSV export of every entry matching the filter (a plain download: the session cookie goes along). */
export function auditLogExportUrl(filter: AuditFilter): string {
  return `/api/v1/audit-log/export${auditQuery(filter)}`;
}
