import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applicationPath, contributionsOf, moduleUrlOf, titleIn } from './contributions';
import { apiPath } from './pluginApi';
import { endpointProtection } from './testPlugins';

beforeEach(() => vi.stubEnv('BASE_URL', '/console/'));
afterEach(() => vi.unstubAllEnvs());

const mayOpen = (held: string[]) => (permission: string) => held.includes(permission);

describe('console contributions of plugins', () => {
  it('gives pages their routes, navigation entries their page and tabs their module, all in the language shown', () => {
    const contributions = contributionsOf([endpointProtection], mayOpen(['endpoint-protection.read', 'endpoint-protection.admin', 'devices.read']), 'de-AT');

    expect(contributions.pages.map((page) => [page.path, page.title, page.moduleUrl, page.mayOpen])).toEqual([
      ['/applications/endpoint-protection/threats', 'Bedrohungen', '/console/plugins/endpoint-protection/threats.js?v=1.2.0-2026-11-26T09%3A00%3A00Z', true],
      ['/applications/endpoint-protection/licences', 'Licences', '/console/plugins/endpoint-protection/admin/licences.mjs?v=1.2.0-2026-11-26T09%3A00%3A00Z', true],
    ]);
    expect(contributions.navigation).toEqual([
      { pluginId: 'endpoint-protection', id: 'threats-nav', title: 'Bedrohungen', path: '/applications/endpoint-protection/threats' },
      { pluginId: 'endpoint-protection', id: 'licences-nav', title: 'Licences', path: '/applications/endpoint-protection/licences' },
    ]);
    expect(contributions.deviceTabs.map((tab) => [tab.id, tab.title, tab.permission])).toEqual([['protection', 'Protection', 'devices.read']]);
  });

  it('leaves out what the admin may not see: navigation to a page it may not open, tabs it may not see', () => {
    const contributions = contributionsOf([endpointProtection], mayOpen(['endpoint-protection.read']), 'en');

    expect(contributions.navigation.map((entry) => entry.id)).toEqual(['threats-nav']);
    expect(contributions.deviceTabs).toEqual([]);
    // A deep link to the page it may not open says "no access" rather than "not found".
    expect(contributions.pages.find((page) => page.id === 'licences')?.mayOpen).toBe(false);
  });

  it('takes nothing from plugins that are not active', () => {
    for (const state of ['stopped', 'starting', 'refused'] as const) {
      expect(contributionsOf([{ ...endpointProtection, state }], () => true, 'en')).toEqual({ pages: [], navigation: [], deviceTabs: [] });
    }
  });

  it('gives an upgraded plugin new module URLs, so the browser loads its new modules', () => {
    const before = moduleUrlOf(endpointProtection, 'threats.js');
    expect(moduleUrlOf({ ...endpointProtection, version: '1.3.0' }, 'threats.js')).not.toBe(before);
    expect(moduleUrlOf({ ...endpointProtection, changedAt: '2026-11-27T09:00:00Z' }, 'threats.js')).not.toBe(before);
  });

  it('picks the title in the language, its base language, else English', () => {
    const entry = { title: 'Threats', titles: { de: 'Bedrohungen', 'pt-BR': 'Ameaças' } };
    expect(titleIn(entry, 'de')).toBe('Bedrohungen');
    expect(titleIn(entry, 'pt-BR')).toBe('Ameaças');
    expect(titleIn(entry, 'fr')).toBe('Threats');
    expect(titleIn({ title: 'Threats', titles: null }, 'de')).toBe('Threats');
    expect(applicationPath('acme', 'a b')).toBe('/applications/acme/a%20b');
  });
});

describe('plugin API paths', () => {
  it('keeps modules on the API of their own server', () => {
    expect(apiPath('/me')).toBe('/me');
    expect(apiPath('/api/v1/devices?limit=5')).toBe('/devices?limit=5');
    expect(apiPath('/api/v1')).toBe('');
    expect(() => apiPath('devices')).toThrow(TypeError);
    expect(() => apiPath('//attacker.example/x')).toThrow(TypeError);
    expect(() => apiPath('https://attacker.example/x')).toThrow(TypeError);
  });
});
