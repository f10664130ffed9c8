import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Form,
  FormGroup,
  FormHelperText,
  Gallery,
  HelperText,
  HelperTextItem,
  Label,
  LabelGroup,
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import type { ParseKeys } from 'i18next';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { updateDevice, type Device } from '../../api/devices';
import { groupChoices, listGroups } from '../../api/groups';
import { holds } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { describeError } from '../../components/ApiErrorAlert';
import { formatDateTime } from '../../i18n/format';
import { useMe } from '../../session/SessionContext';
import type { DeviceTabProps } from './deviceTabs';
import { StatusLabel, StatusReasons } from './StatusLabel';

type Fact = [ParseKeys, ReactNode];

function FactCard({ titleKey, facts }: { titleKey: ParseKeys; facts: Fact[] }) {
  const { t } = useTranslation();
  return (
    <Card isCompact component="section" aria-label={t(titleKey)}>
      <CardTitle component="h2">{t(titleKey)}</CardTitle>
      <CardBody>
        <DescriptionList isCompact isHorizontal>
          {facts.map(([key, value]) => (
            <DescriptionListGroup key={key}>
              <DescriptionListTerm>{t(key)}</DescriptionListTerm>
              <DescriptionListDescription>{value === null || value === undefined || value === '' ? '—' : value}</DescriptionListDescription>
            </DescriptionListGroup>
          ))}
        </DescriptionList>
      </CardBody>
    </Card>
  );
}

/** Every fact of the device record, grouped as the agent reports them, and the admin's fields, editable in place. */
export default function DeviceOverview({ device, reload }: DeviceTabProps) {
  const { t, i18n } = useTranslation();
  const groups = useLoad(listGroups);
  const groupPath = groups.data ? groupChoices(groups.data).find((group) => group.id === device.groupId)?.path : undefined;
  const when = (instant: string | null | undefined) => (instant ? <time dateTime={instant}>{formatDateTime(instant, i18n.language)}</time> : null);
  const yesNo = (value: boolean | null | undefined) => (value === null || value === undefined ? null : value ? t('devices.yes') : t('devices.no'));
  const { identity, network, os, virtualisation, activity, status } = device;

  return (
    <Gallery hasGutter minWidths={{ default: '100%', lg: '28rem' }}>
      <AdminFields device={device} onSaved={reload} />
      <FactCard
        titleKey="devices.section.status"
        facts={[
          ['devices.field.status', <StatusLabel key="status" status={status} />],
          ['devices.field.statusComputedAt', when(status?.computedAt)],
          ['devices.field.reasons', <StatusReasons key="reasons" status={status} />],
          ['devices.field.group', groupPath ?? device.groupId],
          [
            'devices.field.tags',
            device.tags && device.tags.length > 0 ? (
              <LabelGroup key="tags" numLabels={20}>
                {device.tags.map((tag) => (
                  <Label key={`${tag.source}:${tag.name}`} isCompact color={tag.source === 'admin' ? 'blue' : 'grey'}>
                    {t('devices.detail.tagWithSource', { name: tag.name, source: tag.source === 'admin' ? t('devices.detail.adminSource') : tag.source })}
                  </Label>
                ))}
              </LabelGroup>
            ) : null,
          ],
        ]}
      />
      <FactCard
        titleKey="devices.section.identity"
        facts={[
          ['devices.field.id', <code key="id">{device.id}</code>],
          ['devices.field.netbiosName', identity?.netbiosName],
          ['devices.field.dnsName', identity?.dnsName],
          ['devices.field.dnsDomain', identity?.dnsDomain],
          ['devices.field.windowsDomain', identity?.windowsDomain ? `${identity.windowsDomain}${identity.windowsDomainType ? ` (${identity.windowsDomainType})` : ''}` : null],
          ['devices.field.hardwareId', identity?.hardwareId],
        ]}
      />
      <FactCard
        titleKey="devices.section.network"
        facts={[
          ['devices.field.ipv4', network?.ipv4],
          ['devices.field.ipv6', network?.ipv6],
          ['devices.field.networkLocation', network?.networkLocation],
          ['devices.field.macAddresses', network?.macAddresses?.join(', ')],
        ]}
      />
      <FactCard
        titleKey="devices.section.os"
        facts={[
          ['devices.field.osType', os?.type ? t(`devices.osType.${os.type}`) : null],
          ['devices.field.osName', os?.name],
          ['devices.field.osVersion', os?.version],
          ['devices.field.osBuild', os?.build],
          ['devices.field.osReleaseId', os?.releaseId],
          ['devices.field.architecture', os?.architecture],
          ['devices.field.osVendor', os?.vendor],
          ['devices.field.installFolder', os?.installFolder],
        ]}
      />
      <FactCard
        titleKey="devices.section.virtualisation"
        facts={[
          ['devices.field.virtualMachine', yesNo(virtualisation?.virtualMachine)],
          ['devices.field.hypervisor', virtualisation?.hypervisor],
          ['devices.field.vmType', virtualisation?.vmType],
          ['devices.field.vdiDynamic', yesNo(virtualisation?.vdiDynamic)],
        ]}
      />
      <FactCard
        titleKey="devices.section.activity"
        facts={[
          ['devices.field.lastVisible', when(activity?.lastVisible)],
          ['devices.field.lastUpdate', when(activity?.lastUpdate)],
          ['devices.field.poweredOnAt', when(activity?.poweredOnAt)],
          ['devices.field.restartPending', yesNo(activity?.restartPending)],
          ['devices.field.createdAt', when(device.createdAt)],
          ['devices.field.modifiedAt', when(device.modifiedAt)],
        ]}
      />
    </Gallery>
  );
}

function adminTagsOf(device: Device): string {
  return (device.tags ?? [])
    .filter((tag) => tag.source === 'admin')
    .map((tag) => tag.name)
    .join(', ');
}

/** Splits "a, b,, c" into tags; empty parts are dropped. */
export function tagsOf(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

/** Display name, description and admin tags: shown, and for an account that may change devices, editable in place. */
function AdminFields({ device, onSaved }: { device: Device; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const mayWrite = holds(me, 'devices.write');
  const [editing, setEditing] = useState(false);
  const [displayName, setDisplayName] = useState(device.displayName);
  const [description, setDescription] = useState(device.description ?? '');
  const [tags, setTags] = useState(adminTagsOf(device));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  const fieldErrors = failure instanceof ApiError ? failure.errors : [];
  const errorOf = (field: string) =>
    fieldErrors
      .filter((error) => error.field === field || error.field.startsWith(`${field}/`) || error.field.startsWith(`${field}[`))
      .map((error) => error.message)
      .join('; ');
  const unplaced = failure !== undefined && !['displayName', 'description', 'tags'].some((field) => errorOf(field));

  const startEditing = () => {
    setDisplayName(device.displayName);
    setDescription(device.description ?? '');
    setTags(adminTagsOf(device));
    setFailure(undefined);
    setSaved(false);
    setEditing(true);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      await updateDevice(device.id, { displayName: displayName.trim(), description, tags: tagsOf(tags) });
      setEditing(false);
      setSaved(true);
      onSaved();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const helper = (field: string) => {
    const message = errorOf(field);
    return message ? (
      <FormHelperText>
        <HelperText>
          <HelperTextItem variant="error">{message}</HelperTextItem>
        </HelperText>
      </FormHelperText>
    ) : null;
  };

  return (
    <Card isCompact component="section" aria-label={t('devices.section.admin')}>
      <CardTitle component="h2">{t('devices.section.admin')}</CardTitle>
      <CardBody>
        {saved && <Alert variant="success" isInline isPlain title={t('devices.detail.saved')} className="garrison-space-below" />}
        {editing ? (
          <Form onSubmit={(event) => void submit(event)} aria-label={t('devices.section.admin')}>
            {unplaced && (
              <Alert variant="danger" isInline title={t('common.failed')}>
                {describeError(failure, t)}
              </Alert>
            )}
            <FormGroup label={t('devices.field.displayName')} fieldId="device-display-name" isRequired>
              <TextInput
                id="device-display-name"
                value={displayName}
                onChange={(_event, value) => setDisplayName(value)}
                validated={errorOf('displayName') ? 'error' : 'default'}
                isRequired
              />
              {helper('displayName')}
            </FormGroup>
            <FormGroup label={t('devices.field.description')} fieldId="device-description">
              <TextArea
                id="device-description"
                value={description}
                onChange={(_event, value) => setDescription(value)}
                validated={errorOf('description') ? 'error' : 'default'}
                resizeOrientation="vertical"
              />
              {helper('description')}
            </FormGroup>
            <FormGroup label={t('devices.field.adminTags')} fieldId="device-tags">
              <TextInput id="device-tags" value={tags} onChange={(_event, value) => setTags(value)} validated={errorOf('tags') ? 'error' : 'default'} />
              {helper('tags') ?? (
                <FormHelperText>
                  <HelperText>
                    <HelperTextItem>{t('devices.detail.tagsHint')}</HelperTextItem>
                  </HelperText>
                </FormHelperText>
              )}
            </FormGroup>
            <ActionGroup>
              <Button type="submit" variant="primary" isLoading={busy} isDisabled={busy}>
                {t('common.save')}
              </Button>
              <Button variant="link" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
            </ActionGroup>
          </Form>
        ) : (
          <>
            <DescriptionList isCompact isHorizontal>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('devices.field.displayName')}</DescriptionListTerm>
                <DescriptionListDescription>{device.displayName}</DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('devices.field.description')}</DescriptionListTerm>
                <DescriptionListDescription data-testid="device-description">{device.description || '—'}</DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('devices.field.adminTags')}</DescriptionListTerm>
                <DescriptionListDescription>{adminTagsOf(device) || '—'}</DescriptionListDescription>
              </DescriptionListGroup>
            </DescriptionList>
            {mayWrite && (
              <Button variant="secondary" className="garrison-space-before" onClick={startEditing}>
                {t('devices.detail.edit')}
              </Button>
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
}
