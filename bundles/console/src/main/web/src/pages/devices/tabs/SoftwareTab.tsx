import { SearchInput, Stack, StackItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceSoftware } from '../../../api/devices';
import { useLoad } from '../../../api/useLoad';
import type { DeviceTabProps } from '../deviceTabs';
import { Empty, TabState, When } from './TabState';

/** The software installed on the device, filterable by name, vendor or version (one device's list is small). */
export default function SoftwareTab({ device }: DeviceTabProps) {
  const { t } = useTranslation();
  const software = useLoad(useCallback((signal: AbortSignal) => deviceSoftware(device.id, signal), [device.id]));
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  return (
    <TabState data={software.data} error={software.error} isEmpty={(items) => items.length === 0} emptyKey="devices.software.empty">
      {(items) => {
        const shown = needle
          ? items.filter((item) => [item.name, item.vendor, item.version].some((value) => value?.toLowerCase().includes(needle)))
          : items;
        return (
          <Stack hasGutter>
            <StackItem>
              <SearchInput
                aria-label={t('devices.software.filter')}
                placeholder={t('devices.software.filter')}
                value={filter}
                onChange={(_event, value) => setFilter(value)}
                onClear={() => setFilter('')}
                resetButtonLabel={t('devices.filter.reset')}
                resultsCount={`${shown.length} / ${items.length}`}
              />
            </StackItem>
            <StackItem>
              {shown.length === 0 ? (
                <Empty textKey="devices.software.noMatch" />
              ) : (
                <Table aria-label={t('devices.tab.software')} variant="compact">
                  <Thead>
                    <Tr>
                      <Th>{t('devices.software.name')}</Th>
                      <Th>{t('devices.software.vendor')}</Th>
                      <Th>{t('devices.software.version')}</Th>
                      <Th>{t('devices.software.installedAt')}</Th>
                      <Th>{t('devices.software.location')}</Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {shown.map((item) => (
                      <Tr key={`${item.name}|${item.vendor ?? ''}|${item.version ?? ''}`}>
                        <Td dataLabel={t('devices.software.name')}>{item.name}</Td>
                        <Td dataLabel={t('devices.software.vendor')}>{item.vendor ?? '—'}</Td>
                        <Td dataLabel={t('devices.software.version')}>{item.version ?? '—'}</Td>
                        <Td dataLabel={t('devices.software.installedAt')}>
                          <When instant={item.installedAt} />
                        </Td>
                        <Td dataLabel={t('devices.software.location')}>{item.location ?? '—'}</Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              )}
            </StackItem>
          </Stack>
        );
      }}
    </TabState>
  );
}
