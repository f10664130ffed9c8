import type { ApplicationSummary } from '../../api/deviceApplications';

/** How the protection widget groups the real-time protection states: on, paused, off, and everything else. */
export const protectionGroups = ['on', 'paused', 'off', 'other'] as const;

export type ProtectionGroup = (typeof protectionGroups)[number];

export interface ProtectionCounts {
  applicationId: string;
  name: string;
  devices: number;
  counts: Record<ProtectionGroup, number>;
  threatsDetected: number;
  notDisinfected: number;
}

/**
 * The devices per protection group of each application that has real-time protection: an application whose every
 * device answers NOT_SUPPORTED (device control, encryption, ...) has none and is left out.
 */
export function protectionCounts(applications: readonly ApplicationSummary[]): ProtectionCounts[] {
  return applications
    .filter((application) => application.devices > (application.realTimeProtection.NOT_SUPPORTED ?? 0))
    .map((application) => {
      const states = application.realTimeProtection;
      const on = states.ON ?? 0;
      const paused = states.PAUSED ?? 0;
      const off = states.OFF ?? 0;
      return {
        applicationId: application.applicationId,
        name: application.name,
        devices: application.devices,
        counts: { on, paused, off, other: Math.max(0, application.devices - on - paused - off) },
        threatsDetected: application.threatsDetected,
        notDisinfected: application.notDisinfected,
      };
    });
}
