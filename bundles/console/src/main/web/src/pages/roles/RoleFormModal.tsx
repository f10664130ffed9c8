import {
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createRole, updateRole, type PermissionDefinition, type Role } from '../../api/accounts';
import { describeError } from '../../components/ApiErrorAlert';
import { roleName } from '../../components/roleNames';

/** Permissions grouped by functional area, in the order the server lists them. */
export function byArea(permissions: readonly PermissionDefinition[]): [string, PermissionDefinition[]][] {
  const areas = new Map<string, PermissionDefinition[]>();
  for (const permission of permissions) {
    areas.set(permission.area, [...(areas.get(permission.area) ?? []), permission]);
  }
  return [...areas.entries()];
}

/** Creates or edits a custom role by ticking permissions; shows a built-in role read-only. */
export function RoleFormModal({
  role,
  readOnly,
  permissions,
  onClose,
  onSaved,
}: {
  role?: Role;
  readOnly: boolean;
  permissions: readonly PermissionDefinition[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(role ? roleName(role.id, [role], t) : '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [chosen, setChosen] = useState<Set<string>>(new Set(role?.permissions ?? []));
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  // A role may hold permissions the server no longer lists (a removed plugin's): show them too.
  const known = new Set(permissions.map((permission) => permission.id));
  const listed = [
    ...permissions,
    ...[...chosen].filter((id) => !known.has(id)).map((id) => ({ id, area: id.split('.')[0] ?? id, description: '', groupScoped: false })),
  ];

  const toggle = (id: string, checked: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (checked) {
        next.add(id);
      } else {
        next.delete(id);
      }
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    const change = { name: name.trim(), description: description.trim() === '' ? null : description.trim(), permissions: [...chosen] };
    try {
      if (role) {
        await updateRole(role.id, change);
      } else {
        await createRole(change);
      }
      onSaved();
    } catch (error) {
      setFailure(describeError(error, t));
      setBusy(false);
    }
  };

  const title = readOnly ? name : role ? t('roles.editTitle', { name: role.name }) : t('roles.create');
  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="role-form-title">
      <ModalHeader
        title={title}
        labelId="role-form-title"
        {...(role?.builtIn ? { description: t('roles.builtInReadOnly') } : {})}
      />
      <ModalBody>
        <Form id="role-form" onSubmit={(event) => void submit(event)}>
          {failure && (
            <Alert variant="danger" isInline title={t('roles.saveFailed')}>
              {failure}
            </Alert>
          )}
          <FormGroup label={t('roles.name')} isRequired fieldId="role-name">
            <TextInput id="role-name" isRequired readOnlyVariant={readOnly ? 'default' : undefined} value={name} onChange={(_event, value) => setName(value)} />
          </FormGroup>
          <FormGroup label={t('roles.description')} fieldId="role-description">
            <TextArea
              id="role-description"
              readOnlyVariant={readOnly ? 'default' : undefined}
              value={description}
              resizeOrientation="vertical"
              onChange={(_event, value) => setDescription(value)}
            />
          </FormGroup>
          {byArea(listed).map(([area, definitions]) => (
            <FormGroup key={area} label={t('roles.area', { area })} role="group" isStack fieldId={`role-area-${area}`}>
              {definitions.map((permission) => (
                <Checkbox
                  key={permission.id}
                  id={`role-permission-${permission.id}`}
                  label={permission.id}
                  description={
                    permission.groupScoped ? `${permission.description} (${t('roles.groupScoped')})` : permission.description
                  }
                  isChecked={chosen.has(permission.id)}
                  isDisabled={readOnly}
                  onChange={(_event, checked) => toggle(permission.id, checked)}
                />
              ))}
            </FormGroup>
          ))}
        </Form>
      </ModalBody>
      <ModalFooter>
        {!readOnly && (
          <Button type="submit" form="role-form" variant="primary" isLoading={busy} isDisabled={busy}>
            {role ? t('common.save') : t('roles.createSubmit')}
          </Button>
        )}
        <Button variant={readOnly ? 'primary' : 'link'} onClick={onClose}>
          {readOnly ? t('common.close') : t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
