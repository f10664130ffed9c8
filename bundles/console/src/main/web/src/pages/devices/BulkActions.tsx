import {
  Alert,
  AlertActionCloseButton,
  Button,
  ExpandableSection,
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
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { moveDevices, removeDevices, runBulk, tagDevices, type BulkOutcome, type Device } from '../../api/devices';
import { unassignedDevicesGroupId, type GroupChoice } from '../../api/groups';
import { describeError } from '../../components/ApiErrorAlert';
import { ConfirmModal } from '../../components/ConfirmModal';

export type BulkKind = 'move' | 'addTag' | 'removeTag' | 'remove';

/** What a finished bulk action reports to the page. */
export interface BulkReport {
  kind: BulkKind;
  outcome: BulkOutcome;
  /** The devices acted on, to name those that failed. */
  devices: readonly Device[];
}

const ids = (devices: readonly Device[]) => devices.map((device) => device.id);

/** The bulk actions on the selected devices: buttons, and the dialogue each opens. */
export function BulkActions({
  selected,
  targetGroups,
  onDone,
}: {
  selected: readonly Device[];
  /** Groups the caller may move devices into. */
  targetGroups: readonly GroupChoice[];
  onDone: (report: BulkReport) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<BulkKind | undefined>();
  const none = selected.length === 0;
  const close = () => setOpen(undefined);
  const done = (kind: BulkKind, outcome: BulkOutcome, devices: readonly Device[]) => {
    setOpen(undefined);
    onDone({ kind, outcome, devices });
  };
  const unassigned = selected.filter((device) => device.groupId === unassignedDevicesGroupId).length;

  return (
    <>
      <ToolbarGroup aria-label={t('devices.bulk.actions')}>
        <ToolbarItem>
          <Button variant="secondary" isDisabled={none} onClick={() => setOpen('move')}>
            {t('devices.bulk.move')}
          </Button>
        </ToolbarItem>
        <ToolbarItem>
          <Button variant="secondary" isDisabled={none} onClick={() => setOpen('addTag')}>
            {t('devices.bulk.addTag')}
          </Button>
        </ToolbarItem>
        <ToolbarItem>
          <Button variant="secondary" isDisabled={none} onClick={() => setOpen('removeTag')}>
            {t('devices.bulk.removeTag')}
          </Button>
        </ToolbarItem>
        <ToolbarItem>
          <Button variant="danger" isDisabled={none} onClick={() => setOpen('remove')}>
            {t('devices.bulk.remove')}
          </Button>
        </ToolbarItem>
      </ToolbarGroup>
      {open === 'move' && <MoveModal devices={selected} groups={targetGroups} onClose={close} onDone={(outcome) => done('move', outcome, selected)} />}
      {(open === 'addTag' || open === 'removeTag') && (
        <TagModal kind={open} devices={selected} onClose={close} onDone={(outcome) => done(open, outcome, selected)} />
      )}
      {open === 'remove' && (
        <ConfirmModal
          title={t('devices.bulk.removeTitle', { count: selected.length })}
          body={
            <>
              <p>{t('devices.bulk.removeBody')}</p>
              {unassigned > 0 && (
                <Alert variant="warning" isInline isPlain title={t('devices.bulk.removeDeletes', { count: unassigned })} className="garrison-space-before" />
              )}
            </>
          }
          confirmLabel={t('devices.bulk.remove')}
          onConfirm={async () => done('remove', await runBulk(ids(selected), removeDevices), selected)}
          onClose={close}
        />
      )}
    </>
  );
}

function MoveModal({
  devices,
  groups,
  onClose,
  onDone,
}: {
  devices: readonly Device[];
  groups: readonly GroupChoice[];
  onClose: () => void;
  onDone: (outcome: BulkOutcome) => void;
}) {
  const { t } = useTranslation();
  const [groupId, setGroupId] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!groupId) {
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      onDone(await runBulk(ids(devices), (chunk) => moveDevices(chunk, groupId)));
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="devices-move-title">
      <ModalHeader title={t('devices.bulk.moveTitle', { count: devices.length })} labelId="devices-move-title" />
      <ModalBody>
        {failure !== undefined && (
          <Alert variant="danger" isInline title={t('common.failed')} className="garrison-space-below">
            {describeError(failure, t)}
          </Alert>
        )}
        <Form id="devices-move-form" onSubmit={(event) => void submit(event)}>
          <FormGroup label={t('devices.bulk.targetGroup')} fieldId="devices-move-group" isRequired>
            <FormSelect id="devices-move-group" value={groupId} onChange={(_event, value) => setGroupId(value)}>
              <FormSelectOption value="" label={t('devices.bulk.chooseGroup')} isPlaceholder />
              {groups.map((group) => (
                <FormSelectOption key={group.id} value={group.id} label={group.path} />
              ))}
            </FormSelect>
          </FormGroup>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="devices-move-form" variant="primary" isDisabled={!groupId || busy} isLoading={busy}>
          {t('devices.bulk.move')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}

function TagModal({
  kind,
  devices,
  onClose,
  onDone,
}: {
  kind: 'addTag' | 'removeTag';
  devices: readonly Device[];
  onClose: () => void;
  onDone: (outcome: BulkOutcome) => void;
}) {
  const { t } = useTranslation();
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const field = kind === 'addTag' ? 'add' : 'remove';
  const fieldError = failure instanceof ApiError ? failure.errors.find((error) => error.field.startsWith(field))?.message : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      onDone(await runBulk(ids(devices), (chunk) => tagDevices(chunk, { [field]: [tag.trim()] })));
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="devices-tag-title">
      <ModalHeader title={t(kind === 'addTag' ? 'devices.bulk.addTagTitle' : 'devices.bulk.removeTagTitle', { count: devices.length })} labelId="devices-tag-title" />
      <ModalBody>
        {failure !== undefined && !fieldError && (
          <Alert variant="danger" isInline title={t('common.failed')} className="garrison-space-below">
            {describeError(failure, t)}
          </Alert>
        )}
        <Form id="devices-tag-form" onSubmit={(event) => void submit(event)}>
          <FormGroup label={t('devices.bulk.tag')} fieldId="devices-tag-name" isRequired>
            <TextInput
              id="devices-tag-name"
              value={tag}
              onChange={(_event, value) => setTag(value)}
              validated={fieldError ? 'error' : 'default'}
              isRequired
            />
            {fieldError && (
              <FormHelperText>
                <HelperText>
                  <HelperTextItem variant="error">{fieldError}</HelperTextItem>
                </HelperText>
              </FormHelperText>
            )}
          </FormGroup>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="devices-tag-form" variant="primary" isDisabled={!tag.trim() || busy} isLoading={busy}>
          {t(kind === 'addTag' ? 'devices.bulk.addTag' : 'devices.bulk.removeTag')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}

/** How a bulk action went: how many devices it changed, and every device it could not act on, with the reason. */
export function BulkResultAlert({ report, onClose }: { report: BulkReport; onClose: () => void }) {
  const { t } = useTranslation();
  const { outcome } = report;
  const nameOf = (id: string) => report.devices.find((device) => device.id === id)?.displayName ?? id;
  const failed = outcome.failures.length;
  return (
    <Alert
      variant={failed === 0 ? 'success' : failed === outcome.requested ? 'danger' : 'warning'}
      isInline
      isLiveRegion
      title={t(`devices.bulk.result.${report.kind}`, { affected: outcome.affected, requested: outcome.requested })}
      actionClose={<AlertActionCloseButton onClose={onClose} />}
    >
      {failed > 0 && (
        <ExpandableSection toggleText={t('devices.bulk.result.failures', { count: failed })} isIndented>
          <ul>
            {outcome.failures.map((failure) => (
              <li key={failure.deviceId}>
                {t('devices.bulk.result.failure', { name: nameOf(failure.deviceId), reason: describeError(failure.error, t) })}
              </li>
            ))}
          </ul>
        </ExpandableSection>
      )}
    </Alert>
  );
}
