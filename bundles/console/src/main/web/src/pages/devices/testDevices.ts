import type { Device } from '../../api/devices';
import type { Me } from '../../api/session';
import { adminMe, signedInAsAdmin } from '../../testing/renderConsole';
import type { SessionState } from '../../session/SessionContext';

export const managedGroupId = '00000000-0000-0000-0000-000000000001';
export const unassignedGroupId = '00000000-0000-0000-0000-000000000002';
export const berlinGroupId = 'b0000000-0000-4000-8000-000000000001';

export const groupsAnswer = {
  items: [
    { id: managedGroupId, parentId: null, name: 'Managed devices', builtIn: true },
    { id: unassignedGroupId, parentId: null, name: 'Unassigned devices', builtIn: true },
    { id: berlinGroupId, parentId: managedGroupId, name: 'Berlin', builtIn: false },
  ],
  nextCursor: null,
};

/** A device as the API lists it, numbered so that tests can make many. */
export function deviceNumber(number: number, change: Partial<Device> = {}): Device {
  const id = `d0000000-0000-4000-8000-${String(number).padStart(12, '0')}`;
  return {
    id,
    groupId: berlinGroupId,
    displayName: `WS-${String(number).padStart(4, '0')}`,
    description: null,
    identity: { netbiosName: `WS-${number}`, dnsName: `ws-${number}.corp.example`, dnsDomain: 'corp.example' },
    network: { ipv4: `10.20.0.${number % 250}`, macAddresses: ['02:00:00:00:03:01'] },
    os: { type: 'WINDOWS', name: 'Windows 11 Enterprise', version: '10.0', build: '22631' },
    virtualisation: { virtualMachine: false },
    activity: { lastVisible: '2026-11-26T10:00:00Z', restartPending: false },
    status: { level: 'OK', reasons: [] },
    tags: [{ name: 'lobby', source: 'admin' }],
    createdAt: '2026-11-20T09:00:00Z',
    modifiedAt: '2026-11-26T10:00:00Z',
    ...change,
  };
}

/** The main administrator, also allowed to change devices. */
export function writerSession(settings: Record<string, unknown> = {}): SessionState {
  const me: Me = {
    ...adminMe,
    permissions: { ...adminMe.permissions, 'devices.write': { everywhere: true, roots: [] } },
  };
  if (signedInAsAdmin.status !== 'signed-in') {
    throw new Error('the admin session is signed in');
  }
  return { ...signedInAsAdmin, me, settings };
}
