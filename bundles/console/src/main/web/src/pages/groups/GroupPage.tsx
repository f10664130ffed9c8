import {
  Breadcrumb,
  BreadcrumbItem,
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  PageSection,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fetchGroup, fetchGroupTree, managedDevicesGroupId } from '../../api/groups';
import { holds } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../i18n/format';
import { useMe } from '../../session/SessionContext';
import { DeviceSettingsSection } from './DeviceSettingsSection';
import { GroupPolicies } from './GroupPolicies';
import { GroupTasksSection } from './GroupTasksSection';
import { ancestorIds, indexTree } from './groupTree';
import { Hint } from './Hint';

/** One administration group: where it sits, what it holds, a way to its devices, and its device settings. */
export default function GroupPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const mayWrite = holds(me, 'groups.write');
  const group = useLoad(useCallback((signal: AbortSignal) => fetchGroup(id, signal), [id]));
  const tree = useLoad(fetchGroupTree);

  const index = tree.data ? indexTree(tree.data) : undefined;
  const ancestors = tree.data ? ancestorIds(tree.data, id) : [];

  if (group.error !== undefined) {
    return (
      <PageSection>
        <ApiErrorAlert variant="danger" title={t('groups.group.loadFailed')} error={group.error} />
        <p className="garrison-space-before">
          <Link to="/groups">{t('groups.group.backToGroups')}</Link>
        </p>
      </PageSection>
    );
  }
  if (!group.data) {
    return <PageLoading label={t('groups.loading')} />;
  }
  const data = group.data;
  const topLevel = !data.parentId;

  return (
    <>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <Breadcrumb aria-label={t('groups.group.path')}>
              <BreadcrumbItem render={() => <Link to="/groups">{t('groups.title')}</Link>} />
              {ancestors.map((ancestorId) => (
                <BreadcrumbItem key={ancestorId} render={() => <Link to={`/groups/${ancestorId}`}>{index?.get(ancestorId)?.node.name ?? ancestorId}</Link>} />
              ))}
              <BreadcrumbItem isActive>{data.name}</BreadcrumbItem>
            </Breadcrumb>
          </StackItem>
          <StackItem>
            <Title headingLevel="h1">
              {data.name}
              {data.builtIn && (
                <Label isCompact className="garrison-space-before">
                  {t('groups.builtIn')}
                </Label>
              )}
            </Title>
          </StackItem>
        </Stack>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <Card>
              <CardTitle component="h2">{t('groups.group.details')}</CardTitle>
              <CardBody>
                <DescriptionList isHorizontal isCompact>
                  <DescriptionListGroup>
                    <DescriptionListTerm>{t('groups.group.parent')}</DescriptionListTerm>
                    <DescriptionListDescription>
                      {data.parentId ? <Link to={`/groups/${data.parentId}`}>{index?.get(data.parentId)?.node.name ?? data.parentId}</Link> : t('groups.group.topLevel')}
                    </DescriptionListDescription>
                  </DescriptionListGroup>
                  <DescriptionListGroup>
                    <DescriptionListTerm>{t('groups.devicesInGroup')}</DescriptionListTerm>
                    <DescriptionListDescription data-testid="group-device-count">{data.deviceCount ?? 0}</DescriptionListDescription>
                  </DescriptionListGroup>
                  <DescriptionListGroup>
                    <DescriptionListTerm>{t('groups.devicesInSubtree')}</DescriptionListTerm>
                    <DescriptionListDescription>
                      <Link to={`/devices?group=${data.id}`}>{t('groups.group.showDevices', { count: data.subtreeDeviceCount ?? 0 })}</Link>
                    </DescriptionListDescription>
                  </DescriptionListGroup>
                  <DescriptionListGroup>
                    <DescriptionListTerm>{t('groups.group.events')}</DescriptionListTerm>
                    <DescriptionListDescription>
                      <Link to={`/events?group=${data.id}`}>{t('groups.group.showEvents')}</Link>
                    </DescriptionListDescription>
                  </DescriptionListGroup>
                  {data.createdAt && (
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('groups.group.createdAt')}</DescriptionListTerm>
                      <DescriptionListDescription>
                        <time dateTime={data.createdAt}>{formatDateTime(data.createdAt, i18n.language)}</time>
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                  )}
                  {data.modifiedAt && (
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('groups.group.modifiedAt')}</DescriptionListTerm>
                      <DescriptionListDescription>
                        <time dateTime={data.modifiedAt}>{formatDateTime(data.modifiedAt, i18n.language)}</time>
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                  )}
                  <DescriptionListGroup>
                    <DescriptionListTerm>{t('groups.group.id')}</DescriptionListTerm>
                    <DescriptionListDescription>
                      <code>{data.id}</code>
                    </DescriptionListDescription>
                  </DescriptionListGroup>
                </DescriptionList>
                {data.builtIn && (
                  <Hint>{data.id === managedDevicesGroupId ? t('groups.group.managedProtected') : t('groups.group.unassignedProtected')}</Hint>
                )}
              </CardBody>
            </Card>
          </StackItem>
          <StackItem>
            <DeviceSettingsSection
              key={data.id}
              groupId={data.id}
              topLevel={topLevel}
              unassigned={data.id !== managedDevicesGroupId && data.builtIn}
              mayWrite={mayWrite}
              groupName={(groupId) => index?.get(groupId)?.node.name ?? groupId}
            />
          </StackItem>
          {holds(me, 'policies.read') && (
            <StackItem>
              <GroupPolicies
                key={data.id}
                groupId={data.id}
                ancestors={ancestors}
                tree={tree.data}
                groupName={(groupId) => index?.get(groupId)?.node.name ?? groupId}
              />
            </StackItem>
          )}
          <StackItem>
            <GroupTasksSection key={data.id} groupId={data.id} groupName={data.name} />
          </StackItem>
        </Stack>
      </PageSection>
    </>
  );
}
