import { apiBase, deleteRequest, getJson, itemsOf, postJson, problemOf, segment, ServerUnreachableError } from './client';

/** Where an installed plugin stands. */
export type PluginState = 'starting' | 'active' | 'stopped' | 'refused';

export type ConsoleContributionKind = 'page' | 'device-tab' | 'navigation';

/** A JSON Schema as the API sends it (settings, task parameters, payloads). */
export type JsonSchemaDocument = Record<string, unknown>;

/**
 * A page, device-detail tab or navigation entry of a plugin. For a page or tab, `module` is the ES module's path
 * below the plugin's console folder; for a navigation entry, the id of the page it opens.
 */
export interface ConsoleContribution {
  kind: ConsoleContributionKind;
  id: string;
  title: string;
  /** The title in other languages, by language tag. */
  titles?: Record<string, string> | null;
  module: string;
  /** The permission an admin needs to see it; none: every signed-in admin. */
  permission?: string | null;
}

export interface PluginTaskType {
  type: string;
  title: string;
  description?: string | null;
  parametersSchema?: JsonSchemaDocument | null;
  runsOnDevices: boolean;
}

export interface PluginEventType {
  source: string;
  type: string;
  title: string;
  defaultSeverity: string;
  payloadSchema?: JsonSchemaDocument | null;
}

export interface PluginDataKind {
  kind: string;
  title: string;
  schema?: JsonSchemaDocument | null;
}

export interface PluginDataItem {
  id: string;
  title: string;
  description?: string | null;
  source: 'admin' | 'agent' | 'application' | 'server';
  storage: string;
  personal: boolean;
  encrypted: boolean;
  retention: string;
}

export interface PluginPermission {
  id: string;
  description: string;
  groupScoped: boolean;
}

/** What a plugin contributes; the server lists it only while the plugin is active. */
export interface PluginContributions {
  settingsSchema?: JsonSchemaDocument | null;
  taskTypes: PluginTaskType[];
  eventTypes: PluginEventType[];
  dataKinds: PluginDataKind[];
  console: ConsoleContribution[];
  data: PluginDataItem[];
  permissions: PluginPermission[];
}

/** The outcome of the server's check of a plugin JAR's signature (admin guide, "Plugin signatures"). */
export type PluginSignatureState = 'trusted' | 'untrusted' | 'unsigned' | 'invalid' | 'not-checked';

export interface PluginSignature {
  state: PluginSignatureState;
  /** The signer certificate's subject. */
  signer?: string | null;
  /** The signer certificate's SHA-256 fingerprint, lower-case hex. */
  fingerprint?: string | null;
  message?: string | null;
}

/** An installed plugin (`GET /plugins`). */
export interface Plugin {
  id: string;
  name: string;
  vendor?: string | null;
  version?: string | null;
  minServerVersion?: string | null;
  state: PluginState;
  /** Why it was refused or stopped. */
  message?: string | null;
  bundleId: number;
  changedAt: string;
  contributions: PluginContributions;
  signature: PluginSignature;
}

/** The largest plugin JAR the server accepts (its `PluginRegistry.MAX_JAR_BYTES`). */
export const maxPluginJarBytes = 64 * 1024 * 1024;

/** Every installed plugin, refused ones included, ordered by id. */
export async function listPlugins(signal?: AbortSignal): Promise<Plugin[]> {
  const answer = await getJson<Plugin[] | { items: Plugin[] }>('/plugins', signal ? { signal } : {});
  return itemsOf(answer).map(normalisePlugin);
}

export async function startPlugin(id: string): Promise<Plugin> {
  return normalisePlugin(await postJson<Plugin>(`/plugins/${segment(id)}/start`));
}

export async function stopPlugin(id: string): Promise<Plugin> {
  return normalisePlugin(await postJson<Plugin>(`/plugins/${segment(id)}/stop`));
}

/** Uninstalls a plugin; `purge` also drops its tables and data. */
export function uninstallPlugin(id: string, purge: boolean): Promise<void> {
  return deleteRequest(`/plugins/${segment(id)}?purge=${purge}`);
}

/** Fills what an older or partial answer may leave out, so views need not guard every list. */
function normalisePlugin(plugin: Plugin): Plugin {
  const contributions: Partial<PluginContributions> = plugin.contributions ?? {};
  return {
    ...plugin,
    signature: plugin.signature ?? { state: 'not-checked' },
    contributions: {
      settingsSchema: contributions.settingsSchema ?? null,
      taskTypes: contributions.taskTypes ?? [],
      eventTypes: contributions.eventTypes ?? [],
      dataKinds: contributions.dataKinds ?? [],
      console: contributions.console ?? [],
      data: contributions.data ?? [],
      permissions: contributions.permissions ?? [],
    },
  };
}

export interface UploadOptions {
  /** The session's CSRF token (uploads do not go through `request`, which cannot report progress). */
  csrfToken: string | undefined;
  /** Called with the share of the file sent so far, 0 to 1. */
  onProgress?: (sent: number) => void;
  signal?: AbortSignal;
}

/** The answer to an upload: the plugin as it stands after starting, and whether it replaced an installed version. */
export interface UploadedPlugin {
  plugin: Plugin;
  upgraded: boolean;
}

/**
 * Uploads a plugin JAR (`POST /plugins`, form field `file`): installs it, or upgrades the installed plugin of the same
 * id, and starts it. The plugin is then active, or refused with the reason. Uses XMLHttpRequest because `fetch` cannot report upload progress. Errors are
 * thrown as the client's `ApiError` (with the server's problem) or `ServerUnreachableError`; an abort as a
 * `DOMException` named `AbortError`.
 */
export function uploadPlugin(file: File, options: UploadOptions): Promise<UploadedPlugin> {
  return new Promise<UploadedPlugin>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.open('POST', `${apiBase}/plugins`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (options.csrfToken) {
      xhr.setRequestHeader('X-CSRF-Token', options.csrfToken);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        options.onProgress?.(event.loaded / event.total);
      }
    };
    const abort = () => xhr.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    const done = () => options.signal?.removeEventListener('abort', abort);
    xhr.onload = () => {
      done();
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        statusText: xhr.statusText,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' },
      });
      if (xhr.status >= 200 && xhr.status < 300) {
        response.json().then((plugin: Plugin) => resolve({ plugin: normalisePlugin(plugin), upgraded: xhr.status === 200 }), reject);
      } else {
        problemOf(response).then(reject, reject);
      }
    };
    xhr.onerror = () => {
      done();
      reject(new ServerUnreachableError(new Error('The upload failed on the network')));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('The upload was cancelled', 'AbortError'));
    };
    xhr.send(form);
  });
}
