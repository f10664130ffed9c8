import { getJson } from './client';

export type ApplicationState = 'RUNNING' | 'STARTING' | 'STOPPED' | 'UNKNOWN';
export type ProtectionState = 'ON' | 'STARTING' | 'PAUSED' | 'OFF' | 'NOT_SUPPORTED' | 'UNKNOWN';

/** An active licence key and how many devices use it; the server sends only its last characters ("…7K3QF"). */
export interface KeyUsage {
  key: string;
  devices: number;
  expiresAt: string | null;
}

/** Each device with the application counts in exactly one of without key, expired, expiring and valid. */
export interface LicenceUsage {
  withoutKey: number;
  expired: number;
  expiring: number;
  valid: number;
  /** The keys used by the most devices, most first (at most 20). */
  keys: KeyUsage[];
}

/** One managed application over the devices the account sees, as `GET /device-applications` counts it. */
export interface ApplicationSummary {
  applicationId: string;
  name: string;
  devices: number;
  /** Devices per state; states no device is in are left out. */
  states: Partial<Record<ApplicationState, number>>;
  /** Devices per real-time protection state; states no device is in are left out. */
  realTimeProtection: Partial<Record<ProtectionState, number>>;
  threatsDetected: number;
  notDisinfected: number;
  licences: LicenceUsage;
}

export interface ApplicationSummaries {
  items: ApplicationSummary[];
  expiringWithinDays: number;
}

/** The managed applications over the devices the account sees, by name; keys expiring within `expiringWithinDays`. */
export async function fetchApplicationSummaries(expiringWithinDays: number, signal?: AbortSignal): Promise<ApplicationSummaries> {
  const answer = await getJson<Partial<ApplicationSummaries>>(
    `/device-applications?expiringWithinDays=${encodeURIComponent(String(expiringWithinDays))}`,
    signal ? { signal } : {},
  );
  return { items: answer.items ?? [], expiringWithinDays: answer.expiringWithinDays ?? expiringWithinDays };
}
