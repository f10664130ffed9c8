import {
  Alert,
  AlertActionCloseButton,
  Breadcrumb,
  BreadcrumbItem,
  Button,
  Flex,
  FlexItem,
  PageSection,
  Tab,
  Tabs,
  TabTitleText,
  Title,
} from '@patternfly/react-core';
import { SyncAltIcon } from '@patternfly/react-icons';
import { Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { getDevice, syncNow, type Device } from '../../api/devices';
import { holds } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert, describeError } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useMe } from '../../session/SessionContext';
import { useDeviceTabs } from './deviceTabs';
import { StatusLabel } from './StatusLabel';

type SyncOutcome = { ok: true } | { ok: false; message: string };

/** Asks the device's agent to sync at once; says so plainly when the server has no agent gateway to ask. */
function SyncNowButton({ device }: { device: Device }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SyncOutcome | undefined>();
  const sync = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      await syncNow([device.id]);
      setOutcome({ ok: true });
    } catch (error) {
      setOutcome({
        ok: false,
        message: error instanceof ApiError && error.status === 404 ? t('devices.sync.unavailable') : describeError(error, t),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="secondary" icon={<SyncAltIcon />} onClick={() => void sync()} isLoading={busy} isDisabled={busy}>
        {t('devices.sync.button')}
      </Button>
      {outcome && (
        <Alert
          variant={outcome.ok ? 'success' : 'danger'}
          isInline
          isLiveRegion
          title={outcome.ok ? t('devices.sync.sent') : t('devices.sync.failed')}
          actionClose={<AlertActionCloseButton onClose={() => setOutcome(undefined)} />}
          className="garrison-space-before"
        >
          {outcome.ok ? t('devices.sync.sentBody') : outcome.message}
        </Alert>
      )}
    </>
  );
}

/** One device: every fact of its record, its admin fields, and its registries and history in tabs. */
export default function DeviceDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const device = useLoad(useCallback((signal: AbortSignal) => getDevice(id, signal), [id]));
  const tabs = useDeviceTabs().filter((tab) => !tab.permission || holds(me, tab.permission));
  const active = tabs.find((tab) => tab.id === params.get('tab'))?.id ?? tabs[0]?.id ?? 'overview';

  const breadcrumb = (
    <Breadcrumb aria-label={t('devices.detail.path')}>
      <BreadcrumbItem render={({ className }) => <Link to="/devices" className={className}>{t('devices.title')}</Link>} />
      <BreadcrumbItem isActive>{device.data?.displayName ?? id}</BreadcrumbItem>
    </Breadcrumb>
  );

  if (!device.data) {
    return (
      <PageSection>
        {breadcrumb}
        {device.error !== undefined ? (
          <ApiErrorAlert
            variant="danger"
            title={device.error instanceof ApiError && device.error.status === 404 ? t('devices.detail.notFound') : t('devices.detail.loadFailed')}
            error={device.error}
          />
        ) : (
          <PageLoading label={t('devices.loading')} />
        )}
      </PageSection>
    );
  }

  const current = device.data;
  return (
    <>
      <PageSection>
        {breadcrumb}
        <Flex alignItems={{ default: 'alignItemsCenter' }} className="garrison-space-before">
          <FlexItem>
            <Title headingLevel="h1">{current.displayName}</Title>
          </FlexItem>
          <FlexItem>
            <StatusLabel status={current.status} />
          </FlexItem>
          {holds(me, 'devices.write') && (
            <FlexItem align={{ default: 'alignRight' }}>
              <SyncNowButton device={current} />
            </FlexItem>
          )}
        </Flex>
        {device.error !== undefined && <ApiErrorAlert variant="warning" title={t('devices.detail.reloadFailed')} error={device.error} />}
      </PageSection>
      <PageSection>
        <Tabs
          activeKey={active}
          onSelect={(_event, key) => setParams(key === tabs[0]?.id ? {} : { tab: String(key) }, { replace: true })}
          aria-label={t('devices.detail.tabs')}
          mountOnEnter
          unmountOnExit
        >
          {tabs.map((tab) => {
            const View = tab.component;
            return (
              <Tab key={tab.id} eventKey={tab.id} title={<TabTitleText>{typeof tab.title === 'string' ? t(tab.title) : tab.title.text}</TabTitleText>}>
                <div className="garrison-space-before">
                  <Suspense fallback={<PageLoading label={t('devices.loading')} />}>
                    <View device={current} reload={device.reload} />
                  </Suspense>
                </div>
              </Tab>
            );
          })}
        </Tabs>
      </PageSection>
    </>
  );
}
