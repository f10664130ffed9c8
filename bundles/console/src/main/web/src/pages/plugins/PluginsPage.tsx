import {
  Alert,
  AlertActionCloseButton,
  Button,
  Checkbox,
  Content,
  Drawer,
  DrawerContent,
  DrawerContentBody,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  PageSection,
  Stack,
  StackItem,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import CubesIcon from '@patternfly/react-icons/dist/esm/icons/cubes-icon';
import { Table, Tbody, Td, Th, Thead, Tr, type IAction } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { startPlugin, stopPlugin, uninstallPlugin, type Plugin, type UploadedPlugin } from '../../api/plugins';
import { holds } from '../../api/session';
import { ApiErrorAlert, describeError } from '../../components/ApiErrorAlert';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageLoading } from '../../components/PageLoading';
import { usePlugins } from '../../plugins/PluginContributions';
import { useMe } from '../../session/SessionContext';
import { RowActions } from '../groups/RowActions';
import { PluginDetails } from './PluginDetails';
import { PluginStateLabel } from './PluginStateLabel';
import { SignatureLabel } from './SignatureLabel';
import { UploadPluginModal } from './UploadPluginModal';

type Notice = { variant: 'success' | 'warning' | 'danger'; title: string; body?: string };

/**
 * The installed plugins: their state (refused ones with the reason), what each contributes (in a drawer, kept in the
 * URL as `?plugin=<id>`), and, for admins who may change plugins, upload (install or upgrade), start, stop and
 * uninstall. Every change reloads the list the console frame holds, so navigation entries, pages and device tabs
 * follow at once.
 */
export default function PluginsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mayWrite = holds(me, 'plugins.write');
  const { plugins, error, refresh } = usePlugins();
  const [params, setParams] = useSearchParams();
  const [uploading, setUploading] = useState(false);
  const [uninstalling, setUninstalling] = useState<Plugin | undefined>();
  const [purge, setPurge] = useState(false);
  const [busy, setBusy] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();

  const selectedId = params.get('plugin');
  const selected = plugins?.find((plugin) => plugin.id === selectedId);
  // With the details open beside it, the table keeps name and state; the details show the rest.
  const compact = selected !== undefined;
  const select = (id: string | undefined) => setParams(id ? { plugin: id } : {}, { replace: true });

  const outcome = (plugin: Plugin, success: string): Notice =>
    plugin.state === 'refused'
      ? { variant: 'warning', title: t('plugins.notice.refused', { plugin: plugin.name }), body: plugin.message ?? '' }
      : { variant: 'success', title: success };

  const run = async (plugin: Plugin, action: 'start' | 'stop') => {
    if (busy) {
      return;
    }
    setBusy(plugin.id);
    setNotice(undefined);
    try {
      const changed = action === 'start' ? await startPlugin(plugin.id) : await stopPlugin(plugin.id);
      setNotice(outcome(changed, t(action === 'start' ? 'plugins.notice.started' : 'plugins.notice.stopped', { plugin: changed.name })));
    } catch (failure) {
      setNotice({ variant: 'danger', title: t('common.failed'), body: describeError(failure, t) });
    } finally {
      setBusy(undefined);
      refresh();
    }
  };

  const uploaded = ({ plugin, upgraded }: UploadedPlugin) => {
    setUploading(false);
    setNotice(
      outcome(
        plugin,
        t(upgraded ? 'plugins.notice.upgraded' : 'plugins.notice.installed', { plugin: plugin.name, version: plugin.version ?? '' }),
      ),
    );
    refresh();
  };

  const actionsOf = (plugin: Plugin): IAction[] => [
    plugin.state === 'active'
      ? { title: t('plugins.action.stop'), onClick: () => void run(plugin, 'stop') }
      : { title: t('plugins.action.start'), isDisabled: plugin.state === 'starting', onClick: () => void run(plugin, 'start') },
    { isSeparator: true },
    {
      title: t('plugins.action.uninstall'),
      isDanger: true,
      onClick: () => {
        setPurge(false);
        setUninstalling(plugin);
      },
    },
  ];

  let content;
  if (plugins && plugins.length === 0) {
    content = (
      <EmptyState titleText={t('plugins.empty.title')} headingLevel="h2" icon={CubesIcon}>
        <EmptyStateBody>{t('plugins.empty.body')}</EmptyStateBody>
        {mayWrite && (
          <EmptyStateFooter>
            <EmptyStateActions>
              <Button variant="primary" onClick={() => setUploading(true)}>
                {t('plugins.upload.open')}
              </Button>
            </EmptyStateActions>
          </EmptyStateFooter>
        )}
      </EmptyState>
    );
  } else if (plugins) {
    content = (
      <Table aria-label={t('plugins.title')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('plugins.column.name')}</Th>
            {!compact && <Th>{t('plugins.column.id')}</Th>}
            {!compact && <Th>{t('plugins.column.vendor')}</Th>}
            {!compact && <Th>{t('plugins.column.version')}</Th>}
            <Th>{t('plugins.column.state')}</Th>
            {!compact && <Th>{t('plugins.column.signature')}</Th>}
            {!compact && <Th>{t('plugins.column.message')}</Th>}
            {mayWrite && <Th screenReaderText={t('common.actions')} />}
          </Tr>
        </Thead>
        <Tbody>
          {plugins.map((plugin) => (
            <Tr key={plugin.id} isRowSelected={plugin.id === selectedId} data-testid={`plugin-row-${plugin.id}`}>
              <Td dataLabel={t('plugins.column.name')}>
                <Button variant="link" isInline onClick={() => select(plugin.id)} aria-expanded={plugin.id === selectedId}>
                  {plugin.name}
                </Button>
              </Td>
              {!compact && <Td dataLabel={t('plugins.column.id')}>{plugin.id}</Td>}
              {!compact && <Td dataLabel={t('plugins.column.vendor')}>{plugin.vendor || '—'}</Td>}
              {!compact && <Td dataLabel={t('plugins.column.version')}>{plugin.version || '—'}</Td>}
              <Td dataLabel={t('plugins.column.state')}>
                <PluginStateLabel state={plugin.state} />
              </Td>
              {!compact && (
                <Td dataLabel={t('plugins.column.signature')}>
                  <SignatureLabel state={plugin.signature.state} />
                </Td>
              )}
              {!compact && (
                <Td dataLabel={t('plugins.column.message')} modifier="breakWord">
                  {plugin.message || '—'}
                </Td>
              )}
              {mayWrite && (
                <Td isActionCell>
                  <RowActions label={t('plugins.actionsOf', { plugin: plugin.name })} items={actionsOf(plugin)} />
                </Td>
              )}
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  } else if (error !== undefined) {
    content = <ApiErrorAlert variant="danger" title={t('plugins.loadFailed')} error={error} />;
  } else {
    content = <PageLoading label={t('plugins.loading')} />;
  }

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('plugins.title')}</Title>
        <Content component="p">{t('plugins.intro')}</Content>
      </PageSection>
      <PageSection>
        <Drawer isExpanded={selected !== undefined} isInline>
          <DrawerContent panelContent={selected ? <PluginDetails plugin={selected} onClose={() => select(undefined)} /> : undefined}>
            <DrawerContentBody>
              <Stack hasGutter>
                {mayWrite && plugins && plugins.length > 0 && (
                  <StackItem>
                    <Toolbar>
                      <ToolbarContent>
                        <ToolbarItem>
                          <Button variant="primary" onClick={() => setUploading(true)}>
                            {t('plugins.upload.open')}
                          </Button>
                        </ToolbarItem>
                      </ToolbarContent>
                    </Toolbar>
                  </StackItem>
                )}
                {notice && (
                  <StackItem>
                    <Alert
                      variant={notice.variant}
                      isInline
                      isLiveRegion
                      title={notice.title}
                      actionClose={<AlertActionCloseButton onClose={() => setNotice(undefined)} />}
                    >
                      {notice.body}
                    </Alert>
                  </StackItem>
                )}
                {plugins && error !== undefined && (
                  <StackItem>
                    <ApiErrorAlert variant="warning" title={t('plugins.reloadFailed')} error={error} />
                  </StackItem>
                )}
                <StackItem>{content}</StackItem>
              </Stack>
            </DrawerContentBody>
          </DrawerContent>
        </Drawer>
      </PageSection>
      {uploading && <UploadPluginModal onClose={() => setUploading(false)} onUploaded={uploaded} />}
      {uninstalling && (
        <ConfirmModal
          title={t('plugins.uninstall.title', { plugin: uninstalling.name, id: uninstalling.id })}
          body={
            <Stack hasGutter>
              <StackItem>{t('plugins.uninstall.body')}</StackItem>
              <StackItem>
                <Checkbox
                  id="uninstall-purge"
                  label={t('plugins.uninstall.purge')}
                  description={t('plugins.uninstall.purgeHint')}
                  isChecked={purge}
                  onChange={(_event, checked) => setPurge(checked)}
                />
              </StackItem>
            </Stack>
          }
          confirmLabel={purge ? t('plugins.uninstall.confirmPurge') : t('plugins.uninstall.confirm')}
          onConfirm={async () => {
            await uninstallPlugin(uninstalling.id, purge);
            setNotice({
              variant: 'success',
              title: t(purge ? 'plugins.notice.purged' : 'plugins.notice.uninstalled', { plugin: uninstalling.name }),
            });
            if (selectedId === uninstalling.id) {
              select(undefined);
            }
            setUninstalling(undefined);
            refresh();
          }}
          onClose={() => setUninstalling(undefined)}
        />
      )}
    </>
  );
}
