import type { AuditFilter } from '../../api/history';
import { filterOf, instantOfLocal, localOfInstant, timeRanges, type TimeRange } from '../events/eventFilter';

export { instantOfLocal, localOfInstant, timeRanges, type TimeRange };

/** The audit log's filters as the page keeps them in its URL. */
export interface AuditView {
  range: TimeRange;
  from: string;
  to: string;
  actor: string;
  objectType: string;
  objectId: string;
  outcome: string;
}

/** The whole log, newest first: an audit usually starts from the latest entries, not from a time window. */
export const defaultAuditRange: TimeRange = 'all';

const isRange = (value: string | null): value is TimeRange => timeRanges.includes(value as TimeRange);

/** Reads the filters from the page's query string; an unknown range falls back to the default. */
export function auditViewOf(params: URLSearchParams): AuditView {
  const range = params.get('range');
  return {
    range: isRange(range) ? range : params.has('from') || params.has('to') ? 'custom' : defaultAuditRange,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    actor: params.get('actor') ?? '',
    objectType: params.get('objectType') ?? '',
    objectId: params.get('objectId') ?? '',
    outcome: params.get('outcome') ?? '',
  };
}

/** The query string of the filters: only what differs from the defaults, so links stay short. */
export function auditParamsOf(view: AuditView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.range !== defaultAuditRange) {
    params.set('range', view.range);
  }
  if (view.range === 'custom') {
    if (view.from) params.set('from', view.from);
    if (view.to) params.set('to', view.to);
  }
  for (const name of ['actor', 'objectType', 'objectId', 'outcome'] as const) {
    if (view[name]) {
      params.set(name, view[name]);
    }
  }
  return params;
}

/**
 * The filter to send: a relative range becomes `from` = now minus the range; an unknown outcome is sent as it is,
 * so the server names it in its 422 instead of the console silently ignoring it.
 */
export function auditFilterOf(view: AuditView, now: Date): AuditFilter {
  // The time window works as on the events page: the same ranges, counted from the same clock.
  const time = filterOf({ range: view.range, from: view.from, to: view.to, group: '', device: '', severity: [], type: [], source: [], q: '' }, now);
  const filter: AuditFilter = {};
  if (time.from) filter.from = time.from;
  if (time.to) filter.to = time.to;
  if (view.actor) filter.actor = view.actor;
  if (view.objectType) filter.objectType = view.objectType;
  if (view.objectId) filter.objectId = view.objectId;
  if (view.outcome) filter.outcome = view.outcome;
  return filter;
}
