import { Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task, TaskLastRun, TaskListItem, TaskType } from '../../api/tasks';
import { formatDateTime } from '../../i18n/format';
import { DeviceStateLabel, RunStateLabel } from './StateLabels';
import { countsShown, scheduleSummary, typeTitleOf } from './taskText';

/**
 * Tasks as a table: name (to the task's page), type, scope, schedule, next start and how the last run went (the
 * listing carries a summary of each task's last run).
 */
export function TaskTable({
  tasks,
  types,
  groupPath,
  label,
  compact = false,
}: {
  tasks: readonly TaskListItem[];
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
            <Td dataLabel={t('tasks.column.lastRun')}>
              {task.lastRun ? <LastRun run={task.lastRun} /> : task.lastRunId ? t('tasks.lastRunUnknown') : t('tasks.neverRun')}
            </Td>
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

function LastRun({ run }: { run: TaskLastRun }) {
  const { i18n } = useTranslation();
  return (
    <span>
      <RunStateLabel state={run.state} />{' '}
      {run.startedAt && <time dateTime={run.startedAt}>{formatDateTime(run.startedAt, i18n.language)}</time>}{' '}
      {countsShown(run.counts).map((entry) => (
        <span key={entry.state}>
          <DeviceStateLabel state={entry.state} count={entry.count} />{' '}
        </span>
      ))}
    </span>
  );
}
