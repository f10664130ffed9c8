import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../session/SessionContext';
import { fakeServer } from '../../testing/fakeServer';
import { jsonResponse, renderConsole, signedInAsAdmin } from '../../testing/renderConsole';

const health = {
  status: 'UP',
  version: '0.1.0-SNAPSHOT',
  startedAt: '2026-11-26T10:00:00Z',
  uptimeSeconds: 7500,
  database: { kind: 'derby', product: 'Apache Derby 10.16.1.1 - (1928083)', state: 'UP' },
  serverId: '5f0c9a52-8d7e-4a8e-9a35-0a4d1c0e8b11',
  installedAt: '2026-11-20T08:30:00Z',
};

// The server health alone: an account whose dashboard holds no widgets (the dashboard has tests of its own).
const withoutWidgets = { session: { ...signedInAsAdmin, settings: { dashboardLayout: { version: 1, widgets: [] } } } as SessionState };

describe('OverviewPage', () => {
  it('shows the server health', async () => {
    fakeServer({ 'GET /health': () => jsonResponse(health) });
    renderConsole('/overview', 'en', withoutWidgets);

    expect((await screen.findByTestId('health-status')).textContent).toBe('UP');
    expect(screen.getByTestId('health-version').textContent).toBe('0.1.0-SNAPSHOT');
    expect(screen.getByTestId('health-uptime').textContent).toBe('2 h 5 min');
    expect(screen.getByTestId('health-server-id').textContent).toBe(health.serverId);
    expect(screen.getByTestId('health-database-kind').textContent).toBe('Apache Derby (embedded)');
    expect(screen.getByTestId('health-database-product').textContent).toBe(health.database.product);
    expect(screen.getByTestId('health-database-state').textContent).toBe('UP');
  });

  it('shows a server that reports DOWN with HTTP 503', async () => {
    const down = { ...health, status: 'DOWN', database: { ...health.database, kind: 'postgresql', state: 'DOWN' } };
    fakeServer({ 'GET /health': () => jsonResponse(down, 503) });
    renderConsole('/overview', 'de', withoutWidgets);

    expect((await screen.findByTestId('health-status')).textContent).toBe('AUSGEFALLEN');
    expect(screen.getByTestId('health-database-kind').textContent).toBe('PostgreSQL');
    expect(screen.getByTestId('health-uptime').textContent).toBe('2 Std. 5 Min.');
  });

  it('shows the problem the server reported', async () => {
    const problem = { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Health check failed' };
    fakeServer({ 'GET /health': () => jsonResponse(problem, 500, 'application/problem+json') });
    renderConsole('/overview', 'en', withoutWidgets);

    expect(await screen.findByText('The server health could not be loaded')).toBeTruthy();
    expect(screen.getByText('Internal Server Error: Health check failed')).toBeTruthy();
  });

  it('tells the admin when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    renderConsole('/overview', 'en', withoutWidgets);

    expect(await screen.findByText(/cannot be reached/)).toBeTruthy();
  });

  it('keeps the last values and warns when a refresh fails', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let healthCalls = 0;
      const calls = fakeServer({
        'GET /health': () => {
          healthCalls += 1;
          if (healthCalls > 1) {
            throw new TypeError('Failed to fetch');
          }
          return jsonResponse(health);
        },
      });
      renderConsole('/overview', 'en', withoutWidgets);
      await screen.findByTestId('health-status');

      await vi.advanceTimersByTimeAsync(10_000);

      expect(await screen.findByText(/could not be refreshed/)).toBeTruthy();
      expect(screen.getByTestId('health-version').textContent).toBe('0.1.0-SNAPSHOT');
      expect(calls.filter((call) => call.key === 'GET /health')).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
