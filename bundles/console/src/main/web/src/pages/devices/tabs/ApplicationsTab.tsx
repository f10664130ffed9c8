import {
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  Stack,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { ParseKeys } from 'i18next';
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceApplications, type InstalledApplication } from '../../../api/devices';
import { useLoad } from '../../../api/useLoad';
import type { DeviceTabProps } from '../deviceTabs';
import { TabState, When } from './TabState';

type LicenceKey = InstalledApplication['activeKey'] | InstalledApplication['reserveKey'];

function KeyText({ licence }: { licence: LicenceKey }) {
  const { t } = useTranslation();
  if (!licence) {
    return <>—</>;
  }
  if (typeof licence === 'string') {
    return <code>{licence}</code>;
  }
  return (
    <>
      <code>{licence.key}</code>
      {licence.expiresAt && (
        <>
          {' '}
          {t('devices.applications.expires')} <When instant={licence.expiresAt} />
        </>
      )}
    </>
  );
}

function protectionOf(value: InstalledApplication['realTimeProtection'], t: (key: ParseKeys) => string): string {
  if (value === null || value === undefined) {
    return '—';
  }
  if (typeof value === 'boolean') {
    return value ? t('common.on') : t('common.off');
  }
  return value;
}

/** One managed application: state, protection, scan, licence keys, components and what it reports. */
function ApplicationCard({ application }: { application: InstalledApplication }) {
  const { t } = useTranslation();
  const facts: [ParseKeys, ReactNode][] = [
    ['devices.applications.id', <code key="id">{application.applicationId}</code>],
    ['devices.applications.version', application.version ?? '—'],
    ['devices.applications.state', application.state ?? '—'],
    ['devices.applications.realTimeProtection', protectionOf(application.realTimeProtection, t)],
    ['devices.applications.lastScan', <When key="scan" instant={application.lastScan} />],
    ['devices.applications.threatsDetected', application.threatsDetected ?? '—'],
    ['devices.applications.objectsNotDisinfected', application.objectsNotDisinfected ?? '—'],
    ['devices.applications.activeKey', <KeyText key="active" licence={application.activeKey} />],
    ['devices.applications.reserveKey', <KeyText key="reserve" licence={application.reserveKey} />],
    ['devices.applications.installedAt', <When key="installed" instant={application.installedAt} />],
    ['devices.applications.installId', application.installId ?? '—'],
    [
      'devices.applications.statusReports',
      (application.statusReports ?? []).length === 0
        ? '—'
        : (application.statusReports ?? []).map((report) => (
            <div key={report.code}>
              <Label isCompact>{report.level}</Label> {report.text}
            </div>
          )),
    ],
    ['devices.applications.tags', (application.tags ?? []).join(', ') || '—'],
  ];
  const components = application.components ?? [];
  const title = application.name ?? application.applicationId;
  return (
    <Card isCompact component="section" aria-label={title}>
      <CardTitle component="h2">{title}</CardTitle>
      <CardBody>
        <DescriptionList isCompact isHorizontal columnModifier={{ lg: '2Col' }}>
          {facts.map(([key, value]) => (
            <DescriptionListGroup key={key}>
              <DescriptionListTerm>{t(key)}</DescriptionListTerm>
              <DescriptionListDescription>{value}</DescriptionListDescription>
            </DescriptionListGroup>
          ))}
        </DescriptionList>
        {components.length > 0 && (
          <Table aria-label={t('devices.applications.components', { name: title })} variant="compact" className="garrison-space-before">
            <Thead>
              <Tr>
                <Th>{t('devices.applications.componentName')}</Th>
                <Th>{t('devices.applications.version')}</Th>
                <Th>{t('devices.applications.componentStatus')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {components.map((component) => (
                <Tr key={component.name}>
                  <Td dataLabel={t('devices.applications.componentName')}>{component.name}</Td>
                  <Td dataLabel={t('devices.applications.version')}>{component.version ?? '—'}</Td>
                  <Td dataLabel={t('devices.applications.componentStatus')}>{component.status ?? '—'}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </CardBody>
    </Card>
  );
}

/** The managed applications installed on the device. */
export default function ApplicationsTab({ device }: DeviceTabProps) {
  const applications = useLoad(useCallback((signal: AbortSignal) => deviceApplications(device.id, signal), [device.id]));
  return (
    <TabState data={applications.data} error={applications.error} isEmpty={(items) => items.length === 0} emptyKey="devices.applications.empty">
      {(items) => (
        <Stack hasGutter>
          {items.map((application) => (
            <ApplicationCard key={application.applicationId} application={application} />
          ))}
        </Stack>
      )}
    </TabState>
  );
}
