import {
  Alert,
  AlertActionCloseButton,
  Button,
  Card,
  CardBody,
  CardTitle,
  EmptyState,
  EmptyStateBody,
  FormSelect,
  FormSelectOption,
  Label,
  SearchInput,
  Stack,
  StackItem,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agentStates, approveAgent, listAgents, rejectAgent, type Agent, type AgentState } from '../../api/agents';
import { groupChoices, listGroups } from '../../api/groups';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert, describeError } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../i18n/format';
import { useMe } from '../../session/SessionContext';
import { CursorPager, useCursorPages } from '../events/CursorPager';
import { RowActions } from '../groups/RowActions';
import { AgentDetailModal } from './AgentDetailModal';
import { RevokeAgentModal } from './RevokeAgentModal';

const pageSize = 50;

const stateColours: Record<AgentState, 'success' | 'warning' | 'danger' | undefined> = {
  PENDING_APPROVAL: 'warning',
  ACTIVE: 'success',
  REJECTED: 'danger',
  REVOKED: undefined,
};

export function AgentStateLabel({ state }: { state: AgentState }) {
  const { t } = useTranslation();
  const colour = stateColours[state];
  return (
    <Label isCompact {...(colour ? { status: colour } : {})}>
      {t(`agents.agents.states.${state}`)}
    </Label>
  );
}

function loadPending(signal: AbortSignal) {
  return listAgents({ state: 'PENDING_APPROVAL' }, { limit: 100 }, signal);
}

/**
 * The enrolled agents: those waiting for approval first (approve or reject them), then every agent with a state
 * filter and a search by host name or hardware id; revoking an agent's certificates makes it enroll again.
 */
export function AgentsPanel() {
  const { t } = useTranslation();
  const me = useMe();
  const mayWrite = me?.permissions['enrollment.write']?.everywhere === true;
  const [state, setState] = useState<AgentState | ''>('');
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const pages = useCursorPages();
  const pending = useLoad(loadPending);
  const agents = useLoad(
    useCallback(
      (signal: AbortSignal) =>
        listAgents({ ...(state ? { state } : {}), ...(q ? { q } : {}) }, { limit: pageSize, ...(pages.cursor ? { cursor: pages.cursor } : {}) }, signal),
      [state, q, pages.cursor],
    ),
  );
  const groups = useLoad(listGroups);
  const choices = groups.data ? groupChoices(groups.data) : [];
  const groupPath = (id: string) => choices.find((choice) => choice.id === id)?.path ?? id;
  const [notice, setNotice] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [shown, setShown] = useState<string | undefined>();
  const [revoking, setRevoking] = useState<Agent | undefined>();

  const reloadAll = () => {
    pending.reload();
    agents.reload();
  };
  const decide = async (agent: Agent, decision: 'approve' | 'reject') => {
    setFailure(undefined);
    setNotice(undefined);
    try {
      await (decision === 'approve' ? approveAgent(agent.id) : rejectAgent(agent.id));
      setNotice(t(decision === 'approve' ? 'agents.agents.approved' : 'agents.agents.rejected', { name: agent.hostname }));
      reloadAll();
    } catch (error) {
      setFailure(describeError(error, t));
    }
  };

  const actionsOf = (agent: Agent) => [
    { title: t('agents.agents.details'), onClick: () => setShown(agent.id) },
    ...(mayWrite && agent.state === 'PENDING_APPROVAL'
      ? [
          { title: t('agents.agents.approve'), onClick: () => void decide(agent, 'approve') },
          { title: t('agents.agents.reject'), isDanger: true, onClick: () => void decide(agent, 'reject') },
        ]
      : []),
    ...(mayWrite && (agent.state === 'ACTIVE' || agent.state === 'PENDING_APPROVAL')
      ? [{ isSeparator: true }, { title: t('agents.agents.revoke'), isDanger: true, onClick: () => setRevoking(agent) }]
      : []),
  ];

  const pendingAgents = pending.data?.items ?? [];
  return (
    <Stack hasGutter>
      {notice && (
        <StackItem>
          <Alert variant="success" isInline isLiveRegion title={notice} actionClose={<AlertActionCloseButton onClose={() => setNotice(undefined)} />} />
        </StackItem>
      )}
      {failure && (
        <StackItem>
          <Alert variant="danger" isInline isLiveRegion title={t('common.failed')}>
            {failure}
          </Alert>
        </StackItem>
      )}
      {pending.error !== undefined && (
        <StackItem>
          <ApiErrorAlert variant="danger" title={t('agents.agents.loadFailed')} error={pending.error} />
        </StackItem>
      )}
      {pendingAgents.length > 0 && (
        <StackItem>
          <Card data-testid="agents-pending">
            <CardTitle component="h2">{t('agents.agents.pendingTitle', { count: pending.data?.total ?? pendingAgents.length })}</CardTitle>
            <CardBody>
              <Table aria-label={t('agents.agents.pendingTitle', { count: pendingAgents.length })} variant="compact">
                <AgentHead t={t} />
                <Tbody>
                  {pendingAgents.map((agent) => (
                    <Tr key={agent.id}>
                      <AgentCells agent={agent} groupPath={groupPath} onShow={() => setShown(agent.id)} />
                      <Td isActionCell>
                        {mayWrite && (
                          <>
                            <Button variant="primary" size="sm" onClick={() => void decide(agent, 'approve')} aria-label={t('agents.agents.approveOf', { name: agent.hostname })}>
                              {t('agents.agents.approve')}
                            </Button>{' '}
                            <Button variant="secondary" isDanger size="sm" onClick={() => void decide(agent, 'reject')} aria-label={t('agents.agents.rejectOf', { name: agent.hostname })}>
                              {t('agents.agents.reject')}
                            </Button>
                          </>
                        )}
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </CardBody>
          </Card>
        </StackItem>
      )}
      <StackItem>
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <SearchInput
                aria-label={t('agents.agents.search')}
                placeholder={t('agents.agents.search')}
                value={typed}
                onChange={(_event, value) => setTyped(value)}
                onSearch={(_event, value) => {
                  setQ(value.trim());
                  pages.reset();
                }}
                onClear={() => {
                  setTyped('');
                  setQ('');
                  pages.reset();
                }}
              />
            </ToolbarItem>
            <ToolbarItem>
              <FormSelect
                id="agents-state"
                aria-label={t('agents.agents.stateFilter')}
                value={state}
                onChange={(_event, value) => {
                  setState(agentStates.find((candidate) => candidate === value) ?? '');
                  pages.reset();
                }}
              >
                <FormSelectOption value="" label={t('agents.agents.anyState')} />
                {agentStates.map((candidate) => (
                  <FormSelectOption key={candidate} value={candidate} label={t(`agents.agents.states.${candidate}`)} />
                ))}
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem align={{ default: 'alignEnd' }}>
              <CursorPager
                label={t('agents.agents.paging')}
                pageLabel={agents.data?.total !== undefined ? t('agents.pageOfTotal', { page: pages.pageNumber, count: agents.data.total }) : t('agents.pageOf', { page: pages.pageNumber })}
                previousLabel={t('agents.previous')}
                nextLabel={t('agents.next')}
                hasPrevious={pages.pageNumber > 1}
                hasNext={Boolean(agents.data?.nextCursor)}
                onPrevious={pages.previous}
                onNext={() => pages.next(agents.data?.nextCursor)}
              />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      </StackItem>
      <StackItem>
        {agents.error !== undefined && <ApiErrorAlert variant="danger" title={t('agents.agents.loadFailed')} error={agents.error} />}
        {agents.error === undefined && !agents.data && <PageLoading label={t('agents.loading')} />}
        {agents.data && agents.data.items.length === 0 && (
          <EmptyState titleText={t('agents.agents.none')} headingLevel="h2">
            <EmptyStateBody>{state || q ? t('agents.agents.noneMatch') : t('agents.agents.emptyBody')}</EmptyStateBody>
          </EmptyState>
        )}
        {agents.data && agents.data.items.length > 0 && (
          <Table aria-label={t('agents.agents.tableLabel')} variant="compact">
            <AgentHead t={t} />
            <Tbody>
              {agents.data.items.map((agent) => (
                <Tr key={agent.id}>
                  <AgentCells agent={agent} groupPath={groupPath} onShow={() => setShown(agent.id)} />
                  <Td isActionCell>
                    <RowActions label={t('agents.agents.actionsOf', { name: agent.hostname })} items={actionsOf(agent)} />
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </StackItem>
      {shown && <AgentDetailModal agentId={shown} groupPath={groupPath} onClose={() => setShown(undefined)} />}
      {revoking && (
        <RevokeAgentModal
          agent={revoking}
          onClose={() => setRevoking(undefined)}
          onRevoked={() => {
            setRevoking(undefined);
            setNotice(t('agents.agents.revoked', { name: revoking.hostname }));
            reloadAll();
          }}
        />
      )}
    </Stack>
  );
}

function AgentHead({ t }: { t: TFunction }) {
  return (
    <Thead>
      <Tr>
        <Th modifier="wrap">{t('agents.agents.hostname')}</Th>
        <Th modifier="wrap">{t('agents.agents.state')}</Th>
        <Th modifier="wrap">{t('agents.agents.os')}</Th>
        <Th modifier="wrap">{t('agents.agents.group')}</Th>
        <Th modifier="wrap">{t('agents.agents.enrolledAt')}</Th>
        <Th modifier="wrap">{t('agents.agents.lastSyncAt')}</Th>
        <Th screenReaderText={t('common.actions')} />
      </Tr>
    </Thead>
  );
}

function AgentCells({ agent, groupPath, onShow }: { agent: Agent; groupPath: (id: string) => string; onShow: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Td dataLabel={t('agents.agents.hostname')}>
        <Button variant="link" isInline onClick={onShow}>
          {agent.hostname}
        </Button>
        {agent.deviceId && (
          <>
            {' · '}
            <Link to={`/devices/${agent.deviceId}`}>{t('agents.agents.device')}</Link>
          </>
        )}
      </Td>
      <Td dataLabel={t('agents.agents.state')}>
        <AgentStateLabel state={agent.state} />
      </Td>
      <Td dataLabel={t('agents.agents.os')}>{agent.host?.osName ?? agent.host?.osType ?? '—'}</Td>
      <Td dataLabel={t('agents.agents.group')}>{agent.groupId ? groupPath(agent.groupId) : '—'}</Td>
      <Td dataLabel={t('agents.agents.enrolledAt')}>
        <time dateTime={agent.enrolledAt}>{formatDateTime(agent.enrolledAt, i18n.language)}</time>
      </Td>
      <Td dataLabel={t('agents.agents.lastSyncAt')}>
        {agent.lastSyncAt ? <time dateTime={agent.lastSyncAt}>{formatDateTime(agent.lastSyncAt, i18n.language)}</time> : t('agents.agents.never')}
      </Td>
    </>
  );
}
