import { NavItem } from '@patternfly/react-core';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, useLocation } from 'react-router';
import { listPlugins, type Plugin } from '../api/plugins';
import { holds } from '../api/session';
import { NavigationGroup } from '../components/NavigationGroup';
import { deviceTabsOf, DeviceTabsContext, type DeviceTab, type DeviceTabProps } from '../pages/devices/deviceTabs';
import { navigationSections, type NavigationSection } from '../routes';
import { useMe, useSession } from '../session/SessionContext';
import { applicationsOf, contributionsOf, noContributions, type ConsoleApplication, type ConsoleContributions, type ModuleContribution } from './contributions';
import { listConsoleContributions, settingsOfContributions, settingsOfPlugins, type SettingsApplication } from './contributionsApi';
import { PluginModule } from './PluginModule';

export interface PluginsState extends ConsoleContributions {
  /** The installed plugins, once loaded; stays `undefined` for an admin who may not read plugins. */
  plugins: Plugin[] | undefined;
  /**
   * The active plugins whose applications have policy settings, with their settings schemas (empty until loaded).
   * Every admin gets them, so an operator without `plugins.read` still edits policies with the real form.
   */
  settingsApplications: readonly SettingsApplication[];
  /** Whether the contributions were loaded at least once (until then a plugin's page cannot be told missing). */
  loaded: boolean;
  /** Why the last load failed; what was loaded before stays meanwhile. */
  error: unknown;
  /** Loads the plugins again (after installing, starting, stopping or uninstalling one). */
  refresh: () => void;
}

const PluginsContext = createContext<PluginsState>({
  ...noContributions,
  plugins: undefined,
  settingsApplications: [],
  loaded: false,
  error: undefined,
  refresh: () => undefined,
});

/** The installed plugins and what they add to the console, as the console frame holds them. */
export function usePlugins(): PluginsState {
  return useContext(PluginsContext);
}

/** When a plugin's permissions came or went, `/me` is read again at once and after this long. */
const meReadAgainMs = 3000;

/** While a plugin is starting (its migrations run), the list is asked again this often until it settles. */
const startingPollMs = 2000;

interface Loaded {
  plugins: Plugin[] | undefined;
  applications: ConsoleApplication[] | undefined;
  settingsApplications: SettingsApplication[];
  error: unknown;
}

/**
 * What the console frame loads on each change of page: an admin who may read plugins gets the installed plugins
 * (the plugins page shows them; their contributions come with them), every other admin the active plugins'
 * contributions alone. One request either way.
 */
function loadPlugins(mayReadPlugins: boolean, signal: AbortSignal): Promise<Omit<Loaded, 'error'>> {
  return mayReadPlugins
    ? listPlugins(signal).then((plugins) => ({ plugins, applications: applicationsOf(plugins), settingsApplications: settingsOfPlugins(plugins) }))
    : listConsoleContributions(signal).then((applications) => ({
        plugins: undefined,
        applications,
        settingsApplications: settingsOfContributions(applications),
      }));
}

/**
 * Holds the active plugins' console contributions for the console frame: pages, navigation entries (see
 * {@link ApplicationsNavigation}) and device tabs (through the device page's `DeviceTabsContext`), and for admins who
 * may read plugins the installed plugins. They are loaded again on every change of page, so a plugin installed or
 * stopped elsewhere shows up without a reload, and at once when the plugins page calls `refresh()`.
 */
export function PluginContributionsProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const { i18n } = useTranslation();
  const { pathname } = useLocation();
  const mayRead = holds(me, 'plugins.read');
  const [loaded, setLoaded] = useState<Loaded>({ plugins: undefined, applications: undefined, settingsApplications: [], error: undefined });
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((current) => current + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    loadPlugins(mayRead, controller.signal).then(
      (answer) => {
        if (!controller.signal.aborted) {
          setLoaded({ ...answer, error: undefined });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setLoaded((previous) => ({ ...previous, error }));
        }
      },
    );
    return () => controller.abort();
  }, [mayRead, pathname, generation]);

  const starting = loaded.plugins?.some((plugin) => plugin.state === 'starting') ?? false;
  useEffect(() => {
    if (!starting) {
      return undefined;
    }
    const timer = setTimeout(refresh, startingPollMs);
    return () => clearTimeout(timer);
  }, [starting, loaded, refresh]);

  useReloadMeOnNewPermissions(loaded.applications);

  const contributions = useMemo(
    () => contributionsOf(loaded.applications ?? [], (permission) => holds(me, permission), i18n.language),
    [loaded.applications, me, i18n.language],
  );
  const deviceTabs = usePluginDeviceTabs(contributions.deviceTabs);
  const settingsApplications = useStableList(loaded.settingsApplications);
  const state = useMemo(
    () => ({
      ...contributions,
      plugins: loaded.plugins,
      settingsApplications,
      loaded: loaded.applications !== undefined,
      error: loaded.error,
      refresh,
    }),
    [contributions, loaded, settingsApplications, refresh],
  );

  return (
    <PluginsContext.Provider value={state}>
      <DeviceTabsContext.Provider value={deviceTabs}>{children}</DeviceTabsContext.Provider>
    </PluginsContext.Provider>
  );
}

/**
 * The signed-in account's permissions (`/me`) were read at sign-in; a plugin started since then brings permissions
 * of its own (which the main administrator holds at once, for example). When the active plugins' permissions change,
 * the account is read again, so their pages show without signing in anew.
 */
function useReloadMeOnNewPermissions(applications: readonly ConsoleApplication[] | undefined) {
  const { reloadMe } = useSession();
  const reload = useRef(reloadMe);
  reload.current = reloadMe;
  const known = useRef<string | undefined>(undefined);
  const permissions = applications ? JSON.stringify(applications.flatMap((application) => application.permissions).sort()) : undefined;
  useEffect(() => {
    if (permissions === undefined) {
      return undefined;
    }
    const changed = known.current !== undefined && known.current !== permissions;
    known.current = permissions;
    if (!changed) {
      return undefined;
    }
    // A failure leaves the plugin's pages hidden until the next change or sign-in; nothing else depends on it.
    const read = () => void reload.current().catch(() => undefined);
    read();
    // The server keeps a resolved caller for a few seconds (sessions' callerCacheSeconds, 2 by default), so the
    // first answer may still lack the new permissions: ask once more when that has passed.
    const again = setTimeout(read, meReadAgainMs);
    return () => clearTimeout(again);
  }, [permissions]);
}

/**
 * The list as long as its content stays the same: it is loaded again on every change of page, and the policy forms
 * built from the schemas should not start over for an equal answer.
 */
function useStableList<T>(list: readonly T[]): readonly T[] {
  const signature = JSON.stringify(list);
  // The signature stands for the list.
  return useMemo(() => list, [signature]);
}

/** Plugin device tabs come after the core ones, in the order of the plugins and their descriptors. */
const pluginTabsOrder = 1000;

/**
 * The device page's tabs: the core ones and the plugins'. A plugin tab keeps its view component (and so its mounted
 * module) across reloads of the plugin list as long as its module URL stays the same.
 */
function usePluginDeviceTabs(tabs: readonly ModuleContribution[]): readonly DeviceTab[] {
  const views = useRef(new Map<string, DeviceTab['component']>());
  const signature = JSON.stringify(tabs.map((tab) => [tab.pluginId, tab.pluginName, tab.id, tab.title, tab.moduleUrl, tab.permission ?? null]));
  return useMemo(
    () =>
      deviceTabsOf(
        tabs.map((tab, index) => ({
          id: `${tab.pluginId}.${tab.id}`,
          title: { text: tab.title },
          ...(tab.permission ? { permission: tab.permission } : {}),
          order: pluginTabsOrder + index,
          component: viewOf(views.current, tab),
        })),
      ),
    // The signature stands for the tabs: a new list with the same tabs must not remount them.
    [signature],
  );
}

function viewOf(views: Map<string, DeviceTab['component']>, tab: ModuleContribution): DeviceTab['component'] {
  const key = JSON.stringify([tab.pluginId, tab.pluginName, tab.moduleUrl]);
  let view = views.get(key);
  if (!view) {
    const PluginDeviceTab = ({ device }: DeviceTabProps) => (
      <PluginModule pluginId={tab.pluginId} pluginName={tab.pluginName} moduleUrl={tab.moduleUrl} deviceId={device.id} />
    );
    view = PluginDeviceTab;
    views.set(key, view);
  }
  return view;
}

/**
 * Where the "Applications" section goes among the sidebar sections shown: before the first one that comes after it
 * in the fixed section order (an admin may see only some sections).
 */
export function applicationsPosition(sections: readonly Pick<NavigationSection, 'id'>[]): number {
  const order = (id: string) => navigationSections.findIndex((section) => section.id === id);
  const position = sections.findIndex((section) => order(section.id) > order('applications'));
  return position < 0 ? sections.length : position;
}

const applicationsSection = navigationSections.find((section) => section.id === 'applications')!;

/** The sidebar section "Applications": the plugins' navigation entries the admin may follow. */
export function ApplicationsNavigation() {
  const { pathname } = useLocation();
  const { navigation } = usePlugins();
  if (navigation.length === 0) {
    return null;
  }
  return (
    <NavigationGroup section={applicationsSection}>
      {navigation.map((entry) => (
        <NavItem
          key={`${entry.pluginId}/${entry.id}`}
          itemId={`${entry.pluginId}/${entry.id}`}
          isActive={matchPath({ path: entry.path, end: false }, pathname) !== null}
        >
          <Link to={entry.path}>{entry.title}</Link>
        </NavItem>
      ))}
    </NavigationGroup>
  );
}
