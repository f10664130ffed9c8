import {
  Button,
  Content,
  EmptyState,
  EmptyStateBody,
  FormSelect,
  FormSelectOption,
  PageSection,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import TaskIcon from '@patternfly/react-icons/dist/esm/icons/tasks-icon';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { groupChoices, listGroups } from '../../api/groups';
import { holds } from '../../api/session';
import { listTasks, listTaskTypes, type Task } from '../../api/tasks';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useMe } from '../../session/SessionContext';
import { CursorPager, useCursorPages } from '../events/CursorPager';
import { TaskFormModal } from './TaskFormModal';
import { TaskTable } from './TaskTable';
import { applicationName } from './taskText';
import './tasks.css';

/** Tasks per page (the listing carries each task's last run, so rows cost no further requests). */
export const tasksPageSize = 50;

type StatusFilter = 'enabled' | 'scheduled';

/** A yes/no filter as the URL and the API carry it: `true`, `false`, or absent. */
function flagOf(value: string | null): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/**
 * The tasks the admin may see, by name, filtered by application, group subtree, whether the schedule is in force and
 * whether they start on their own (all kept in the URL), a page at a time; and, for admins who may change tasks, a way
 * to create one.
 */
export default function TasksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const mayWrite = holds(me, 'tasks.write');
  const [params, setParams] = useSearchParams();
  const application = params.get('application') ?? '';
  const group = params.get('group') ?? '';
  const enabled = flagOf(params.get('enabled'));
  const scheduled = flagOf(params.get('scheduled'));
  const filtered = Boolean(application || group) || enabled !== undefined || scheduled !== undefined;
  const filterKey = `${application}|${group}|${String(enabled)}|${String(scheduled)}`;
  const { cursor, pageNumber, next, previous, reset } = useCursorPages();
  const [shownFilter, setShownFilter] = useState(filterKey);
  if (shownFilter !== filterKey) {
    // A new filter starts again at the first page (adjusted while rendering, so the old page is never loaded).
    setShownFilter(filterKey);
    reset();
  }
  const [creating, setCreating] = useState(false);
  const types = useLoad(listTaskTypes);
  const groups = useLoad(listGroups);
  const choices = useMemo(() => (groups.data ? groupChoices(groups.data) : []), [groups.data]);
  const groupPath = (id: string) => choices.find((choice) => choice.id === id)?.path ?? id;
  const page = useLoad(
    useCallback(
      (signal: AbortSignal) =>
        listTasks(
          {
            ...(application ? { application } : {}),
            ...(group ? { group } : {}),
            ...(enabled !== undefined ? { enabled } : {}),
            ...(scheduled !== undefined ? { scheduled } : {}),
          },
          tasksPageSize,
          cursor,
          signal,
        ),
      [application, group, enabled, scheduled, cursor],
    ),
  );
  const applications = [...new Set((types.data ?? []).map((type) => type.application))];
  if (application && !applications.includes(application)) {
    applications.push(application);
  }

  const setFilter = (name: 'application' | 'group' | StatusFilter, value: string) =>
    setParams(
      (current) => {
        const nextParams = new URLSearchParams(current);
        if (value) {
          nextParams.set(name, value);
        } else {
          nextParams.delete(name);
        }
        return nextParams;
      },
      { replace: true },
    );

  let content;
  if (page.error !== undefined) {
    content = <ApiErrorAlert variant="danger" title={t('tasks.loadFailed')} error={page.error} />;
  } else if (!page.data) {
    content = <PageLoading label={t('tasks.loading')} />;
  } else if (page.data.items.length === 0) {
    content = (
      <EmptyState titleText={filtered ? t('tasks.empty.filteredTitle') : t('tasks.empty.title')} headingLevel="h2" icon={TaskIcon}>
        <EmptyStateBody>{filtered ? t('tasks.empty.filteredBody') : t('tasks.empty.body')}</EmptyStateBody>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <TaskTable tasks={page.data.items} types={types.data} groupPath={groupPath} label={t('tasks.title')} />
        <CursorPager
          label={t('tasks.paging')}
          pageLabel={t('tasks.page', { page: pageNumber, total: page.data.total ?? page.data.items.length })}
          previousLabel={t('tasks.previous')}
          nextLabel={t('tasks.next')}
          hasPrevious={pageNumber > 1}
          hasNext={page.data.nextCursor !== null}
          onPrevious={previous}
          onNext={() => next(page.data?.nextCursor)}
        />
      </>
    );
  }

  return (
    <PageSection>
      <Title headingLevel="h1">{t('tasks.title')}</Title>
      <Content component="p">{t('tasks.intro')}</Content>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <FormSelect aria-label={t('tasks.filter.application')} value={application} onChange={(_event, value) => setFilter('application', value)}>
              <FormSelectOption value="" label={t('tasks.filter.allApplications')} />
              {applications.map((name) => (
                <FormSelectOption key={name} value={name} label={applicationName(name, t)} />
              ))}
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem>
            <FormSelect aria-label={t('tasks.filter.group')} value={group} onChange={(_event, value) => setFilter('group', value)}>
              <FormSelectOption value="" label={t('tasks.filter.allGroups')} />
              {group && !choices.some((choice) => choice.id === group) && <FormSelectOption value={group} label={group} />}
              {choices.map((choice) => (
                <FormSelectOption key={choice.id} value={choice.id} label={choice.path} />
              ))}
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem>
            <FormSelect aria-label={t('tasks.filter.enabled')} value={enabled === undefined ? '' : String(enabled)} onChange={(_event, value) => setFilter('enabled', value)}>
              <FormSelectOption value="" label={t('tasks.filter.enabledAny')} />
              <FormSelectOption value="true" label={t('tasks.filter.enabledOn')} />
              <FormSelectOption value="false" label={t('tasks.filter.enabledOff')} />
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem>
            <FormSelect aria-label={t('tasks.filter.scheduled')} value={scheduled === undefined ? '' : String(scheduled)} onChange={(_event, value) => setFilter('scheduled', value)}>
              <FormSelectOption value="" label={t('tasks.filter.scheduledAny')} />
              <FormSelectOption value="true" label={t('tasks.filter.scheduledYes')} />
              <FormSelectOption value="false" label={t('tasks.filter.scheduledNo')} />
            </FormSelect>
          </ToolbarItem>
          {mayWrite && (
            <ToolbarItem>
              <Button variant="primary" onClick={() => setCreating(true)} isDisabled={!types.data}>
                {t('tasks.create')}
              </Button>
            </ToolbarItem>
          )}
        </ToolbarContent>
      </Toolbar>
      {types.error !== undefined && <ApiErrorAlert variant="warning" title={t('tasks.typesFailed')} error={types.error} />}
      {content}
      {creating && types.data && (
        <TaskFormModal
          types={types.data}
          {...(group ? { groupId: group } : {})}
          onClose={() => setCreating(false)}
          onSaved={(task: Task) => navigate(`/tasks/${task.id}`)}
        />
      )}
    </PageSection>
  );
}
