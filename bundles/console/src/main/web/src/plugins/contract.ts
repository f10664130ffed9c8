import type { Problem } from '../api/client';

/**
 * The contract between the console and a plugin's console module (documented for vendors in
 * docs/plugin-console.md). A module is an ES module served at `/console/plugins/<plugin id>/<module>`; it exports
 * `mount(element, context)` and, optionally, `unmount(element)`.
 */
export interface PluginModuleExports {
  /** Renders into `element`, which the module owns until `unmount`. May return a promise. */
  mount: (element: HTMLElement, context: PluginContext) => unknown;
  /** Removes what `mount` added, stops timers and listeners. Called with the same element. */
  unmount?: (element: HTMLElement) => unknown;
}

/** What a module gets when it is mounted. Frozen: a module cannot change it for others. */
export interface PluginContext {
  /** The plugin's id, e.g. `endpoint-protection`. */
  readonly pluginId: string;
  /** The URL path of the plugin's console files, ending in a slash, e.g. `/console/plugins/endpoint-protection/`. */
  readonly basePath: string;
  /** The console's language tag (`en`, `de`, …); the module brings its own texts. */
  readonly language: string;
  /** The console's colour theme as shown now. */
  readonly theme: 'light' | 'dark';
  /** The device whose detail page shows the tab; only for device tabs. */
  readonly deviceId?: string;
  /** Calls the Garrison REST API with the signed-in admin's session. */
  readonly api: PluginApi;
  /** Opens a console page, e.g. `/devices/<id>` or `/applications/<plugin id>/<page id>`. */
  readonly navigate: (path: string) => void;
  /** Aborted when the module is unmounted; API calls still running then are cancelled. */
  readonly signal: AbortSignal;
}

export interface PluginApiOptions {
  signal?: AbortSignal;
}

/**
 * An authenticated client of the REST API below `/api/v1` (paths like `/me` or `/plugins/<id>/threats`). Answers are
 * the parsed JSON body (`undefined` for none); errors are thrown as {@link PluginApiError}.
 */
export interface PluginApi {
  get<T = unknown>(path: string, options?: PluginApiOptions): Promise<T>;
  post<T = unknown>(path: string, body?: unknown, options?: PluginApiOptions): Promise<T>;
  put<T = unknown>(path: string, body?: unknown, options?: PluginApiOptions): Promise<T>;
  patch<T = unknown>(path: string, body?: unknown, options?: PluginApiOptions): Promise<T>;
  delete<T = unknown>(path: string, body?: unknown, options?: PluginApiOptions): Promise<T>;
}

/**
 * A refused or failed API call: the HTTP status (0 when the server could not be reached) and the server's problem
 * detail, including `errors: [{field, message}]` for refused input.
 */
export class PluginApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'PluginApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}
