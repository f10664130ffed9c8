import { Alert, Button, Form, FormGroup, Modal, ModalBody, ModalFooter, ModalHeader, TextInput } from '@patternfly/react-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { revokeAgent, type Agent } from '../../api/agents';
import { describeError } from '../../components/ApiErrorAlert';

/** Revokes every certificate of an agent, with an optional reason; the agent must enroll again with a new token. */
export function RevokeAgentModal({ agent, onClose, onRevoked }: { agent: Agent; onClose: () => void; onRevoked: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      await revokeAgent(agent.id, reason.trim() || undefined);
      onRevoked();
    } catch (error) {
      setFailure(describeError(error, t));
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="revoke-agent-title">
      <ModalHeader title={t('agents.agents.revokeTitle', { name: agent.hostname })} labelId="revoke-agent-title" titleIconVariant="warning" />
      <ModalBody>
        <Form id="revoke-agent-form" onSubmit={(event) => void submit(event)}>
          {failure && (
            <Alert variant="danger" isInline title={t('common.failed')}>
              {failure}
            </Alert>
          )}
          <p>{t('agents.agents.revokeBody')}</p>
          <FormGroup label={t('agents.agents.revokeReason')} fieldId="revoke-reason">
            <TextInput id="revoke-reason" value={reason} maxLength={100} onChange={(_event, value) => setReason(value)} />
          </FormGroup>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="revoke-agent-form" variant="danger" isLoading={busy} isDisabled={busy}>
          {t('agents.agents.revoke')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
