import {
  CodeBlock,
  CodeBlockCode,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Modal,
  ModalBody,
  ModalHeader,
  Title,
} from '@patternfly/react-core';
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchEvent } from '../../api/events';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../i18n/format';
import { SeverityLabel } from './SeverityLabel';

/** One event with every field and its payload, loaded by id so that the URL can point at it. */
export function EventDetailModal({ eventId, groupPath, onClose }: { eventId: string; groupPath: (id: string) => string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const event = useLoad(useCallback((signal: AbortSignal) => fetchEvent(eventId, signal), [eventId]));
  const data = event.data;

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="event-detail-title">
      <ModalHeader title={data ? t('events.detailTitle', { type: data.type }) : t('events.details')} labelId="event-detail-title" />
      <ModalBody>
        {event.error !== undefined && <ApiErrorAlert variant="danger" title={t('events.detailFailed')} error={event.error} />}
        {event.error === undefined && !data && <PageLoading label={t('events.loading')} />}
        {data && (
          <>
            <DescriptionList isHorizontal isCompact>
              <Item term={t('events.occurredAt')}>
                <time dateTime={data.occurredAt}>{formatDateTime(data.occurredAt, i18n.language)}</time>
              </Item>
              <Item term={t('events.receivedAt')}>
                <time dateTime={data.receivedAt}>{formatDateTime(data.receivedAt, i18n.language)}</time>
              </Item>
              <Item term={t('events.severity')}>
                <SeverityLabel severity={data.severity} />
              </Item>
              <Item term={t('events.source')}>{data.source}</Item>
              <Item term={t('events.type')}>{data.type}</Item>
              <Item term={t('events.description')}>{data.description ?? '—'}</Item>
              <Item term={t('events.device')}>
                {data.deviceId ? <Link to={`/devices/${data.deviceId}`}>{data.deviceId}</Link> : t('events.server')}
              </Item>
              <Item term={t('events.group')}>{data.groupId ? <Link to={`/groups/${data.groupId}`}>{groupPath(data.groupId)}</Link> : '—'}</Item>
              <Item term={t('events.id')}>
                <code>{data.id}</code>
              </Item>
            </DescriptionList>
            <Title headingLevel="h3" className="garrison-payload-title">
              {t('events.payload')}
            </Title>
            {data.payload && Object.keys(data.payload).length > 0 ? (
              <CodeBlock>
                <CodeBlockCode className="garrison-payload" data-testid="event-payload">
                  {JSON.stringify(data.payload, null, 2)}
                </CodeBlockCode>
              </CodeBlock>
            ) : (
              <p>{t('events.noPayload')}</p>
            )}
          </>
        )}
      </ModalBody>
    </Modal>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}
