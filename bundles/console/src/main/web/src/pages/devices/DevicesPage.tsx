import { Alert, Content, EmptyState, EmptyStateBody, PageSection, Stack, StackItem, Title, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { SearchIcon } from '@patternfly/react-icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { deviceQueryOf, searchOf, type Device, type DeviceQuery } from '../../api/devices';
import { groupChoices, listGroups } from '../../api/groups';
import { holds } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useMe } from '../../session/SessionContext';
import { BulkActions, BulkResultAlert, type BulkReport } from './BulkActions';
import { ColumnChooser } from './ColumnChooser';
import { DeviceFilterBar } from './DeviceFilterBar';
import { DeviceTable, LoadMoreFailed } from './DeviceTable';
import { groupsWithin } from './groupScope';
import { useColumnSettings } from './useColumnSettings';
import { useDevicePages } from './useDevicePages';

/**
 * Every managed device the account may see: filtered, sorted and paged by the server (the filters live in the URL,
 * so a filtered view can be bookmarked and shared), shown in a virtualised table with the columns the account
 * chose, and acted on in bulk.
 */
export default function DevicesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const mayWrite = holds(me, 'devices.write');
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const query = useMemo(() => deviceQueryOf(new URLSearchParams(search)), [search]);
  const pages = useDevicePages(query);
  const groups = useLoad(listGroups);
  const { columns, choose, saveFailure } = useColumnSettings();
  const [selected, setSelected] = useState<ReadonlyMap<string, Device>>(new Map());
  const [report, setReport] = useState<BulkReport | undefined>();

  const queryKey = searchOf(query).toString();
  useEffect(() => setSelected(new Map()), [queryKey]);

  const choices = useMemo(() => (groups.data ? groupChoices(groups.data) : []), [groups.data]);
  const targetGroups = useMemo(() => {
    const writable = new Set(groupsWithin(groups.data ?? [], me?.permissions['devices.write']).map((group) => group.id));
    return choices.filter((choice) => writable.has(choice.id));
  }, [choices, groups.data, me]);
  const pathById = useMemo(() => new Map(choices.map((choice) => [choice.id, choice.path])), [choices]);
  const context = useMemo(
    () => ({
      t,
      language: i18n.language,
      // Until the groups are there the cell waits; should they fail to load, it shows the id.
      groupPath: (groupId: string) => pathById.get(groupId) ?? (groups.data || groups.error !== undefined ? groupId : undefined),
    }),
    [t, i18n.language, pathById, groups.data, groups.error],
  );

  const changeQuery = useCallback(
    (next: DeviceQuery, typing = false) => setParams(searchOf(next), { replace: typing }),
    [setParams],
  );
  const select = useCallback((devices: readonly Device[], on: boolean) => {
    setSelected((current) => {
      const next = new Map(current);
      for (const device of devices) {
        if (on) {
          next.set(device.id, device);
        } else {
          next.delete(device.id);
        }
      }
      return next;
    });
  }, []);
  const selection = useMemo(
    () => (mayWrite ? { isSelected: (device: Device) => selected.has(device.id), onSelect: select } : undefined),
    [mayWrite, selected, select],
  );

  const bulkDone = (done: BulkReport) => {
    setReport(done);
    // Devices that failed stay selected, so the action can be tried again on them.
    const failed = new Set(done.outcome.failures.map((failure) => failure.deviceId));
    setSelected((current) => new Map([...current].filter(([id]) => failed.has(id))));
    pages.reload();
  };

  const filtered = searchOf({ ...query, sort: 'name', order: 'asc' }).toString() !== '';
  let table;
  if (pages.error !== undefined && pages.items.length === 0) {
    table = (
      <>
        <ApiErrorAlert variant="danger" title={t('devices.loadFailed')} error={pages.error} />
        <LoadMoreFailed onRetry={pages.retry} />
      </>
    );
  } else if (pages.loading && pages.items.length === 0) {
    table = <PageLoading label={t('devices.loading')} />;
  } else if (pages.items.length === 0) {
    table = (
      <EmptyState titleText={t(filtered ? 'devices.empty.filteredTitle' : 'devices.empty.title')} headingLevel="h2" icon={SearchIcon}>
        <EmptyStateBody>{t(filtered ? 'devices.empty.filteredBody' : 'devices.empty.body')}</EmptyStateBody>
      </EmptyState>
    );
  } else {
    table = (
      <DeviceTable
        devices={pages.items}
        total={pages.total}
        hasMore={pages.hasMore && pages.error === undefined}
        onLoadMore={pages.loadMore}
        columns={columns}
        context={context}
        query={query}
        onSort={(sort, order) => changeQuery({ ...query, sort, order })}
        {...(selection ? { selection } : {})}
      />
    );
  }

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('devices.title')}</Title>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <DeviceFilterBar query={query} groups={choices} onChange={changeQuery} />
          </StackItem>
          {groups.error !== undefined && (
            <StackItem>
              <ApiErrorAlert variant="warning" title={t('devices.groupsFailed')} error={groups.error} />
            </StackItem>
          )}
          <StackItem>
            <Toolbar aria-label={t('devices.table.toolbar')}>
              <ToolbarContent>
                <ToolbarItem alignSelf="center">
                  <Content component="p" aria-live="polite" data-testid="devices-count">
                    {pages.total === null
                      ? t('devices.table.counting')
                      : mayWrite
                        ? t('devices.table.countSelected', { count: pages.total, selected: selected.size })
                        : t('devices.table.count', { count: pages.total })}
                  </Content>
                </ToolbarItem>
                {mayWrite && <BulkActions selected={[...selected.values()]} targetGroups={targetGroups} onDone={bulkDone} />}
                <ToolbarItem align={{ default: 'alignEnd' }}>
                  <ColumnChooser shown={columns} onChoose={choose} />
                </ToolbarItem>
              </ToolbarContent>
            </Toolbar>
          </StackItem>
          {saveFailure && (
            <StackItem>
              <Alert variant="warning" isInline title={t('devices.columns.saveFailed')}>
                {saveFailure}
              </Alert>
            </StackItem>
          )}
          {report && (
            <StackItem>
              <BulkResultAlert report={report} onClose={() => setReport(undefined)} />
            </StackItem>
          )}
          <StackItem>{table}</StackItem>
          {pages.error !== undefined && pages.items.length > 0 && (
            <StackItem>
              <ApiErrorAlert variant="danger" title={t('devices.loadMoreFailed')} error={pages.error} />
              <LoadMoreFailed onRetry={pages.retry} />
            </StackItem>
          )}
        </Stack>
      </PageSection>
    </>
  );
}
