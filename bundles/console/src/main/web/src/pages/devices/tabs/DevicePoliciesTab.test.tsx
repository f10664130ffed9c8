import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../../testing/fakeServer';
import { jsonResponse, renderConsole } from '../../../testing/renderConsole';
import { application, berlin, contributed, managed, policyId, policyReader, tree } from '../../policies/policyFixtures';
import { deviceNumber, groupsAnswer } from '../testDevices';

const device = deviceNumber(7);

describe('Device policies tab', { timeout: 30_000 }, () => {
  it('shows each effective value with the policy or profile that set it and whether it is locked', async () => {
    const calls = fakeServer({
      'GET /groups': () => jsonResponse(groupsAnswer),
      [`GET /devices/${device.id}`]: () => jsonResponse(device),
      // The operator may not list plugins: the applications with settings come with the console contributions.
      'GET /console-contributions': () => jsonResponse([contributed, { ...contributed, id: 'device-control', name: 'Device control', settingsSchema: null }]),
      'GET /groups/tree': () => jsonResponse(tree),
      [`GET /devices/${device.id}/effective-policy/${application}`]: () =>
        jsonResponse({
          deviceId: device.id,
          groupId: berlin,
          application,
          outOfOffice: true,
          policies: ['p-company', policyId],
          appliedProfiles: [{ policyId, policyName: 'Berlin AV', groupId: berlin, profile: 'Laptops' }],
          settings: { realtime: true, scan: { interval: 240 } },
          origins: {
            realtime: { policyId: 'p-company', policyName: 'Company', groupId: managed },
            'scan/interval': { policyId, policyName: 'Berlin AV', groupId: berlin, profile: 'Laptops' },
          },
          lockedSettings: ['realtime'],
          hash: 'abc',
        }),
    });
    renderConsole(`/devices/${device.id}?tab=policies`, 'en', { session: policyReader });

    const card = await screen.findByRole('region', { name: 'Endpoint Protection' }, { timeout: 10_000 });
    expect(await within(card).findByText(/Outside the organisation's network/)).toBeTruthy();
    expect(within(card).getByText(/Profiles applied: Laptops \(Berlin AV\)/)).toBeTruthy();
    const realtime = (await within(card).findByText('Real-time protection')).closest('tr')!;
    expect(within(realtime).getByText('true')).toBeTruthy();
    expect(within(realtime).getByRole('link', { name: 'Company' }).getAttribute('href')).toBe('/policies/p-company');
    expect(within(realtime).getByText('Locked')).toBeTruthy();
    const interval = within(card).getByText('Scan › Interval (minutes)').closest('tr')!;
    expect(within(interval).getByText('240')).toBeTruthy();
    expect(within(interval).getByText('profile Laptops')).toBeTruthy();
    expect(within(interval).getByRole('link', { name: 'Berlin' }).getAttribute('href')).toBe(`/groups/${berlin}`);
    expect(within(interval).queryByText('Locked')).toBeNull();
    // An application without settings has no effective policy to show.
    expect(screen.queryByRole('region', { name: 'Device control' })).toBeNull();
    expect(calls.filter((call) => call.key === 'GET /plugins')).toEqual([]);
  });
});
