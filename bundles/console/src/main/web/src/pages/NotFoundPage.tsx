import { Button, EmptyState, EmptyStateActions, EmptyStateBody, EmptyStateFooter, PageSection } from '@patternfly/react-core';
import SearchIcon from '@patternfly/react-icons/dist/esm/icons/search-icon';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { HomeLink } from '../components/HomeLink';

/** Shown inside the frame for any console URL that no registered page answers. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <PageSection>
      <title>{t('app.pageTitle', { page: t('notFound.title') })}</title>
      <EmptyState titleText={t('notFound.title')} headingLevel="h1" icon={SearchIcon}>
        <EmptyStateBody>{t('notFound.body', { path: pathname })}</EmptyStateBody>
        <EmptyStateFooter>
          <EmptyStateActions>
            <Button variant="primary" component={HomeLink}>
              {t('notFound.action')}
            </Button>
          </EmptyStateActions>
        </EmptyStateFooter>
      </EmptyState>
    </PageSection>
  );
}
