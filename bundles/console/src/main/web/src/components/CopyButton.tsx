import { Button } from '@patternfly/react-core';
import CopyIcon from '@patternfly/react-icons/dist/esm/icons/copy-icon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies `text` to the clipboard and says so; says so too when the browser refuses (e.g. without HTTPS). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'copied' | 'failed' | undefined>();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  };

  return (
    <Button variant="secondary" icon={<CopyIcon />} onClick={() => void copy()} aria-live="polite">
      {outcome === 'copied' ? t('copy.done') : outcome === 'failed' ? t('copy.failed') : label}
    </Button>
  );
}
