import {
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  DrawerActions,
  DrawerCloseButton,
  DrawerHead,
  DrawerPanelBody,
  DrawerPanelContent,
  List,
  ListItem,
  Title,
} from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Plugin } from '../../api/plugins';
import { formatDateTime } from '../../i18n/format';
import { applicationPath, titleIn } from '../../plugins/contributions';
import { PluginStateLabel } from './PluginStateLabel';
import { SignatureLabel } from './SignatureLabel';
import './plugins.css';

/** One term of the details with a list of entries, or "none". */
function Entries({ term, entries }: { term: string; entries: ReactNode[] }) {
  const { t } = useTranslation();
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription>
        {entries.length === 0 ? (
          t('plugins.details.none')
        ) : (
          <List isPlain>
            {entries.map((entry, index) => (
              <ListItem key={index}>{entry}</ListItem>
            ))}
          </List>
        )}
      </DescriptionListDescription>
    </DescriptionListGroup>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

/** The drawer panel of one plugin: what it is, where it stands and everything it contributes. */
export function PluginDetails({ plugin, onClose }: { plugin: Plugin; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const contributions = plugin.contributions;
  const pages = new Map(contributions.console.filter((entry) => entry.kind === 'page').map((page) => [page.id, page]));
  return (
    <DrawerPanelContent widths={{ default: 'width_50' }} aria-label={t('plugins.details.label', { plugin: plugin.name })}>
      <DrawerHead>
        <Title headingLevel="h2">{plugin.name}</Title>
        <DrawerActions>
          <DrawerCloseButton onClick={onClose} aria-label={t('plugins.details.close')} />
        </DrawerActions>
      </DrawerHead>
      <DrawerPanelBody>
        <DescriptionList isCompact isHorizontal className="garrison-space-below">
          <Fact term={t('plugins.column.id')}>{plugin.id}</Fact>
          <Fact term={t('plugins.column.vendor')}>{plugin.vendor || '—'}</Fact>
          <Fact term={t('plugins.column.version')}>{plugin.version || '—'}</Fact>
          <Fact term={t('plugins.details.minServerVersion')}>{plugin.minServerVersion || '—'}</Fact>
          <Fact term={t('plugins.column.state')}>
            <PluginStateLabel state={plugin.state} />
          </Fact>
          {plugin.message && <Fact term={t('plugins.column.message')}>{plugin.message}</Fact>}
          <Fact term={t('plugins.column.signature')}>
            <SignatureLabel state={plugin.signature.state} />
            {plugin.signature.message && <div className="garrison-signature-message">{plugin.signature.message}</div>}
          </Fact>
          {plugin.signature.signer && <Fact term={t('plugins.details.signer')}>{plugin.signature.signer}</Fact>}
          {plugin.signature.fingerprint && (
            <Fact term={t('plugins.details.fingerprint')}>
              <code className="garrison-fingerprint">{plugin.signature.fingerprint}</code>
            </Fact>
          )}
          <Fact term={t('plugins.details.changedAt')}>
            <time dateTime={plugin.changedAt}>{formatDateTime(plugin.changedAt, i18n.language)}</time>
          </Fact>
        </DescriptionList>
        <Title headingLevel="h3" className="garrison-space-below">
          {t('plugins.details.contributions')}
        </Title>
        {plugin.state !== 'active' ? (
          <Content component="p">{t('plugins.details.inactive')}</Content>
        ) : (
          <DescriptionList isCompact isHorizontal>
            <Fact term={t('plugins.details.settingsSchema')}>
              {contributions.settingsSchema ? t('plugins.details.yes') : t('plugins.details.no')}
            </Fact>
            <Entries
              term={t('plugins.details.taskTypes')}
              entries={contributions.taskTypes.map((type) =>
                t(type.runsOnDevices ? 'plugins.details.taskOnDevices' : 'plugins.details.taskOnServer', { title: type.title, type: type.type }),
              )}
            />
            <Entries
              term={t('plugins.details.eventTypes')}
              entries={contributions.eventTypes.map((type) =>
                t('plugins.details.eventType', { title: type.title, type: type.type, severity: type.defaultSeverity }),
              )}
            />
            <Entries
              term={t('plugins.details.dataKinds')}
              entries={contributions.dataKinds.map((kind) => t('plugins.details.dataKind', { title: kind.title, kind: kind.kind }))}
            />
            <Entries
              term={t('plugins.details.console')}
              entries={contributions.console.map((entry) => {
                const title = titleIn(entry, i18n.language);
                const target = entry.kind === 'page' ? entry : entry.kind === 'navigation' ? pages.get(entry.module) : undefined;
                const text = t(`plugins.details.consoleKind.${entry.kind}`, { title });
                return target ? <Link to={applicationPath(plugin.id, target.id)}>{text}</Link> : text;
              })}
            />
            <Entries
              term={t('plugins.details.data')}
              entries={contributions.data.map((item) =>
                t('plugins.details.dataItem', {
                  title: item.title,
                  source: t(`plugins.details.source.${item.source}`, { defaultValue: item.source }),
                  storage: item.storage,
                  retention: item.retention,
                }) +
                  (item.personal ? ` · ${t('plugins.details.personal')}` : '') +
                  (item.encrypted ? ` · ${t('plugins.details.encrypted')}` : ''),
              )}
            />
            <Entries
              term={t('plugins.details.permissions')}
              entries={contributions.permissions.map((permission) => t('plugins.details.permission', { id: permission.id, description: permission.description }))}
            />
          </DescriptionList>
        )}
      </DrawerPanelBody>
    </DrawerPanelContent>
  );
}
