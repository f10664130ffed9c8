import { Button, Card, CardBody, CardHeader, CardTitle, Content } from '@patternfly/react-core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { holds } from '../../api/session';
import { listTasks, listTaskTypes } from '../../api/tasks';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useMe } from '../../session/SessionContext';
import { TaskFormModal } from '../tasks/TaskFormModal';
import { TaskTable } from '../tasks/TaskTable';

/** How many of the group's tasks the section shows; the tasks page lists them all. */
const shownTasks = 10;

/**
 * The tasks whose scope is this group's subtree, with a way to the tasks page filtered by the group and to create a
 * task for it. Shown only to admins who may read tasks.
 */
export function GroupTasksSection({ groupId, groupName }: { groupId: string; groupName: string }) {
  const me = useMe();
  if (!holds(me, 'tasks.read')) {
    return null;
  }
  return <GroupTasks groupId={groupId} groupName={groupName} mayWrite={holds(me, 'tasks.write')} />;
}

function GroupTasks({ groupId, groupName, mayWrite }: { groupId: string; groupName: string; mayWrite: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tasks = useLoad(useCallback((signal: AbortSignal) => listTasks({ group: groupId }, shownTasks, null, signal), [groupId]));
  const types = useLoad(listTaskTypes);
  const [creating, setCreating] = useState(false);
  const deviceTypes = types.data?.filter((type) => type.runsOnDevices);

  let content;
  if (tasks.error !== undefined) {
    content = <ApiErrorAlert variant="danger" title={t('tasks.loadFailed')} error={tasks.error} />;
  } else if (!tasks.data) {
    content = <PageLoading label={t('tasks.loading')} />;
  } else if (tasks.data.items.length === 0) {
    content = <Content component="p">{t('tasks.group.none')}</Content>;
  } else {
    content = (
      <>
        <TaskTable tasks={tasks.data.items} types={types.data} groupPath={() => groupName} label={t('tasks.group.title')} compact />
        {tasks.data.nextCursor !== null && (
          <Content component="p">
            <Link to={`/tasks?group=${groupId}`}>{t('tasks.group.all', { count: tasks.data.total ?? tasks.data.items.length })}</Link>
          </Content>
        )}
      </>
    );
  }

  return (
    <Card>
      <CardHeader
        {...(mayWrite
          ? {
              actions: {
                actions: (
                  <Button variant="secondary" onClick={() => setCreating(true)} isDisabled={!deviceTypes}>
                    {t('tasks.group.create')}
                  </Button>
                ),
                hasNoOffset: true,
              },
            }
          : {})}
      >
        <CardTitle component="h2">{t('tasks.group.title')}</CardTitle>
      </CardHeader>
      <CardBody>{content}</CardBody>
      {creating && deviceTypes && (
        <TaskFormModal types={deviceTypes} groupId={groupId} onClose={() => setCreating(false)} onSaved={(task) => navigate(`/tasks/${task.id}`)} />
      )}
    </Card>
  );
}
