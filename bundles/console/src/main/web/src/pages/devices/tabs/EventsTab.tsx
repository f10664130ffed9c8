import { Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceEvents } from '../../../api/devices';
import type { DeviceTabProps } from '../deviceTabs';
import { useCursorPages } from '../useCursorPages';
import { MoreButton, TabState, When } from './TabState';

const severityColour: Record<string, 'red' | 'orange' | 'yellow' | 'blue'> = {
  critical: 'red',
  'functional-failure': 'orange',
  warning: 'yellow',
  info: 'blue',
};

/** The device's events, newest first, a page at a time. */
export default function EventsTab({ device }: DeviceTabProps) {
  const { t } = useTranslation();
  const events = useCursorPages(useCallback((cursor: string | null, signal: AbortSignal) => deviceEvents(device.id, cursor, 50, signal), [device.id]));
  const loaded = events.items.length > 0 || (!events.loading && events.error === undefined);
  return (
    <>
      <TabState data={loaded ? events.items : undefined} error={events.items.length === 0 ? events.error : undefined} isEmpty={(items) => items.length === 0} emptyKey="devices.events.empty">
        {(items) => (
          <Table aria-label={t('devices.tab.events')} variant="compact">
            <Thead>
              <Tr>
                <Th>{t('devices.events.occurredAt')}</Th>
                <Th>{t('devices.events.severity')}</Th>
                <Th>{t('devices.events.source')}</Th>
                <Th>{t('devices.events.type')}</Th>
                <Th>{t('devices.events.description')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {items.map((event) => (
                <Tr key={event.id}>
                  <Td dataLabel={t('devices.events.occurredAt')}>
                    <When instant={event.occurredAt} />
                  </Td>
                  <Td dataLabel={t('devices.events.severity')}>
                    <Label isCompact color={severityColour[event.severity] ?? 'grey'}>
                      {event.severity}
                    </Label>
                  </Td>
                  <Td dataLabel={t('devices.events.source')}>{event.source}</Td>
                  <Td dataLabel={t('devices.events.type')}>{event.type}</Td>
                  <Td dataLabel={t('devices.events.description')}>{event.description ?? '—'}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </TabState>
      {events.items.length > 0 && <MoreButton hasMore={events.hasMore} loading={events.loading} error={events.error} onMore={events.loadMore} />}
    </>
  );
}
