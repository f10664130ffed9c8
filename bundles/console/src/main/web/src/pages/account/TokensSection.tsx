import {
  Alert,
  Button,
  Checkbox,
  ClipboardCopy,
  Content,
  EmptyState,
  EmptyStateBody,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Label,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Stack,
  StackItem,
  TextInput,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listRoles } from '../../api/accounts';
import { createToken, holds, listTokens, revokeToken, type ApiToken, type CreatedApiToken, type Me } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert, describeError } from '../../components/ApiErrorAlert';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageLoading } from '../../components/PageLoading';
import { roleName } from '../../components/roleNames';
import { formatDateTime } from '../../i18n/format';

/** Personal API tokens: the list, creating one (its secret shown once) and revoking. */
export function TokensSection({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const tokens = useLoad(listTokens);
  const mayReadRoles = holds(me, 'accounts.read');
  const loadRoles = useCallback((signal: AbortSignal) => (mayReadRoles ? listRoles(signal) : Promise.resolve([])), [mayReadRoles]);
  const roles = useLoad(loadRoles);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | undefined>();
  const [revoking, setRevoking] = useState<ApiToken | undefined>();

  const ownRoleIds = [...new Set(me.account.grants.map((grant) => grant.roleId))];
  const nameOf = (roleId: string) => roleName(roleId, roles.data, t);
  const when = (instant: string | null | undefined) =>
    instant ? <time dateTime={instant}>{formatDateTime(instant, i18n.language)}</time> : '—';

  let list;
  if (tokens.data) {
    list =
      tokens.data.length === 0 ? (
        <EmptyState titleText={t('myAccount.tokens.none')} headingLevel="h2" variant="xs">
          <EmptyStateBody>{t('myAccount.tokens.noneBody')}</EmptyStateBody>
        </EmptyState>
      ) : (
        <Table aria-label={t('myAccount.tokens.tab')} variant="compact">
          <Thead>
            <Tr>
              <Th>{t('myAccount.tokens.name')}</Th>
              <Th>{t('myAccount.tokens.createdAt')}</Th>
              <Th>{t('myAccount.tokens.expiresAt')}</Th>
              <Th>{t('myAccount.tokens.lastUsedAt')}</Th>
              <Th>{t('myAccount.tokens.roles')}</Th>
              <Th screenReaderText={t('common.actions')} />
            </Tr>
          </Thead>
          <Tbody>
            {tokens.data.map((token) => (
              <Tr key={token.id}>
                <Td dataLabel={t('myAccount.tokens.name')}>
                  {token.name}
                  {token.prefix && (
                    <Label isCompact variant="outline" className="garrison-space-before">
                      <code>{token.prefix}…</code>
                    </Label>
                  )}
                  {token.expired && (
                    <Label isCompact status="warning" className="garrison-space-before">
                      {t('myAccount.tokens.expired')}
                    </Label>
                  )}
                </Td>
                <Td dataLabel={t('myAccount.tokens.createdAt')}>{when(token.createdAt)}</Td>
                <Td dataLabel={t('myAccount.tokens.expiresAt')}>{token.expiresAt ? when(token.expiresAt) : t('myAccount.tokens.never')}</Td>
                <Td dataLabel={t('myAccount.tokens.lastUsedAt')}>{when(token.lastUsedAt)}</Td>
                <Td dataLabel={t('myAccount.tokens.roles')}>
                  {token.roleIds && token.roleIds.length > 0 ? token.roleIds.map(nameOf).join(', ') : t('myAccount.tokens.allRoles')}
                </Td>
                <Td isActionCell>
                  <Button variant="secondary" isDanger size="sm" onClick={() => setRevoking(token)} aria-label={t('myAccount.tokens.revokeNamed', { name: token.name })}>
                    {t('myAccount.tokens.revoke')}
                  </Button>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      );
  } else if (tokens.error !== undefined) {
    list = <ApiErrorAlert variant="danger" title={t('myAccount.tokens.loadFailed')} error={tokens.error} />;
  } else {
    list = <PageLoading label={t('myAccount.tokens.loading')} />;
  }

  return (
    <Stack hasGutter>
      <StackItem>
        <Content component="p">{t('myAccount.tokens.explain')}</Content>
      </StackItem>
      <StackItem>
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t('myAccount.tokens.create')}
        </Button>
      </StackItem>
      <StackItem>{list}</StackItem>
      {creating && (
        <CreateTokenModal
          roleIds={ownRoleIds}
          nameOf={nameOf}
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreating(false);
            setCreated(token);
            tokens.reload();
          }}
        />
      )}
      {created && (
        <Modal isOpen variant="medium" onClose={() => setCreated(undefined)} aria-labelledby="token-created-title">
          <ModalHeader title={t('myAccount.tokens.createdTitle', { name: created.name })} labelId="token-created-title" />
          <ModalBody>
            <Stack hasGutter>
              <StackItem>
                <Alert variant="warning" isInline isPlain title={t('myAccount.tokens.secretOnce')} />
              </StackItem>
              <StackItem>
                <ClipboardCopy isReadOnly isCode hoverTip={t('copy.hover')} clickTip={t('copy.done')} data-testid="token-secret">
                  {created.secret}
                </ClipboardCopy>
              </StackItem>
            </Stack>
          </ModalBody>
          <ModalFooter>
            <Button variant="primary" onClick={() => setCreated(undefined)}>
              {t('common.done')}
            </Button>
          </ModalFooter>
        </Modal>
      )}
      {revoking && (
        <ConfirmModal
          title={t('myAccount.tokens.revokeTitle', { name: revoking.name })}
          body={t('myAccount.tokens.revokeBody')}
          confirmLabel={t('myAccount.tokens.revoke')}
          onConfirm={async () => {
            await revokeToken(revoking.id);
            setRevoking(undefined);
            tokens.reload();
          }}
          onClose={() => setRevoking(undefined)}
        />
      )}
    </Stack>
  );
}

function CreateTokenModal({
  roleIds,
  nameOf,
  onClose,
  onCreated,
}: {
  roleIds: string[];
  nameOf: (roleId: string) => string;
  onClose: () => void;
  onCreated: (token: CreatedApiToken) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('');
  const [chosenRoles, setChosenRoles] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const token = await createToken({
        name: name.trim(),
        ...(expiry ? { expiresAt: new Date(`${expiry}T23:59:59`).toISOString() } : {}),
        ...(chosenRoles.length > 0 ? { roleIds: chosenRoles } : {}),
      });
      onCreated(token);
    } catch (error) {
      setFailure(describeError(error, t));
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="token-create-title">
      <ModalHeader title={t('myAccount.tokens.create')} labelId="token-create-title" />
      <ModalBody>
        <Form id="token-create-form" onSubmit={(event) => void submit(event)}>
          {failure && (
            <Alert variant="danger" isInline title={t('myAccount.tokens.createFailed')}>
              {failure}
            </Alert>
          )}
          <FormGroup label={t('myAccount.tokens.name')} isRequired fieldId="token-name">
            <TextInput id="token-name" isRequired value={name} onChange={(_event, value) => setName(value)} />
          </FormGroup>
          <FormGroup label={t('myAccount.tokens.expiresAt')} fieldId="token-expiry">
            <TextInput
              id="token-expiry"
              type="date"
              value={expiry}
              min={new Date().toISOString().slice(0, 10)}
              onChange={(_event, value) => setExpiry(value)}
            />
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{t('myAccount.tokens.expiryHelp')}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          {roleIds.length > 0 && (
            <FormGroup label={t('myAccount.tokens.roles')} role="group" fieldId="token-roles" isStack>
              {roleIds.map((roleId) => (
                <Checkbox
                  key={roleId}
                  id={`token-role-${roleId}`}
                  label={nameOf(roleId)}
                  isChecked={chosenRoles.includes(roleId)}
                  onChange={(_event, checked) =>
                    setChosenRoles((current) => (checked ? [...current, roleId] : current.filter((id) => id !== roleId)))
                  }
                />
              ))}
              <FormHelperText>
                <HelperText>
                  <HelperTextItem>{t('myAccount.tokens.rolesHelp')}</HelperTextItem>
                </HelperText>
              </FormHelperText>
            </FormGroup>
          )}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="token-create-form" variant="primary" isLoading={busy} isDisabled={busy || name.trim() === ''}>
          {t('myAccount.tokens.createSubmit')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
