import {
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from '@patternfly/react-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createEnrollmentToken, type CreatedEnrollmentToken, type NewEnrollmentToken } from '../../api/agents';
import { ApiError } from '../../api/client';
import { unassignedDevicesGroupId, type GroupChoice } from '../../api/groups';
import { describeError } from '../../components/ApiErrorAlert';
import { instantOfLocal } from '../events/eventFilter';

type Field = 'name' | 'groupId' | 'maxUses' | 'expiresAt';
const fields: readonly Field[] = ['name', 'groupId', 'maxUses', 'expiresAt'];

/**
 * A new enrollment token: its name, the group its devices join, how many devices may use it, until when, and
 * whether each device needs an admin's approval. Left empty, the expiry is the server's default (a week).
 */
export function CreateTokenModal({
  groups,
  onClose,
  onCreated,
}: {
  groups: readonly GroupChoice[];
  onClose: () => void;
  onCreated: (token: CreatedEnrollmentToken) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [groupId, setGroupId] = useState(unassignedDevicesGroupId);
  const [maxUses, setMaxUses] = useState('1');
  const [expiresAt, setExpiresAt] = useState('');
  const [requireApproval, setRequireApproval] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFailure(undefined);
    const request: NewEnrollmentToken = { name: name.trim(), groupId, requireApproval, maxUses: Number(maxUses) };
    const expiry = instantOfLocal(expiresAt);
    if (expiry) {
      request.expiresAt = expiry;
    }
    try {
      onCreated(await createEnrollmentToken(request));
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        const byField: Partial<Record<Field, string>> = {};
        for (const fieldError of error.errors) {
          const field = fields.find((candidate) => candidate === fieldError.field);
          if (field) {
            byField[field] = fieldError.message;
          }
        }
        setErrors(byField);
      }
      setFailure(describeError(error, t));
      setBusy(false);
    }
  };

  const helper = (field: Field, help?: string) =>
    (errors[field] || help) && (
      <FormHelperText>
        <HelperText>{errors[field] ? <HelperTextItem variant="error">{errors[field]}</HelperTextItem> : <HelperTextItem>{help}</HelperTextItem>}</HelperText>
      </FormHelperText>
    );

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="create-token-title">
      <ModalHeader title={t('agents.tokens.createTitle')} labelId="create-token-title" />
      <ModalBody>
        <Form id="create-token-form" onSubmit={(event) => void submit(event)}>
          {failure && (
            <Alert variant="danger" isInline title={t('common.failed')}>
              {failure}
            </Alert>
          )}
          <FormGroup label={t('agents.tokens.name')} fieldId="token-name" isRequired>
            <TextInput id="token-name" value={name} isRequired maxLength={100} validated={errors.name ? 'error' : 'default'} onChange={(_event, value) => setName(value)} />
            {helper('name', t('agents.tokens.nameHelp'))}
          </FormGroup>
          <FormGroup label={t('agents.tokens.group')} fieldId="token-group">
            <FormSelect id="token-group" value={groupId} validated={errors.groupId ? 'error' : 'default'} onChange={(_event, value) => setGroupId(value)}>
              {groups.map((group) => (
                <FormSelectOption key={group.id} value={group.id} label={group.path} />
              ))}
            </FormSelect>
            {helper('groupId', t('agents.tokens.groupHelp'))}
          </FormGroup>
          <FormGroup label={t('agents.tokens.maxUses')} fieldId="token-max-uses">
            <TextInput id="token-max-uses" type="number" min={1} max={100000} value={maxUses} validated={errors.maxUses ? 'error' : 'default'} onChange={(_event, value) => setMaxUses(value)} />
            {helper('maxUses', t('agents.tokens.maxUsesHelp'))}
          </FormGroup>
          <FormGroup label={t('agents.tokens.expiresAt')} fieldId="token-expires">
            <TextInput id="token-expires" type="datetime-local" value={expiresAt} validated={errors.expiresAt ? 'error' : 'default'} onChange={(_event, value) => setExpiresAt(value)} />
            {helper('expiresAt', t('agents.tokens.expiresHelp'))}
          </FormGroup>
          <FormGroup fieldId="token-approval">
            <Checkbox
              id="token-approval"
              label={t('agents.tokens.requireApproval')}
              description={t('agents.tokens.requireApprovalHelp')}
              isChecked={requireApproval}
              onChange={(_event, checked) => setRequireApproval(checked)}
            />
          </FormGroup>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="create-token-form" variant="primary" isLoading={busy} isDisabled={busy || !name.trim()}>
          {t('agents.tokens.createButton')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
