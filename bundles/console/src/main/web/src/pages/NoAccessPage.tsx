import { Button, EmptyState, EmptyStateActions, EmptyStateBody, EmptyStateFooter, PageSection } from '@patternfly/react-core';
import LockIcon from '@patternfly/react-icons/dist/esm/icons/lock-icon';
import { useTranslation } from 'react-i18next';
import { HomeLink } from '../components/HomeLink';

/** Shown instead of a page the signed-in account holds no permission for (e.g. after following a shared link). */
export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <PageSection>
      <EmptyState titleText={t('noAccess.title')} headingLevel="h1" icon={LockIcon}>
        <EmptyStateBody>{t('noAccess.body')}</EmptyStateBody>
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
