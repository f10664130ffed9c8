import {
  Alert,
  Button,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from '@patternfly/react-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../../api/client';
import type { GroupTreeNode } from '../../api/groups';
import { createPolicy, policyStates, type Policy, type PolicyApplication, type PolicyState } from '../../api/policies';
import { describeError } from '../../components/ApiErrorAlert';
import { choicesOfTree } from '../groups/groupTree';
import { fieldMessage } from './policyEditing';

/**
 * Creates a policy: the application (an active plugin with a settings schema), the group, a name and the state. The
 * settings start empty (everything inherited or at the schema's defaults) and are edited in the policy editor.
 */
export function CreatePolicyModal({
  applications,
  tree,
  groupId,
  onClose,
  onCreated,
}: {
  applications: readonly PolicyApplication[];
  tree: readonly GroupTreeNode[];
  /** The group to create it for, fixed (from a group's page); otherwise chosen here. */
  groupId?: string;
  onClose: () => void;
  onCreated: (policy: Policy) => void;
}) {
  const { t } = useTranslation();
  const groups = choicesOfTree(tree);
  const [application, setApplication] = useState(applications[0]?.id ?? '');
  const [group, setGroup] = useState(groupId ?? groups[0]?.id ?? '');
  const [name, setName] = useState('');
  const [state, setState] = useState<PolicyState>('INACTIVE');
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    setFailure(undefined);
    try {
      onCreated(
        await createPolicy({
          application,
          groupId: group,
          name: name.trim(),
          state,
          inheritFromParent: true,
          forceInheritance: false,
          settings: {},
          lockedSettings: [],
          profiles: [],
        }),
      );
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        setErrors(error.errors);
      } else {
        setFailure(describeError(error, t));
      }
      setBusy(false);
    }
  };

  const fieldHelp = (field: string) => {
    const message = fieldMessage(errors, field);
    return message ? (
      <FormHelperText>
        <HelperText>
          <HelperTextItem variant="error">{message}</HelperTextItem>
        </HelperText>
      </FormHelperText>
    ) : null;
  };
  const others = errors.filter((error) => !['application', 'groupId', 'name', 'state'].includes(error.field));
  const fixedGroup = groupId ? groups.find((choice) => choice.id === groupId) : undefined;

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="create-policy-title">
      <ModalHeader title={t('policies.create.title')} labelId="create-policy-title" description={t('policies.create.description')} />
      <ModalBody>
        <Form id="create-policy-form" onSubmit={(event) => void submit(event)}>
          {failure && (
            <Alert variant="danger" isInline title={t('common.failed')}>
              {failure}
            </Alert>
          )}
          {others.length > 0 && (
            <Alert variant="danger" isInline title={t('policies.create.refused')}>
              <List>
                {others.map((error, index) => (
                  <ListItem key={index}>{error.field ? `${error.field}: ${error.message}` : error.message}</ListItem>
                ))}
              </List>
            </Alert>
          )}
          <FormGroup label={t('policies.field.application')} fieldId="create-policy-application" isRequired>
            <FormSelect id="create-policy-application" value={application} onChange={(_event, value) => setApplication(value)} validated={fieldMessage(errors, 'application') ? 'error' : 'default'}>
              {applications.map((choice) => (
                <FormSelectOption key={choice.id} value={choice.id} label={`${choice.name} (${choice.id})`} />
              ))}
            </FormSelect>
            {fieldHelp('application')}
          </FormGroup>
          <FormGroup label={t('policies.field.group')} fieldId="create-policy-group" isRequired>
            {groupId ? (
              <TextInput id="create-policy-group" value={fixedGroup?.path ?? groupId} readOnlyVariant="default" />
            ) : (
              <FormSelect id="create-policy-group" value={group} onChange={(_event, value) => setGroup(value)} validated={fieldMessage(errors, 'groupId') ? 'error' : 'default'}>
                {groups.map((choice) => (
                  <FormSelectOption key={choice.id} value={choice.id} label={choice.path} />
                ))}
              </FormSelect>
            )}
            {fieldHelp('groupId')}
          </FormGroup>
          <FormGroup label={t('policies.field.name')} fieldId="create-policy-name" isRequired>
            <TextInput
              id="create-policy-name"
              value={name}
              onChange={(_event, value) => setName(value)}
              isRequired
              maxLength={255}
              autoFocus
              validated={fieldMessage(errors, 'name') ? 'error' : 'default'}
            />
            {fieldHelp('name')}
          </FormGroup>
          <FormGroup label={t('policies.field.state')} fieldId="create-policy-state">
            <FormSelect id="create-policy-state" value={state} onChange={(_event, value) => setState(value as PolicyState)}>
              {policyStates.map((choice) => (
                <FormSelectOption key={choice} value={choice} label={t(`policies.state.${choice}`)} />
              ))}
            </FormSelect>
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{t(`policies.stateHelp.${state}`)}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="create-policy-form" variant="primary" isLoading={busy} isDisabled={busy || name.trim() === '' || !application || !group}>
          {t('policies.create.button')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
