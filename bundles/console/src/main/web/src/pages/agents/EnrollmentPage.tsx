import { PageSection, Tab, Tabs, TabTitleText, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AddDevicesPanel } from './AddDevicesPanel';
import { AgentsPanel } from './AgentsPanel';
import { TokensPanel } from './TokensPanel';

const tabs = ['add', 'tokens', 'agents'] as const;
type TabId = (typeof tabs)[number];

/**
 * Agents and enrollment: how to add devices (the gateway and its certificate authority), the enrollment tokens,
 * and the enrolled agents with their approval and certificates. The open tab is part of the URL.
 */
export default function EnrollmentPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: TabId = tabs.find((candidate) => candidate === requested) ?? 'add';

  const open = (next: TabId) =>
    setSearchParams((current) => {
      const params = new URLSearchParams(current);
      if (next === 'add') {
        params.delete('tab');
      } else {
        params.set('tab', next);
      }
      return params;
    });

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('agents.title')}</Title>
      </PageSection>
      <PageSection>
        <Tabs activeKey={tab} onSelect={(_event, key) => open(tabs.find((candidate) => candidate === key) ?? 'add')} aria-label={t('agents.tabs')} mountOnEnter unmountOnExit>
          <Tab eventKey="add" title={<TabTitleText>{t('agents.add.tab')}</TabTitleText>}>
            <div className="garrison-tab-body">
              <AddDevicesPanel onShowTokens={() => open('tokens')} />
            </div>
          </Tab>
          <Tab eventKey="tokens" title={<TabTitleText>{t('agents.tokens.tab')}</TabTitleText>}>
            <div className="garrison-tab-body">
              <TokensPanel />
            </div>
          </Tab>
          <Tab eventKey="agents" title={<TabTitleText>{t('agents.agents.tab')}</TabTitleText>}>
            <div className="garrison-tab-body">
              <AgentsPanel />
            </div>
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
}
