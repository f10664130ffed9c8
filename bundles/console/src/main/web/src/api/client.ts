/** Base path of the Garrison REST API; the console is served by the same origin. */
export const apiBase = '/api/v1';

/** An RFC 9457 problem detail, the body of every error answer of the Garrison API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
}

/** The server answered with an error status; carries the problem the server described. */
export class ApiError extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
  }
}

/** The request got no answer at all: server stopped, network down or TLS refused. */
export class ServerUnreachableError extends Error {
  constructor(cause: unknown) {
    super('The server cannot be reached', { cause });
    this.name = 'ServerUnreachableError';
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Error statuses whose body is still the expected JSON (e.g. 503 from the health resource). */
  acceptStatus?: readonly number[];
}

/** GETs `apiBase + path` and returns the parsed JSON body; error answers are thrown as {@link ApiError}. */
export async function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiBase + path, {
      headers: { Accept: 'application/json, application/problem+json' },
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (options.signal?.aborted) {
      throw error;
    }
    throw new ServerUnreachableError(error);
  }
  if (!response.ok && !options.acceptStatus?.includes(response.status)) {
    throw await problemOf(response);
  }
  return (await response.json()) as T;
}

/**
 * Turns an error answer into an {@link ApiError}. A problem+json body supplies title and detail; any other body
 * (a proxy's HTML page, an empty answer) still yields an error with the HTTP status.
 */
export async function problemOf(response: Response): Promise<ApiError> {
  const fallbackTitle = response.statusText || `HTTP ${response.status}`;
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
        });
      }
    } catch {
      // A malformed problem body is reported like any other error answer, with its HTTP status.
    }
  }
  return new ApiError({ type: 'about:blank', title: fallbackTitle, status: response.status });
}
