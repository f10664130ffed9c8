import { describe, expect, it } from 'vitest';
import type { ApplicationSummary } from '../../api/deviceApplications';
import { protectionCounts } from './protectionStats';

const summary = (applicationId: string, devices: number, realTimeProtection: ApplicationSummary['realTimeProtection']): ApplicationSummary => ({
  applicationId,
  name: applicationId,
  devices,
  states: { RUNNING: devices },
  realTimeProtection,
  threatsDetected: 4,
  notDisinfected: 1,
  licences: { withoutKey: devices, expired: 0, expiring: 0, valid: 0, keys: [] },
});

describe('protection counts', () => {
  it('groups the states into on, paused, off and the rest', () => {
    expect(protectionCounts([summary('ep', 10, { ON: 5, PAUSED: 1, OFF: 2, STARTING: 1, UNKNOWN: 1 })])).toEqual([
      { applicationId: 'ep', name: 'ep', devices: 10, counts: { on: 5, paused: 1, off: 2, other: 2 }, threatsDetected: 4, notDisinfected: 1 },
    ]);
  });

  it('leaves out applications without real-time protection on any device', () => {
    const counts = protectionCounts([summary('dc', 3, { NOT_SUPPORTED: 3 }), summary('mixed', 3, { NOT_SUPPORTED: 2, ON: 1 })]);
    expect(counts.map((application) => [application.applicationId, application.counts])).toEqual([['mixed', { on: 1, paused: 0, off: 0, other: 2 }]]);
  });
});
