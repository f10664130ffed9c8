import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../session/SessionContext';
import { bodyOf, fakeServer } from '../../testing/fakeServer';
import { adminMe, jsonResponse, problemResponse, renderConsole, signedInAsAdmin } from '../../testing/renderConsole';

const managed = '00000000-0000-0000-0000-000000000001';
const berlin = 'b0000000-0000-4000-8000-000000000001';
const tree = [
  {
    id: managed,
    name: 'Managed devices',
    builtIn: true,
    deviceCount: 0,
    subtreeDeviceCount: 12,
    children: [{ id: berlin, name: 'Berlin', builtIn: false, deviceCount: 3, subtreeDeviceCount: 12, children: [] }],
  },
];
const group = {
  id: berlin,
  parentId: managed,
  name: 'Berlin',
  builtIn: false,
  createdAt: '2026-11-26T11:48:15Z',
  modifiedAt: '2026-11-26T11:48:15Z',
  deviceCount: 3,
  subtreeDeviceCount: 12,
};
const inheriting = {
  inheritFromParent: true,
  forceOnChildren: false,
  statusConditions: [
    { type: 'NOT_SEEN_DAYS', enabled: true, warningThreshold: 7, criticalThreshold: 30 },
    { type: 'RESTART_PENDING', enabled: true, warningThreshold: 0 },
  ],
  inactivity: {},
};

const writer = {
  ...signedInAsAdmin,
  me: { ...adminMe, permissions: { ...adminMe.permissions, 'groups.write': { everywhere: true, roots: [] } } },
} as SessionState;

function server(extra: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    [`GET /groups/${berlin}`]: () => jsonResponse(group),
    'GET /groups/tree': () => jsonResponse(tree),
    [`GET /groups/${berlin}/device-settings`]: () => jsonResponse(inheriting),
    [`GET /groups/${berlin}/device-settings/effective`]: () =>
      jsonResponse({ groupId: berlin, sourceGroupId: managed, forced: false, statusConditions: [], inactivity: {} }),
    ...extra,
  });
}

describe('Group page', () => {
  it('shows where the group sits, its devices, and where its settings in force come from', async () => {
    server();
    renderConsole(`/groups/${berlin}`, 'en', { session: writer });

    expect(await screen.findByRole('heading', { level: 1, name: 'Berlin' })).toBeTruthy();
    expect(screen.getByTestId('group-device-count').textContent).toBe('3');
    expect(screen.getByRole('link', { name: '12 devices: show' }).getAttribute('href')).toBe(`/devices?group=${berlin}`);
    const inForce = await screen.findByTestId('settings-in-force');
    expect(inForce.textContent).toContain('Inherited from');
    expect(within(inForce).getByRole('link', { name: 'Managed devices' }).getAttribute('href')).toBe(`/groups/${managed}`);
    expect((screen.getByLabelText('Not seen for a while: warning after days') as HTMLInputElement).disabled).toBe(true);
  });

  it('saves its own settings and shows each refused field where it belongs', async () => {
    const calls = server({
      [`PUT /groups/${berlin}/device-settings`]: [
        () =>
          problemResponse(422, 'Invalid input', {
            errors: [{ field: 'statusConditions/0/warningThreshold', message: 'must not be above the critical threshold' }],
          }),
        (init) => jsonResponse(JSON.parse(String(init.body))),
      ],
    });
    renderConsole(`/groups/${berlin}`, 'en', { session: writer });
    const user = userEvent.setup();

    await user.click(await screen.findByLabelText('Inherit from the parent group'));
    await user.click(screen.getByLabelText('Force on subgroups'));
    const warning = screen.getByLabelText('Not seen for a while: warning after days');
    await user.clear(warning);
    await user.type(warning, '40');
    await user.click(screen.getByLabelText('Threats detected active'));
    await user.selectOptions(screen.getByLabelText('Threats detected: level it raises'), 'CRITICAL');
    await user.type(screen.getByLabelText('Report a device as inactive after (days)'), '14');
    await user.click(screen.getByRole('button', { name: 'Save device settings' }));

    expect(await screen.findByText('must not be above the critical threshold')).toBeTruthy();
    expect(bodyOf(calls.find((call) => call.key === `PUT /groups/${berlin}/device-settings`)!)).toEqual({
      inheritFromParent: false,
      forceOnChildren: true,
      statusConditions: [
        { type: 'NOT_SEEN_DAYS', enabled: true, warningThreshold: 40, criticalThreshold: 30 },
        { type: 'RESTART_PENDING', enabled: true, warningThreshold: 0 },
        { type: 'THREATS_DETECTED', enabled: true, criticalThreshold: 0 },
      ],
      inactivity: { notifyAfterDays: 14 },
    });

    await user.clear(warning);
    await user.type(warning, '20');
    await user.click(screen.getByRole('button', { name: 'Save device settings' }));
    expect(await screen.findByText('Device settings saved')).toBeTruthy();
    expect(screen.queryByText('must not be above the critical threshold')).toBeNull();
  });

  it('shows settings without a way to change them to an account that may only read groups', async () => {
    server();
    renderConsole(`/groups/${berlin}`);

    await screen.findByTestId('settings-in-force');
    expect(screen.queryByRole('button', { name: 'Save device settings' })).toBeNull();
    expect((screen.getByLabelText('Force on subgroups') as HTMLInputElement).disabled).toBe(true);
  });

  it('says so when the group does not exist', async () => {
    server({ [`GET /groups/${berlin}`]: () => problemResponse(404, 'Not Found', { detail: 'No group with that id' }) });
    renderConsole(`/groups/${berlin}`);

    expect(await screen.findByText('The group could not be loaded')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the groups' })).toBeTruthy();
  });
});
