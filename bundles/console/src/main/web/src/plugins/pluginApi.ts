import { apiBase, ApiError, request, ServerUnreachableError, type Method } from '../api/client';
import { PluginApiError, type PluginApi, type PluginApiOptions } from './contract';

/**
 * The API client a plugin module gets: the console's own client (session cookie, CSRF token, sign-in page on an
 * ended session), limited to the API's paths, with errors as {@link PluginApiError}. Every call is cancelled when
 * `lifetime` aborts (the module was unmounted).
 */
export function createPluginApi(lifetime: AbortSignal): PluginApi {
  const call = async <T>(method: Method, path: string, body: unknown, options: PluginApiOptions = {}): Promise<T> => {
    const signal = options.signal ? AbortSignal.any([lifetime, options.signal]) : lifetime;
    try {
      return await request<T>(method, apiPath(path), body, { signal });
    } catch (error) {
      throw pluginErrorOf(error);
    }
  };
  return Object.freeze({
    get: <T>(path: string, options?: PluginApiOptions) => call<T>('GET', path, undefined, options),
    post: <T>(path: string, body?: unknown, options?: PluginApiOptions) => call<T>('POST', path, body, options),
    put: <T>(path: string, body?: unknown, options?: PluginApiOptions) => call<T>('PUT', path, body, options),
    patch: <T>(path: string, body?: unknown, options?: PluginApiOptions) => call<T>('PATCH', path, body, options),
    delete: <T>(path: string, body?: unknown, options?: PluginApiOptions) => call<T>('DELETE', path, body, options),
  });
}

/**
 * The path below the API base: `/me` as it is, `/api/v1/me` without the base. Anything else (another origin, a
 * relative path, a path outside the API) is a programming error of the module.
 */
export function apiPath(path: string): string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) {
    throw new TypeError(`API paths start with one '/' and are below ${apiBase}, e.g. '/me'; not ${String(path)}`);
  }
  return path === apiBase || path.startsWith(`${apiBase}/`) || path.startsWith(`${apiBase}?`) ? path.slice(apiBase.length) : path;
}

function pluginErrorOf(error: unknown): unknown {
  if (error instanceof ApiError) {
    return new PluginApiError({
      type: error.type,
      title: error.title,
      status: error.status,
      ...(error.detail !== undefined ? { detail: error.detail } : {}),
      ...(error.code !== undefined ? { code: error.code } : {}),
      errors: error.errors,
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    });
  }
  if (error instanceof ServerUnreachableError) {
    return new PluginApiError({ type: 'about:blank', title: error.message, status: 0 });
  }
  // An abort (the module was unmounted or cancelled the call) stays the DOMException fetch throws.
  return error;
}
