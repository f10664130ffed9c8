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
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from '@patternfly/react-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { createGroup, renameGroup, type AdministrationGroup, type GroupTreeNode } from '../../api/groups';
import { describeError } from '../../components/ApiErrorAlert';
import { choicesOfTree, mayHoldSubgroups } from './groupTree';

type Props =
  | { mode: 'create'; parentId: string; group?: undefined }
  | { mode: 'rename'; group: GroupTreeNode; parentId?: undefined };

/** Creates a group under a chosen parent, or renames one; the server's refusal (name taken, bad name) shows at the field. */
export function GroupNameModal({
  tree,
  onClose,
  onSaved,
  ...props
}: Props & { tree: readonly GroupTreeNode[]; onClose: () => void; onSaved: (group: AdministrationGroup) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.mode === 'rename' ? props.group.name : '');
  const parents = choicesOfTree(tree).filter((choice) => mayHoldSubgroups(choice.id));
  // A caller scoped to a subtree does not see "Managed devices": the first group it sees is the default parent then.
  const [parentId, setParentId] = useState(parents.some((choice) => choice.id === props.parentId) ? props.parentId! : (parents[0]?.id ?? ''));
  const [nameError, setNameError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNameError(undefined);
    setFailure(undefined);
    try {
      const saved = props.mode === 'create' ? await createGroup(parentId, name) : await renameGroup(props.group.id, name);
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || error.errors.some((fieldError) => fieldError.field === 'name'))) {
        setNameError(error.errors.find((fieldError) => fieldError.field === 'name')?.message ?? describeError(error, t));
      } else {
        setFailure(describeError(error, t));
      }
      setBusy(false);
    }
  };

  const title = props.mode === 'create' ? t('groups.createTitle') : t('groups.renameTitle', { name: props.group.name });
  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="group-name-title">
      <ModalHeader title={title} labelId="group-name-title" />
      <ModalBody>
        <Form id="group-name-form" onSubmit={(event) => void submit(event)}>
          {failure && (
            <Alert variant="danger" isInline title={t('common.failed')}>
              {failure}
            </Alert>
          )}
          {props.mode === 'create' && (
            <FormGroup label={t('groups.parent')} fieldId="group-parent" isRequired>
              <FormSelect id="group-parent" value={parentId} onChange={(_event, value) => setParentId(value)}>
                {parents.map((choice) => (
                  <FormSelectOption key={choice.id} value={choice.id} label={choice.path} />
                ))}
              </FormSelect>
            </FormGroup>
          )}
          <FormGroup label={t('groups.name')} fieldId="group-name" isRequired>
            <TextInput
              id="group-name"
              value={name}
              onChange={(_event, value) => setName(value)}
              isRequired
              maxLength={255}
              autoFocus
              validated={nameError ? 'error' : 'default'}
            />
            {nameError && (
              <FormHelperText>
                <HelperText>
                  <HelperTextItem variant="error">{nameError}</HelperTextItem>
                </HelperText>
              </FormHelperText>
            )}
          </FormGroup>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="group-name-form" variant="primary" isLoading={busy} isDisabled={busy || name.trim() === ''}>
          {props.mode === 'create' ? t('groups.createButton') : t('groups.rename')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
