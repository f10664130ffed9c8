import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Modal,
  ModalBody,
  ModalHeader,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAgent, type Actor } from '../../api/agents';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../i18n/format';
import { AgentStateLabel } from './AgentsPanel';

const nameOf = (decidedBy: string | Actor | null | undefined) =>
  typeof decidedBy === 'string' ? decidedBy : (decidedBy?.name ?? decidedBy?.kind ?? undefined);

/** One agent: its machine, where it stands, and every certificate it was issued. */
export function AgentDetailModal({ agentId, groupPath, onClose }: { agentId: string; groupPath: (id: string) => string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const agent = useLoad(useCallback((signal: AbortSignal) => fetchAgent(agentId, signal), [agentId]));
  const data = agent.data;
  const time = (instant: string | null | undefined) => (instant ? <time dateTime={instant}>{formatDateTime(instant, i18n.language)}</time> : '—');

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="agent-detail-title">
      <ModalHeader title={data ? data.hostname : t('agents.agents.details')} labelId="agent-detail-title" />
      <ModalBody>
        {agent.error !== undefined && <ApiErrorAlert variant="danger" title={t('agents.agents.detailFailed')} error={agent.error} />}
        {agent.error === undefined && !data && <PageLoading label={t('agents.loading')} />}
        {data && (
          <>
            <DescriptionList isHorizontal isCompact>
              <Item term={t('agents.agents.state')}>
                <AgentStateLabel state={data.state} />
              </Item>
              <Item term={t('agents.agents.hardwareId')}>
                <code>{data.hardwareId}</code>
              </Item>
              <Item term={t('agents.agents.os')}>{[data.host?.osName ?? data.host?.osType, data.host?.architecture].filter(Boolean).join(', ') || '—'}</Item>
              <Item term={t('agents.agents.dnsDomain')}>{data.host?.dnsDomain ?? '—'}</Item>
              <Item term={t('agents.agents.version')}>{data.agentVersion ?? data.host?.agentVersion ?? '—'}</Item>
              <Item term={t('agents.agents.group')}>{data.groupId ? groupPath(data.groupId) : '—'}</Item>
              <Item term={t('agents.agents.enrolledAt')}>{time(data.enrolledAt)}</Item>
              <Item term={t('agents.agents.decided')}>
                {data.decidedAt ? (
                  <>
                    {time(data.decidedAt)}
                    {nameOf(data.decidedBy) ? `, ${nameOf(data.decidedBy)}` : ''}
                  </>
                ) : (
                  '—'
                )}
              </Item>
              <Item term={t('agents.agents.lastSyncAt')}>{data.lastSyncAt ? time(data.lastSyncAt) : t('agents.agents.never')}</Item>
              <Item term={t('agents.agents.lastAddress')}>{data.lastAddress ?? '—'}</Item>
            </DescriptionList>
            <Title headingLevel="h3" className="garrison-space-below">
              {t('agents.agents.certificates')}
            </Title>
            {(data.certificates ?? []).length === 0 ? (
              <p>{t('agents.agents.noCertificates')}</p>
            ) : (
              <Table aria-label={t('agents.agents.certificates')} variant="compact">
                <Thead>
                  <Tr>
                    <Th>{t('agents.agents.serial')}</Th>
                    <Th>{t('agents.agents.issuedAt')}</Th>
                    <Th>{t('agents.agents.expiresAt')}</Th>
                    <Th>{t('agents.agents.revokedAt')}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {(data.certificates ?? []).map((certificate) => (
                    <Tr key={certificate.serial}>
                      <Td dataLabel={t('agents.agents.serial')}>
                        <code>{certificate.serial}</code>
                      </Td>
                      <Td dataLabel={t('agents.agents.issuedAt')}>{time(certificate.issuedAt)}</Td>
                      <Td dataLabel={t('agents.agents.expiresAt')}>{time(certificate.expiresAt)}</Td>
                      <Td dataLabel={t('agents.agents.revokedAt')}>
                        {certificate.revokedAt ? (
                          <>
                            {time(certificate.revokedAt)}
                            {certificate.revokeReason ? ` (${certificate.revokeReason})` : ''}
                          </>
                        ) : (
                          '—'
                        )}
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
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
