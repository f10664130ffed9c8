import { Label } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { Severity } from '../../api/events';

const statusOf = { critical: 'danger', 'functional-failure': 'warning', warning: 'warning', info: 'info' } as const;

/** An event's severity in words and colour (the words carry it for those who do not see the colour). */
export function SeverityLabel({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  const status = Object.hasOwn(statusOf, severity) ? statusOf[severity] : undefined;
  return (
    <Label isCompact {...(status ? { status } : {})}>
      {Object.hasOwn(statusOf, severity) ? t(`events.severities.${severity}`) : severity}
    </Label>
  );
}
