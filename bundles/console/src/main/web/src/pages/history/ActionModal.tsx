import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './labels';

/**
 * Asks before a restore or a purge and runs it. A refusal stays inside the dialogue with everything the server said
 * (a 409's reason, a 422's fields), so the admin can read it and cancel; success closes it with the answer.
 */
export function ActionModal<T>({
  title,
  body,
  confirmLabel,
  refusedTitle,
  danger,
  run,
  onDone,
  onClose,
}: {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  refusedTitle: string;
  danger?: boolean;
  run: () => Promise<T>;
  onDone: (result: T) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      onDone(await run());
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="history-action-title" aria-describedby="history-action-body">
      <ModalHeader title={title} labelId="history-action-title" titleIconVariant={danger ? 'danger' : 'warning'} />
      <ModalBody id="history-action-body">
        {failure !== undefined && (
          <div className="garrison-space-below">
            <ProblemAlert title={refusedTitle} error={failure} />
          </div>
        )}
        {body}
      </ModalBody>
      <ModalFooter>
        <Button variant={danger ? 'danger' : 'primary'} onClick={() => void confirm()} isLoading={busy} isDisabled={busy}>
          {confirmLabel}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
