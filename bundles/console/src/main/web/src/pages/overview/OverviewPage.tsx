import {
  Card,
  CardBody,
  CardTitle,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Grid,
  GridItem,
  Label,
  PageSection,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchHealth, type ServerHealth } from '../../api/health';
import { usePolling } from '../../api/usePolling';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime, formatDuration, formatTime } from '../../i18n/format';
import { Dashboard } from '../dashboard/Dashboard';

const refreshSeconds = 10;

const databaseKindKeys = {
  derby: 'databaseKind.derby',
  postgresql: 'databaseKind.postgresql',
} as const;

/**
 * Server health at a glance (state, version, uptime and database, refreshed every few seconds), then the account's
 * own monitoring dashboard.
 */
export default function OverviewPage() {
  const { t, i18n } = useTranslation();
  const { data, error, loadedAt } = usePolling(fetchHealth, refreshSeconds * 1000);

  let content: ReactNode;
  if (data) {
    content = (
      <Stack hasGutter>
        {error !== undefined && (
          <StackItem>
            <ApiErrorAlert variant="warning" title={t('overview.refreshFailed')} error={error} />
          </StackItem>
        )}
        <StackItem>
          <HealthCards health={data} />
        </StackItem>
        {loadedAt && (
          <StackItem>
            <Content component="small">
              {t('overview.lastUpdated', { time: formatTime(loadedAt, i18n.language), seconds: refreshSeconds })}
            </Content>
          </StackItem>
        )}
      </Stack>
    );
  } else if (error !== undefined) {
    content = <ApiErrorAlert variant="danger" title={t('overview.loadFailed')} error={error} />;
  } else {
    content = <PageLoading label={t('overview.loading')} />;
  }

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('overview.title')}</Title>
      </PageSection>
      <PageSection>{content}</PageSection>
      <PageSection>
        <Dashboard />
      </PageSection>
    </>
  );
}

function HealthCards({ health }: { health: ServerHealth }) {
  const { t, i18n } = useTranslation();
  const kind = health.database.kind;
  return (
    <Grid hasGutter>
      <GridItem lg={6}>
        <Card isFullHeight>
          <CardTitle component="h2">{t('overview.server.title')}</CardTitle>
          <CardBody>
            <DescriptionList isHorizontal>
              <Field term={t('overview.server.status')} field="status">
                <StateLabel state={health.status} />
              </Field>
              <Field term={t('overview.server.version')} field="version">
                {health.version}
              </Field>
              <Field term={t('overview.server.uptime')} field="uptime">
                {formatDuration(health.uptimeSeconds, t)}
              </Field>
              <Field term={t('overview.server.startedAt')} field="started-at">
                <time dateTime={health.startedAt}>{formatDateTime(health.startedAt, i18n.language)}</time>
              </Field>
              <Field term={t('overview.server.serverId')} field="server-id">
                {health.serverId}
              </Field>
              <Field term={t('overview.server.installedAt')} field="installed-at">
                <time dateTime={health.installedAt}>{formatDateTime(health.installedAt, i18n.language)}</time>
              </Field>
            </DescriptionList>
          </CardBody>
        </Card>
      </GridItem>
      <GridItem lg={6}>
        <Card isFullHeight>
          <CardTitle component="h2">{t('overview.database.title')}</CardTitle>
          <CardBody>
            <DescriptionList isHorizontal>
              <Field term={t('overview.database.kind')} field="database-kind">
                {Object.hasOwn(databaseKindKeys, kind) ? t(databaseKindKeys[kind as keyof typeof databaseKindKeys]) : kind}
              </Field>
              <Field term={t('overview.database.product')} field="database-product">
                {health.database.product}
              </Field>
              <Field term={t('overview.database.state')} field="database-state">
                <StateLabel state={health.database.state} />
              </Field>
            </DescriptionList>
          </CardBody>
        </Card>
      </GridItem>
    </Grid>
  );
}

function Field({ term, field, children }: { term: string; field: string; children: ReactNode }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription data-testid={`health-${field}`}>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

function StateLabel({ state }: { state: string }) {
  const { t } = useTranslation();
  if (state === 'UP') {
    return <Label status="success">{t('health.UP')}</Label>;
  }
  return <Label status="danger">{state === 'DOWN' ? t('health.DOWN') : state}</Label>;
}
