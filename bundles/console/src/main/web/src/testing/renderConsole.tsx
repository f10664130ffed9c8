import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { ConsoleRoutes } from '../App';
import { FrameExtras } from '../components/FrameExtras';
import type { Account } from '../api/accounts';
import type { Me, SessionInfo } from '../api/session';
import { createI18n } from '../i18n/language';
import type { Language } from '../i18n/resources';
import { SessionProvider, type SessionState } from '../session/SessionContext';

export const adminAccount: Account = {
  id: '6a1e0f1c-5d2b-4c8e-9d3f-0a1b2c3d4e5f',
  login: 'admin',
  fullName: 'Main Administrator',
  description: null,
  email: 'admin@example.org',
  phone: null,
  enabled: true,
  mustChangePassword: false,
  secondFactor: false,
  lastSignIn: '2026-11-26T09:00:00Z',
  createdAt: '2026-11-20T08:30:00Z',
  grants: [{ roleId: '00000000-0000-0000-0000-00000000a001', groupId: '00000000-0000-0000-0000-000000000001' }],
};

export const adminSession: SessionInfo = {
  csrfToken: 'csrf-token-of-the-test',
  account: adminAccount,
  pendingSteps: [],
  expiresAt: '2026-11-26T18:00:00Z',
};

/** The main administrator: every permission everywhere. */
export const adminMe: Me = {
  account: adminAccount,
  permissions: Object.fromEntries(
    ['devices.read', 'groups.read', 'events.read', 'accounts.read', 'accounts.write', 'audit.read', 'server.read', 'server.write'].map((permission) => [
      permission,
      { everywhere: true, roots: [] },
    ]),
  ),
  pendingSteps: [],
};

/** A console signed in as the main administrator, without asking the server. */
export const signedInAsAdmin: SessionState = { status: 'signed-in', session: adminSession, me: adminMe, settings: {} };

export interface RenderOptions {
  /** The session the console starts with; `'check'` asks the server (`GET /session`) as the real console does. */
  session?: SessionState | 'check';
  /** Whether the frame shows notifications and the training tour (off: a page test sees only its own requests). */
  frameExtras?: boolean;
}

/** Renders the whole console (frame, registry routes) at `path` below `/console/`, in `language`. */
export function renderConsole(path: string, language: Language = 'en', options: RenderOptions = {}) {
  const i18n = createI18n(language);
  const session = options.session ?? signedInAsAdmin;
  return {
    i18n,
    ...render(
      <I18nextProvider i18n={i18n}>
        <SessionProvider {...(session === 'check' ? {} : { initialState: session })}>
          <FrameExtras.Provider value={options.frameExtras ?? false}>
            <MemoryRouter initialEntries={[path]}>
              <ConsoleRoutes />
            </MemoryRouter>
          </FrameExtras.Provider>
        </SessionProvider>
      </I18nextProvider>,
    ),
  };
}

/** A `fetch` answer as the Garrison API sends it. */
export function jsonResponse(body: unknown, status = 200, contentType = 'application/json', headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType, ...headers } });
}

/** A problem+json answer. */
export function problemResponse(status: number, title: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return jsonResponse({ type: 'about:blank', title, status, ...extra }, status, 'application/problem+json', headers);
}
