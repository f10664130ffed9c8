import { Button, Label, PageSection, Stack, StackItem, Title, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteRole, listPermissions, listRoles, type Role } from '../../api/accounts';
import { holds } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageLoading } from '../../components/PageLoading';
import { roleName } from '../../components/roleNames';
import { useMe } from '../../session/SessionContext';
import { RoleFormModal } from './RoleFormModal';

type Dialogue = { kind: 'create' } | { kind: 'edit'; role: Role } | { kind: 'delete'; role: Role };

/** Roles: the built-in ones (read-only) and custom ones built from permissions per functional area. */
export default function RolesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mayWrite = holds(me, 'accounts.write');
  const roles = useLoad(listRoles);
  const permissions = useLoad(listPermissions);
  const [dialogue, setDialogue] = useState<Dialogue | undefined>();
  const close = () => setDialogue(undefined);
  const changed = () => {
    setDialogue(undefined);
    roles.reload();
  };

  let content;
  if (roles.data) {
    content = (
      <Table aria-label={t('roles.title')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('roles.name')}</Th>
            <Th>{t('roles.description')}</Th>
            <Th>{t('roles.permissions')}</Th>
            <Th screenReaderText={t('common.actions')} />
          </Tr>
        </Thead>
        <Tbody>
          {roles.data.map((role) => (
            <Tr key={role.id}>
              <Td dataLabel={t('roles.name')}>
                {roleName(role.id, roles.data, t)}
                {role.builtIn && (
                  <Label isCompact className="garrison-space-before">
                    {t('roles.builtInLabel')}
                  </Label>
                )}
              </Td>
              <Td dataLabel={t('roles.description')}>{role.description || '—'}</Td>
              <Td dataLabel={t('roles.permissions')}>{t('roles.permissionCount', { count: role.permissions.length })}</Td>
              <Td isActionCell>
                {role.builtIn || !mayWrite ? (
                  <Button variant="link" isInline onClick={() => setDialogue({ kind: 'edit', role })}>
                    {t('common.view')}
                  </Button>
                ) : (
                  <ActionsColumn
                    popperProps={{ position: 'right' }}
                    items={[
                      { title: t('common.edit'), onClick: () => setDialogue({ kind: 'edit', role }) },
                      { isSeparator: true },
                      { title: t('common.delete'), isDanger: true, onClick: () => setDialogue({ kind: 'delete', role }) },
                    ]}
                  />
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  } else if (roles.error !== undefined) {
    content = <ApiErrorAlert variant="danger" title={t('roles.loadFailed')} error={roles.error} />;
  } else {
    content = <PageLoading label={t('roles.loading')} />;
  }

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('roles.title')}</Title>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          {mayWrite && (
            <StackItem>
              <Toolbar>
                <ToolbarContent>
                  <ToolbarItem>
                    <Button variant="primary" onClick={() => setDialogue({ kind: 'create' })} isDisabled={!permissions.data}>
                      {t('roles.create')}
                    </Button>
                  </ToolbarItem>
                </ToolbarContent>
              </Toolbar>
            </StackItem>
          )}
          {permissions.error !== undefined && (
            <StackItem>
              <ApiErrorAlert variant="warning" title={t('roles.permissionsFailed')} error={permissions.error} />
            </StackItem>
          )}
          <StackItem>{content}</StackItem>
        </Stack>
      </PageSection>
      {(dialogue?.kind === 'create' || dialogue?.kind === 'edit') && (
        <RoleFormModal
          {...(dialogue.kind === 'edit' ? { role: dialogue.role } : {})}
          readOnly={dialogue.kind === 'edit' && (dialogue.role.builtIn || !mayWrite)}
          permissions={permissions.data ?? []}
          onClose={close}
          onSaved={changed}
        />
      )}
      {dialogue?.kind === 'delete' && (
        <ConfirmModal
          title={t('roles.deleteTitle', { name: dialogue.role.name })}
          body={t('roles.deleteBody')}
          confirmLabel={t('common.delete')}
          onConfirm={async () => {
            await deleteRole(dialogue.role.id);
            changed();
          }}
          onClose={close}
        />
      )}
    </>
  );
}
