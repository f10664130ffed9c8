import { severities, type EventFilter, type GarrisonEvent, type Severity } from '../../api/events';

/** Time ranges offered in the filter; `custom` uses the `from` and `to` of the URL. */
export const timeRanges = ['1h', '24h', '7d', '30d', 'all', 'custom'] as const;

export type TimeRange = (typeof timeRanges)[number];

const rangeMillis: Record<Exclude<TimeRange, 'all' | 'custom'>, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};

/** The filters as the page keeps them in its URL: what the admin chose, time as a range or two instants. */
export interface FilterView {
  range: TimeRange;
  from: string;
  to: string;
  group: string;
  device: string;
  severity: Severity[];
  type: string[];
  source: string[];
  q: string;
}

export const defaultRange: TimeRange = '24h';

const listOf = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

const isRange = (value: string | null): value is TimeRange => timeRanges.includes(value as TimeRange);
const isSeverity = (value: string): value is Severity => severities.includes(value as Severity);

/** Reads the filters from the page's query string; unknown values are ignored rather than sent to the server. */
export function viewOf(params: URLSearchParams): FilterView {
  const range = params.get('range');
  return {
    range: isRange(range) ? range : params.has('from') || params.has('to') ? 'custom' : defaultRange,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    group: params.get('group') ?? '',
    device: params.get('device') ?? '',
    severity: listOf(params.get('severity')).filter(isSeverity),
    type: listOf(params.get('type')),
    source: listOf(params.get('source')),
    q: params.get('q') ?? '',
  };
}

/** The query string of the filters: only what differs from the defaults, so links stay short. */
export function paramsOf(view: FilterView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.range !== defaultRange) {
    params.set('range', view.range);
  }
  if (view.range === 'custom') {
    if (view.from) params.set('from', view.from);
    if (view.to) params.set('to', view.to);
  }
  if (view.group) params.set('group', view.group);
  if (view.device) params.set('device', view.device);
  if (view.severity.length > 0) params.set('severity', view.severity.join(','));
  if (view.type.length > 0) params.set('type', view.type.join(','));
  if (view.source.length > 0) params.set('source', view.source.join(','));
  if (view.q) params.set('q', view.q);
  return params;
}

/** The filter to send: a relative range becomes `from` = now minus the range, computed when the page loads. */
export function filterOf(view: FilterView, now: Date): EventFilter {
  const filter: EventFilter = {};
  if (view.range === 'custom') {
    if (view.from) filter.from = view.from;
    if (view.to) filter.to = view.to;
  } else if (view.range !== 'all') {
    filter.from = new Date(now.getTime() - rangeMillis[view.range]).toISOString();
  }
  if (view.group) filter.group = view.group;
  if (view.device) filter.device = view.device;
  if (view.severity.length > 0) filter.severity = view.severity;
  if (view.type.length > 0) filter.type = view.type;
  if (view.source.length > 0) filter.source = view.source;
  if (view.q) filter.q = view.q;
  return filter;
}

/** Newest first, as the API orders them: by time, then by id. */
export function newestFirst(a: GarrisonEvent, b: GarrisonEvent): number {
  if (a.occurredAt !== b.occurredAt) {
    return Date.parse(b.occurredAt) - Date.parse(a.occurredAt);
  }
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Live tail: adds the events of the latest poll that are not on screen yet, keeps the list newest first and at most
 * `max` long, and says which ones are new (to highlight them). An event can arrive late with an older time (the
 * producer's clock), so new events are placed by time, not simply put on top.
 */
export function mergeNewer(current: readonly GarrisonEvent[], polled: readonly GarrisonEvent[], max: number): { events: GarrisonEvent[]; added: string[] } {
  const known = new Set(current.map((event) => event.id));
  const added = polled.filter((event) => !known.has(event.id));
  if (added.length === 0) {
    return { events: [...current], added: [] };
  }
  const events = [...added, ...current].sort(newestFirst).slice(0, max);
  const kept = new Set(events.map((event) => event.id));
  return { events, added: added.map((event) => event.id).filter((id) => kept.has(id)) };
}

/** A `datetime-local` input value (local time) as an ISO instant, or '' when empty or invalid. */
export function instantOfLocal(value: string): string {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** An ISO instant as a `datetime-local` input value in local time. */
export function localOfInstant(instant: string): string {
  const date = new Date(instant);
  if (!instant || Number.isNaN(date.getTime())) {
    return '';
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
