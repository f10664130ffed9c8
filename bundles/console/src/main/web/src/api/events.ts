import { getJson, segment } from './client';

export const severities = ['critical', 'functional-failure', 'warning', 'info'] as const;

export type Severity = (typeof severities)[number];

/** Something that happened on a device or in the server. */
export interface GarrisonEvent {
  id: string;
  occurredAt: string;
  receivedAt: string;
  deviceId?: string;
  groupId?: string;
  source: string;
  type: string;
  severity: Severity;
  description?: string;
  payload?: Record<string, unknown>;
}

export interface EventPage {
  items: GarrisonEvent[];
  nextCursor?: string | null;
}

/** A documented event type (`GET /event-types`). */
export interface EventType {
  source: string;
  type: string;
  defaultSeverity?: Severity;
  title?: string;
}

/** The filters of `GET /events` and of the CSV export; every one optional, all combined with AND. */
export interface EventFilter {
  from?: string;
  to?: string;
  group?: string;
  device?: string;
  severity?: readonly Severity[];
  type?: readonly string[];
  source?: readonly string[];
  q?: string;
}

/** The filter as query parameters, lists comma-separated as the API takes them; empty filters are left out. */
export function eventQuery(filter: EventFilter, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  const single = { from: filter.from, to: filter.to, group: filter.group, device: filter.device, q: filter.q };
  for (const [name, value] of Object.entries(single)) {
    if (value) {
      params.set(name, value);
    }
  }
  for (const name of ['severity', 'type', 'source'] as const) {
    const values = filter[name];
    if (values && values.length > 0) {
      params.set(name, values.join(','));
    }
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value) {
      params.set(name, value);
    }
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function listEvents(filter: EventFilter, page: { limit: number; cursor?: string }, signal?: AbortSignal): Promise<EventPage> {
  return getJson<EventPage>(`/events${eventQuery(filter, { limit: String(page.limit), cursor: page.cursor })}`, signal ? { signal } : {});
}

export function fetchEvent(id: string, signal?: AbortSignal): Promise<GarrisonEvent> {
  return getJson<GarrisonEvent>(`/events/${segment(id)}`, signal ? { signal } : {});
}

export async function listEventTypes(signal?: AbortSignal): Promise<EventType[]> {
  const answer = await getJson<{ items: EventType[] } | EventType[]>('/event-types?limit=1000', signal ? { signal } : {});
  return Array.isArray(answer) ? answer : answer.items;
}

/** The address of the CSV export of the events matching the filter (a plain download: the session cookie goes along). */
export function eventExportUrl(filter: EventFilter): string {
  return `/api/v1/events/export.csv${eventQuery(filter)}`;
}
