import {
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  EmptyState,
  EmptyStateBody,
  Flex,
  FlexItem,
  FormSelect,
  FormSelectOption,
  Progress,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cancelRun, deviceRunStates, getRun, listRunDevices, type DeviceRunState, type Page, type TaskRun, type TaskRunDevice } from '../../api/tasks';
import { usePolling } from '../../api/usePolling';
import { ApiErrorAlert, describeError } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../i18n/format';
import { CursorPager, useCursorPages } from '../events/CursorPager';
import { DeviceStateLabel, RunStateLabel } from './StateLabels';
import { countsShown, finishedPercent, isRunOpen, resultText } from './taskText';

/** How often a running run is read again. */
export const runRefreshMs = 2000;

/** Devices per page of a run. */
export const runDevicesPageSize = 50;

/** A run with one page of its devices, read together so that counts and rows agree. */
export interface RunSnapshot {
  run: TaskRun;
  devices: Page<TaskRunDevice>;
}

async function loadSnapshot(taskId: string, runId: string, state: DeviceRunState | undefined, cursor: string | undefined, signal: AbortSignal): Promise<RunSnapshot> {
  const [run, devices] = await Promise.all([
    getRun(taskId, runId, signal),
    listRunDevices(taskId, runId, state, runDevicesPageSize, cursor, signal),
  ]);
  return { run, devices };
}

/**
 * One run of a task: its counts, its devices (or the server) with state, message and results, filtered by state and
 * paged. While the run is going it is read again every {@link runRefreshMs}; once it has ended, no more.
 */
export function RunPanel({
  taskId,
  runId,
  mayRun,
  state,
  onStateFilter,
  onRunChanged,
}: {
  taskId: string;
  runId: string;
  mayRun: boolean;
  state: DeviceRunState | undefined;
  onStateFilter: (state: DeviceRunState | undefined) => void;
  /** The run ended or was cancelled: the runs list shows it anew. */
  onRunChanged: () => void;
}) {
  const { cursor, pageNumber, next, previous, reset } = useCursorPages();
  const [shownState, setShownState] = useState(state);
  if (shownState !== state) {
    setShownState(state);
    reset();
  }
  const load = useCallback((signal: AbortSignal) => loadSnapshot(taskId, runId, state, cursor, signal), [taskId, runId, state, cursor]);
  // Live while the run is going: a poller that is unmounted (and so stops) once the run has ended.
  const [ended, setEnded] = useState<RunSnapshot | undefined>();
  const paging = { pageNumber, next, previous };

  if (ended) {
    return <SettledRun load={load} initial={ended} mayRun={mayRun} state={state} onStateFilter={onStateFilter} paging={paging} onCancelled={onRunChanged} />;
  }
  return (
    <LiveRun
      load={load}
      mayRun={mayRun}
      state={state}
      onStateFilter={onStateFilter}
      paging={paging}
      onEnded={(snapshot) => {
        setEnded(snapshot);
        onRunChanged();
      }}
    />
  );
}

/** Red once a device failed, amber for a cancelled run, green for a run that completed without failures. */
function progressLook(run: TaskRun): { variant?: 'danger' | 'warning' | 'success' } {
  if (run.counts.failed > 0) {
    return { variant: 'danger' };
  }
  if (run.state === 'CANCELLED') {
    return { variant: 'warning' };
  }
  return run.state === 'COMPLETED' ? { variant: 'success' } : {};
}

interface Paging {
  pageNumber: number;
  next: (cursor: string | null | undefined) => void;
  previous: () => void;
}

interface ViewProps {
  mayRun: boolean;
  state: DeviceRunState | undefined;
  onStateFilter: (state: DeviceRunState | undefined) => void;
  paging: Paging;
}

function LiveRun({ load, onEnded, ...view }: ViewProps & { load: (signal: AbortSignal) => Promise<RunSnapshot>; onEnded: (snapshot: RunSnapshot) => void }) {
  const polled = usePolling(load, runRefreshMs);
  const ended = polled.data && !isRunOpen(polled.data.run) ? polled.data : undefined;
  const reportEnded = useRef(onEnded);
  reportEnded.current = onEnded;
  useEffect(() => {
    // Reported once per snapshot: the panel then shows the settled run instead of this poller.
    if (ended) {
      reportEnded.current(ended);
    }
  }, [ended]);
  return <RunView snapshot={polled.data} error={polled.error} live onCancelled={() => undefined} {...view} />;
}

function SettledRun({
  load,
  initial,
  onCancelled,
  ...view
}: ViewProps & { load: (signal: AbortSignal) => Promise<RunSnapshot>; initial: RunSnapshot; onCancelled: () => void }) {
  // The run has ended: it is read again only for another filter or page, not for the one the poller just read.
  const [loaded, setLoaded] = useState<{ snapshot: RunSnapshot; error: unknown }>({ snapshot: initial, error: undefined });
  const initialLoad = useRef(load);
  useEffect(() => {
    if (load === initialLoad.current) {
      return undefined;
    }
    const controller = new AbortController();
    load(controller.signal).then(
      (snapshot) => {
        if (!controller.signal.aborted) {
          setLoaded({ snapshot, error: undefined });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setLoaded((previous) => ({ ...previous, error }));
        }
      },
    );
    return () => controller.abort();
  }, [load]);
  return <RunView snapshot={loaded.snapshot} error={loaded.error} live={false} onCancelled={onCancelled} {...view} />;
}

function RunView({
  snapshot,
  error,
  live,
  mayRun,
  state,
  onStateFilter,
  paging,
  onCancelled,
}: ViewProps & { snapshot: RunSnapshot | undefined; error: unknown; live: boolean; onCancelled: () => void }) {
  const { t, i18n } = useTranslation();
  const [cancelling, setCancelling] = useState(false);
  const [cancelFailure, setCancelFailure] = useState<string | undefined>();

  if (!snapshot) {
    return error !== undefined ? (
      <ApiErrorAlert variant="danger" title={t('tasks.run.loadFailed')} error={error} />
    ) : (
      <PageLoading label={t('tasks.run.loading')} />
    );
  }
  const { run, devices } = snapshot;
  const open = isRunOpen(run);

  const cancel = async () => {
    setCancelling(true);
    setCancelFailure(undefined);
    try {
      await cancelRun(run.taskId, run.id);
      onCancelled();
    } catch (failure) {
      setCancelFailure(describeError(failure, t));
    } finally {
      setCancelling(false);
    }
  };

  return (
    <Card>
      <CardTitle component="h2">
        {t('tasks.run.title', { at: formatDateTime(run.startedAt ?? run.scheduledFor ?? '', i18n.language) })} <RunStateLabel state={run.state} />
      </CardTitle>
      <CardBody>
        {error !== undefined && <ApiErrorAlert variant="warning" title={t('tasks.run.refreshFailed')} error={error} />}
        {cancelFailure && (
          <Alert variant="danger" isInline isLiveRegion title={t('tasks.run.cancelFailed')}>
            {cancelFailure}
          </Alert>
        )}
        {run.message && <Content component="p">{run.message}</Content>}
        <Content component="p">
          {t(`tasks.trigger.${run.trigger}`)}
          {run.startedBy?.name ? ` · ${t('tasks.run.by', { name: run.startedBy.name })}` : ''}
          {run.finishedAt ? ` · ${t('tasks.run.finished', { at: formatDateTime(run.finishedAt, i18n.language) })}` : ''}
        </Content>
        <Progress
          value={finishedPercent(run.counts)}
          title={t('tasks.run.progress', { finished: run.counts.total - run.counts.pending - run.counts.running, total: run.counts.total })}
          aria-label={t('tasks.run.progressLabel')}
          measureLocation="outside"
          {...progressLook(run)}
        />
        <Flex className="garrison-tasks-block" spaceItems={{ default: 'spaceItemsSm' }} aria-label={t('tasks.run.counts')} role="list">
          {countsShown(run.counts).map((entry) => (
            <FlexItem key={entry.state} role="listitem">
              <DeviceStateLabel state={entry.state} count={entry.count} />
            </FlexItem>
          ))}
        </Flex>
        {live && open && (
          <Content component="small" aria-live="polite">
            {t('tasks.run.live')}
          </Content>
        )}
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <FormSelect
                aria-label={t('tasks.run.stateFilter')}
                value={state ?? ''}
                onChange={(_event, value) => onStateFilter(value ? (value as DeviceRunState) : undefined)}
              >
                <FormSelectOption value="" label={t('tasks.run.allStates')} />
                {deviceRunStates.map((candidate) => (
                  <FormSelectOption key={candidate} value={candidate} label={t(`tasks.deviceState.${candidate}`)} />
                ))}
              </FormSelect>
            </ToolbarItem>
            {mayRun && open && (
              <ToolbarItem>
                <Button variant="secondary" isDanger onClick={() => void cancel()} isLoading={cancelling} isDisabled={cancelling}>
                  {t('tasks.run.cancel')}
                </Button>
              </ToolbarItem>
            )}
          </ToolbarContent>
        </Toolbar>
        {devices.items.length === 0 ? (
          <EmptyState variant="sm">
            <EmptyStateBody>{state ? t('tasks.run.noDevicesInState') : t('tasks.run.noDevices')}</EmptyStateBody>
          </EmptyState>
        ) : (
          <>
            <Table aria-label={t('tasks.run.devices')} variant="compact">
              <Thead>
                <Tr>
                  <Th>{t('tasks.run.column.device')}</Th>
                  <Th>{t('tasks.run.column.state')}</Th>
                  <Th>{t('tasks.run.column.message')}</Th>
                  <Th>{t('tasks.run.column.result')}</Th>
                  <Th>{t('tasks.run.column.updated')}</Th>
                </Tr>
              </Thead>
              <Tbody>
                {devices.items.map((entry, index) => {
                  const result = resultText(entry.result);
                  const name = entry.deviceName ?? entry.deviceId ?? t('tasks.run.server');
                  return (
                    <Tr key={entry.deviceId ?? `server-${index}`} data-testid={`run-device-${name}`}>
                      <Td dataLabel={t('tasks.run.column.device')}>{entry.deviceId ? <Link to={`/devices/${entry.deviceId}`}>{name}</Link> : name}</Td>
                      <Td dataLabel={t('tasks.run.column.state')}>
                        <DeviceStateLabel state={entry.state} />
                      </Td>
                      <Td dataLabel={t('tasks.run.column.message')}>{entry.message ?? ''}</Td>
                      <Td dataLabel={t('tasks.run.column.result')}>
                        {result ? (
                          <pre className="garrison-tasks-result" tabIndex={0} aria-label={t('tasks.run.resultOf', { device: name })}>
                            {result}
                          </pre>
                        ) : (
                          '—'
                        )}
                      </Td>
                      <Td dataLabel={t('tasks.run.column.updated')}>
                        {entry.updatedAt ? <time dateTime={entry.updatedAt}>{formatDateTime(entry.updatedAt, i18n.language)}</time> : ''}
                      </Td>
                    </Tr>
                  );
                })}
              </Tbody>
            </Table>
            {(paging.pageNumber > 1 || devices.nextCursor) && (
              <CursorPager
                label={t('tasks.run.paging')}
                pageLabel={t('tasks.page', { page: paging.pageNumber, total: devices.total ?? devices.items.length })}
                previousLabel={t('tasks.previous')}
                nextLabel={t('tasks.next')}
                hasPrevious={paging.pageNumber > 1}
                hasNext={devices.nextCursor !== null}
                onPrevious={paging.previous}
                onNext={() => paging.next(devices.nextCursor)}
              />
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
}
