import type { ParseKeys } from 'i18next';
import { createContext, lazy, useContext, type ComponentType, type LazyExoticComponent } from 'react';
import type { Device } from '../../api/devices';

/** What every tab of the device detail page gets: the device as loaded, and a way to load it again. */
export interface DeviceTabProps {
  device: Device;
  reload: () => void;
}

/**
 * A tab of the device detail page. Core tabs and, later, plugin tabs (issue 7) are described alike: an id (kept in
 * the URL as `?tab=`), a title, an optional permission the account must hold, an order and the view.
 */
export interface DeviceTab {
  id: string;
  /** A console text key, or (for plugins with their own texts) the title itself. */
  title: ParseKeys | { text: string };
  permission?: string;
  order: number;
  component: ComponentType<DeviceTabProps> | LazyExoticComponent<ComponentType<DeviceTabProps>>;
}

/** The tabs of the core, in order. */
export const coreDeviceTabs: readonly DeviceTab[] = [
  { id: 'overview', title: 'devices.tab.overview', order: 0, component: lazy(() => import('./DeviceOverview')) },
  { id: 'hardware', title: 'devices.tab.hardware', order: 10, component: lazy(() => import('./tabs/HardwareTab')) },
  { id: 'software', title: 'devices.tab.software', order: 20, component: lazy(() => import('./tabs/SoftwareTab')) },
  { id: 'applications', title: 'devices.tab.applications', order: 30, component: lazy(() => import('./tabs/ApplicationsTab')) },
  {
    id: 'policies',
    title: 'policies.device.tab',
    permission: 'policies.read',
    order: 35,
    component: lazy(() => import('./tabs/DevicePoliciesTab')),
  },
  { id: 'users', title: 'devices.tab.users', order: 40, component: lazy(() => import('./tabs/UsersTab')) },
  { id: 'events', title: 'devices.tab.events', permission: 'events.read', order: 50, component: lazy(() => import('./tabs/EventsTab')) },
  { id: 'tasks', title: 'tasks.device.tab', permission: 'tasks.read', order: 55, component: lazy(() => import('./tabs/DeviceTasksTab')) },
  { id: 'history', title: 'devices.tab.history', permission: 'audit.read', order: 60, component: lazy(() => import('./tabs/HistoryTab')) },
];

/** The core tabs and further ones (a plugin's), in their order; a further tab with a core tab's id replaces it. */
export function deviceTabsOf(extra: readonly DeviceTab[]): DeviceTab[] {
  const byId = new Map(coreDeviceTabs.map((tab) => [tab.id, tab]));
  for (const tab of extra) {
    byId.set(tab.id, tab);
  }
  return [...byId.values()].sort((first, second) => first.order - second.order);
}

/**
 * The extension point for plugin tabs: whoever loads plugins (issue 7) provides their tabs with
 * `<DeviceTabsContext.Provider value={deviceTabsOf(pluginTabs)}>` around the console; without it, the core tabs.
 */
export const DeviceTabsContext = createContext<readonly DeviceTab[]>(coreDeviceTabs);

export function useDeviceTabs(): readonly DeviceTab[] {
  return useContext(DeviceTabsContext);
}
