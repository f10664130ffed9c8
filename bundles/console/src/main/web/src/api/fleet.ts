import { getJson } from './client';
import { emptyDeviceQuery, listDevices, type Device, type DeviceQuery, type StatusLevel } from './devices';
import { eventQuery, type EventFilter, type GarrisonEvent } from './events';

/**
 * Aggregate queries of the monitoring dashboard over the existing listings: counts come from the `total` of a
 * one-item page, so the server counts and the console never fetches the fleet.
 */

/** The status levels, worst first. */
export const deviceStatusLevels: readonly StatusLevel[] = ['CRITICAL', 'WARNING', 'OK'];

async function deviceTotal(query: DeviceQuery, signal?: AbortSignal): Promise<number> {
  return (await listDevices(query, 1, null, signal)).total ?? 0;
}

export interface DeviceStatusCounts {
  total: number;
  byLevel: Record<StatusLevel, number>;
}

/** How many devices the caller sees, in all and per status level. */
export async function fetchDeviceStatusCounts(signal?: AbortSignal): Promise<DeviceStatusCounts> {
  const [total, ...levels] = await Promise.all([
    deviceTotal(emptyDeviceQuery, signal),
    ...deviceStatusLevels.map((level) => deviceTotal({ ...emptyDeviceQuery, status: [level] }, signal)),
  ]);
  const byLevel = Object.fromEntries(deviceStatusLevels.map((level, index) => [level, levels[index] ?? 0])) as Record<StatusLevel, number>;
  return { total: total ?? 0, byLevel };
}

/** The listing of devices last visible before an instant, longest unseen first (also the devices page's URL). */
export function notSeenQuery(before: Date): DeviceQuery {
  return { ...emptyDeviceQuery, lastVisibleTo: before.toISOString(), sort: 'lastVisible', order: 'asc' };
}

export interface NotSeenDevices {
  total: number;
  /** The ones seen longest ago first. */
  devices: Device[];
}

/** Devices last visible before `before`, longest unseen first; never-seen devices are not counted. */
export async function fetchDevicesNotSeenSince(before: Date, limit: number, signal?: AbortSignal): Promise<NotSeenDevices> {
  const page = await listDevices(notSeenQuery(before), limit, null, signal);
  return { total: page.total ?? page.items.length, devices: page.items };
}

export interface RecentEvents {
  events: GarrisonEvent[];
  /** False when there were more events than the console reads for a chart; the newest ones were read. */
  complete: boolean;
}

/**
 * The events matching the filter, newest first, page after page up to `max` events. The listing carries no
 * totals, so the dashboard counts what it read and says when it stopped early.
 */
export async function collectEvents(filter: EventFilter, max: number, signal?: AbortSignal): Promise<RecentEvents> {
  const events: GarrisonEvent[] = [];
  let cursor: string | null | undefined;
  do {
    const limit = Math.min(1000, max - events.length);
    const page = await getJson<{ items: GarrisonEvent[]; nextCursor?: string | null }>(
      `/events${eventQuery(filter, { limit: String(limit), cursor: cursor ?? undefined })}`,
      signal ? { signal } : {},
    );
    events.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && events.length < max);
  return { events, complete: !cursor };
}
