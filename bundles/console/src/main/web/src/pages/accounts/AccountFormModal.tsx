import {
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createAccount, updateAccount, type Account, type Role, type RoleGrant } from '../../api/accounts';
import { ApiError } from '../../api/client';
import type { GroupChoice } from '../../api/groups';
import { describeError } from '../../components/ApiErrorAlert';
import { splitFieldErrors } from '../../components/ChangePasswordForm';
import { GrantsEditor } from './GrantsEditor';

const textFields = ['login', 'fullName', 'email', 'phone', 'description'] as const;
type TextField = (typeof textFields)[number];
type Field = TextField | 'password' | 'grants';

/** Creates an account (with an initial password) or edits one; role grants are picked as role × group subtree. */
export function AccountFormModal({
  account,
  roles,
  groups,
  onClose,
  onSaved,
}: {
  account?: Account;
  roles: readonly Role[];
  groups: readonly GroupChoice[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<TextField, string>>({
    login: account?.login ?? '',
    fullName: account?.fullName ?? '',
    email: account?.email ?? '',
    phone: account?.phone ?? '',
    description: account?.description ?? '',
  });
  const [password, setPassword] = useState('');
  const [mustChange, setMustChange] = useState(true);
  const [grants, setGrants] = useState<RoleGrant[]>(account?.grants ?? []);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    setFieldErrors({});
    // A new account leaves out what is empty; a change sends an empty string, which clears the field.
    const optional = (value: string) => (value.trim() === '' && !account ? null : value.trim());
    const fields = {
      login: values.login.trim(),
      fullName: optional(values.fullName),
      email: optional(values.email),
      phone: optional(values.phone),
      description: optional(values.description),
      grants,
    };
    try {
      if (account) {
        await updateAccount(account.id, fields);
      } else {
        await createAccount({ ...fields, password, mustChangePassword: mustChange });
      }
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.errors.length > 0) {
        const { byField, rest } = splitFieldErrors(error.errors, [...textFields, 'password', 'grants'] as const);
        setFieldErrors(byField);
        if (rest.length > 0) {
          setFailure(rest.map((item) => `${item.field}: ${item.message}`).join('; '));
        }
      } else {
        setFailure(describeError(error, t));
      }
      setBusy(false);
    }
  };

  const helper = (field: Field) =>
    fieldErrors[field] && (
      <FormHelperText>
        <HelperText>
          <HelperTextItem variant="error">{fieldErrors[field]}</HelperTextItem>
        </HelperText>
      </FormHelperText>
    );

  const text = (field: TextField, label: string, options: { required?: boolean; type?: 'email' | 'tel' } = {}) => (
    <FormGroup label={label} isRequired={options.required ?? false} fieldId={`account-${field}`}>
      {field === 'description' ? (
        <TextArea
          id={`account-${field}`}
          value={values[field]}
          resizeOrientation="vertical"
          validated={fieldErrors[field] ? 'error' : 'default'}
          onChange={(_event, value) => setValues((current) => ({ ...current, [field]: value }))}
        />
      ) : (
        <TextInput
          id={`account-${field}`}
          type={options.type ?? 'text'}
          isRequired={options.required ?? false}
          value={values[field]}
          validated={fieldErrors[field] ? 'error' : 'default'}
          onChange={(_event, value) => setValues((current) => ({ ...current, [field]: value }))}
        />
      )}
      {helper(field)}
    </FormGroup>
  );

  const title = account ? t('accounts.editTitle', { login: account.login }) : t('accounts.create');
  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="account-form-title">
      <ModalHeader title={title} labelId="account-form-title" />
      <ModalBody>
        <Form id="account-form" onSubmit={(event) => void submit(event)}>
          {failure && (
            <Alert variant="danger" isInline title={t('accounts.saveFailed')}>
              {failure}
            </Alert>
          )}
          {text('login', t('account.login'), { required: true })}
          {text('fullName', t('account.fullName'))}
          {text('email', t('account.email'), { type: 'email' })}
          {text('phone', t('account.phone'), { type: 'tel' })}
          {text('description', t('account.description'))}
          {!account && (
            <>
              <FormGroup label={t('accounts.initialPassword')} isRequired fieldId="account-password">
                <TextInput
                  id="account-password"
                  type="password"
                  autoComplete="new-password"
                  isRequired
                  value={password}
                  validated={fieldErrors.password ? 'error' : 'default'}
                  onChange={(_event, value) => setPassword(value)}
                />
                {helper('password')}
              </FormGroup>
              <Checkbox
                id="account-must-change"
                label={t('accounts.mustChangeAtSignIn')}
                isChecked={mustChange}
                onChange={(_event, checked) => setMustChange(checked)}
              />
            </>
          )}
          <FormGroup label={t('accounts.roles')} role="group" fieldId="account-grants">
            <GrantsEditor grants={grants} roles={roles} groups={groups} onChange={setGrants} />
            {helper('grants')}
          </FormGroup>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="account-form" variant="primary" isLoading={busy} isDisabled={busy}>
          {account ? t('common.save') : t('accounts.createSubmit')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
