import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../session/SessionContext';
import { fakeServer } from '../testing/fakeServer';
import { adminMe, jsonResponse, renderConsole, signedInAsAdmin } from '../testing/renderConsole';
import { applicationPath, applicationsOf, contributionsOf, moduleUrlOf, titleIn } from './contributions';
import { listConsoleContributions } from './contributionsApi';
import { apiPath } from './pluginApi';
import { endpointProtection } from './testPlugins';

beforeEach(() => vi.stubEnv('BASE_URL', '/console/'));
afterEach(() => vi.unstubAllEnvs());

const mayOpen = (held: string[]) => (permission: string) => held.includes(permission);

describe('console contributions of plugins', () => {
  it('gives pages their routes, navigation entries their page and tabs their module, all in the language shown', () => {
    const contributions = contributionsOf(applicationsOf([endpointProtection]), mayOpen(['endpoint-protection.read', 'endpoint-protection.admin', 'devices.read']), 'de-AT');

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
    const contributions = contributionsOf(applicationsOf([endpointProtection]), mayOpen(['endpoint-protection.read']), 'en');

    expect(contributions.navigation.map((entry) => entry.id)).toEqual(['threats-nav']);
    expect(contributions.deviceTabs).toEqual([]);
    // A deep link to the page it may not open says "no access" rather than "not found".
    expect(contributions.pages.find((page) => page.id === 'licences')?.mayOpen).toBe(false);
  });

  it('takes nothing from plugins that are not active', () => {
    for (const state of ['stopped', 'starting', 'refused'] as const) {
      expect(contributionsOf(applicationsOf([{ ...endpointProtection, state }]), () => true, 'en')).toEqual({ pages: [], navigation: [], deviceTabs: [] });
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

describe('console contributions for admins who may not read plugins', { timeout: 20_000 }, () => {
  const operator = {
    ...signedInAsAdmin,
    me: { ...adminMe, permissions: { ...adminMe.permissions, 'endpoint-protection.read': { everywhere: false, roots: ['g'] } } },
  } as SessionState;

  it('takes the pages and navigation of the active plugins from GET /console-contributions, never from GET /plugins', async () => {
    const calls = fakeServer({ 'GET /console-contributions': () => jsonResponse(applicationsOf([endpointProtection])) });
    renderConsole('/overview', 'en', { session: operator });

    const navigation = screen.getByRole('navigation', { name: 'Main navigation' });
    const threats = await within(navigation).findByRole('link', { name: 'Threats' });
    expect(threats.getAttribute('href')).toBe('/applications/endpoint-protection/threats');
    // Its permission is not held: the licences page is left out of the navigation.
    expect(within(navigation).queryByRole('link', { name: 'Licences' })).toBeNull();
    expect(calls.some((call) => call.key === 'GET /console-contributions')).toBe(true);
    expect(calls.filter((call) => call.key === 'GET /plugins')).toEqual([]);
  });

  it('refuses an answer that is not a list, and leaves out entries that are not applications', async () => {
    fakeServer({ 'GET /console-contributions': [() => jsonResponse({ status: 'UP' }), () => jsonResponse([{ id: 'x' }, ...applicationsOf([endpointProtection])])] });

    await expect(listConsoleContributions()).rejects.toThrow(TypeError);
    expect((await listConsoleContributions()).map((application) => application.id)).toEqual(['endpoint-protection']);
  });
});
