import { ActionGroup, Alert, Button, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, TextInput } from '@patternfly/react-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../api/client';
import { changeOwnPassword } from '../api/session';
import { describeError } from './ApiErrorAlert';

type Field = 'currentPassword' | 'newPassword' | 'repeat';

/**
 * Current, new and repeated password; the server's password policy answers with a 422 problem whose field errors
 * appear under the fields they concern.
 */
export function ChangePasswordForm({ onChanged, submitLabel }: { onChanged: () => void | Promise<void>; submitLabel?: string }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', repeat: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const set = (field: Field) => (_event: unknown, value: string) => setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    if (values.newPassword !== values.repeat) {
      setFieldErrors({ repeat: t('password.mismatch') });
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      await changeOwnPassword(values.currentPassword, values.newPassword);
      setValues({ currentPassword: '', newPassword: '', repeat: '' });
      await onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        const { byField, rest } = splitFieldErrors(error.errors, ['currentPassword', 'newPassword']);
        setFieldErrors(byField);
        setFailure(rest.length > 0 || Object.keys(byField).length === 0 ? describeError(error, t) : undefined);
      } else {
        setFailure(describeError(error, t));
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, autoComplete: string) => (
    <FormGroup label={label} isRequired fieldId={`password-${name}`}>
      <TextInput
        id={`password-${name}`}
        type="password"
        autoComplete={autoComplete}
        isRequired
        value={values[name]}
        validated={fieldErrors[name] ? 'error' : 'default'}
        onChange={set(name)}
      />
      {fieldErrors[name] && (
        <FormHelperText>
          <HelperText>
            <HelperTextItem variant="error">{fieldErrors[name]}</HelperTextItem>
          </HelperText>
        </FormHelperText>
      )}
    </FormGroup>
  );

  return (
    <Form maxWidth="40rem" onSubmit={(event) => void submit(event)} aria-label={t('password.formLabel')}>
      {failure && <Alert variant="danger" isInline title={t('password.failed')}>{failure}</Alert>}
      {field('currentPassword', t('password.current'), 'current-password')}
      {field('newPassword', t('password.new'), 'new-password')}
      {field('repeat', t('password.repeat'), 'new-password')}
      <ActionGroup>
        <Button type="submit" variant="primary" isLoading={busy} isDisabled={busy}>
          {submitLabel ?? t('password.submit')}
        </Button>
      </ActionGroup>
    </Form>
  );
}

/** Field errors of a 422 problem that belong to one of `fields`, and the others. */
export function splitFieldErrors<F extends string>(errors: readonly FieldError[], fields: readonly F[]) {
  const byField: Partial<Record<F, string>> = {};
  const rest: FieldError[] = [];
  for (const error of errors) {
    const field = fields.find((name) => error.field === name || error.field.endsWith(`.${name}`));
    if (field) {
      byField[field] = byField[field] ? `${byField[field]}; ${error.message}` : error.message;
    } else {
      rest.push(error);
    }
  }
  return { byField, rest };
}
