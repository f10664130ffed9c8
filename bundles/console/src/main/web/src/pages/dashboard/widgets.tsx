import { Content, DataList, DataListCell, DataListItem, DataListItemCells, DataListItemRow, Flex, FlexItem, Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { searchOf } from '../../api/devices';
import { deviceStatusLevels, fetchDevicesNotSeenSince, fetchDeviceStatusCounts, notSeenQuery, type RecentEvents } from '../../api/fleet';
import { usePolling, type PolledState } from '../../api/usePolling';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../i18n/format';
import { SeverityLabel } from '../events/SeverityLabel';
import { paramsOf, viewOf } from '../events/eventFilter';
import { countBySeverity, topEventTypes } from './eventStats';
import { Hint } from '../groups/Hint';

// ECharts is the largest library of the console: loaded only when a chart is first shown.
const SeverityChart = lazy(() => import('./SeverityChart').then((module) => ({ default: module.SeverityChart })));

export const refreshMillis = 60_000;
/** The window of the event widgets, and how many of its events the console reads at most to count them. */
export const eventWindowHours = 24;
export const maxEventsCounted = 5000;
export const notSeenDays = 7;

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
