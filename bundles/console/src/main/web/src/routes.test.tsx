import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { consoleRoutes, navigationOf, type ConsoleRoute } from './routes';
import type { SessionState } from './session/SessionContext';
import { adminMe, jsonResponse, renderConsole, signedInAsAdmin } from './testing/renderConsole';

const health = {
  status: 'UP',
  version: '0.1.0-SNAPSHOT',
  startedAt: '2026-11-26T10:00:00Z',
  uptimeSeconds: 7500,
  database: { kind: 'derby', product: 'Apache Derby 10.16.1.1 - (1928083)', state: 'UP' },
  serverId: '5f0c9a52-8d7e-4a8e-9a35-0a4d1c0e8b11',
  installedAt: '2026-11-20T08:30:00Z',
};

describe('route registry', () => {
  it('gives every page its own path', () => {
    const paths = consoleRoutes.map((route) => route.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.every((path) => !path.startsWith('/'))).toBe(true);
  });

  it('builds the navigation from sections in their order, leaving out empty ones', () => {
    const page = (path: string): ConsoleRoute => ({ ...consoleRoutes[0]!, path });
    const navigation = navigationOf([page('a'), page('b')]);

    expect(navigation).toHaveLength(1);
    expect(navigation[0]!.id).toBe('monitoring');
    expect(navigation[0]!.routes.map((route) => route.path)).toEqual(['a', 'b']);
  });
});

describe('console routing', () => {
  it('shows "page not found" inside the frame for an unknown deep link', async () => {
    renderConsole('/does/not/exist');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText(/no page at \/does\/not\/exist/)).toBeTruthy();
    const navigation = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(navigation).getByRole('link', { name: 'Overview' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the overview' }).getAttribute('href')).toBe('/overview');
  });

  it('opens the overview at the console root and marks it in the navigation', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(health)));
    renderConsole('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
    const navigation = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(navigation).getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
  });

  it('speaks German in the frame and the pages', async () => {
    renderConsole('/nowhere', 'de');

    expect(await screen.findByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Hauptnavigation' })).toBeTruthy();
  });
});

describe('administration navigation', () => {
  it('shows accounts and roles to an account that may read accounts', async () => {
    renderConsole('/nowhere');

    const navigation = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(navigation).getByRole('link', { name: 'Accounts' })).toBeTruthy();
    expect(within(navigation).getByRole('link', { name: 'Roles' })).toBeTruthy();
  });

  it('hides them from an account without accounts.read and refuses a deep link', async () => {
    const eventReader = { ...adminMe, permissions: { 'events.read': { everywhere: true, roots: [] } } };
    renderConsole('/accounts', 'en', { session: { ...signedInAsAdmin, me: eventReader } as SessionState });

    expect(await screen.findByRole('heading', { level: 1, name: 'No access' })).toBeTruthy();
    const navigation = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(navigation).queryByRole('link', { name: 'Accounts' })).toBeNull();
    expect(within(navigation).queryByText('Administration')).toBeNull();
  });
});
