import { Label } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { DeviceRunState, TaskRunState } from '../../api/tasks';

type LabelLook = { color?: 'blue' | 'grey' | 'orange'; status?: 'success' | 'danger' | 'warning' | 'info' };

const runLooks: Record<TaskRunState, LabelLook> = {
  RUNNING: { color: 'blue' },
  COMPLETED: { status: 'success' },
  CANCELLED: { color: 'grey' },
};

const deviceLooks: Record<DeviceRunState | 'SKIPPED', LabelLook> = {
  PENDING: { color: 'grey' },
  RUNNING: { color: 'blue' },
  SUCCEEDED: { status: 'success' },
  FAILED: { status: 'danger' },
  CANCELLED: { color: 'orange' },
  SKIPPED: { color: 'grey' },
};

/** Where a run stands as a whole. */
export function RunStateLabel({ state }: { state: TaskRunState }) {
  const { t } = useTranslation();
  return (
    <Label isCompact {...runLooks[state]}>
      {t(`tasks.runState.${state}`)}
    </Label>
  );
}

/** Where one device of a run stands, optionally with how many devices stand there. */
export function DeviceStateLabel({ state, count }: { state: DeviceRunState | 'SKIPPED'; count?: number }) {
  const { t } = useTranslation();
  return (
    <Label isCompact {...deviceLooks[state]}>
      {count === undefined ? t(`tasks.deviceState.${state}`) : t('tasks.deviceState.counted', { state: t(`tasks.deviceState.${state}`), count })}
    </Label>
  );
}
