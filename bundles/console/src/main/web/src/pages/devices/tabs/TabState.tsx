import { Button, EmptyState, EmptyStateBody } from '@patternfly/react-core';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { formatDateTime } from '../../../i18n/format';

/** A tab's registry while loading, when it failed, when it is empty, or the content. */
export function TabState<T>({
  data,
  error,
  isEmpty,
  emptyKey,
  children,
}: {
  data: T | undefined;
  error: unknown;
  isEmpty: (data: T) => boolean;
  emptyKey: ParseKeys;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (error !== undefined && data === undefined) {
    return <ApiErrorAlert variant="danger" title={t('devices.detail.tabFailed')} error={error} />;
  }
  if (data === undefined) {
    return <PageLoading label={t('devices.loading')} />;
  }
  if (isEmpty(data)) {
    return <Empty textKey={emptyKey} />;
  }
  return <>{children(data)}</>;
}

export function Empty({ textKey }: { textKey: ParseKeys }) {
  const { t } = useTranslation();
  return (
    <EmptyState variant="sm">
      <EmptyStateBody>{t(textKey)}</EmptyStateBody>
    </EmptyState>
  );
}

/** A paged listing's foot: the error of the last page, and the button for the next. */
export function MoreButton({ hasMore, loading, error, onMore }: { hasMore: boolean; loading: boolean; error: unknown; onMore: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {error !== undefined && <ApiErrorAlert variant="danger" title={t('devices.detail.tabFailed')} error={error} />}
      {(hasMore || error !== undefined) && (
        <Button variant="secondary" onClick={onMore} isLoading={loading} isDisabled={loading} className="garrison-space-before">
          {error !== undefined ? t('devices.retry') : t('devices.detail.loadMore')}
        </Button>
      )}
    </>
  );
}

/** An instant in the console's language, or a dash. */
export function When({ instant }: { instant: string | null | undefined }) {
  const { i18n } = useTranslation();
  return instant ? <time dateTime={instant}>{formatDateTime(instant, i18n.language)}</time> : <>—</>;
}
