import { Label, Tooltip } from '@patternfly/react-core';
import { CheckCircleIcon, ExclamationCircleIcon, ExclamationTriangleIcon } from '@patternfly/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device, StatusLevel } from '../../api/devices';
import './devices.css';

const appearance: Record<StatusLevel, { status: 'success' | 'warning' | 'danger'; icon: ReactNode }> = {
  OK: { status: 'success', icon: <CheckCircleIcon /> },
  WARNING: { status: 'warning', icon: <ExclamationTriangleIcon /> },
  CRITICAL: { status: 'danger', icon: <ExclamationCircleIcon /> },
};

/**
 * A device's status as a coloured label; its reasons show in a tooltip (on hover and on keyboard focus), so the
 * table says why a device is not OK without opening it.
 */
export function StatusLabel({ status }: { status: Device['status'] }) {
  const { t } = useTranslation();
  if (!status) {
    return <>—</>;
  }
  const reasons = status.reasons ?? [];
  const label = (
    <Label isCompact status={appearance[status.level].status} icon={appearance[status.level].icon} {...(reasons.length > 0 ? { tabIndex: 0 } : {})}>
      {t(`devices.status.${status.level}`)}
    </Label>
  );
  if (reasons.length === 0) {
    return label;
  }
  return (
    <Tooltip
      content={
        <ul>
          {reasons.map((reason) => (
            <li key={`${reason.source}:${reason.code}`}>{reason.text}</li>
          ))}
        </ul>
      }
    >
      {label}
    </Tooltip>
  );
}

/** The reasons of a status as a list, for the detail page. */
export function StatusReasons({ status }: { status: Device['status'] }) {
  const { t } = useTranslation();
  const reasons = status?.reasons ?? [];
  if (reasons.length === 0) {
    return <>{t('devices.detail.noReasons')}</>;
  }
  return (
    <ul className="garrison-plain-list">
      {reasons.map((reason) => (
        <li key={`${reason.source}:${reason.code}`}>
          <Label isCompact status={appearance[reason.level].status}>{t(`devices.status.${reason.level}`)}</Label> {reason.text}{' '}
          <small>({t('devices.detail.reasonSource', { source: reason.source, code: reason.code })})</small>
        </li>
      ))}
    </ul>
  );
}
