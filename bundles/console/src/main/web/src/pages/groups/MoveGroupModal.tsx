import { Alert, Button, Form, FormGroup, FormSelect, FormSelectOption, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { moveGroup, type GroupTreeNode } from '../../api/groups';
import { describeError } from '../../components/ApiErrorAlert';
import { moveTargets } from './groupTree';

/**
 * Moves a group with its whole subtree under a new parent, chosen from the groups the server would accept (not the
 * group itself, its subgroups, its current parent or "Unassigned devices"). Dropping a group in the tree opens this
 * with the drop target chosen, so a drag never moves anything without a confirmation.
 */
export function MoveGroupModal({
  group,
  tree,
  targetId,
  onClose,
  onMoved,
}: {
  group: GroupTreeNode;
  tree: readonly GroupTreeNode[];
  targetId?: string;
  onClose: () => void;
  onMoved: (path: string, parentId: string) => void;
}) {
  const { t } = useTranslation();
  const targets = moveTargets(tree, group.id);
  const [parentId, setParentId] = useState(targetId ?? targets[0]?.id ?? '');
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      await moveGroup(group.id, parentId);
      onMoved(targets.find((target) => target.id === parentId)?.path ?? parentId, parentId);
    } catch (error) {
      setFailure(describeError(error, t));
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="group-move-title">
      <ModalHeader title={t('groups.moveTitle', { name: group.name })} labelId="group-move-title" />
      <ModalBody>
        <Form id="group-move-form" onSubmit={(event) => void submit(event)}>
          {failure && (
            <Alert variant="danger" isInline title={t('common.failed')}>
              {failure}
            </Alert>
          )}
          {targets.length === 0 ? (
            <Alert variant="info" isInline title={t('groups.noMoveTargets')} />
          ) : (
            <FormGroup label={t('groups.newParent')} fieldId="group-new-parent" isRequired>
              <FormSelect id="group-new-parent" value={parentId} onChange={(_event, value) => setParentId(value)}>
                {targets.map((target) => (
                  <FormSelectOption key={target.id} value={target.id} label={target.path} />
                ))}
              </FormSelect>
            </FormGroup>
          )}
          <p>{t('groups.moveExplanation', { count: group.subtreeDeviceCount })}</p>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="group-move-form" variant="primary" isLoading={busy} isDisabled={busy || !parentId}>
          {t('groups.move')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
