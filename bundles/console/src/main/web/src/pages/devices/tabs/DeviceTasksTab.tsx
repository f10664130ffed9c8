import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listDeviceTaskRuns, listTaskTypes } from '../../../api/tasks';
import { useLoad } from '../../../api/useLoad';
import { DeviceStateLabel, RunStateLabel } from '../../tasks/StateLabels';
import { resultText, typeTitleOf } from '../../tasks/taskText';
import '../../tasks/tasks.css';
import type { DeviceTabProps } from '../deviceTabs';
import { useCursorPages } from '../useCursorPages';
import { MoreButton, TabState, When } from './TabState';

/** Entries per page of the device's task history. */
export const deviceTaskRunsPageSize = 50;

/**
 * The task runs the device took part in, newest first, a page at a time: the task (to the run on the task's page),
 * its type, the run as a whole, and the device's own state, message and result.
 */
export default function DeviceTasksTab({ device }: DeviceTabProps) {
  const { t } = useTranslation();
  const runs = useCursorPages(
    useCallback((cursor: string | null, signal: AbortSignal) => listDeviceTaskRuns(device.id, deviceTaskRunsPageSize, cursor, signal), [device.id]),
  );
  // Titles of the task types; without them (e.g. while loading) the type shows as application / type.
  const types = useLoad(listTaskTypes);
  const loaded = runs.items.length > 0 || (!runs.loading && runs.error === undefined);
  return (
    <>
      <TabState data={loaded ? runs.items : undefined} error={runs.items.length === 0 ? runs.error : undefined} isEmpty={(items) => items.length === 0} emptyKey="tasks.device.empty">
        {(items) => (
          <Table aria-label={t('tasks.device.label')} variant="compact">
            <Thead>
              <Tr>
                <Th>{t('tasks.device.column.started')}</Th>
                <Th>{t('tasks.device.column.task')}</Th>
                <Th>{t('tasks.device.column.type')}</Th>
                <Th>{t('tasks.device.column.state')}</Th>
                <Th>{t('tasks.device.column.message')}</Th>
                <Th>{t('tasks.device.column.result')}</Th>
                <Th>{t('tasks.device.column.updated')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {items.map((entry) => {
                const result = resultText(entry.result);
                return (
                  <Tr key={entry.runId} data-testid={`device-run-${entry.runId}`}>
                    <Td dataLabel={t('tasks.device.column.started')}>
                      <When instant={entry.startedAt} />
                    </Td>
                    <Td dataLabel={t('tasks.device.column.task')}>
                      <Link to={`/tasks/${encodeURIComponent(entry.taskId)}?run=${encodeURIComponent(entry.runId)}`}>{entry.taskName}</Link>{' '}
                      <RunStateLabel state={entry.runState} />
                    </Td>
                    <Td dataLabel={t('tasks.device.column.type')}>{typeTitleOf(entry, types.data)}</Td>
                    <Td dataLabel={t('tasks.device.column.state')}>
                      <DeviceStateLabel state={entry.state} />
                    </Td>
                    <Td dataLabel={t('tasks.device.column.message')}>{entry.message ?? '—'}</Td>
                    <Td dataLabel={t('tasks.device.column.result')}>
                      {result ? (
                        <pre className="garrison-tasks-result" tabIndex={0} aria-label={t('tasks.device.resultOf', { task: entry.taskName })}>
                          {result}
                        </pre>
                      ) : (
                        '—'
                      )}
                    </Td>
                    <Td dataLabel={t('tasks.device.column.updated')}>
                      <When instant={entry.updatedAt} />
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        )}
      </TabState>
      {runs.items.length > 0 && <MoreButton hasMore={runs.hasMore} loading={runs.loading} error={runs.error} onMore={runs.loadMore} />}
    </>
  );
}
