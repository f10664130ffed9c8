import type { ConsoleContribution, Plugin } from '../api/plugins';

/**
 * One active plugin's console contributions, as `GET /console-contributions` lists them for every signed-in admin
 * (the console builds the same from `GET /plugins` for admins who may read plugins).
 */
export interface ConsoleApplication {
  id: string;
  name: string;
  version?: string | null;
  changedAt: string;
  console: ConsoleContribution[];
  /** The ids of the plugin's own permissions. */
  permissions: string[];
}

/** The console contributions of the plugins that are active; stopped, starting and refused ones contribute nothing. */
export function applicationsOf(plugins: readonly Plugin[]): ConsoleApplication[] {
  return plugins
    .filter((plugin) => plugin.state === 'active')
    .map((plugin) => ({
      id: plugin.id,
      name: plugin.name,
      version: plugin.version ?? null,
      changedAt: plugin.changedAt,
      console: plugin.contributions.console,
      permissions: plugin.contributions.permissions.map((permission) => permission.id),
    }));
}

/** A plugin's page or device tab, ready to mount. */
export interface ModuleContribution {
  pluginId: string;
  pluginName: string;
  id: string;
  /** The title in the console's language. */
  title: string;
  /** The module's URL, versioned so that an upgraded plugin's module is loaded anew without a page reload. */
  moduleUrl: string;
  permission: string | undefined;
}

export interface ApplicationPage extends ModuleContribution {
  /** The console path of the page, below `/console`. */
  path: string;
  /** Whether the signed-in admin holds the page's permission. */
  mayOpen: boolean;
}

/** A sidebar entry (section "Applications") opening one of a plugin's pages. */
export interface ApplicationNavigationEntry {
  pluginId: string;
  id: string;
  title: string;
  path: string;
}

export interface ConsoleContributions {
  /** Every page of the active plugins, also those the admin may not open (a deep link then says so). */
  pages: ApplicationPage[];
  /** The entries the admin may follow: own permission and the page's. */
  navigation: ApplicationNavigationEntry[];
  /** The device tabs the admin may see. */
  deviceTabs: ModuleContribution[];
}

export const noContributions: ConsoleContributions = { pages: [], navigation: [], deviceTabs: [] };

/** The console path of a plugin's page: `/applications/<plugin id>/<page id>`. */
export function applicationPath(pluginId: string, pageId: string): string {
  return `/applications/${encodeURIComponent(pluginId)}/${encodeURIComponent(pageId)}`;
}

/** The URL path of a plugin's console files, ending in a slash. */
export function pluginBasePath(pluginId: string): string {
  // Below the console's base (`/console/`): the server's own path for them, which is why page routes live elsewhere.
  return `${import.meta.env.BASE_URL}plugins/${encodeURIComponent(pluginId)}/`;
}

/**
 * The URL of a plugin's module. The query names the plugin's version and state change: the browser keeps every ES
 * module it imported for the page's lifetime, so an upgraded plugin's entry module must have a new URL.
 */
export function moduleUrlOf(plugin: Pick<ConsoleApplication, 'id' | 'version' | 'changedAt'>, module: string): string {
  const path = module.split('/').map(encodeURIComponent).join('/');
  return `${pluginBasePath(plugin.id)}${path}?v=${encodeURIComponent(`${plugin.version ?? ''}-${plugin.changedAt}`)}`;
}

/** The title in `language` (or its base language, `de` for `de-AT`), else the English one. */
export function titleIn(contribution: Pick<ConsoleContribution, 'title' | 'titles'>, language: string): string {
  const titles = contribution.titles ?? {};
  return titles[language] ?? titles[language.split('-')[0] ?? language] ?? contribution.title;
}

/**
 * What the active plugins add to the console for an admin: pages (routed at `/applications/<plugin>/<page>`),
 * navigation entries and device tabs, leaving out those whose permission the admin lacks.
 */
export function contributionsOf(
  applications: readonly ConsoleApplication[],
  mayOpen: (permission: string) => boolean,
  language: string,
): ConsoleContributions {
  const allowed = (permission: string | null | undefined) => !permission || mayOpen(permission);
  const result: ConsoleContributions = { pages: [], navigation: [], deviceTabs: [] };
  for (const plugin of applications) {
    const moduleOf = (contribution: ConsoleContribution): ModuleContribution => ({
      pluginId: plugin.id,
      pluginName: plugin.name,
      id: contribution.id,
      title: titleIn(contribution, language),
      moduleUrl: moduleUrlOf(plugin, contribution.module),
      permission: contribution.permission ?? undefined,
    });
    const pages = new Map<string, ApplicationPage>();
    for (const contribution of plugin.console) {
      if (contribution.kind === 'page') {
        const page = {
          ...moduleOf(contribution),
          path: applicationPath(plugin.id, contribution.id),
          mayOpen: allowed(contribution.permission),
        };
        pages.set(contribution.id, page);
        result.pages.push(page);
      } else if (contribution.kind === 'device-tab' && allowed(contribution.permission)) {
        result.deviceTabs.push(moduleOf(contribution));
      }
    }
    for (const contribution of plugin.console) {
      const page = contribution.kind === 'navigation' ? pages.get(contribution.module) : undefined;
      if (page?.mayOpen && allowed(contribution.permission)) {
        result.navigation.push({ pluginId: plugin.id, id: contribution.id, title: titleIn(contribution, language), path: page.path });
      }
    }
  }
  return result;
}
