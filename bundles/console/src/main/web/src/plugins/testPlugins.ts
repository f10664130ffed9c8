import type { Plugin } from '../api/plugins';

/** Plugins as `GET /plugins` answers them, for tests. */
const nothing = { settingsSchema: null, taskTypes: [], eventTypes: [], dataKinds: [], data: [], permissions: [] };

export const endpointProtection: Plugin = {
  id: 'endpoint-protection',
  name: 'Endpoint protection',
  vendor: 'Garrison samples',
  version: '1.2.0',
  minServerVersion: '0.1.0',
  state: 'active',
  message: null,
  bundleId: 91,
  changedAt: '2026-11-26T09:00:00Z',
  signature: {
    state: 'trusted',
    signer: 'CN=Garrison Samples,O=Garrison',
    fingerprint: '3f1c9ad2b7e04c51a6d8e2f90b1c7d3e5a4f6b8c9d0e1f2a3b4c5d6e7f80e07a',
    message: 'Signed by CN=Garrison Samples,O=Garrison, a trusted signer',
  },
  contributions: {
    settingsSchema: { type: 'object', properties: { realTimeProtection: { type: 'boolean' } } },
    taskTypes: [
      { type: 'full-scan', title: 'Full scan', description: 'Scans every file', parametersSchema: { type: 'object' }, runsOnDevices: true },
      { type: 'report', title: 'Threat report', description: null, parametersSchema: null, runsOnDevices: false },
    ],
    eventTypes: [{ source: 'endpoint-protection', type: 'threat-detected', title: 'Threat detected', defaultSeverity: 'critical', payloadSchema: null }],
    dataKinds: [{ kind: 'threats', title: 'Threats found', schema: null }],
    data: [
      {
        id: 'threats',
        title: 'Threats found on devices',
        description: null,
        source: 'application',
        storage: 'table EP_THREAT',
        personal: false,
        encrypted: false,
        retention: 'until the device is deleted',
      },
      { id: 'licence-key', title: 'Licence key', source: 'admin', storage: 'table EP_LICENCE', personal: false, encrypted: true, retention: 'until replaced' },
    ],
    permissions: [{ id: 'endpoint-protection.read', description: 'See threats', groupScoped: true }],
    console: [
      { kind: 'page', id: 'threats', title: 'Threats', titles: { de: 'Bedrohungen' }, module: 'threats.js', permission: 'endpoint-protection.read' },
      { kind: 'navigation', id: 'threats-nav', title: 'Threats', titles: { de: 'Bedrohungen' }, module: 'threats', permission: null },
      { kind: 'page', id: 'licences', title: 'Licences', module: 'admin/licences.mjs', permission: 'endpoint-protection.admin' },
      { kind: 'navigation', id: 'licences-nav', title: 'Licences', module: 'licences' },
      { kind: 'device-tab', id: 'protection', title: 'Protection', module: 'tab.js', permission: 'devices.read' },
      { kind: 'navigation', id: 'dangling', title: 'Dangling', module: 'no-such-page' },
    ],
  },
};

/** A plugin the server refused, with the reason. */
export const refusedPlugin: Plugin = {
  id: 'broken-av',
  name: 'Broken AV',
  vendor: null,
  version: '0.9.0',
  minServerVersion: '9.0.0',
  state: 'refused',
  message: 'Plugin broken-av 0.9.0 needs Garrison 9.0.0 or later; this server is 0.1.0',
  bundleId: 92,
  changedAt: '2026-11-26T09:05:00Z',
  signature: { state: 'unsigned', message: 'The JAR is not signed' },
  contributions: { ...nothing, console: [] },
};

/** A plugin an admin stopped: it contributes nothing. */
export const stoppedPlugin: Plugin = {
  id: 'device-control',
  name: 'Device control',
  vendor: 'Garrison samples',
  version: '1.0.0',
  minServerVersion: null,
  state: 'stopped',
  message: null,
  bundleId: 93,
  changedAt: '2026-11-26T09:10:00Z',
  signature: { state: 'not-checked' },
  contributions: { ...nothing, console: [] },
};
