import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ParseKeys } from 'i18next';

/**
 * Groups of the sidebar navigation, in display order. New areas (devices, policies, ...) add a section here. The
 * title is shown; the label names the group's landmark, apart from any page region with the same title.
 */
export const navigationSections = [
  { id: 'monitoring', titleKey: 'nav.section.monitoring', labelKey: 'nav.sectionLabel.monitoring' },
  { id: 'devices', titleKey: 'devices.navSection', labelKey: 'nav.sectionLabel.devices' },
  // Filled by the active plugins' navigation entries (see plugins/PluginContributions.tsx), not by routes.
  { id: 'applications', titleKey: 'plugins.navSection', labelKey: 'nav.sectionLabel.applications' },
  { id: 'administration', titleKey: 'nav.section.administration', labelKey: 'nav.sectionLabel.administration' },
] as const satisfies readonly {
  id: string;
  titleKey: ParseKeys;
  labelKey: ParseKeys;
}[];

export type NavigationSectionId = (typeof navigationSections)[number]['id'];

/**
 * A console page: its URL below `/console/`, its title (translation key), its navigation section (none: reached
 * from elsewhere, like "My account"), the permission it needs (held anywhere) and its view.
 */
export interface ConsoleRoute {
  path: string;
  titleKey: ParseKeys;
  section?: NavigationSectionId;
  permission?: string;
  component: LazyExoticComponent<ComponentType>;
}

/**
 * The route registry: every console page registers here and so gets a URL, a sidebar entry and its own code
 * chunk, loaded when the page is first opened.
 */
export const consoleRoutes: readonly ConsoleRoute[] = [
  {
    path: 'overview',
    titleKey: 'overview.title',
    section: 'monitoring',
    component: lazy(() => import('./pages/overview/OverviewPage')),
  },
  {
    path: 'devices',
    titleKey: 'devices.title',
    section: 'devices',
    permission: 'devices.read',
    component: lazy(() => import('./pages/devices/DevicesPage')),
  },
  {
    path: 'devices/:id',
    titleKey: 'devices.detail.title',
    permission: 'devices.read',
    component: lazy(() => import('./pages/devices/DeviceDetailPage')),
  },
  {
    path: 'events',
    titleKey: 'events.title',
    section: 'monitoring',
    permission: 'events.read',
    component: lazy(() => import('./pages/events/EventsPage')),
  },
  {
    path: 'groups',
    titleKey: 'groups.title',
    section: 'devices',
    permission: 'groups.read',
    component: lazy(() => import('./pages/groups/GroupsPage')),
  },
  {
    path: 'groups/:id',
    titleKey: 'groups.title',
    permission: 'groups.read',
    component: lazy(() => import('./pages/groups/GroupPage')),
  },
  {
    path: 'tasks',
    titleKey: 'tasks.title',
    section: 'devices',
    permission: 'tasks.read',
    component: lazy(() => import('./pages/tasks/TasksPage')),
  },
  {
    path: 'tasks/:id',
    titleKey: 'tasks.detail.title',
    permission: 'tasks.read',
    component: lazy(() => import('./pages/tasks/TaskDetailPage')),
  },
  {
    path: 'policies',
    titleKey: 'policies.title',
    section: 'devices',
    permission: 'policies.read',
    component: lazy(() => import('./pages/policies/PoliciesPage')),
  },
  {
    path: 'policies/:id',
    titleKey: 'policies.editor.title',
    permission: 'policies.read',
    component: lazy(() => import('./pages/policies/PolicyEditorPage')),
  },
  {
    path: 'device-moving-rules',
    titleKey: 'movingRules.title',
    section: 'devices',
    permission: 'groups.read',
    component: lazy(() => import('./pages/groups/MovingRulesPage')),
  },
  {
    path: 'enrollment',
    titleKey: 'agents.title',
    section: 'administration',
    permission: 'enrollment.read',
    component: lazy(() => import('./pages/agents/EnrollmentPage')),
  },
  {
    path: 'accounts',
    titleKey: 'accounts.title',
    section: 'administration',
    permission: 'accounts.read',
    component: lazy(() => import('./pages/accounts/AccountsPage')),
  },
  {
    path: 'roles',
    titleKey: 'roles.title',
    section: 'administration',
    permission: 'accounts.read',
    component: lazy(() => import('./pages/roles/RolesPage')),
  },
  {
    path: 'legal-terms',
    titleKey: 'legalTerms.title',
    section: 'administration',
    permission: 'accounts.read',
    component: lazy(() => import('./pages/terms/LegalTermsPage')),
  },
  {
    path: 'history',
    titleKey: 'history.title',
    section: 'administration',
    permission: 'audit.read',
    component: lazy(() => import('./pages/history/HistoryPage')),
  },
  {
    path: 'deleted-objects',
    titleKey: 'deletedObjects.title',
    section: 'administration',
    permission: 'audit.read',
    component: lazy(() => import('./pages/history/DeletedObjectsPage')),
  },
  {
    path: 'audit-log',
    titleKey: 'auditLog.title',
    section: 'administration',
    permission: 'audit.read',
    component: lazy(() => import('./pages/history/AuditLogPage')),
  },
  {
    path: 'data-inventory',
    titleKey: 'dataInventory.title',
    section: 'administration',
    permission: 'audit.read',
    component: lazy(() => import('./pages/dataInventory/DataInventoryPage')),
  },
  {
    // Not /console/plugins: the server serves the plugins' module files below that path, a reload would miss the app.
    path: 'installed-plugins',
    titleKey: 'plugins.title',
    section: 'administration',
    permission: 'plugins.read',
    component: lazy(() => import('./pages/plugins/PluginsPage')),
  },
  {
    // A plugin's page; not below /console/plugins/, where the server serves the plugins' module files.
    path: 'applications/:pluginId/:pageId',
    titleKey: 'plugins.navSection',
    component: lazy(() => import('./plugins/ApplicationPage')),
  },
  {
    path: 'my-account',
    titleKey: 'myAccount.title',
    component: lazy(() => import('./pages/account/MyAccountPage')),
  },
];

/** Where `/console/` leads. */
export const homePath = '/overview';

export interface NavigationSection {
  id: NavigationSectionId;
  titleKey: ParseKeys;
  labelKey: ParseKeys;
  routes: ConsoleRoute[];
}

/**
 * The sidebar: sections in their fixed order, each with the pages in registry order that the account may open
 * (`mayOpen` decides on a page's permission); empty sections are left out.
 */
export function navigationOf(
  routes: readonly ConsoleRoute[],
  mayOpen: (permission: string) => boolean = () => true,
): NavigationSection[] {
  return navigationSections
    .map((section) => ({
      ...section,
      routes: routes.filter((route) => route.section === section.id && (!route.permission || mayOpen(route.permission))),
    }))
    .filter((section) => section.routes.length > 0);
}
