import { Alert, Button, Form, FormGroup, Modal, ModalBody, ModalFooter, ModalHeader, Radio } from '@patternfly/react-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteGroup, groupDeleteModes, type GroupDeleteMode, type GroupTreeNode } from '../../api/groups';
import { describeError } from '../../components/ApiErrorAlert';
import { subgroupCount } from './groupTree';

const modeKeys = {
  'empty-only': { label: 'groups.deleteMode.emptyOnly', help: 'groups.deleteMode.emptyOnlyHelp' },
  'with-subgroups': { label: 'groups.deleteMode.withSubgroups', help: 'groups.deleteMode.withSubgroupsHelp' },
  'with-members': { label: 'groups.deleteMode.withMembers', help: 'groups.deleteMode.withMembersHelp' },
} as const;

/**
 * Deletes a group in one of the three ways the API offers, each explained; the mode that fits what the group holds
 * is chosen first. The server counts members of every area (devices, policies, tasks) and refuses with 409 when the
 * chosen mode does not allow them, which shows here.
 */
export function DeleteGroupModal({ group, onClose, onDeleted }: { group: GroupTreeNode; onClose: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const subgroups = subgroupCount(group);
  const [mode, setMode] = useState<GroupDeleteMode>(subgroups > 0 ? 'with-subgroups' : 'empty-only');
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      await deleteGroup(group.id, mode);
      onDeleted();
    } catch (error) {
      setFailure(describeError(error, t));
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="group-delete-title">
      <ModalHeader title={t('groups.deleteTitle', { name: group.name })} labelId="group-delete-title" titleIconVariant="warning" />
      <ModalBody>
        <Form id="group-delete-form" onSubmit={(event) => void submit(event)}>
          {failure && (
            <Alert variant="danger" isInline title={t('common.failed')}>
              {failure}
            </Alert>
          )}
          <p>{t('groups.deleteHolds', { subgroups, devices: group.subtreeDeviceCount })}</p>
          <FormGroup role="radiogroup" label={t('groups.deleteHow')} fieldId="group-delete-mode">
            {groupDeleteModes.map((option) => (
              <Radio
                key={option}
                id={`group-delete-${option}`}
                name="group-delete-mode"
                label={t(modeKeys[option].label)}
                description={t(modeKeys[option].help)}
                isChecked={mode === option}
                onChange={() => setMode(option)}
              />
            ))}
          </FormGroup>
          <p>{t('groups.deleteRestore')}</p>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="group-delete-form" variant="danger" isLoading={busy} isDisabled={busy}>
          {t('common.delete')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
