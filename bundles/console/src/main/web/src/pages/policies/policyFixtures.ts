import type { Plugin } from '../../api/plugins';
import type { ContributedApplication } from '../../plugins/contributionsApi';
import type { EffectivePolicy, Policy } from '../../api/policies';
import type { SessionState } from '../../session/SessionContext';
import { adminMe, signedInAsAdmin } from '../../testing/renderConsole';

/** Test data of the policy pages: a plugin with a settings schema, a group tree, policies and what is in force. */
export const managed = '00000000-0000-0000-0000-000000000001';
export const berlin = 'b0000000-0000-4000-8000-000000000001';
export const policyId = 'c0000000-0000-4000-8000-000000000001';
export const application = 'endpoint-protection';

export const tree = [
  {
    id: managed,
    name: 'Managed devices',
    builtIn: true,
    deviceCount: 0,
    subtreeDeviceCount: 3,
    children: [{ id: berlin, name: 'Berlin', builtIn: false, deviceCount: 3, subtreeDeviceCount: 3, children: [] }],
  },
];

export const plugin: Plugin = {
  id: application,
  name: 'Endpoint Protection',
  version: '1.2.0',
  state: 'active',
  bundleId: 200,
  changedAt: '2026-11-26T10:00:00Z',
  signature: { state: 'not-checked' },
  contributions: {
    settingsSchema: {
      type: 'object',
      properties: {
        realtime: { type: 'boolean', title: 'Real-time protection', default: true },
        scan: {
          type: 'object',
          title: 'Scan',
          properties: {
            interval: { type: 'integer', title: 'Interval (minutes)', minimum: 5 },
            level: { enum: ['low', 'recommended', 'high'], title: 'Level' },
          },
        },
      },
    },
    taskTypes: [],
    eventTypes: [],
    dataKinds: [],
    console: [],
    data: [],
    permissions: [],
  },
};

/** The same plugin as `GET /console-contributions` lists it for admins who may not read plugins. */
export const contributed: ContributedApplication = {
  id: plugin.id,
  name: plugin.name,
  version: plugin.version ?? null,
  changedAt: plugin.changedAt,
  console: [],
  permissions: [],
  settingsSchema: plugin.contributions.settingsSchema ?? null,
};

export const berlinPolicy: Policy = {
  id: policyId,
  application,
  groupId: berlin,
  name: 'Berlin AV',
  description: 'Stricter scans',
  state: 'ACTIVE',
  inheritFromParent: true,
  forceInheritance: false,
  settings: { scan: { interval: 30 } },
  lockedSettings: [],
  profiles: [
    { id: 'pr-1', name: 'Laptops', enabled: true, settings: { scan: { interval: 240 } }, lockedSettings: [], rules: [{ attribute: 'TAG', values: ['laptop'] }] },
    { id: 'pr-2', name: 'Servers', enabled: true, settings: { scan: { level: 'high' } }, lockedSettings: [], rules: [{ attribute: 'OS_TYPE', values: ['LINUX'] }] },
  ],
  revision: 4,
  createdAt: '2026-11-26T09:00:00Z',
  updatedAt: '2026-11-26T10:00:00Z',
  updatedBy: { kind: 'ACCOUNT', id: 'a', name: 'admin' },
  problems: [],
  checkedAgainst: '1.2.0',
};

/** At "Managed devices": the company policy sets real-time protection and locks it. */
export const managedEffective: EffectivePolicy = {
  groupId: managed,
  application,
  outOfOffice: false,
  policies: ['p-company'],
  settings: { realtime: true, scan: { level: 'recommended' } },
  origins: {
    realtime: { policyId: 'p-company', policyName: 'Company', groupId: managed },
    'scan/level': { policyId: 'p-company', policyName: 'Company', groupId: managed },
  },
  lockedSettings: ['realtime'],
};

const permissions = (names: string[]) => Object.fromEntries(names.map((name) => [name, { everywhere: true, roots: [] }]));

/** The main administrator with the policy and plugin permissions. */
export const policyWriter: SessionState = {
  ...signedInAsAdmin,
  me: { ...adminMe, permissions: { ...adminMe.permissions, ...permissions(['policies.read', 'policies.write', 'plugins.read', 'audit.read']) } },
} as SessionState;

/** An operator who may read policies but change nothing, and may not list plugins. */
export const policyReader: SessionState = {
  ...signedInAsAdmin,
  me: { ...adminMe, permissions: permissions(['policies.read', 'groups.read', 'devices.read']) },
} as SessionState;

/** An operator who may read and change policies, but not list plugins: the schemas come from the contributions. */
export const policyOperator: SessionState = {
  ...signedInAsAdmin,
  me: { ...adminMe, permissions: permissions(['policies.read', 'policies.write', 'groups.read']) },
} as SessionState;
