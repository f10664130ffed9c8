import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './ApiErrorAlert';

/** Asks before a destructive action; runs it, and shows the server's refusal inside the dialogue if it fails. */
export function ConfirmModal({
  title,
  body,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await onConfirm();
    } catch (error) {
      setFailure(describeError(error, t));
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="confirm-title" aria-describedby="confirm-body">
      <ModalHeader title={title} labelId="confirm-title" titleIconVariant="warning" />
      <ModalBody id="confirm-body">
        {failure && (
          <Alert variant="danger" isInline title={t('common.failed')} className="garrison-space-below">
            {failure}
          </Alert>
        )}
        {body}
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={() => void confirm()} isLoading={busy} isDisabled={busy}>
          {confirmLabel}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
