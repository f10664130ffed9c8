/** Base path of the Garrison REST API; the console is served by the same origin. */
export const apiBase = '/api/v1';

/** One refused input field of a 422 problem. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem detail, the body of every error answer of the Garrison API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Machine-readable kind of problem, e.g. `second-factor-required`, `change-password`, `accept-terms`. */
  code?: string;
  /** For invalid input: every refused field and why. */
  errors?: readonly FieldError[];
  /** Seconds to wait before trying again (from the `Retry-After` header of a 429 or 503). */
  retryAfterSeconds?: number;
}

/** The server answered with an error status; carries the problem the server described. */
export class ApiError extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly errors: readonly FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.code = problem.code;
    this.errors = problem.errors ?? [];
    this.retryAfterSeconds = problem.retryAfterSeconds;
  }
}

/** The request got no answer at all: server stopped, network down or TLS refused. */
export class ServerUnreachableError extends Error {
  constructor(cause: unknown) {
    super('The server cannot be reached', { cause });
    this.name = 'ServerUnreachableError';
  }
}

/**
 * Why a call was refused in a way the whole console must react to: nobody is signed in (any more), or the
 * account has to change its password or accept the legal terms before it may do anything else.
 */
export type AccessRefusal = 'signed-out' | 'change-password' | 'accept-terms';

type AccessRefusalListener = (refusal: AccessRefusal) => void;

/**
 * The state the client shares with every call: the CSRF token of the current console session and who to tell when
 * the server refuses access. Kept in one object so tests (and a sign-out) can reset it.
 */
const connection: { csrfToken: string | undefined; onAccessRefused: AccessRefusalListener | undefined } = {
  csrfToken: undefined,
  onAccessRefused: undefined,
};

/** Sets (or, with `undefined`, forgets) the CSRF token sent with every state-changing call. */
export function setCsrfToken(token: string | undefined): void {
  connection.csrfToken = token;
}

/** Registers the one listener for refused calls (the session provider); returns a function that removes it. */
export function onAccessRefused(listener: AccessRefusalListener): () => void {
  connection.onAccessRefused = listener;
  return () => {
    if (connection.onAccessRefused === listener) {
      connection.onAccessRefused = undefined;
    }
  };
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Error statuses whose body is still the expected JSON (e.g. 503 from the health resource). */
  acceptStatus?: readonly number[];
  /**
   * The caller handles 401 and 403 itself instead of the console sending the user to the sign-in page or a pending
   * step (the sign-in call, the session check at start-up).
   */
  handleAccessRefusal?: boolean;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const stateChanging: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Calls `apiBase + path` and returns the parsed JSON body (`undefined` for an answer without one, such as 204).
 * State-changing calls carry the session's CSRF token. Error answers are thrown as {@link ApiError}; a 401, or a
 * 403 for a pending step, also tells the console (unless `handleAccessRefusal`).
 */
export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (stateChanging.has(method) && connection.csrfToken) {
    headers['X-CSRF-Token'] = connection.csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(apiBase + path, {
      method,
      headers,
      credentials: 'same-origin',
      signal: options.signal ?? null,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) {
      throw error;
    }
    throw new ServerUnreachableError(error);
  }
  if (!response.ok && !options.acceptStatus?.includes(response.status)) {
    const error = await problemOf(response);
    if (!options.handleAccessRefusal) {
      reportRefusal(error);
    }
    throw error;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function reportRefusal(error: ApiError): void {
  const listener = connection.onAccessRefused;
  if (!listener) {
    return;
  }
  if (error.status === 401) {
    listener('signed-out');
  } else if (error.status === 403 && (error.code === 'change-password' || error.code === 'accept-terms')) {
    listener(error.code);
  }
}

/** GETs `apiBase + path` and returns the parsed JSON body; error answers are thrown as {@link ApiError}. */
export function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return request<T>('GET', path, undefined, options);
}

export function postJson<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  return request<T>('POST', path, body, options);
}

export function putJson<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  return request<T>('PUT', path, body, options);
}

export function patchJson<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  return request<T>('PATCH', path, body, options);
}

export function deleteRequest(path: string, body?: unknown, options: RequestOptions = {}): Promise<void> {
  return request<void>('DELETE', path, body, options);
}

/**
 * A listing answer as a plain array: the API answers either an array or one page `{items, nextCursor}`.
 */
export function itemsOf<T>(answer: readonly T[] | { items: readonly T[] }): T[] {
  return Array.isArray(answer) ? [...answer] : [...(answer as { items: readonly T[] }).items];
}

/**
 * Every item of a cursor-paginated listing (`path` may carry query parameters), page after page; for the small
 * management lists (accounts, groups) the console shows whole.
 */
export async function getAll<T>(path: string, options: RequestOptions = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await getJson<T[] | { items: T[]; nextCursor?: string | null }>(
      cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path,
      options,
    );
    if (Array.isArray(page)) {
      return page;
    }
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Percent-encodes one path segment (an id or a version) for a URL. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * Turns an error answer into an {@link ApiError}. A problem+json body supplies title and detail; any other body
 * (a proxy's HTML page, an empty answer) still yields an error with the HTTP status.
 */
export async function problemOf(response: Response): Promise<ApiError> {
  const fallbackTitle = response.statusText || `HTTP ${response.status}`;
  const retryAfterSeconds = retryAfterOf(response.headers.get('Retry-After'));
  const retry = retryAfterSeconds !== undefined ? { retryAfterSeconds } : {};
  const contentType = response.headers.get('Content-Type') ?? '';
  if (contentType.toLowerCase().startsWith('application/problem+json')) {
    try {
      const body: unknown = await response.json();
      if (typeof body === 'object' && body !== null) {
        const problem = body as Record<string, unknown>;
        return new ApiError({
          type: typeof problem.type === 'string' ? problem.type : 'about:blank',
          title: typeof problem.title === 'string' && problem.title ? problem.title : fallbackTitle,
          status: typeof problem.status === 'number' ? problem.status : response.status,
          ...(typeof problem.detail === 'string' && problem.detail ? { detail: problem.detail } : {}),
          ...(typeof problem.instance === 'string' ? { instance: problem.instance } : {}),
          ...(typeof problem.code === 'string' && problem.code ? { code: problem.code } : {}),
          ...(Array.isArray(problem.errors) ? { errors: problem.errors.filter(isFieldError) } : {}),
          ...retry,
        });
      }
    } catch {
      // A malformed problem body is reported like any other error answer, with its HTTP status.
    }
  }
  return new ApiError({ type: 'about:blank', title: fallbackTitle, status: response.status, ...retry });
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

/** `Retry-After` as seconds from now: either delta-seconds or an HTTP date. */
export function retryAfterOf(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) {
    return undefined;
  }
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
