import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse } from '../testing/renderConsole';
import {
  ApiError,
  deleteRequest,
  getAll,
  getJson,
  onAccessRefused,
  patchJson,
  postJson,
  problemOf,
  putJson,
  retryAfterOf,
  ServerUnreachableError,
  setCsrfToken,
} from './client';

describe('getJson', () => {
  it('returns the parsed body of a successful answer from the API base', async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse({ hello: 'world' }));
    vi.stubGlobal('fetch', fetchMock);

    await expect(getJson('/things')).resolves.toEqual({ hello: 'world' });
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/things', expect.objectContaining({ credentials: 'same-origin' }));
  });

  it('throws the problem the server described', async () => {
    const problem = { type: 'https://garrison.example/problems/not-found', title: 'Not Found', status: 404, detail: 'No device 42' };
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(problem, 404, 'application/problem+json')));

    const error = await getJson('/devices/42').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ title: 'Not Found', detail: 'No device 42', status: 404, type: problem.type });
    expect((error as ApiError).message).toBe('Not Found: No device 42');
  });

  it('returns the body of an error status the caller expects', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse({ status: 'DOWN' }, 503)));

    await expect(getJson('/health', { acceptStatus: [503] })).resolves.toEqual({ status: 'DOWN' });
  });

  it('reports a request without any answer as server unreachable', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    await expect(getJson('/health')).rejects.toBeInstanceOf(ServerUnreachableError);
  });

  it('passes an abort through unchanged', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('aborted', 'AbortError');
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(abort));

    await expect(getJson('/health', { signal: controller.signal })).rejects.toBe(abort);
  });
});

describe('problemOf', () => {
  it('reads a problem with a charset parameter', async () => {
    const response = jsonResponse({ title: 'Conflict', status: 409, detail: 'Name taken' }, 409, 'application/problem+json; charset=utf-8');

    await expect(problemOf(response)).resolves.toMatchObject({ title: 'Conflict', detail: 'Name taken', type: 'about:blank' });
  });

  it('uses the HTTP status when the body is not a problem', async () => {
    const response = new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } });

    await expect(problemOf(response)).resolves.toMatchObject({ title: 'Bad Gateway', status: 502, detail: undefined });
  });

  it('survives a malformed problem body', async () => {
    const response = new Response('{"title": ', { status: 500, headers: { 'Content-Type': 'application/problem+json' } });

    await expect(problemOf(response)).resolves.toMatchObject({ title: 'HTTP 500', status: 500 });
  });

  it('fills in what a partial problem leaves out', async () => {
    const response = jsonResponse({ detail: 'Try again later' }, 429, 'application/problem+json');

    await expect(problemOf(response)).resolves.toMatchObject({ title: 'HTTP 429', status: 429, detail: 'Try again later', type: 'about:blank' });
  });
});

describe('state-changing calls', () => {
  afterEach(() => setCsrfToken(undefined));

  it('send the CSRF token of the session on POST, PUT, PATCH and DELETE, and JSON bodies', async () => {
    const fetchMock = vi.fn().mockImplementation(() => Promise.resolve(new Response(null, { status: 204 })));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('token-1');

    await postJson('/things', { name: 'a' });
    await putJson('/things/1', { name: 'b' });
    await patchJson('/things/1', { name: 'c' });
    await deleteRequest('/things/1');

    for (const [index, method] of ['POST', 'PUT', 'PATCH', 'DELETE'].entries()) {
      const [url, init] = fetchMock.mock.calls[index] as [string, RequestInit];
      expect(init.method).toBe(method);
      expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('token-1');
      expect(init.credentials).toBe('same-origin');
      expect(url.startsWith('/api/v1/things')).toBe(true);
    }
    expect((fetchMock.mock.calls[0] as [string, RequestInit])[1].body).toBe('{"name":"a"}');
    expect(((fetchMock.mock.calls[0] as [string, RequestInit])[1].headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('do not send the CSRF token on GET, nor any token before sign-in', async () => {
    const fetchMock = vi.fn().mockImplementation(() => Promise.resolve(jsonResponse({})));
    vi.stubGlobal('fetch', fetchMock);

    await postJson('/session', { login: 'a', password: 'b' });
    setCsrfToken('token-1');
    await getJson('/things');

    for (const call of fetchMock.mock.calls as [string, RequestInit][]) {
      expect((call[1].headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
    }
  });

  it('return undefined for an answer without a body', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status: 204 })));

    await expect(putJson('/me/password', { currentPassword: 'a', newPassword: 'b' })).resolves.toBeUndefined();
  });
});

describe('refused calls', () => {
  it('tell the console that nobody is signed in on 401', async () => {
    const listener = vi.fn();
    const remove = onAccessRefused(listener);
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(problemResponse(401, 'Unauthorized')));

    await expect(getJson('/devices')).rejects.toMatchObject({ status: 401 });

    expect(listener).toHaveBeenCalledWith('signed-out');
    remove();
  });

  it('leave a 401 to the caller that handles it (the sign-in call)', async () => {
    const listener = vi.fn();
    const remove = onAccessRefused(listener);
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(problemResponse(401, 'Unauthorized')));

    await expect(postJson('/session', {}, { handleAccessRefusal: true })).rejects.toBeInstanceOf(ApiError);

    expect(listener).not.toHaveBeenCalled();
    remove();
  });

  it('tell the console about a pending step on 403 with its code, but not about a plain 403', async () => {
    const listener = vi.fn();
    const remove = onAccessRefused(listener);
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(problemResponse(403, 'Forbidden', { code: 'change-password' }))
      .mockResolvedValueOnce(problemResponse(403, 'Forbidden', { code: 'accept-terms' }))
      .mockResolvedValueOnce(problemResponse(403, 'Forbidden', { detail: 'Needs devices.write' }));
    vi.stubGlobal('fetch', fetchMock);

    await expect(getJson('/devices')).rejects.toMatchObject({ code: 'change-password' });
    await expect(getJson('/devices')).rejects.toMatchObject({ code: 'accept-terms' });
    await expect(getJson('/devices')).rejects.toMatchObject({ status: 403, detail: 'Needs devices.write' });

    expect(listener.mock.calls).toEqual([['change-password'], ['accept-terms']]);
    remove();
  });
});

describe('problem extensions', () => {
  it('reads the code and the field errors of a problem', async () => {
    const response = problemResponse(422, 'Invalid input', {
      detail: 'The password breaks the policy',
      errors: [{ field: 'newPassword', message: 'must have at least 12 characters' }, { bogus: true }],
      code: 'password-policy',
    });

    await expect(problemOf(response)).resolves.toMatchObject({
      code: 'password-policy',
      errors: [{ field: 'newPassword', message: 'must have at least 12 characters' }],
    });
  });

  it('reads Retry-After in seconds or as a date', async () => {
    const seconds = problemResponse(429, 'Too Many Requests', {}, { 'Retry-After': '120' });
    await expect(problemOf(seconds)).resolves.toMatchObject({ status: 429, retryAfterSeconds: 120 });

    expect(retryAfterOf('Thu, 26 Nov 2026 10:01:00 GMT', Date.parse('2026-11-26T10:00:00Z'))).toBe(60);
    expect(retryAfterOf('soon')).toBeUndefined();
    expect(retryAfterOf(null)).toBeUndefined();
  });
});

describe('getAll', () => {
  it('follows the cursor until the last page', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse({ items: [1, 2], nextCursor: 'c 1' }))
      .mockResolvedValueOnce(jsonResponse({ items: [3], nextCursor: null }));
    vi.stubGlobal('fetch', fetchMock);

    await expect(getAll('/accounts?limit=2')).resolves.toEqual([1, 2, 3]);
    expect(fetchMock.mock.calls.map((call) => call[0])).toEqual(['/api/v1/accounts?limit=2', '/api/v1/accounts?limit=2&cursor=c%201']);
  });
});
