import {
  Alert,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  LabelGroup,
  PageSection,
  Tab,
  TabTitleText,
  Tabs,
  Title,
} from '@patternfly/react-core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/session';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../i18n/format';
import { useMe } from '../../session/SessionContext';
import { SecondFactorSection } from './SecondFactorSection';
import { SettingsSection } from './SettingsSection';
import { TokensSection } from './TokensSection';

/** The signed-in account looks after itself: profile, password, second factor, API tokens and console settings. */
export default function MyAccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [tab, setTab] = useState<string | number>('profile');
  if (!me) {
    return <PageLoading label={t('myAccount.loading')} />;
  }
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('myAccount.title')}</Title>
      </PageSection>
      <PageSection>
        <Tabs activeKey={tab} onSelect={(_event, key) => setTab(key)} mountOnEnter unmountOnExit aria-label={t('myAccount.title')}>
          <Tab eventKey="profile" title={<TabTitleText>{t('myAccount.profile.tab')}</TabTitleText>}>
            <div className="garrison-tab-body">
              <Profile me={me} />
            </div>
          </Tab>
          <Tab eventKey="password" title={<TabTitleText>{t('myAccount.password.tab')}</TabTitleText>}>
            <div className="garrison-tab-body">
              <PasswordSection />
            </div>
          </Tab>
          <Tab eventKey="second-factor" title={<TabTitleText>{t('myAccount.secondFactor.tab')}</TabTitleText>}>
            <div className="garrison-tab-body">
              <SecondFactorSection me={me} />
            </div>
          </Tab>
          <Tab eventKey="tokens" title={<TabTitleText>{t('myAccount.tokens.tab')}</TabTitleText>}>
            <div className="garrison-tab-body">
              <TokensSection me={me} />
            </div>
          </Tab>
          <Tab eventKey="settings" title={<TabTitleText>{t('myAccount.settings.tab')}</TabTitleText>}>
            <div className="garrison-tab-body">
              <SettingsSection />
            </div>
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
}

function Profile({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const account = me.account;
  const field = (term: string, value: ReactNode, testId: string) => (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription data-testid={`profile-${testId}`}>{value || '—'}</DescriptionListDescription>
    </DescriptionListGroup>
  );
  const permissions = Object.entries(me.permissions)
    .filter(([, scope]) => scope.everywhere || scope.roots.length > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  return (
    <DescriptionList isHorizontal>
      {field(t('account.login'), account.login, 'login')}
      {field(t('account.fullName'), account.fullName, 'full-name')}
      {field(t('account.email'), account.email, 'email')}
      {field(t('account.phone'), account.phone, 'phone')}
      {field(t('account.description'), account.description, 'description')}
      {field(
        t('account.lastSignIn'),
        account.lastSignIn ? <time dateTime={account.lastSignIn}>{formatDateTime(account.lastSignIn, i18n.language)}</time> : null,
        'last-sign-in',
      )}
      {field(
        t('account.createdAt'),
        account.createdAt ? <time dateTime={account.createdAt}>{formatDateTime(account.createdAt, i18n.language)}</time> : null,
        'created-at',
      )}
      {field(
        t('myAccount.profile.permissions'),
        permissions.length === 0 ? (
          t('myAccount.profile.noPermissions')
        ) : (
          <LabelGroup numLabels={30} isCompact>
            {permissions.map(([permission, scope]) => (
              <Label key={permission} isCompact>
                {scope.everywhere ? permission : t('myAccount.profile.inGroups', { permission, count: scope.roots.length })}
              </Label>
            ))}
          </LabelGroup>
        ),
        'permissions',
      )}
    </DescriptionList>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const [changed, setChanged] = useState(false);
  return (
    <>
      {changed && <Alert variant="success" isInline title={t('myAccount.password.changed')} className="garrison-space-below" />}
      <ChangePasswordForm onChanged={() => setChanged(true)} />
    </>
  );
}
