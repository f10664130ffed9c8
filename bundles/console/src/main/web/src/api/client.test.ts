import { describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../testing/renderConsole';
import { ApiError, getJson, problemOf, ServerUnreachableError } from './client';

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
