import {
  Alert,
  Button,
  EmptyState,
  EmptyStateBody,
  Label,
  Stack,
  StackItem,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listEnrollmentTokens, revokeEnrollmentToken, type CreatedEnrollmentToken, type EnrollmentToken, type EnrollmentTokenState } from '../../api/agents';
import { groupChoices, listGroups } from '../../api/groups';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../i18n/format';
import { useMe } from '../../session/SessionContext';
import { CursorPager, useCursorPages } from '../events/CursorPager';
import { RowActions } from '../groups/RowActions';
import { CreatedTokenModal } from './CreatedTokenModal';
import { CreateTokenModal } from './CreateTokenModal';

const stateColours: Record<EnrollmentTokenState, 'success' | 'warning' | 'danger' | undefined> = {
  active: 'success',
  expired: undefined,
  'used-up': undefined,
  revoked: 'danger',
};

const pageSize = 50;

/** Enrollment tokens: the active ones (or all), with their uses and expiry; create one, revoke one. */
export function TokensPanel() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const mayWrite = me?.permissions['enrollment.write']?.everywhere === true;
  const [which, setWhich] = useState<'active' | 'all'>('active');
  const pages = useCursorPages();
  const tokens = useLoad(
    useCallback((signal: AbortSignal) => listEnrollmentTokens(which, { limit: pageSize, ...(pages.cursor ? { cursor: pages.cursor } : {}) }, signal), [which, pages.cursor]),
  );
  const groups = useLoad(listGroups);
  const choices = groups.data ? groupChoices(groups.data) : [];
  const groupPath = (id: string) => choices.find((choice) => choice.id === id)?.path ?? id;
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedEnrollmentToken | undefined>();
  const [revoking, setRevoking] = useState<EnrollmentToken | undefined>();

  const show = (next: 'active' | 'all') => {
    setWhich(next);
    pages.reset();
  };

  let content;
  if (tokens.data && tokens.data.items.length === 0 && !pages.cursor) {
    content = (
      <EmptyState titleText={which === 'active' ? t('agents.tokens.noneActive') : t('agents.tokens.none')} headingLevel="h2">
        <EmptyStateBody>{t('agents.tokens.emptyBody')}</EmptyStateBody>
      </EmptyState>
    );
  } else if (tokens.data) {
    content = (
      <Table aria-label={t('agents.tokens.tableLabel')} variant="compact">
        <Thead>
          <Tr>
            <Th modifier="wrap">{t('agents.tokens.name')}</Th>
            <Th modifier="wrap">{t('agents.tokens.state')}</Th>
            <Th modifier="wrap">{t('agents.tokens.group')}</Th>
            <Th modifier="wrap">{t('agents.tokens.uses')}</Th>
            <Th modifier="wrap">{t('agents.tokens.approval')}</Th>
            <Th modifier="wrap">{t('agents.tokens.expiresAt')}</Th>
            <Th modifier="wrap">{t('agents.tokens.createdBy')}</Th>
            {mayWrite && <Th screenReaderText={t('common.actions')} />}
          </Tr>
        </Thead>
        <Tbody>
          {tokens.data.items.map((token) => {
            const colour = stateColours[token.state];
            return (
              <Tr key={token.id}>
                <Td dataLabel={t('agents.tokens.name')}>{token.name}</Td>
                <Td dataLabel={t('agents.tokens.state')}>
                  <Label isCompact {...(colour ? { status: colour } : {})}>
                    {t(`agents.tokens.states.${token.state}`)}
                  </Label>
                </Td>
                <Td dataLabel={t('agents.tokens.group')}>{groupPath(token.groupId)}</Td>
                <Td dataLabel={t('agents.tokens.uses')}>{t('agents.tokens.usesOf', { uses: token.uses, max: token.maxUses })}</Td>
                <Td dataLabel={t('agents.tokens.approval')}>{token.requireApproval ? t('agents.tokens.approvalRequired') : t('agents.tokens.approvalNone')}</Td>
                <Td dataLabel={t('agents.tokens.expiresAt')}>
                  <time dateTime={token.expiresAt}>{formatDateTime(token.expiresAt, i18n.language)}</time>
                </Td>
                <Td dataLabel={t('agents.tokens.createdBy')}>
                  {token.createdBy?.name ?? token.createdBy?.kind ?? '—'}, <time dateTime={token.createdAt}>{formatDateTime(token.createdAt, i18n.language)}</time>
                </Td>
                {mayWrite && (
                  <Td isActionCell>
                    {token.state !== 'revoked' && (
                      <RowActions
                        label={t('agents.tokens.actionsOf', { name: token.name })}
                        items={[{ title: t('agents.tokens.revoke'), isDanger: true, onClick: () => setRevoking(token) }]}
                      />
                    )}
                  </Td>
                )}
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    );
  } else if (tokens.error !== undefined) {
    content = <ApiErrorAlert variant="danger" title={t('agents.tokens.loadFailed')} error={tokens.error} />;
  } else {
    content = <PageLoading label={t('agents.loading')} />;
  }

  return (
    <Stack hasGutter>
      <StackItem>
        <Toolbar>
          <ToolbarContent>
            {mayWrite && (
              <ToolbarItem>
                <Button variant="primary" onClick={() => setCreating(true)}>
                  {t('agents.tokens.create')}
                </Button>
              </ToolbarItem>
            )}
            <ToolbarItem>
              <ToggleGroup aria-label={t('agents.tokens.which')}>
                <ToggleGroupItem text={t('agents.tokens.showActive')} buttonId="tokens-active" isSelected={which === 'active'} onChange={() => show('active')} />
                <ToggleGroupItem text={t('agents.tokens.showAll')} buttonId="tokens-all" isSelected={which === 'all'} onChange={() => show('all')} />
              </ToggleGroup>
            </ToolbarItem>
            <ToolbarItem align={{ default: 'alignEnd' }}>
              <CursorPager
                label={t('agents.tokens.paging')}
                pageLabel={t('agents.pageOf', { page: pages.pageNumber })}
                previousLabel={t('agents.previous')}
                nextLabel={t('agents.next')}
                hasPrevious={pages.pageNumber > 1}
                hasNext={Boolean(tokens.data?.nextCursor)}
                onPrevious={pages.previous}
                onNext={() => pages.next(tokens.data?.nextCursor)}
              />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      </StackItem>
      {!mayWrite && (
        <StackItem>
          <Alert variant="info" isInline isPlain title={t('agents.readOnly')} />
        </StackItem>
      )}
      <StackItem>{content}</StackItem>
      {creating && (
        <CreateTokenModal
          groups={choices}
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreating(false);
            setCreated(token);
            pages.reset();
            tokens.reload();
          }}
        />
      )}
      {created && <CreatedTokenModal token={created} onClose={() => setCreated(undefined)} />}
      {revoking && (
        <ConfirmModal
          title={t('agents.tokens.revokeTitle', { name: revoking.name })}
          body={t('agents.tokens.revokeBody')}
          confirmLabel={t('agents.tokens.revoke')}
          onConfirm={async () => {
            await revokeEnrollmentToken(revoking.id);
            setRevoking(undefined);
            tokens.reload();
          }}
          onClose={() => setRevoking(undefined)}
        />
      )}
    </Stack>
  );
}
