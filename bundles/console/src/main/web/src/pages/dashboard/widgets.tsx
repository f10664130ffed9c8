import {
  Content,
  DataList,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  Flex,
  FlexItem,
  Label,
  List,
  ListItem,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationSummaries, ApplicationSummary, KeyUsage } from '../../api/deviceApplications';
import { emptyDeviceQuery, searchOf } from '../../api/devices';
import { deviceStatusLevels, fetchDevicesNotSeenSince, fetchDeviceStatusCounts, notSeenQuery, type RecentEvents } from '../../api/fleet';
import { usePolling, type PolledState } from '../../api/usePolling';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../i18n/format';
import { SeverityLabel } from '../events/SeverityLabel';
import { paramsOf, viewOf } from '../events/eventFilter';
import { countBySeverity, topEventTypes } from './eventStats';
import { Hint } from '../groups/Hint';
import { protectionCounts } from './protectionStats';

// ECharts is the largest library of the console: loaded only when a chart is first shown.
const SeverityChart = lazy(() => import('./SeverityChart').then((module) => ({ default: module.SeverityChart })));
const ProtectionChart = lazy(() => import('./ProtectionChart').then((module) => ({ default: module.ProtectionChart })));

export const refreshMillis = 60_000;
/** The window of the event widgets, and how many of its events the console reads at most to count them. */
export const eventWindowHours = 24;
export const maxEventsCounted = 5000;
export const notSeenDays = 7;
/** How many days ahead the licence widget counts a key as expiring, and how many keys it names per application. */
export const licenceExpiringDays = 30;
export const keysShown = 5;

const statusColours = { CRITICAL: 'danger', WARNING: 'warning', OK: 'success' } as const;

/** What a widget shows while its data is loading or could not be loaded; `undefined` once there is data. */
function pending<T>(state: PolledState<T>, failedTitle: string, loadingLabel: string) {
  if (state.data !== undefined) {
    return state.error !== undefined ? <ApiErrorAlert variant="warning" title={failedTitle} error={state.error} /> : undefined;
  }
  return state.error !== undefined ? <ApiErrorAlert variant="danger" title={failedTitle} error={state.error} /> : <PageLoading label={loadingLabel} />;
}

/** How many devices the account sees, and how many of them are critical, in warning or OK. */
export function DeviceStatusWidget() {
  const { t, i18n } = useTranslation();
  const state = usePolling(fetchDeviceStatusCounts, refreshMillis);
  const data = state.data;
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <>
      {pending(state, t('dashboard.loadFailed'), t('dashboard.loading'))}
      {data && (
        <Flex spaceItems={{ default: 'spaceItemsXl' }} data-testid="device-status-counts">
          <FlexItem>
            <Content component="p" className="garrison-big-number">
              <Link to="/devices">{number.format(data.total)}</Link>
            </Content>
            <Content component="small">{t('dashboard.deviceStatus.total')}</Content>
          </FlexItem>
          {deviceStatusLevels.map((level) => (
            <FlexItem key={level}>
              <Content component="p" className="garrison-big-number">
                <Link to={`/devices?status=${level}`} aria-label={t('dashboard.deviceStatus.showLevel', { count: data.byLevel[level], level: t(`dashboard.deviceStatus.${level}`) })}>
                  {number.format(data.byLevel[level])}
                </Link>
              </Content>
              <Label status={statusColours[level]} isCompact>
                {t(`dashboard.deviceStatus.${level}`)}
              </Label>
            </FlexItem>
          ))}
        </Flex>
      )}
    </>
  );
}

const notSeenBefore = () => new Date(Date.now() - notSeenDays * 86_400_000);

function loadNotSeen(signal: AbortSignal) {
  return fetchDevicesNotSeenSince(notSeenBefore(), 10, signal);
}

/** Devices not visible for a week, the longest unseen first. */
export function NotSeenWidget() {
  const { t, i18n } = useTranslation();
  const state = usePolling(loadNotSeen, refreshMillis);
  const data = state.data;
  return (
    <>
      {pending(state, t('dashboard.loadFailed'), t('dashboard.loading'))}
      {data && data.total === 0 && <p>{t('dashboard.notSeen.none', { days: notSeenDays })}</p>}
      {data && data.total > 0 && (
        <>
          <p>
            {t('dashboard.notSeen.summary', { count: data.total, days: notSeenDays })}{' '}
            <Link to={`/devices?${searchOf(notSeenQuery(notSeenBefore())).toString()}`}>{t('dashboard.notSeen.showAll')}</Link>
          </p>
          <DataList aria-label={t('dashboard.notSeen.listLabel')} isCompact>
            {data.devices.map((device) => (
              <DataListItem key={device.id}>
                <DataListItemRow>
                  <DataListItemCells
                    dataListCells={[
                      <DataListCell key="name">
                        <Link to={`/devices/${device.id}`}>{device.displayName}</Link>
                      </DataListCell>,
                      <DataListCell key="seen">
                        {device.activity?.lastVisible ? (
                          <time dateTime={device.activity.lastVisible}>{formatDateTime(device.activity.lastVisible, i18n.language)}</time>
                        ) : (
                          '—'
                        )}
                      </DataListCell>,
                    ]}
                  />
                </DataListItemRow>
              </DataListItem>
            ))}
          </DataList>
        </>
      )}
    </>
  );
}

function CountedNote({ recent }: { recent: RecentEvents }) {
  const { t } = useTranslation();
  return recent.complete ? null : (
    <Hint>{t('dashboard.eventsCapped', { count: maxEventsCounted })}</Hint>
  );
}

/** Events of the last 24 hours per hour, stacked by severity. */
export function EventsBySeverityWidget({ recent }: { recent: PolledState<RecentEvents> }) {
  const { t } = useTranslation();
  const series = useMemo(
    () => (recent.data ? countBySeverity(recent.data.events, recent.loadedAt ?? new Date(), 3_600_000, eventWindowHours) : undefined),
    [recent.data, recent.loadedAt],
  );
  return (
    <>
      {pending(recent, t('dashboard.loadFailed'), t('dashboard.loading'))}
      {recent.data && series && (
        <>
          {recent.data.events.length === 0 ? <p>{t('dashboard.noEvents', { hours: eventWindowHours })}</p> : (
            <Suspense fallback={<PageLoading label={t('dashboard.loading')} />}>
              <SeverityChart series={series} />
            </Suspense>
          )}
          <CountedNote recent={recent.data} />
        </>
      )}
    </>
  );
}

/** The most frequent event types of the last 24 hours, each leading to its events. */
export function TopEventTypesWidget({ recent }: { recent: PolledState<RecentEvents> }) {
  const { t } = useTranslation();
  const top = useMemo(() => (recent.data ? topEventTypes(recent.data.events, 8) : []), [recent.data]);
  return (
    <>
      {pending(recent, t('dashboard.loadFailed'), t('dashboard.loading'))}
      {recent.data && top.length === 0 && <p>{t('dashboard.noEvents', { hours: eventWindowHours })}</p>}
      {top.length > 0 && (
        <Table aria-label={t('dashboard.topEventTypes.title')} variant="compact">
          <Thead>
            <Tr>
              <Th>{t('events.type')}</Th>
              <Th modifier="fitContent">{t('dashboard.topEventTypes.worst')}</Th>
              <Th modifier="fitContent">{t('dashboard.topEventTypes.count')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {top.map((entry) => {
              const link = paramsOf({ ...viewOf(new URLSearchParams()), type: [entry.type], source: [entry.source] });
              return (
                <Tr key={`${entry.source}/${entry.type}`}>
                  <Td dataLabel={t('events.type')}>
                    <Link to={`/events?${link.toString()}`}>{entry.type}</Link>
                    <Content component="small" className="garrison-block">
                      {entry.source}
                    </Content>
                  </Td>
                  <Td dataLabel={t('dashboard.topEventTypes.worst')}>
                    <SeverityLabel severity={entry.worst} />
                  </Td>
                  <Td dataLabel={t('dashboard.topEventTypes.count')}>{entry.count}</Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
      {recent.data && <CountedNote recent={recent.data} />}
    </>
  );
}

/** The devices list filtered to the devices with a managed application. */
function devicesWith(applicationId: string): string {
  return `/devices?${searchOf({ ...emptyDeviceQuery, app: applicationId }).toString()}`;
}

/**
 * The link to an application's devices: named by the application and their number, or showing only the number
 * where the application's name stands next to it.
 */
function ApplicationDevicesLink({ application, numberOnly }: { application: { applicationId: string; name: string; devices: number }; numberOnly?: boolean }) {
  const { t, i18n } = useTranslation();
  const values = { name: application.name, count: application.devices, formatted: new Intl.NumberFormat(i18n.language).format(application.devices) };
  const named = t('dashboard.applications.devices', values);
  return (
    <Link to={devicesWith(application.applicationId)} {...(numberOnly ? { 'aria-label': named } : {})}>
      {numberOnly ? t('dashboard.applications.deviceCount', values) : named}
    </Link>
  );
}

/** Per managed application with real-time protection: how many of its devices are protected, paused or unprotected. */
export function ProtectionStatusWidget({ applications }: { applications: PolledState<ApplicationSummaries> }) {
  const { t, i18n } = useTranslation();
  const counts = useMemo(() => (applications.data ? protectionCounts(applications.data.items) : []), [applications.data]);
  const number = new Intl.NumberFormat(i18n.language);
  const data = applications.data;
  return (
    <>
      {pending(applications, t('dashboard.loadFailed'), t('dashboard.loading'))}
      {data && data.items.length === 0 && <p>{t('dashboard.applications.none')}</p>}
      {data && data.items.length > 0 && counts.length === 0 && <p>{t('dashboard.protection.noneSupported')}</p>}
      {counts.length > 0 && (
        <>
          <Suspense fallback={<PageLoading label={t('dashboard.loading')} />}>
            <ProtectionChart applications={counts} />
          </Suspense>
          <List isPlain aria-label={t('dashboard.protection.listLabel')}>
            {counts.map((application) => (
              <ListItem key={application.applicationId}>
                <ApplicationDevicesLink application={application} />
                <Content component="small" className="garrison-block">
                  {t('dashboard.protection.threats', { count: application.threatsDetected, formatted: number.format(application.threatsDetected) })}
                  {' · '}
                  {t('dashboard.protection.notDisinfected', { count: application.notDisinfected, formatted: number.format(application.notDisinfected) })}
                </Content>
              </ListItem>
            ))}
          </List>
        </>
      )}
    </>
  );
}

function KeyExpiry({ expiresAt }: { expiresAt: string | null }) {
  const { t, i18n } = useTranslation();
  if (!expiresAt) {
    return <>{t('dashboard.licences.never')}</>;
  }
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(expiresAt));
  return (
    <>
      <time dateTime={expiresAt}>{date}</time>
      {new Date(expiresAt).getTime() <= Date.now() && (
        <>
          {' '}
          <Label status="danger" isCompact>
            {t('dashboard.licences.expired')}
          </Label>
        </>
      )}
    </>
  );
}

function LicenceCounts({ application, days }: { application: ApplicationSummary; days: number }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const licences = application.licences;
  const figures = [
    { id: 'withoutKey', term: t('dashboard.licences.withoutKey'), count: licences.withoutKey, status: undefined },
    { id: 'expired', term: t('dashboard.licences.expired'), count: licences.expired, status: 'danger' },
    { id: 'expiring', term: t('dashboard.licences.expiring', { days }), count: licences.expiring, status: 'warning' },
    { id: 'valid', term: t('dashboard.licences.valid'), count: licences.valid, status: undefined },
  ] as const;
  return (
    <Flex
      component="dl"
      className="garrison-figures"
      spaceItems={{ default: 'spaceItemsXl' }}
      rowGap={{ default: 'rowGapMd' }}
      aria-label={t('dashboard.licences.countsLabel', { name: application.name })}
    >
      {figures.map(({ id, term, count, status }) => (
        <FlexItem key={id} component="div">
          <dt>{term}</dt>
          <dd data-testid={`licences-${application.applicationId}-${id}`} className={status && count > 0 ? `garrison-figure-${status}` : undefined}>
            {number.format(count)}
          </dd>
        </FlexItem>
      ))}
    </Flex>
  );
}

function KeyTable({ application, keys }: { application: ApplicationSummary; keys: KeyUsage[] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Table aria-label={t('dashboard.licences.keysLabel', { name: application.name })} variant="compact">
      <Thead>
        <Tr>
          <Th>{t('dashboard.licences.key')}</Th>
          <Th modifier="fitContent">{t('dashboard.licences.devices')}</Th>
          <Th modifier="nowrap">{t('dashboard.licences.expires')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {keys.map((key, index) => (
          <Tr key={`${key.key}/${index}`}>
            <Td dataLabel={t('dashboard.licences.key')}>
              <code>{key.key}</code>
            </Td>
            <Td dataLabel={t('dashboard.licences.devices')}>{number.format(key.devices)}</Td>
            <Td dataLabel={t('dashboard.licences.expires')} modifier="nowrap">
              <KeyExpiry expiresAt={key.expiresAt} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function LicenceSection({ application, days }: { application: ApplicationSummary; days: number }) {
  const { t } = useTranslation();
  const heading = useId();
  const keys = application.licences.keys;
  return (
    <section aria-labelledby={heading} className="garrison-space-below" data-testid={`licences-${application.applicationId}`}>
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }} alignItems={{ default: 'alignItemsBaseline' }}>
        <FlexItem>
          <Title headingLevel="h4" size="md" id={heading}>
            {application.name}
          </Title>
        </FlexItem>
        <FlexItem>
          <ApplicationDevicesLink application={application} numberOnly />
        </FlexItem>
      </Flex>
      <LicenceCounts application={application} days={days} />
      {keys.length > 0 && <KeyTable application={application} keys={keys.slice(0, keysShown)} />}
      {keys.length > keysShown && <Hint>{t('dashboard.licences.topKeys', { count: keysShown })}</Hint>}
    </section>
  );
}

/** Per managed application: its devices without key, with expired or expiring keys, and its most used (masked) keys. */
export function LicenceUsageWidget({ applications }: { applications: PolledState<ApplicationSummaries> }) {
  const { t } = useTranslation();
  const data = applications.data;
  return (
    <>
      {pending(applications, t('dashboard.loadFailed'), t('dashboard.loading'))}
      {data && data.items.length === 0 && <p>{t('dashboard.applications.none')}</p>}
      {data?.items.map((application) => (
        <LicenceSection key={application.applicationId} application={application} days={data.expiringWithinDays} />
      ))}
    </>
  );
}
