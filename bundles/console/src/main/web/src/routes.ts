import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ParseKeys } from 'i18next';

/** Groups of the sidebar navigation, in display order. New areas (devices, policies, ...) add a section here. */
export const navigationSections = [{ id: 'monitoring', titleKey: 'nav.section.monitoring' }] as const satisfies readonly {
  id: string;
  titleKey: ParseKeys;
}[];

export type NavigationSectionId = (typeof navigationSections)[number]['id'];

/** A console page: its URL below `/console/`, its title (translation key), its navigation section and its view. */
export interface ConsoleRoute {
  path: string;
  titleKey: ParseKeys;
  section: NavigationSectionId;
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
];

/** Where `/console/` leads. */
export const homePath = '/overview';

export interface NavigationSection {
  id: NavigationSectionId;
  titleKey: ParseKeys;
  routes: ConsoleRoute[];
}

/** The sidebar: sections in their fixed order, each with its pages in registry order; empty sections are left out. */
export function navigationOf(routes: readonly ConsoleRoute[]): NavigationSection[] {
  return navigationSections
    .map((section) => ({ ...section, routes: routes.filter((route) => route.section === section.id) }))
    .filter((section) => section.routes.length > 0);
}
