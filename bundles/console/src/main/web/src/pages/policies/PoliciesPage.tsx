import {
  Alert,
  AlertActionCloseButton,
  Button,
  Content,
  EmptyState,
  EmptyStateBody,
  FormSelect,
  FormSelectOption,
  Label,
  PageSection,
  Stack,
  StackItem,
  Switch,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr, type IAction } from '@patternfly/react-table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fetchGroupTree } from '../../api/groups';
import {
  activatePolicy,
  deactivatePolicy,
  deletePolicy,
  listPolicies,
  policyStates,
  setOutOfOffice,
  type Policy,
  type PolicyFilter,
  type PolicyState,
} from '../../api/policies';
import { holds } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert, describeError } from '../../components/ApiErrorAlert';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageLoading } from '../../components/PageLoading';
import { useMe } from '../../session/SessionContext';
import { MoreButton, When } from '../devices/tabs/TabState';
import { useCursorPages } from '../devices/useCursorPages';
import { choicesOfTree } from '../groups/groupTree';
import { RowActions } from '../groups/RowActions';
import { historyPathOf } from '../history/labels';
import { CreatePolicyModal } from './CreatePolicyModal';
import { applicationName, PolicyStateLabel, useGroupName } from './PolicyLabels';
import { usePolicyApplications } from './usePolicyApplications';

const problemFilters = ['', 'true', 'false'] as const;

/**
 * The listing's filters as the URL keeps them (`?application=…&group=…&subtree=false&state=…&invalid=true`). A group
 * takes in the groups below it unless `subtree=false`.
 */
function filterOf(params: URLSearchParams): PolicyFilter {
  const state = params.get('state');
  const invalid = params.get('invalid');
  return {
    ...(params.get('application') ? { application: params.get('application')! } : {}),
    ...(params.get('group') ? { group: params.get('group')!, subtree: params.get('subtree') !== 'false' } : {}),
    ...(state && (policyStates as readonly string[]).includes(state) ? { state: state as PolicyState } : {}),
    ...(invalid === 'true' || invalid === 'false' ? { invalid: invalid === 'true' } : {}),
  };
}

type Dialogue = { kind: 'create' } | { kind: 'delete'; policy: Policy };

/** Every policy the admin may see, filtered by application, group, state and problems, with their state changes. */
export default function PoliciesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mayWrite = holds(me, 'policies.write');
  const mayReadHistory = holds(me, 'audit.read');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filterKey = params.toString();
  const applications = usePolicyApplications();
  const tree = useLoad(fetchGroupTree);
  const groupName = useGroupName(tree.data);
  const [dialogue, setDialogue] = useState<Dialogue | undefined>();
  const [notice, setNotice] = useState<{ variant: 'success' | 'danger'; text: string } | undefined>();

  const [generation, setGeneration] = useState(0);
  const reload = () => setGeneration((current) => current + 1);
  const [total, setTotal] = useState<number | undefined>();
  // The loader changes with the filters (kept in the URL) and after a change, so the listing starts again.
  const policies = useCursorPages(
    useCallback(
      (cursor: string | null, signal: AbortSignal) =>
        listPolicies(filterOf(new URLSearchParams(filterKey)), cursor, signal).then((page) => {
          setTotal(page.total);
          return page;
        }),
      [filterKey, generation],
    ),
  );
  const filter = filterOf(params);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(name, value);
    } else {
      next.delete(name);
      if (name === 'group') {
        // The switch goes back to its default with the group filter: a later group starts with its subgroups.
        next.delete('subtree');
      }
    }
    setParams(next, { replace: true });
  };

  const change = async (policy: Policy, action: (policy: Policy) => Promise<Policy>, doneKey: 'activated' | 'deactivated' | 'outOfOffice') => {
    setNotice(undefined);
    try {
      const changed = await action(policy);
      setNotice({ variant: 'success', text: t(`policies.notice.${doneKey}`, { name: changed.name }) });
      reload();
    } catch (error) {
      setNotice({ variant: 'danger', text: describeError(error, t) });
    }
  };

  const actionsOf = (policy: Policy): IAction[] => [
    { title: t('policies.action.edit'), onClick: () => void navigate(`/policies/${policy.id}`) },
    ...(policy.state !== 'ACTIVE' ? [{ title: t('policies.action.activate'), onClick: () => void change(policy, (p) => activatePolicy(p.id), 'activated') }] : []),
    ...(policy.state !== 'OUT_OF_OFFICE' ? [{ title: t('policies.action.outOfOffice'), onClick: () => void change(policy, setOutOfOffice, 'outOfOffice') }] : []),
    ...(policy.state !== 'INACTIVE' ? [{ title: t('policies.action.deactivate'), onClick: () => void change(policy, (p) => deactivatePolicy(p.id), 'deactivated') }] : []),
    ...(mayReadHistory ? [{ title: t('policies.action.history'), onClick: () => void navigate(historyPathOf('policy', policy.id)) }] : []),
    { isSeparator: true },
    { title: t('policies.action.delete'), isDanger: true, onClick: () => setDialogue({ kind: 'delete', policy }) },
  ];

  const loaded = policies.items.length > 0 || (!policies.loading && policies.error === undefined);
  let content;
  if (!loaded && policies.error !== undefined) {
    content = <ApiErrorAlert variant="danger" title={t('policies.loadFailed')} error={policies.error} />;
  } else if (!loaded) {
    content = <PageLoading label={t('policies.loading')} />;
  } else if (policies.items.length === 0) {
    content = (
      <EmptyState variant="sm" titleText={t('policies.empty.title')} headingLevel="h2">
        <EmptyStateBody>{Object.keys(filter).length > 0 ? t('policies.empty.filtered') : t('policies.empty.none')}</EmptyStateBody>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <Table aria-label={t('policies.title')} variant="compact">
          <Thead>
            <Tr>
              <Th>{t('policies.field.name')}</Th>
              <Th>{t('policies.field.application')}</Th>
              <Th>{t('policies.field.group')}</Th>
              <Th modifier="nowrap">{t('policies.field.state')}</Th>
              <Th modifier="nowrap">{t('policies.column.profiles')}</Th>
              <Th modifier="nowrap">{t('policies.column.revision')}</Th>
              <Th modifier="nowrap">{t('policies.column.updated')}</Th>
              {mayWrite && <Th screenReaderText={t('common.actions')} />}
            </Tr>
          </Thead>
          <Tbody>
            {policies.items.map((policy) => (
              <Tr key={policy.id} data-testid={`policy-row-${policy.id}`}>
                <Td dataLabel={t('policies.field.name')}>
                  <Link to={`/policies/${policy.id}`}>{policy.name}</Link>
                  {policy.problems.length > 0 && (
                    <Label isCompact status="danger" className="garrison-space-before">
                      {t('policies.problemCount', { count: policy.problems.length })}
                    </Label>
                  )}
                </Td>
                <Td dataLabel={t('policies.field.application')}>{applicationName(applications.data, policy.application)}</Td>
                <Td dataLabel={t('policies.field.group')}>
                  <Link to={`/groups/${policy.groupId}`}>{groupName(policy.groupId)}</Link>
                </Td>
                <Td dataLabel={t('policies.field.state')}>
                  <PolicyStateLabel state={policy.state} />
                </Td>
                <Td dataLabel={t('policies.column.profiles')}>{policy.profiles.length}</Td>
                <Td dataLabel={t('policies.column.revision')}>{policy.revision}</Td>
                <Td dataLabel={t('policies.column.updated')}>
                  <When instant={policy.updatedAt} />
                  {policy.updatedBy?.name ? ` · ${policy.updatedBy.name}` : ''}
                </Td>
                {mayWrite && (
                  <Td isActionCell>
                    <RowActions label={t('policies.actionsOf', { name: policy.name })} items={actionsOf(policy)} />
                  </Td>
                )}
              </Tr>
            ))}
          </Tbody>
        </Table>
        <MoreButton hasMore={policies.hasMore} loading={policies.loading} error={policies.items.length > 0 ? policies.error : undefined} onMore={policies.loadMore} />
      </>
    );
  }

  const groupChoices = tree.data ? choicesOfTree(tree.data) : [];
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('policies.title')}</Title>
        <Content component="p">{t('policies.intro')}</Content>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <Toolbar>
              <ToolbarContent>
                <ToolbarItem>
                  <FormSelect
                    aria-label={t('policies.filter.application')}
                    value={filter.application ?? ''}
                    onChange={(_event, value) => setFilter('application', value)}
                  >
                    <FormSelectOption value="" label={t('policies.filter.allApplications')} />
                    {(applications.data ?? []).map((application) => (
                      <FormSelectOption key={application.id} value={application.id} label={application.name} />
                    ))}
                    {filter.application && !applications.data?.some((application) => application.id === filter.application) && (
                      <FormSelectOption value={filter.application} label={filter.application} />
                    )}
                  </FormSelect>
                </ToolbarItem>
                <ToolbarItem>
                  <FormSelect aria-label={t('policies.filter.group')} value={filter.group ?? ''} onChange={(_event, value) => setFilter('group', value)}>
                    <FormSelectOption value="" label={t('policies.filter.allGroups')} />
                    {groupChoices.map((choice) => (
                      <FormSelectOption key={choice.id} value={choice.id} label={choice.path} />
                    ))}
                  </FormSelect>
                </ToolbarItem>
                <ToolbarItem alignItems="center">
                  <Switch
                    id="policies-subtree"
                    label={t('policies.filter.subtree')}
                    isChecked={filter.subtree ?? true}
                    isDisabled={!filter.group}
                    onChange={(_event, checked) => setFilter('subtree', checked ? '' : 'false')}
                  />
                </ToolbarItem>
                <ToolbarItem>
                  <FormSelect aria-label={t('policies.filter.state')} value={filter.state ?? ''} onChange={(_event, value) => setFilter('state', value)}>
                    <FormSelectOption value="" label={t('policies.filter.allStates')} />
                    {policyStates.map((state) => (
                      <FormSelectOption key={state} value={state} label={t(`policies.state.${state}`)} />
                    ))}
                  </FormSelect>
                </ToolbarItem>
                <ToolbarItem>
                  <FormSelect
                    aria-label={t('policies.filter.problems')}
                    value={filter.invalid === undefined ? '' : String(filter.invalid)}
                    onChange={(_event, value) => setFilter('invalid', value)}
                  >
                    {problemFilters.map((value) => (
                      <FormSelectOption key={value} value={value} label={t(`policies.filter.problemsOption.${value || 'any'}`)} />
                    ))}
                  </FormSelect>
                </ToolbarItem>
                {mayWrite && (
                  <ToolbarItem align={{ default: 'alignEnd' }}>
                    <Button variant="primary" onClick={() => setDialogue({ kind: 'create' })} isDisabled={!applications.data || !tree.data || applications.data.length === 0}>
                      {t('policies.create.open')}
                    </Button>
                  </ToolbarItem>
                )}
              </ToolbarContent>
            </Toolbar>
            {mayWrite && applications.data?.length === 0 && <Content component="small">{t('policies.create.noApplications')}</Content>}
          </StackItem>
          {applications.error !== undefined && (
            <StackItem>
              <ApiErrorAlert variant="warning" title={t('policies.applicationsFailed')} error={applications.error} />
            </StackItem>
          )}
          {notice && (
            <StackItem>
              <Alert
                variant={notice.variant}
                isInline
                isLiveRegion
                title={notice.variant === 'success' ? notice.text : t('common.failed')}
                actionClose={<AlertActionCloseButton onClose={() => setNotice(undefined)} />}
              >
                {notice.variant === 'danger' ? notice.text : undefined}
              </Alert>
            </StackItem>
          )}
          {total !== undefined && loaded && policies.items.length > 0 && (
            <StackItem>
              <Content component="small">{t('policies.total', { count: total })}</Content>
            </StackItem>
          )}
          <StackItem>{content}</StackItem>
        </Stack>
      </PageSection>
      {dialogue?.kind === 'create' && applications.data && tree.data && (
        <CreatePolicyModal
          applications={applications.data}
          tree={tree.data}
          onClose={() => setDialogue(undefined)}
          onCreated={(policy) => void navigate(`/policies/${policy.id}`)}
        />
      )}
      {dialogue?.kind === 'delete' && (
        <ConfirmModal
          title={t('policies.delete.title', { name: dialogue.policy.name })}
          body={t('policies.delete.body')}
          confirmLabel={t('policies.delete.confirm')}
          onClose={() => setDialogue(undefined)}
          onConfirm={async () => {
            await deletePolicy(dialogue.policy.id);
            setDialogue(undefined);
            setNotice({ variant: 'success', text: t('policies.notice.deleted', { name: dialogue.policy.name }) });
            reload();
          }}
        />
      )}
    </>
  );
}
