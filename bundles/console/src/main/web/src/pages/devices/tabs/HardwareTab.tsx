import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceHardware } from '../../../api/devices';
import { useLoad } from '../../../api/useLoad';
import type { DeviceTabProps } from '../deviceTabs';
import { TabState } from './TabState';

/** The details of a component as "key: value" pairs; they differ per category (cores, capacity, driver...). */
function detailsOf(details: unknown): string {
  if (details === null || details === undefined) {
    return '—';
  }
  if (typeof details !== 'object') {
    return String(details);
  }
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
}

/** The hardware the agent reported, by category. */
export default function HardwareTab({ device }: DeviceTabProps) {
  const { t } = useTranslation();
  const hardware = useLoad(useCallback((signal: AbortSignal) => deviceHardware(device.id, signal), [device.id]));
  return (
    <TabState data={hardware.data} error={hardware.error} isEmpty={(items) => items.length === 0} emptyKey="devices.hardware.empty">
      {(items) => (
        <Table aria-label={t('devices.tab.hardware')} variant="compact">
          <Thead>
            <Tr>
              <Th>{t('devices.hardware.category')}</Th>
              <Th>{t('devices.hardware.name')}</Th>
              <Th>{t('devices.hardware.vendor')}</Th>
              <Th>{t('devices.hardware.model')}</Th>
              <Th>{t('devices.hardware.serialNumber')}</Th>
              <Th>{t('devices.hardware.details')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {items.map((item, index) => (
              <Tr key={index}>
                <Td dataLabel={t('devices.hardware.category')}>{item.category}</Td>
                <Td dataLabel={t('devices.hardware.name')}>{item.name ?? '—'}</Td>
                <Td dataLabel={t('devices.hardware.vendor')}>{item.vendor ?? '—'}</Td>
                <Td dataLabel={t('devices.hardware.model')}>{item.model ?? '—'}</Td>
                <Td dataLabel={t('devices.hardware.serialNumber')}>{item.serialNumber ?? '—'}</Td>
                <Td dataLabel={t('devices.hardware.details')}>{detailsOf(item.details)}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </TabState>
  );
}
