import { Alert } from '@patternfly/react-core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, ServerUnreachableError } from '../api/client';

/** What went wrong, in words for the admin: the server's own problem title and detail, or why there was none. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    return error.detail ? `${error.title}: ${error.detail}` : error.title;
  }
  if (error instanceof ServerUnreachableError) {
    return t('error.unreachable');
  }
  return t('error.unexpected', { message: error instanceof Error ? error.message : String(error) });
}

/** An inline alert for a failed API call, shown where the data would be and announced by screen readers. */
export function ApiErrorAlert({ title, error, variant }: { title: string; error: unknown; variant: 'danger' | 'warning' }) {
  const { t } = useTranslation();
  return (
    <Alert variant={variant} isInline isLiveRegion title={title}>
      {describeError(error, t)}
    </Alert>
  );
}
