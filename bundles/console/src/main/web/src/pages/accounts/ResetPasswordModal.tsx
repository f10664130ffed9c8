import { Alert, Button, Checkbox, Form, FormGroup, Modal, ModalBody, ModalFooter, ModalHeader, TextInput } from '@patternfly/react-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { resetPassword, type Account } from '../../api/accounts';
import { describeError } from '../../components/ApiErrorAlert';

/** An administrator sets a new password for an account, usually to be changed at the next sign-in. */
export function ResetPasswordModal({ account, onClose, onDone }: { account: Account; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [mustChange, setMustChange] = useState(true);
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      await resetPassword(account.id, password, mustChange);
      onDone();
    } catch (error) {
      setFailure(describeError(error, t));
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="reset-password-title">
      <ModalHeader title={t('accounts.resetPasswordTitle', { login: account.login })} labelId="reset-password-title" />
      <ModalBody>
        <Form id="reset-password-form" onSubmit={(event) => void submit(event)}>
          {failure && (
            <Alert variant="danger" isInline title={t('accounts.resetFailed')}>
              {failure}
            </Alert>
          )}
          <FormGroup label={t('password.new')} isRequired fieldId="reset-password">
            <TextInput
              id="reset-password"
              type="password"
              autoComplete="new-password"
              isRequired
              value={password}
              onChange={(_event, value) => setPassword(value)}
            />
          </FormGroup>
          <Checkbox
            id="reset-must-change"
            label={t('accounts.mustChangeAtSignIn')}
            isChecked={mustChange}
            onChange={(_event, checked) => setMustChange(checked)}
          />
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="reset-password-form" variant="primary" isLoading={busy} isDisabled={busy}>
          {t('accounts.resetPassword')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
