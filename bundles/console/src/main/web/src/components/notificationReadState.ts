/**
 * Which notifications the account has read, as kept in `me/settings.notificationsRead`: the ids of events marked
 * read one by one, and at most one `read-until:<instant>` entry that "mark all read" leaves, covering every event
 * the server received up to that instant. The watermark keeps the stored list short however many events there are
 * (the settings document is limited to 64 KiB).
 */
export interface ReadState {
  ids: ReadonlySet<string>;
  /** Epoch milliseconds of the watermark, if any. */
  until?: number;
}

const untilPrefix = 'read-until:';

/** The most single ids kept; older ones have long left the short list of recent notifications. */
export const maxReadIds = 200;

export interface Notification {
  id: string;
  receivedAt: string;
}

export function readStateOf(stored: unknown): ReadState {
  const entries = Array.isArray(stored) ? stored.filter((entry): entry is string => typeof entry === 'string') : [];
  const ids = new Set(entries.filter((entry) => !entry.startsWith(untilPrefix)));
  const untils = entries
    .filter((entry) => entry.startsWith(untilPrefix))
    .map((entry) => Date.parse(entry.slice(untilPrefix.length)))
    .filter((at) => !Number.isNaN(at));
  return untils.length > 0 ? { ids, until: Math.max(...untils) } : { ids };
}

export function isRead(notification: Notification, state: ReadState): boolean {
  return state.ids.has(notification.id) || (state.until !== undefined && Date.parse(notification.receivedAt) <= state.until);
}

function stored(state: ReadState): string[] {
  const ids = [...state.ids].slice(-maxReadIds);
  return state.until !== undefined ? [`${untilPrefix}${new Date(state.until).toISOString()}`, ...ids] : ids;
}

/** The stored list once `id` is read too. Ids the watermark already covers are dropped. */
export function withRead(state: ReadState, id: string, shown: readonly Notification[]): string[] {
  const covered = new Set(shown.filter((notification) => state.until !== undefined && Date.parse(notification.receivedAt) <= state.until).map((notification) => notification.id));
  const ids = new Set([...state.ids, id].filter((candidate) => !covered.has(candidate)));
  return stored({ ...state, ids });
}

/**
 * The stored list once every shown notification is read: a watermark at the newest one's arrival, so events the
 * server receives later still count as unread.
 */
export function withAllRead(state: ReadState, shown: readonly Notification[]): string[] {
  const newest = Math.max(...shown.map((notification) => Date.parse(notification.receivedAt)).filter((at) => !Number.isNaN(at)), state.until ?? -Infinity);
  if (!Number.isFinite(newest)) {
    return stored(state);
  }
  const ids = [...state.ids].filter((id) => !shown.some((notification) => notification.id === id && Date.parse(notification.receivedAt) <= newest));
  return stored({ ids: new Set(ids), until: newest });
}
