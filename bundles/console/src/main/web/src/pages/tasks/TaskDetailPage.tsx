import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Button,
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Label,
  PageSection,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { groupChoices, listGroups } from '../../api/groups';
import { holds } from '../../api/session';
import { deleteTask, deviceRunStates, getTask, listRuns, listTaskTypes, runTask, type DeviceRunState, type Task } from '../../api/tasks';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert, describeError } from '../../components/ApiErrorAlert';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../i18n/format';
import { useMe } from '../../session/SessionContext';
import { CursorPager, useCursorPages } from '../events/CursorPager';
import { RunPanel } from './RunPanel';
import { DeviceStateLabel, RunStateLabel } from './StateLabels';
import { TaskFormModal } from './TaskFormModal';
import { ScopeText } from './TaskTable';
import { applicationName, countsShown, scheduleSummary, typeTitleOf } from './taskText';
import './tasks.css';

/** Runs per page; the server keeps a task's newest 30. */
const runsPageSize = 10;

/**
 * One task: what it does, where and when; "Run now", change and delete for admins who may; its runs, and the run
 * chosen (in the URL as `?run=`, the newest by default) with its devices, refreshed while it is going.
 */
export default function TaskDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const mayWrite = holds(me, 'tasks.write');
  const mayRun = holds(me, 'tasks.run');
  const [params, setParams] = useSearchParams();
  const task = useLoad(useCallback((signal: AbortSignal) => getTask(id, signal), [id]));
  const types = useLoad(listTaskTypes);
  const groups = useLoad(listGroups);
  const choices = useMemo(() => (groups.data ? groupChoices(groups.data) : []), [groups.data]);
  const groupPath = (groupId: string) => choices.find((choice) => choice.id === groupId)?.path ?? groupId;
  const { cursor, pageNumber, next, previous } = useCursorPages();
  const runs = useLoad(useCallback((signal: AbortSignal) => listRuns(id, runsPageSize, cursor, signal), [id, cursor]));
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [starting, setStarting] = useState(false);
  const [runFailure, setRunFailure] = useState<string | undefined>();

  const stateParam = params.get('state');
  const stateFilter = deviceRunStates.find((state) => state === stateParam);
  const selectedRunId = params.get('run') ?? runs.data?.items[0]?.id ?? task.data?.lastRunId ?? undefined;

  const setParam = (name: 'run' | 'state', value: string | undefined) =>
    setParams(
      (current) => {
        const nextParams = new URLSearchParams(current);
        if (value) {
          nextParams.set(name, value);
        } else {
          nextParams.delete(name);
        }
        if (name === 'run') {
          nextParams.delete('state');
        }
        return nextParams;
      },
      { replace: name === 'state' },
    );

  if (task.error !== undefined) {
    return (
      <PageSection>
        <ApiErrorAlert variant="danger" title={t('tasks.detail.loadFailed')} error={task.error} />
        <p className="garrison-tasks-block">
          <Link to="/tasks">{t('tasks.detail.backToTasks')}</Link>
        </p>
      </PageSection>
    );
  }
  if (!task.data) {
    return <PageLoading label={t('tasks.loading')} />;
  }
  const data: Task = task.data;

  const startRun = async () => {
    setStarting(true);
    setRunFailure(undefined);
    try {
      const run = await runTask(data.id);
      setParam('run', run.id);
      runs.reload();
      task.reload();
    } catch (failure) {
      setRunFailure(describeError(failure, t));
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <Breadcrumb aria-label={t('tasks.detail.path')}>
              <BreadcrumbItem render={() => <Link to="/tasks">{t('tasks.title')}</Link>} />
              <BreadcrumbItem isActive>{data.name}</BreadcrumbItem>
            </Breadcrumb>
          </StackItem>
          <StackItem>
            <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }} alignItems={{ default: 'alignItemsCenter' }}>
              <FlexItem>
                <Title headingLevel="h1">{data.name}</Title>
              </FlexItem>
              <FlexItem>
                <Flex spaceItems={{ default: 'spaceItemsSm' }}>
                  {mayRun && (
                    <FlexItem>
                      <Button variant="primary" onClick={() => void startRun()} isLoading={starting} isDisabled={starting}>
                        {t('tasks.detail.runNow')}
                      </Button>
                    </FlexItem>
                  )}
                  {mayWrite && (
                    <>
                      <FlexItem>
                        <Button variant="secondary" onClick={() => setEditing(true)} isDisabled={!types.data}>
                          {t('common.edit')}
                        </Button>
                      </FlexItem>
                      <FlexItem>
                        <Button variant="secondary" isDanger onClick={() => setDeleting(true)}>
                          {t('common.delete')}
                        </Button>
                      </FlexItem>
                    </>
                  )}
                </Flex>
              </FlexItem>
            </Flex>
          </StackItem>
          {runFailure && (
            <StackItem>
              <Alert variant="danger" isInline isLiveRegion title={t('tasks.detail.runFailed')}>
                {runFailure}
              </Alert>
            </StackItem>
          )}
        </Stack>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <Card>
              <CardTitle component="h2">{t('tasks.detail.details')}</CardTitle>
              <CardBody>
                <DescriptionList isHorizontal isCompact>
                  <DescriptionListGroup>
                    <DescriptionListTerm>{t('tasks.column.type')}</DescriptionListTerm>
                    <DescriptionListDescription>
                      {typeTitleOf(data, types.data)} <Label isCompact>{applicationName(data.application, t)}</Label>
                    </DescriptionListDescription>
                  </DescriptionListGroup>
                  <DescriptionListGroup>
                    <DescriptionListTerm>{t('tasks.column.scope')}</DescriptionListTerm>
                    <DescriptionListDescription>
                      <ScopeText task={data} groupPath={groupPath} />
                    </DescriptionListDescription>
                  </DescriptionListGroup>
                  <DescriptionListGroup>
                    <DescriptionListTerm>{t('tasks.column.schedule')}</DescriptionListTerm>
                    <DescriptionListDescription data-testid="task-schedule">
                      {scheduleSummary(data.schedule, t, i18n.language)}
                      {data.schedule.randomDelayMinutes ? ` · ${t('tasks.detail.randomDelay', { count: data.schedule.randomDelayMinutes })}` : ''}
                      {data.schedule.runIfMissed ? ` · ${t('tasks.detail.runIfMissed')}` : ''}
                      {data.schedule.stopAfterMinutes ? ` · ${t('tasks.detail.stopAfter', { count: data.schedule.stopAfterMinutes })}` : ''}
                    </DescriptionListDescription>
                  </DescriptionListGroup>
                  <DescriptionListGroup>
                    <DescriptionListTerm>{t('tasks.detail.enabled')}</DescriptionListTerm>
                    <DescriptionListDescription>{data.enabled ? t('common.on') : t('common.off')}</DescriptionListDescription>
                  </DescriptionListGroup>
                  <DescriptionListGroup>
                    <DescriptionListTerm>{t('tasks.column.nextRun')}</DescriptionListTerm>
                    <DescriptionListDescription>
                      {data.nextRunAt ? <time dateTime={data.nextRunAt}>{formatDateTime(data.nextRunAt, i18n.language)}</time> : '—'}
                    </DescriptionListDescription>
                  </DescriptionListGroup>
                  {Object.keys(data.parameters ?? {}).length > 0 && (
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('tasks.form.parameters')}</DescriptionListTerm>
                      <DescriptionListDescription>
                        <pre className="garrison-tasks-result">{JSON.stringify(data.parameters, null, 2)}</pre>
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                  )}
                  {data.updatedAt && (
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('tasks.detail.updated')}</DescriptionListTerm>
                      <DescriptionListDescription>
                        {t('tasks.detail.updatedBy', {
                          at: formatDateTime(data.updatedAt, i18n.language),
                          name: data.updatedBy?.name ?? data.updatedBy?.kind ?? '',
                          revision: data.revision,
                        })}
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                  )}
                </DescriptionList>
              </CardBody>
            </Card>
          </StackItem>
          <StackItem>
            <Card>
              <CardTitle component="h2">{t('tasks.detail.runs')}</CardTitle>
              <CardBody>
                {runs.error !== undefined && <ApiErrorAlert variant="danger" title={t('tasks.detail.runsFailed')} error={runs.error} />}
                {!runs.data && runs.error === undefined && <PageLoading label={t('tasks.loading')} />}
                {runs.data && runs.data.items.length === 0 && <p>{t('tasks.detail.noRuns')}</p>}
                {runs.data && runs.data.items.length > 0 && (
                  <>
                    <Table aria-label={t('tasks.detail.runs')} variant="compact">
                      <Thead>
                        <Tr>
                          <Th>{t('tasks.detail.runColumn.started')}</Th>
                          <Th>{t('tasks.detail.runColumn.state')}</Th>
                          <Th>{t('tasks.detail.runColumn.trigger')}</Th>
                          <Th>{t('tasks.detail.runColumn.devices')}</Th>
                        </Tr>
                      </Thead>
                      <Tbody>
                        {runs.data.items.map((run) => {
                          const started = run.startedAt ?? run.scheduledFor ?? '';
                          const selected = run.id === selectedRunId;
                          return (
                            <Tr key={run.id} isRowSelected={selected}>
                              <Td dataLabel={t('tasks.detail.runColumn.started')}>
                                <Button
                                  variant="link"
                                  isInline
                                  onClick={() => setParam('run', run.id)}
                                  aria-pressed={selected}
                                  aria-label={t('tasks.detail.showRun', { at: started ? formatDateTime(started, i18n.language) : run.id })}
                                >
                                  {started ? formatDateTime(started, i18n.language) : run.id}
                                </Button>
                              </Td>
                              <Td dataLabel={t('tasks.detail.runColumn.state')}>
                                <RunStateLabel state={run.state} />
                              </Td>
                              <Td dataLabel={t('tasks.detail.runColumn.trigger')}>{t(`tasks.trigger.${run.trigger}`)}</Td>
                              <Td dataLabel={t('tasks.detail.runColumn.devices')}>
                                {countsShown(run.counts).map((entry) => (
                                  <span key={entry.state}>
                                    <DeviceStateLabel state={entry.state} count={entry.count} />{' '}
                                  </span>
                                ))}
                              </Td>
                            </Tr>
                          );
                        })}
                      </Tbody>
                    </Table>
                    {(pageNumber > 1 || runs.data.nextCursor) && (
                      <CursorPager
                        label={t('tasks.detail.runsPaging')}
                        pageLabel={t('tasks.page', { page: pageNumber, total: runs.data.total ?? runs.data.items.length })}
                        previousLabel={t('tasks.previous')}
                        nextLabel={t('tasks.next')}
                        hasPrevious={pageNumber > 1}
                        hasNext={runs.data.nextCursor !== null}
                        onPrevious={previous}
                        onNext={() => next(runs.data?.nextCursor)}
                      />
                    )}
                  </>
                )}
              </CardBody>
            </Card>
          </StackItem>
          {selectedRunId && (
            <StackItem>
              <RunPanel
                key={selectedRunId}
                taskId={data.id}
                runId={selectedRunId}
                mayRun={mayRun}
                state={stateFilter}
                onStateFilter={(state: DeviceRunState | undefined) => setParam('state', state)}
                onRunChanged={runs.reload}
              />
            </StackItem>
          )}
        </Stack>
      </PageSection>
      {editing && types.data && (
        <TaskFormModal
          task={data}
          types={types.data}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            task.reload();
          }}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={t('tasks.detail.deleteTitle', { task: data.name })}
          body={t('tasks.detail.deleteBody')}
          confirmLabel={t('common.delete')}
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await deleteTask(data.id);
            navigate('/tasks');
          }}
        />
      )}
    </>
  );
}
