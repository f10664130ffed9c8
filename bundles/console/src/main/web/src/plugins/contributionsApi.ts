import { getJson } from '../api/client';
import type { JsonSchemaDocument, Plugin } from '../api/plugins';
import type { ConsoleApplication } from './contributions';

/** One active plugin as `GET /console-contributions` lists it: its console contributions and its settings schema. */
export interface ContributedApplication extends ConsoleApplication {
  /** The JSON Schema of the application's policy settings; absent when it has none. */
  settingsSchema?: JsonSchemaDocument | null;
}

/** An active plugin whose application has policy settings, with the JSON Schema the policy forms are built from. */
export interface SettingsApplication {
  id: string;
  name: string;
  version: string | null;
  settingsSchema: JsonSchemaDocument;
}

/**
 * The console contributions of the active plugins (`GET /console-contributions`, any signed-in admin). An answer that
 * is not a list (a proxy's page, an older server) is refused as an error rather than taken for contributions.
 */
export async function listConsoleContributions(signal?: AbortSignal): Promise<ContributedApplication[]> {
  const answer = await getJson<unknown>('/console-contributions', signal ? { signal } : {});
  if (!Array.isArray(answer)) {
    throw new TypeError('GET /console-contributions did not answer with a list');
  }
  return answer.filter(isApplication);
}

/** The applications with a settings schema among the contributed ones. */
export function settingsOfContributions(applications: readonly ContributedApplication[]): SettingsApplication[] {
  return applications.flatMap((application) =>
    isSchema(application.settingsSchema)
      ? [{ id: application.id, name: application.name, version: application.version ?? null, settingsSchema: application.settingsSchema }]
      : [],
  );
}

/** The applications with a settings schema among the installed plugins: the active ones that have one. */
export function settingsOfPlugins(plugins: readonly Plugin[]): SettingsApplication[] {
  return plugins.flatMap((plugin) =>
    plugin.state === 'active' && isSchema(plugin.contributions.settingsSchema)
      ? [{ id: plugin.id, name: plugin.name, version: plugin.version ?? null, settingsSchema: plugin.contributions.settingsSchema }]
      : [],
  );
}

function isSchema(value: unknown): value is JsonSchemaDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isApplication(value: unknown): value is ContributedApplication {
  const application = value as Partial<ContributedApplication> | null;
  return (
    typeof application === 'object' &&
    application !== null &&
    typeof application.id === 'string' &&
    Array.isArray(application.console) &&
    Array.isArray(application.permissions)
  );
}
