import { NavGroup } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NavigationSection } from '../routes';

/**
 * A group of the sidebar navigation under its visible title. PatternFly names the group's region by that title, which
 * a page may give one of its own regions too (the overview's "Monitoring"); the group's label ("Monitoring pages")
 * keeps every landmark's name unique.
 */
export function NavigationGroup({ section, children }: { section: Pick<NavigationSection, 'titleKey' | 'labelKey'>; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <NavGroup title={t(section.titleKey)} aria-labelledby={undefined} aria-label={t(section.labelKey)}>
      {children}
    </NavGroup>
  );
}
