import { Label, Spinner } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getRun, type Task, type TaskType } from '../../api/tasks';
import { useLoad } from '../../api/useLoad';
import { formatDateTime } from '../../i18n/format';
import { DeviceStateLabel, RunStateLabel } from './StateLabels';
import { countsShown, scheduleSummary, typeTitleOf } from './taskText';

/**
 * Tasks as a table: name (to the task's page), type, scope, schedule, next start and how the last run went. The
 * listing names only the last run's id, so each row reads that one run (a page holds few tasks).
 */
export function TaskTable({
  tasks,
  types,
  groupPath,
  label,
  compact = false,
}: {
  tasks: readonly Task[];
  types: readonly TaskType[] | undefined;
  groupPath: (id: string) => string;
  label: string;
  /** Leaves out the scope (a group page's tasks are all of that group). */
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table aria-label={label} variant="compact">
      <Thead>
        <Tr>
          <Th>{t('tasks.column.name')}</Th>
          <Th>{t('tasks.column.type')}</Th>
          {!compact && <Th>{t('tasks.column.scope')}</Th>}
          <Th>{t('tasks.column.schedule')}</Th>
          <Th>{t('tasks.column.nextRun')}</Th>
          <Th>{t('tasks.column.lastRun')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {tasks.map((task) => (
          <Tr key={task.id} data-testid={`task-${task.name}`}>
            <Td dataLabel={t('tasks.column.name')}>
              <Link to={`/tasks/${task.id}`}>{task.name}</Link>
            </Td>
            <Td dataLabel={t('tasks.column.type')}>{typeTitleOf(task, types)}</Td>
            {!compact && (
              <Td dataLabel={t('tasks.column.scope')}>
                <ScopeText task={task} groupPath={groupPath} />
              </Td>
            )}
            <Td dataLabel={t('tasks.column.schedule')}>
              {scheduleSummary(task.schedule, t, i18n.language)}
              {!task.enabled && task.schedule.kind !== 'MANUAL' && (
                <>
                  {' '}
                  <Label isCompact color="grey">
                    {t('tasks.disabled')}
                  </Label>
                </>
              )}
            </Td>
            <Td dataLabel={t('tasks.column.nextRun')}>
              {task.nextRunAt ? <time dateTime={task.nextRunAt}>{formatDateTime(task.nextRunAt, i18n.language)}</time> : '—'}
            </Td>
            <Td dataLabel={t('tasks.column.lastRun')}>{task.lastRunId ? <LastRun taskId={task.id} runId={task.lastRunId} /> : t('tasks.neverRun')}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** Where the task runs: a group's subtree, a number of selected devices, or the server. */
export function ScopeText({ task, groupPath }: { task: Pick<Task, 'scope'>; groupPath: (id: string) => string }) {
  const { t } = useTranslation();
  if (!task.scope) {
    return <>{t('tasks.scope.server')}</>;
  }
  if (task.scope.groupId) {
    return <Link to={`/groups/${task.scope.groupId}`}>{t('tasks.scope.groupSubtree', { group: groupPath(task.scope.groupId) })}</Link>;
  }
  return <>{t('tasks.scope.deviceCount', { count: task.scope.deviceIds?.length ?? 0 })}</>;
}

function LastRun({ taskId, runId }: { taskId: string; runId: string }) {
  const { t, i18n } = useTranslation();
  const run = useLoad(useCallback((signal: AbortSignal) => getRun(taskId, runId, signal), [taskId, runId]));
  if (run.error !== undefined) {
    return <>{t('tasks.lastRunUnknown')}</>;
  }
  if (!run.data) {
    return <Spinner size="sm" aria-label={t('tasks.loading')} />;
  }
  const started = run.data.startedAt ?? run.data.scheduledFor;
  return (
    <span>
      <RunStateLabel state={run.data.state} />{' '}
      {started && <time dateTime={started}>{formatDateTime(started, i18n.language)}</time>}{' '}
      {countsShown(run.data.counts).map((entry) => (
        <span key={entry.state}>
          <DeviceStateLabel state={entry.state} count={entry.count} />{' '}
        </span>
      ))}
    </span>
  );
}
