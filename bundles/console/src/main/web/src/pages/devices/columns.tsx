import { Label, LabelGroup } from '@patternfly/react-core';
import type { ParseKeys, TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Device, DeviceSort } from '../../api/devices';
import { formatDateTime } from '../../i18n/format';
import { StatusLabel } from './StatusLabel';

/** What a cell needs besides its device. */
export interface CellContext {
  t: TFunction;
  language: string;
  /** The group's path ("Managed devices / Berlin"); undefined while the groups are loading. */
  groupPath: (groupId: string) => string | undefined;
}

/** A column of the devices table: its id (kept in the account's settings), header, cell and server-side sort. */
export interface DeviceColumn {
  id: string;
  titleKey: ParseKeys;
  sort?: DeviceSort;
  /** Width as a share of the table, for a steady layout while rows are virtualised. */
  width?: 10 | 15 | 20 | 25;
  cell: (device: Device, context: CellContext) => ReactNode;
}

const dash = '—';

/** Short in the cell (day and minute), in full in the tooltip, so the column stays narrow. */
function time(instant: string | null | undefined, language: string): ReactNode {
  if (!instant) {
    return dash;
  }
  const short = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
  return (
    <time dateTime={instant} title={formatDateTime(instant, language)}>
      {short}
    </time>
  );
}

function yesNo(value: boolean | null | undefined, t: TFunction): string {
  return value === null || value === undefined ? dash : value ? t('devices.yes') : t('devices.no');
}

/** Every column the table can show, in display order. The name column is always shown (it opens the device). */
export const deviceColumns: readonly DeviceColumn[] = [
  { id: 'name', titleKey: 'devices.column.name', sort: 'name', width: 25, cell: (device) => device.displayName },
  { id: 'status', titleKey: 'devices.column.status', sort: 'status', width: 10, cell: (device) => <StatusLabel status={device.status} /> },
  {
    id: 'group',
    titleKey: 'devices.column.group',
    width: 15,
    // The group's own name, which is what tells devices apart in a row; the whole path on hover.
    cell: (device, { groupPath }) => {
      const path = groupPath(device.groupId);
      return path === undefined ? '…' : <span title={path}>{path.split(' / ').at(-1)}</span>;
    },
  },
  {
    id: 'os',
    titleKey: 'devices.column.os',
    sort: 'os',
    width: 15,
    cell: (device, { t }) => device.os?.name ?? (device.os?.type ? t(`devices.osType.${device.os.type}`) : dash),
  },
  { id: 'ipv4', titleKey: 'devices.column.ipv4', sort: 'ip', width: 10, cell: (device) => device.network?.ipv4 ?? dash },
  {
    id: 'lastVisible',
    titleKey: 'devices.column.lastVisible',
    sort: 'lastVisible',
    width: 15,
    cell: (device, { language }) => time(device.activity?.lastVisible, language),
  },
  {
    id: 'tags',
    titleKey: 'devices.column.tags',
    width: 10,
    cell: (device, { t }) =>
      device.tags && device.tags.length > 0 ? (
        <LabelGroup numLabels={2} expandedText={t('devices.tags.showLess')} collapsedText={t('devices.tags.more', { count: device.tags.length - 2 })}>
          {device.tags.map((tag) => (
            <Label key={`${tag.source}:${tag.name}`} isCompact color={tag.source === 'admin' ? 'blue' : 'grey'}>
              {tag.name}
            </Label>
          ))}
        </LabelGroup>
      ) : (
        dash
      ),
  },
  { id: 'dnsName', titleKey: 'devices.column.dnsName', cell: (device) => device.identity?.dnsName ?? dash },
  { id: 'domain', titleKey: 'devices.column.domain', cell: (device) => device.identity?.windowsDomain ?? device.identity?.dnsDomain ?? dash },
  { id: 'ipv6', titleKey: 'devices.column.ipv6', cell: (device) => device.network?.ipv6 ?? dash },
  { id: 'mac', titleKey: 'devices.column.mac', cell: (device) => device.network?.macAddresses?.join(', ') || dash },
  { id: 'networkLocation', titleKey: 'devices.column.networkLocation', cell: (device) => device.network?.networkLocation ?? dash },
  { id: 'osVersion', titleKey: 'devices.column.osVersion', cell: (device) => [device.os?.version, device.os?.build].filter(Boolean).join(' / ') || dash },
  { id: 'architecture', titleKey: 'devices.column.architecture', cell: (device) => device.os?.architecture ?? dash },
  { id: 'virtualMachine', titleKey: 'devices.column.virtualMachine', cell: (device, { t }) => yesNo(device.virtualisation?.virtualMachine, t) },
  { id: 'restartPending', titleKey: 'devices.column.restartPending', cell: (device, { t }) => yesNo(device.activity?.restartPending, t) },
  { id: 'description', titleKey: 'devices.column.description', cell: (device) => device.description || dash },
  { id: 'createdAt', titleKey: 'devices.column.createdAt', cell: (device, { language }) => time(device.createdAt, language) },
];

export const defaultColumnIds: readonly string[] = ['name', 'status', 'group', 'os', 'ipv4', 'lastVisible', 'tags'];

/** The settings' table id of the devices table (`tableColumns.devices`). */
export const devicesTableId = 'devices';

/**
 * The columns to show from a stored list of ids: known ids in display order, the name always; the defaults when
 * nothing is stored.
 */
export function visibleColumns(stored: unknown): DeviceColumn[] {
  const ids = Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  const chosen = ids.length > 0 ? ids : defaultColumnIds;
  return deviceColumns.filter((column) => column.id === 'name' || chosen.includes(column.id));
}
