import { Card, CardBody, CardTitle, Content, Label, Stack } from '@patternfly/react-core';
import LockIcon from '@patternfly/react-icons/dist/esm/icons/lock-icon';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchGroupTree } from '../../../api/groups';
import { deviceEffectivePolicy, type EffectivePolicy, type PolicyApplication } from '../../../api/policies';
import { useLoad } from '../../../api/useLoad';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { resolve, type JsonSchema } from '../../../components/schemaForm/schema';
import { useGroupName } from '../../policies/PolicyLabels';
import { usePolicyApplications } from '../../policies/usePolicyApplications';
import { keysOf, leavesOf, lockCovering } from '../../policies/policyEditing';
import type { DeviceTabProps } from '../deviceTabs';
import { TabState } from './TabState';

/** A setting's name from the schema ("Scan › Interval (minutes)"), else its path. */
function settingLabel(schema: JsonSchema, path: string): string {
  const titles: string[] = [];
  let node: JsonSchema | undefined = resolve(schema, schema);
  for (const key of keysOf(path)) {
    const property: JsonSchema | undefined = node?.properties?.[key];
    node = property ? resolve(property, schema) : undefined;
    titles.push(node?.title ?? key);
  }
  return titles.join(' › ');
}

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One application's effective policy on the device: every value, where it comes from, and whether it is locked. */
function ApplicationPolicy({ deviceId, application, groupName }: { deviceId: string; application: PolicyApplication; groupName: (id: string) => string }) {
  const { t } = useTranslation();
  const effective = useLoad(useCallback((signal: AbortSignal) => deviceEffectivePolicy(deviceId, application.id, signal), [deviceId, application.id]));
  const schema = application.settingsSchema as JsonSchema;
  let body;
  if (effective.data) {
    body = <EffectiveTable effective={effective.data} schema={schema} groupName={groupName} />;
  } else if (effective.error !== undefined) {
    body = <ApiErrorAlert variant="danger" title={t('policies.device.failed')} error={effective.error} />;
  } else {
    body = <PageLoading label={t('policies.loading')} />;
  }
  return (
    <Card isCompact component="section" aria-label={application.name}>
      <CardTitle component="h2">{application.name}</CardTitle>
      <CardBody>{body}</CardBody>
    </Card>
  );
}

function EffectiveTable({ effective, schema, groupName }: { effective: EffectivePolicy; schema: JsonSchema; groupName: (id: string) => string }) {
  const { t } = useTranslation();
  const leaves = leavesOf(effective.settings);
  if (effective.policies.length === 0) {
    return <Content component="p">{t('policies.device.noPolicy')}</Content>;
  }
  return (
    <>
      <Content component="p">
        {effective.outOfOffice ? t('policies.device.outOfOffice') : t('policies.device.inOffice')}{' '}
        {(effective.appliedProfiles ?? []).length > 0 &&
          t('policies.device.profiles', { profiles: (effective.appliedProfiles ?? []).map((applied) => `${applied.profile} (${applied.policyName})`).join(', ') })}
      </Content>
      {leaves.length === 0 ? (
        <Content component="p">{t('policies.device.noSettings')}</Content>
      ) : (
        <Table aria-label={t('policies.device.settings')} variant="compact">
          <Thead>
            <Tr>
              <Th>{t('policies.device.setting')}</Th>
              <Th>{t('policies.device.value')}</Th>
              <Th>{t('policies.device.origin')}</Th>
              <Th>{t('policies.device.locked')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {leaves.map(([path, value]) => {
              const origin = effective.origins[path];
              const locked = lockCovering(effective.lockedSettings, path) !== undefined;
              return (
                <Tr key={path}>
                  <Td dataLabel={t('policies.device.setting')}>
                    {settingLabel(schema, path)}
                    <div>
                      <small>
                        <code>{path}</code>
                      </small>
                    </div>
                  </Td>
                  <Td dataLabel={t('policies.device.value')}>
                    <code>{shown(value)}</code>
                  </Td>
                  <Td dataLabel={t('policies.device.origin')}>
                    {origin ? (
                      <>
                        <Link to={`/policies/${origin.policyId}`}>{origin.policyName}</Link>
                        {' · '}
                        <Link to={`/groups/${origin.groupId}`}>{groupName(origin.groupId)}</Link>
                        {origin.profile && (
                          <Label isCompact className="garrison-space-before">
                            {t('policies.device.profile', { profile: origin.profile })}
                          </Label>
                        )}
                      </>
                    ) : (
                      '—'
                    )}
                  </Td>
                  <Td dataLabel={t('policies.device.locked')}>
                    {locked ? (
                      <Label isCompact icon={<LockIcon />}>
                        {t('policies.device.isLocked')}
                      </Label>
                    ) : (
                      '—'
                    )}
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
    </>
  );
}

/** The device's effective policy for every application with a settings schema. */
export default function DevicePoliciesTab({ device }: DeviceTabProps) {
  const applications = usePolicyApplications();
  const tree = useLoad(fetchGroupTree);
  const groupName = useGroupName(tree.data);
  return (
    <TabState data={applications.data} error={applications.error} isEmpty={(items) => items.length === 0} emptyKey="policies.device.noApplications">
      {(items) => (
        <Stack hasGutter>
          {items.map((application) => (
            <ApplicationPolicy key={application.id} deviceId={device.id} application={application} groupName={groupName} />
          ))}
        </Stack>
      )}
    </TabState>
  );
}
