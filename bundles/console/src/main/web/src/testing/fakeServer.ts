import { vi } from 'vitest';
import { problemResponse } from './renderConsole';

export type FakeHandler = (init: RequestInit, url: string) => Response;

export interface FakeCall {
  /** "METHOD /path" below the API base, without the query. */
  key: string;
  url: string;
  init: RequestInit;
}

/**
 * What every fake server answers unless a test says otherwise: the console frame asks for the plugins' console
 * contributions on every page (no plugin is installed).
 */
const frameRoutes: Record<string, FakeHandler> = {
  'GET /console-contributions': () => new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } }),
};

/** The requests the console frame makes on its own, which a page's test may leave out when it counts its calls. */
export const frameCalls: ReadonlySet<string> = new Set(Object.keys(frameRoutes));

/**
 * Replaces `fetch` with a fake Garrison API answering by "METHOD /path" (below /api/v1, query ignored); a list of
 * handlers answers successive calls in turn. Unknown calls get a 404 problem. Returns every call made.
 */
export function fakeServer(given: Record<string, FakeHandler | FakeHandler[]>): FakeCall[] {
  const routes: Record<string, FakeHandler | FakeHandler[]> = { ...frameRoutes, ...given };
  const calls: FakeCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      const key = `${init.method ?? 'GET'} ${url.replace('/api/v1', '').split('?')[0]}`;
      calls.push({ key, url, init });
      const route = routes[key];
      const handler = Array.isArray(route) ? (route.length > 1 ? route.shift() : route[0]) : route;
      if (!handler) {
        return Promise.resolve(problemResponse(404, 'Not Found', { detail: `no fake for ${key}` }));
      }
      return Promise.resolve(handler(init, url));
    }),
  );
  return calls;
}

export const bodyOf = (call: { init: RequestInit }) => JSON.parse(String(call.init.body)) as Record<string, unknown>;

export const headersOf = (call: { init: RequestInit }) => call.init.headers as Record<string, string>;

export const noContent = () => new Response(null, { status: 204 });
