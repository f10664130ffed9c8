import { Button, EmptyState, EmptyStateActions, EmptyStateBody, EmptyStateFooter, PageSection } from '@patternfly/react-core';
import CubesIcon from '@patternfly/react-icons/dist/esm/icons/cubes-icon';
import { useTranslation } from 'react-i18next';
import type { AnchorHTMLAttributes } from 'react';
import { Link, useParams } from 'react-router';
import { holds } from '../api/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageLoading } from '../components/PageLoading';
import { NoAccessPage } from '../pages/NoAccessPage';
import { useMe } from '../session/SessionContext';
import { usePlugins } from './PluginContributions';
import { PluginModule } from './PluginModule';

/**
 * A plugin's page at `/applications/<plugin id>/<page id>`: its module mounted into the page area. The module
 * renders the page's heading itself. A page of a plugin that is not (or no longer) active says so.
 */
export default function ApplicationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { pluginId = '', pageId = '' } = useParams();
  const { plugins, pages, loaded, error } = usePlugins();
  const page = pages.find((candidate) => candidate.pluginId === pluginId && candidate.id === pageId);

  if (page && !page.mayOpen) {
    return <NoAccessPage />;
  }
  if (page) {
    return (
      <PageSection>
        <PluginModule key={page.moduleUrl} pluginId={page.pluginId} pluginName={page.pluginName} moduleUrl={page.moduleUrl} />
      </PageSection>
    );
  }
  if (!loaded && error !== undefined) {
    return (
      <PageSection>
        <ApiErrorAlert variant="danger" title={t('plugins.application.loadFailed')} error={error} />
      </PageSection>
    );
  }
  // Until the contributions arrived (for every admin, whether they may read plugins or not) a page cannot be told
  // missing.
  if (!loaded) {
    return (
      <PageSection>
        <PageLoading label={t('plugins.application.loading')} />
      </PageSection>
    );
  }
  const plugin = plugins?.find((candidate) => candidate.id === pluginId);
  return (
    <PageSection>
      <EmptyState titleText={t('plugins.application.unavailableTitle')} headingLevel="h1" icon={CubesIcon}>
        <EmptyStateBody>
          {plugin && plugin.state !== 'active'
            ? t('plugins.application.pluginNotActive', { plugin: plugin.name })
            : t('plugins.application.unavailableBody', { plugin: pluginId, page: pageId })}
        </EmptyStateBody>
        {holds(me, 'plugins.read') && (
          <EmptyStateFooter>
            <EmptyStateActions>
              <Button variant="primary" component={PluginsLink}>
                {t('plugins.application.toPlugins')}
              </Button>
            </EmptyStateActions>
          </EmptyStateFooter>
        )}
      </EmptyState>
    </PageSection>
  );
}

function PluginsLink(props: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <Link {...props} to="/installed-plugins" />;
}
