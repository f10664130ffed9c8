import { Button, Checkbox, Skeleton } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr, type ThProps } from '@patternfly/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Device, DeviceQuery } from '../../api/devices';
import type { CellContext, DeviceColumn } from './columns';
import './devices.css';

/** Height of one compact row; rows keep it (cells do not wrap) so the virtual list can place them without measuring. */
export const rowHeight = 41;

/** Start loading the next page this many rows before the end of what is loaded. */
const loadAhead = 40;

export interface DeviceTableProps {
  devices: readonly Device[];
  total: number | null;
  hasMore: boolean;
  onLoadMore: () => void;
  columns: readonly DeviceColumn[];
  context: CellContext;
  query: DeviceQuery;
  onSort: (sort: DeviceQuery['sort'], order: DeviceQuery['order']) => void;
  /** Without it, rows cannot be selected (the caller may not change devices). */
  selection?: {
    isSelected: (device: Device) => boolean;
    onSelect: (devices: readonly Device[], selected: boolean) => void;
  };
}

/**
 * The devices table: only the rows in view (and a few around them) are in the page, so it scrolls smoothly however
 * many devices match; reaching the end of the loaded rows asks for the next page. The header stays in view. A new
 * filter or order mounts a new table (the page shows its loading state in between), which starts at the top.
 */
export function DeviceTable({ devices, total, hasMore, onLoadMore, columns, context, query, onSort, selection }: DeviceTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = devices.length + (hasMore ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    getItemKey: (index) => devices[index]?.id ?? 'loading',
  });
  const rows = virtualizer.getVirtualItems();
  const last = rows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && last >= devices.length - loadAhead) {
      onLoadMore();
    }
  }, [hasMore, last, devices.length, onLoadMore]);

  const sortOf = (column: DeviceColumn, columnIndex: number): ThProps['sort'] | undefined => {
    if (!column.sort) {
      return undefined;
    }
    const active = columns.findIndex((candidate) => candidate.sort === query.sort);
    return {
      columnIndex,
      sortBy: active >= 0 ? { index: active, direction: query.order, defaultDirection: 'asc' } : {},
      onSort: (_event, _index, direction) => onSort(column.sort!, direction),
    };
  };

  const selectedCount = selection ? devices.filter((device) => selection.isSelected(device)).length : 0;
  const allSelected = devices.length > 0 && selectedCount === devices.length;
  const someSelected = selectedCount > 0 && !allSelected;
  const paddingTop = rows[0]?.start ?? 0;
  const paddingBottom = rows.length > 0 ? virtualizer.getTotalSize() - rows.at(-1)!.end : 0;
  const columnCount = columns.length + (selection ? 1 : 0);

  return (
    <div ref={scrollRef} className="garrison-devices-scroll" tabIndex={0} role="region" aria-label={t('devices.table.region')} data-testid="devices-scroll">
      <Table aria-label={t('devices.title')} variant="compact" isStickyHeader aria-rowcount={(total ?? devices.length) + 1} className="garrison-devices-table">
        <Thead>
          <Tr aria-rowindex={1}>
            {selection && (
              <Th className="pf-v6-c-table__check" aria-label={t('devices.table.selection')}>
                <Checkbox
                  id="devices-select-loaded"
                  aria-label={t('devices.table.selectLoaded')}
                  isChecked={allSelected ? true : someSelected ? null : false}
                  isDisabled={devices.length === 0}
                  onChange={(_event, checked) => selection.onSelect(devices, checked)}
                />
              </Th>
            )}
            {columns.map((column, index) => (
              <Th key={column.id} sort={sortOf(column, index)} {...(column.width ? { width: column.width } : {})} modifier="wrap">
                {t(column.titleKey)}
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {paddingTop > 0 && (
            <Tr aria-hidden="true" className="garrison-devices-spacer">
              <Td colSpan={columnCount} style={{ height: paddingTop }} />
            </Tr>
          )}
          {rows.map((row) => {
            const device = devices[row.index];
            if (!device) {
              return (
                <Tr key={row.key} style={{ height: rowHeight }}>
                  <Td colSpan={columnCount}>
                    <Skeleton screenreaderText={t('devices.table.loadingMore')} width="40%" />
                  </Td>
                </Tr>
              );
            }
            return (
              <Tr key={row.key} aria-rowindex={row.index + 2} style={{ height: rowHeight }} isRowSelected={selection?.isSelected(device) ?? false}>
                {selection && (
                  <Td className="pf-v6-c-table__check">
                    <Checkbox
                      id={`devices-select-${device.id}`}
                      aria-label={t('devices.table.selectDevice', { name: device.displayName })}
                      isChecked={selection.isSelected(device)}
                      onChange={(_event, checked) => selection.onSelect([device], checked)}
                    />
                  </Td>
                )}
                {columns.map((column) => (
                  <Td key={column.id} dataLabel={t(column.titleKey)} modifier="truncate">
                    {column.id === 'name' ? (
                      <Link to={`/devices/${device.id}`} title={device.displayName}>
                        {device.displayName}
                      </Link>
                    ) : (
                      column.cell(device, context)
                    )}
                  </Td>
                ))}
              </Tr>
            );
          })}
          {paddingBottom > 0 && (
            <Tr aria-hidden="true" className="garrison-devices-spacer">
              <Td colSpan={columnCount} style={{ height: paddingBottom }} />
            </Tr>
          )}
        </Tbody>
      </Table>
    </div>
  );
}

/** Offered beside the error when loading (more) devices failed. */
export function LoadMoreFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="link" onClick={onRetry}>
      {t('devices.retry')}
    </Button>
  );
}
