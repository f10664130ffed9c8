import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionState } from '../session/SessionContext';
import { fakeServer } from '../testing/fakeServer';
import { adminMe, jsonResponse, problemResponse, renderConsole, signedInAsAdmin } from '../testing/renderConsole';
import { applicationsOf } from './contributions';
import { endpointProtection } from './testPlugins';

/** An operator of the application who may not read plugins: the frame loads `/console-contributions`. */
const operator = {
  ...signedInAsAdmin,
  me: { ...adminMe, permissions: { 'endpoint-protection.read': { everywhere: true, roots: [] } } },
} as SessionState;

/** An answer the test hands out when it chooses, so what shows before it arrives can be seen. */
function heldBack() {
  let release: (response: Response) => void = () => undefined;
  const answer = new Promise<Response>((resolve) => {
    release = resolve;
  });
  return { answer, release };
}

describe('Application page', { timeout: 30_000 }, () => {
  it('shows loading, not "unavailable", to an admin without plugins.read until the contributions arrived', async () => {
    const contributions = heldBack();
    // The fake server answers with what the handler gives; a pending answer keeps the frame waiting.
    fakeServer({ 'GET /console-contributions': () => contributions.answer as unknown as Response });
    renderConsole('/applications/endpoint-protection/missing', 'en', { session: operator });

    expect(await screen.findByRole('progressbar', { name: 'Loading the application page…' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText('This application page is not available')).toBeNull();

    contributions.release(jsonResponse(applicationsOf([endpointProtection])));
    expect(await screen.findByText('This application page is not available')).toBeTruthy();
    expect(screen.getByText('No active plugin offers the page missing of endpoint-protection.')).toBeTruthy();
    // Nothing to offer an admin who may not manage plugins.
    expect(screen.queryByRole('button', { name: 'Go to the plugins' })).toBeNull();
  });

  it('says the contributions could not be loaded when the first load fails', async () => {
    fakeServer({ 'GET /console-contributions': () => problemResponse(503, 'Service Unavailable') });
    renderConsole('/applications/endpoint-protection/threats', 'en', { session: operator });

    expect(await screen.findByText('The application pages could not be loaded', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText('This application page is not available')).toBeNull();
  });
});
