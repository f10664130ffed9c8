import { getJson } from './client';

/** Where a kind of data comes from: entered by an admin, reported by the agent or a managed application, or made by the server. */
export const dataOrigins = ['ADMIN', 'AGENT', 'APPLICATION', 'SERVER'] as const;

export type DataOrigin = (typeof dataOrigins)[number];

/** The owner of the server's own data; any other owner is a plugin id. */
export const coreOwner = 'core';

/** One kind of data the server holds (`GET /data-inventory`, see docs/data-inventory.md). */
export interface DataItem {
  /** Unique within its owner. */
  id: string;
  owner: string;
  title: string;
  description?: string | null;
  source: DataOrigin | string;
  /** Tables and columns, or files of the distribution. */
  storage?: string | null;
  /** Personal data in the sense of the GDPR. */
  personal: boolean;
  /** Encrypted at rest (a one-way hash is not). */
  encrypted: boolean;
  retention?: string | null;
}

/** The filters the server applies (they combine with AND); an unset member does not filter. */
export interface DataInventoryFilter {
  owner?: string;
  personal?: boolean;
  origin?: DataOrigin;
}

/** The query string of a filter, empty when it filters nothing. */
export function dataInventoryQuery(filter: DataInventoryFilter): string {
  const query = new URLSearchParams();
  if (filter.owner) {
    query.set('owner', filter.owner);
  }
  if (filter.personal !== undefined) {
    query.set('personal', String(filter.personal));
  }
  if (filter.origin) {
    query.set('origin', filter.origin);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** Every kind of data matching the filter, sorted by owner, then id; the inventory is small and not paged. */
export async function listDataInventory(filter: DataInventoryFilter, signal?: AbortSignal): Promise<DataItem[]> {
  const answer = await getJson<{ items: DataItem[] }>(`/data-inventory${dataInventoryQuery(filter)}`, signal ? { signal } : {});
  return answer.items;
}
