import {
  Alert,
  Button,
  Label,
  PageSection,
  Stack,
  StackItem,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr, type IAction } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteAccount, listAccounts, listRoles, removeSecondFactorOf, updateAccount, type Account } from '../../api/accounts';
import { groupChoices, listGroups } from '../../api/groups';
import { holds } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert, describeError } from '../../components/ApiErrorAlert';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageLoading } from '../../components/PageLoading';
import { roleName } from '../../components/roleNames';
import { formatDateTime } from '../../i18n/format';
import { useMe } from '../../session/SessionContext';
import { AccountFormModal } from './AccountFormModal';
import { ResetPasswordModal } from './ResetPasswordModal';

type Dialogue =
  | { kind: 'create' }
  | { kind: 'edit'; account: Account }
  | { kind: 'reset-password'; account: Account }
  | { kind: 'remove-second-factor'; account: Account }
  | { kind: 'delete'; account: Account };

/** Accounts of the console and API: list, create, edit, enable or disable, reset password, remove second factor, delete. */
export default function AccountsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const mayWrite = holds(me, 'accounts.write');
  const accounts = useLoad(listAccounts);
  const roles = useLoad(listRoles);
  const groups = useLoad(listGroups);
  const [dialogue, setDialogue] = useState<Dialogue | undefined>();
  const [failure, setFailure] = useState<string | undefined>();

  const choices = groups.data ? groupChoices(groups.data) : [];
  const groupPath = (groupId: string) => choices.find((group) => group.id === groupId)?.path ?? groupId;
  const close = () => setDialogue(undefined);
  const changed = () => {
    setDialogue(undefined);
    accounts.reload();
  };

  const setEnabled = async (account: Account, enabled: boolean) => {
    setFailure(undefined);
    try {
      await updateAccount(account.id, { enabled });
      accounts.reload();
    } catch (error) {
      setFailure(describeError(error, t));
    }
  };

  const actionsOf = (account: Account): IAction[] => [
    { title: t('common.edit'), onClick: () => setDialogue({ kind: 'edit', account }) },
    account.enabled
      ? { title: t('accounts.disable'), onClick: () => void setEnabled(account, false) }
      : { title: t('accounts.enable'), onClick: () => void setEnabled(account, true) },
    { title: t('accounts.resetPassword'), onClick: () => setDialogue({ kind: 'reset-password', account }) },
    ...(account.secondFactor
      ? [{ title: t('accounts.removeSecondFactor'), onClick: () => setDialogue({ kind: 'remove-second-factor', account }) }]
      : []),
    { isSeparator: true },
    { title: t('common.delete'), isDanger: true, onClick: () => setDialogue({ kind: 'delete', account }) },
  ];

  let content;
  if (accounts.data) {
    content = (
      <Table aria-label={t('accounts.title')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('account.login')}</Th>
            <Th>{t('account.fullName')}</Th>
            <Th>{t('account.email')}</Th>
            <Th>{t('accounts.status')}</Th>
            <Th>{t('accounts.secondFactor')}</Th>
            <Th>{t('account.lastSignIn')}</Th>
            <Th>{t('accounts.roles')}</Th>
            {mayWrite && <Th screenReaderText={t('common.actions')} />}
          </Tr>
        </Thead>
        <Tbody>
          {accounts.data.map((account) => (
            <Tr key={account.id}>
              <Td dataLabel={t('account.login')}>{account.login}</Td>
              <Td dataLabel={t('account.fullName')}>{account.fullName || '—'}</Td>
              <Td dataLabel={t('account.email')}>{account.email || '—'}</Td>
              <Td dataLabel={t('accounts.status')}>
                {account.enabled ? <Label status="success">{t('accounts.enabled')}</Label> : <Label>{t('accounts.disabled')}</Label>}
                {account.mustChangePassword && (
                  <Label isCompact className="garrison-space-before">
                    {t('accounts.mustChange')}
                  </Label>
                )}
              </Td>
              <Td dataLabel={t('accounts.secondFactor')}>{account.secondFactor ? t('common.on') : t('common.off')}</Td>
              <Td dataLabel={t('account.lastSignIn')}>
                {account.lastSignIn ? <time dateTime={account.lastSignIn}>{formatDateTime(account.lastSignIn, i18n.language)}</time> : '—'}
              </Td>
              <Td dataLabel={t('accounts.roles')}>
                {account.grants.length === 0
                  ? '—'
                  : account.grants
                      .map((grant) => t('grants.summary', { role: roleName(grant.roleId, roles.data, t), group: groupPath(grant.groupId) }))
                      .join('; ')}
              </Td>
              {mayWrite && (
                <Td isActionCell>
                  <ActionsColumn items={actionsOf(account)} popperProps={{ position: 'right' }} />
                </Td>
              )}
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  } else if (accounts.error !== undefined) {
    content = <ApiErrorAlert variant="danger" title={t('accounts.loadFailed')} error={accounts.error} />;
  } else {
    content = <PageLoading label={t('accounts.loading')} />;
  }

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('accounts.title')}</Title>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          {mayWrite && (
            <StackItem>
              <Toolbar>
                <ToolbarContent>
                  <ToolbarItem>
                    <Button variant="primary" onClick={() => setDialogue({ kind: 'create' })}>
                      {t('accounts.create')}
                    </Button>
                  </ToolbarItem>
                </ToolbarContent>
              </Toolbar>
            </StackItem>
          )}
          {failure && (
            <StackItem>
              <Alert variant="danger" isInline title={t('common.failed')}>
                {failure}
              </Alert>
            </StackItem>
          )}
          {mayWrite && (roles.error !== undefined || groups.error !== undefined) && (
            <StackItem>
              <ApiErrorAlert variant="warning" title={t('accounts.grantChoicesFailed')} error={roles.error ?? groups.error} />
            </StackItem>
          )}
          <StackItem>{content}</StackItem>
        </Stack>
      </PageSection>
      {(dialogue?.kind === 'create' || dialogue?.kind === 'edit') && (
        <AccountFormModal
          {...(dialogue.kind === 'edit' ? { account: dialogue.account } : {})}
          roles={roles.data ?? []}
          groups={choices}
          onClose={close}
          onSaved={changed}
        />
      )}
      {dialogue?.kind === 'reset-password' && <ResetPasswordModal account={dialogue.account} onClose={close} onDone={changed} />}
      {dialogue?.kind === 'remove-second-factor' && (
        <ConfirmModal
          title={t('accounts.removeSecondFactorTitle', { login: dialogue.account.login })}
          body={t('accounts.removeSecondFactorBody')}
          confirmLabel={t('accounts.removeSecondFactor')}
          onConfirm={async () => {
            await removeSecondFactorOf(dialogue.account.id);
            changed();
          }}
          onClose={close}
        />
      )}
      {dialogue?.kind === 'delete' && (
        <ConfirmModal
          title={t('accounts.deleteTitle', { login: dialogue.account.login })}
          body={t('accounts.deleteBody')}
          confirmLabel={t('common.delete')}
          onConfirm={async () => {
            await deleteAccount(dialogue.account.id);
            changed();
          }}
          onClose={close}
        />
      )}
    </>
  );
}
