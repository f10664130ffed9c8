import { Button, Card, CardBody, CardTitle, Content, Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import type { GroupTreeNode } from '../../api/groups';
import { listPolicies, type Policy } from '../../api/policies';
import { holds } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useMe } from '../../session/SessionContext';
import { CreatePolicyModal } from '../policies/CreatePolicyModal';
import { applicationName, PolicyStateLabel } from '../policies/PolicyLabels';
import { usePolicyApplications } from '../policies/usePolicyApplications';

/** Every policy of one group (a group holds a few: one per application and state, and inactive drafts). */
async function policiesOfGroup(groupId: string, signal: AbortSignal): Promise<Policy[]> {
  const policies: Policy[] = [];
  let cursor: string | null = null;
  do {
    const page = await listPolicies({ group: groupId }, cursor, signal, 200);
    policies.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return policies;
}

/**
 * The policies in force above the group: the active and out-of-office ones of its ancestors, nearest last. An
 * ancestor outside the admin's scope (403) is left out rather than failing the section.
 */
async function inheritedPolicies(ancestors: readonly string[], signal: AbortSignal): Promise<Policy[]> {
  const lists = await Promise.all(
    ancestors.map((groupId) =>
      policiesOfGroup(groupId, signal).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 403) {
          return [];
        }
        throw error;
      }),
    ),
  );
  return lists.flat().filter((policy) => policy.state !== 'INACTIVE');
}

/** The "Policies" section of a group's page: its own policies, those it inherits, and a way to create one. */
export function GroupPolicies({
  groupId,
  ancestors,
  tree,
  groupName,
}: {
  groupId: string;
  /** The ids of the groups above, from the top. */
  ancestors: readonly string[];
  tree: readonly GroupTreeNode[] | undefined;
  groupName: (groupId: string) => string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const mayWrite = holds(me, 'policies.write');
  const ancestorKey = ancestors.join(',');
  const own = useLoad(useCallback((signal: AbortSignal) => policiesOfGroup(groupId, signal), [groupId]));
  const inherited = useLoad(
    useCallback((signal: AbortSignal) => inheritedPolicies(ancestorKey ? ancestorKey.split(',') : [], signal), [ancestorKey]),
  );
  // How many policies the group and the groups below hold together (one row asked for: the total is the answer).
  const withSubgroups = useLoad(
    useCallback((signal: AbortSignal) => listPolicies({ group: groupId, subtree: true }, null, signal, 1).then((page) => page.total), [groupId]),
  );
  const applications = usePolicyApplications();
  const [creating, setCreating] = useState(false);

  const table = (policies: readonly Policy[], label: string, withGroup: boolean) => (
    <Table aria-label={label} variant="compact">
      <Thead>
        <Tr>
          <Th>{t('policies.field.name')}</Th>
          <Th>{t('policies.field.application')}</Th>
          {withGroup && <Th>{t('policies.field.group')}</Th>}
          <Th>{t('policies.field.state')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {policies.map((policy) => (
          <Tr key={policy.id}>
            <Td dataLabel={t('policies.field.name')}>
              <Link to={`/policies/${policy.id}`}>{policy.name}</Link>
              {policy.problems.length > 0 && (
                <Label isCompact status="danger" className="garrison-space-before">
                  {t('policies.problemCount', { count: policy.problems.length })}
                </Label>
              )}
            </Td>
            <Td dataLabel={t('policies.field.application')}>{applicationName(applications.data, policy.application)}</Td>
            {withGroup && (
              <Td dataLabel={t('policies.field.group')}>
                <Link to={`/groups/${policy.groupId}`}>{groupName(policy.groupId)}</Link>
              </Td>
            )}
            <Td dataLabel={t('policies.field.state')}>
              <PolicyStateLabel state={policy.state} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );

  let ownContent;
  if (own.data) {
    ownContent = own.data.length === 0 ? <Content component="p">{t('policies.group.noneOwn')}</Content> : table(own.data, t('policies.group.own'), false);
  } else if (own.error !== undefined) {
    ownContent = <ApiErrorAlert variant="danger" title={t('policies.loadFailed')} error={own.error} />;
  } else {
    ownContent = <PageLoading label={t('policies.loading')} />;
  }
  let inheritedContent;
  if (inherited.data) {
    inheritedContent =
      inherited.data.length === 0 ? <Content component="p">{t('policies.group.noneInherited')}</Content> : table(inherited.data, t('policies.group.inherited'), true);
  } else if (inherited.error !== undefined) {
    inheritedContent = <ApiErrorAlert variant="danger" title={t('policies.loadFailed')} error={inherited.error} />;
  } else {
    inheritedContent = <PageLoading label={t('policies.loading')} />;
  }

  return (
    <Card>
      <CardTitle component="h2">{t('policies.group.title')}</CardTitle>
      <CardBody>
        {ownContent}
        {mayWrite && (
          <Button
            variant="secondary"
            className="garrison-space-before"
            onClick={() => setCreating(true)}
            isDisabled={!tree || !applications.data || applications.data.length === 0}
          >
            {t('policies.group.create')}
          </Button>
        )}
        <Content component="h3" className="garrison-space-before">
          {t('policies.group.inherited')}
        </Content>
        {inheritedContent}
        <Content component="p" className="garrison-space-before">
          <Link to={`/policies?group=${groupId}&subtree=false`}>{t('policies.group.all')}</Link>
          {withSubgroups.data !== undefined && (
            <>
              {' · '}
              <Link to={`/policies?group=${groupId}`}>{t('policies.group.withSubgroups', { count: withSubgroups.data })}</Link>
            </>
          )}
        </Content>
      </CardBody>
      {creating && applications.data && tree && (
        <CreatePolicyModal
          applications={applications.data}
          tree={tree}
          groupId={groupId}
          onClose={() => setCreating(false)}
          onCreated={(policy) => void navigate(`/policies/${policy.id}`)}
        />
      )}
    </Card>
  );
}
