import { severities, type GarrisonEvent, type Severity } from '../../api/events';

/** Events per time bucket and severity, for the stacked chart. */
export interface SeriesBySeverity {
  /** Start of each bucket. */
  buckets: Date[];
  counts: Record<Severity, number[]>;
}

/**
 * Counts events into `bucketCount` equal buckets ending at `end`, per severity. Events outside the window are
 * ignored (the last bucket includes `end` itself).
 */
export function countBySeverity(events: readonly GarrisonEvent[], end: Date, bucketMillis: number, bucketCount: number): SeriesBySeverity {
  const start = end.getTime() - bucketMillis * bucketCount;
  const buckets = Array.from({ length: bucketCount }, (_, index) => new Date(start + index * bucketMillis));
  const counts = Object.fromEntries(severities.map((severity) => [severity, new Array<number>(bucketCount).fill(0)])) as Record<Severity, number[]>;
  for (const event of events) {
    const at = Date.parse(event.occurredAt);
    if (Number.isNaN(at) || at < start || at > end.getTime() || !Object.hasOwn(counts, event.severity)) {
      continue;
    }
    const index = Math.min(bucketCount - 1, Math.floor((at - start) / bucketMillis));
    counts[event.severity][index]! += 1;
  }
  return { buckets, counts };
}

export interface EventTypeCount {
  source: string;
  type: string;
  count: number;
  /** The worst severity seen for the type. */
  worst: Severity;
}

/** The most frequent event types (by source and type), most frequent first, ties by worst severity then name. */
export function topEventTypes(events: readonly GarrisonEvent[], limit: number): EventTypeCount[] {
  const rank = (severity: Severity) => severities.indexOf(severity);
  const byType = new Map<string, EventTypeCount>();
  for (const event of events) {
    const key = `${event.source}\u0000${event.type}`;
    const entry = byType.get(key);
    if (entry) {
      entry.count += 1;
      if (rank(event.severity) >= 0 && rank(event.severity) < rank(entry.worst)) {
        entry.worst = event.severity;
      }
    } else {
      byType.set(key, { source: event.source, type: event.type, count: 1, worst: event.severity });
    }
  }
  return [...byType.values()]
    .sort((a, b) => b.count - a.count || rank(a.worst) - rank(b.worst) || a.type.localeCompare(b.type) || a.source.localeCompare(b.source))
    .slice(0, limit);
}
