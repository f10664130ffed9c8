import { getJson } from './client';

export type HealthState = 'UP' | 'DOWN';

export interface DatabaseHealth {
  /** `derby` (embedded, default) or `postgresql`. */
  kind: string;
  product: string;
  state: HealthState;
}

/** Answer of `GET /api/v1/health` (HTTP 200 when UP, 503 with the same body when DOWN). */
export interface ServerHealth {
  status: HealthState;
  version: string;
  startedAt: string;
  uptimeSeconds: number;
  database: DatabaseHealth;
  serverId: string;
  installedAt: string;
}

export function fetchHealth(signal: AbortSignal): Promise<ServerHealth> {
  return getJson<ServerHealth>('/health', { signal, acceptStatus: [503] });
}
