import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceRevisions, type Revision } from '../../../api/devices';
import type { DeviceTabProps } from '../deviceTabs';
import { useCursorPages } from '../useCursorPages';
import { MoreButton, TabState, When } from './TabState';

/** The members a revision changed, e.g. "/description, /tags"; timestamps are left out as every change has them. */
function changedOf(revision: Revision): string {
  const paths = (revision.changes ?? []).map((change) => change.path).filter((path) => path !== '/modifiedAt');
  return paths.length > 0 ? paths.join(', ') : '—';
}

/** The revisions of the device's admin fields, newest first. */
export default function HistoryTab({ device }: DeviceTabProps) {
  const { t } = useTranslation();
  const revisions = useCursorPages(useCallback((cursor: string | null, signal: AbortSignal) => deviceRevisions(device.id, cursor, signal), [device.id]));
  const loaded = revisions.items.length > 0 || (!revisions.loading && revisions.error === undefined);
  return (
    <>
      <TabState data={loaded ? revisions.items : undefined} error={revisions.items.length === 0 ? revisions.error : undefined} isEmpty={(items) => items.length === 0} emptyKey="devices.history.empty">
        {(items) => (
          <Table aria-label={t('devices.tab.history')} variant="compact">
            <Thead>
              <Tr>
                <Th>{t('devices.history.number')}</Th>
                <Th>{t('devices.history.at')}</Th>
                <Th>{t('devices.history.actor')}</Th>
                <Th>{t('devices.history.action')}</Th>
                <Th>{t('devices.history.changed')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {items.map((revision) => (
                <Tr key={revision.id}>
                  <Td dataLabel={t('devices.history.number')}>{revision.number}</Td>
                  <Td dataLabel={t('devices.history.at')}>
                    <When instant={revision.at} />
                  </Td>
                  <Td dataLabel={t('devices.history.actor')}>{revision.actor?.name ?? revision.actor?.kind ?? '—'}</Td>
                  <Td dataLabel={t('devices.history.action')}>{revision.action}</Td>
                  <Td dataLabel={t('devices.history.changed')}>{changedOf(revision)}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </TabState>
      {revisions.items.length > 0 && <MoreButton hasMore={revisions.hasMore} loading={revisions.loading} error={revisions.error} onMore={revisions.loadMore} />}
    </>
  );
}
