import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/ApiErrorAlert';
import { useSession } from '../../session/SessionContext';
import { devicesTableId, visibleColumns, type DeviceColumn } from './columns';

export interface ColumnSettings {
  columns: DeviceColumn[];
  /** Shows exactly these columns (ids), now, and keeps the choice in the account's settings. */
  choose: (ids: readonly string[]) => void;
  /** Why the last choice could not be kept on the server (it still applies in this browser tab). */
  saveFailure: string | undefined;
}

function tableColumnsOf(settings: Record<string, unknown> | undefined): Record<string, unknown> {
  const stored = settings?.tableColumns;
  return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
}

/**
 * The devices table's columns as the account chose them (`tableColumns.devices` of `/me/settings`), so the choice
 * follows the person to every browser. Other tables' choices in the same setting are kept.
 */
export function useColumnSettings(): ColumnSettings {
  const { t } = useTranslation();
  const { state, updateSettings } = useSession();
  const settings = state.status === 'signed-in' ? state.settings : undefined;
  const [chosen, setChosen] = useState<readonly string[] | undefined>();
  const [saveFailure, setSaveFailure] = useState<string | undefined>();

  const choose = (ids: readonly string[]) => {
    setChosen(ids);
    setSaveFailure(undefined);
    updateSettings({ tableColumns: { ...tableColumnsOf(settings), [devicesTableId]: [...ids] } }).catch((error: unknown) =>
      setSaveFailure(describeError(error, t)),
    );
  };

  return { columns: visibleColumns(chosen ?? tableColumnsOf(settings)[devicesTableId]), choose, saveFailure };
}
