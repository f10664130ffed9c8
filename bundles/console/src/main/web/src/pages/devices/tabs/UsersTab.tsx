import { Stack, StackItem, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceUsers } from '../../../api/devices';
import { useLoad } from '../../../api/useLoad';
import type { DeviceTabProps } from '../deviceTabs';
import { Empty, TabState, When } from './TabState';

/** The user accounts known on the device and its recent sessions. */
export default function UsersTab({ device }: DeviceTabProps) {
  const { t } = useTranslation();
  const users = useLoad(useCallback((signal: AbortSignal) => deviceUsers(device.id, signal), [device.id]));
  return (
    <TabState data={users.data} error={users.error} isEmpty={() => false} emptyKey="devices.users.noAccounts">
      {({ accounts, sessions }) => (
        <Stack hasGutter>
          <StackItem>
            <Title headingLevel="h2" size="lg">
              {t('devices.users.accounts')}
            </Title>
            {accounts.length === 0 ? (
              <Empty textKey="devices.users.noAccounts" />
            ) : (
              <Table aria-label={t('devices.users.accounts')} variant="compact">
                <Thead>
                  <Tr>
                    <Th>{t('devices.users.name')}</Th>
                    <Th>{t('devices.users.domain')}</Th>
                    <Th>{t('devices.users.fullName')}</Th>
                    <Th>{t('devices.users.lastLogon')}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {accounts.map((account) => (
                    <Tr key={`${account.domain ?? ''}\\${account.name}`}>
                      <Td dataLabel={t('devices.users.name')}>{account.name}</Td>
                      <Td dataLabel={t('devices.users.domain')}>{account.domain ?? '—'}</Td>
                      <Td dataLabel={t('devices.users.fullName')}>{account.fullName ?? '—'}</Td>
                      <Td dataLabel={t('devices.users.lastLogon')}>
                        <When instant={account.lastLogonAt} />
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </StackItem>
          <StackItem>
            <Title headingLevel="h2" size="lg">
              {t('devices.users.sessions')}
            </Title>
            {sessions.length === 0 ? (
              <Empty textKey="devices.users.noSessions" />
            ) : (
              <Table aria-label={t('devices.users.sessions')} variant="compact">
                <Thead>
                  <Tr>
                    <Th>{t('devices.users.name')}</Th>
                    <Th>{t('devices.users.domain')}</Th>
                    <Th>{t('devices.users.kind')}</Th>
                    <Th>{t('devices.users.startedAt')}</Th>
                    <Th>{t('devices.users.endedAt')}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {sessions.map((session, index) => (
                    <Tr key={index}>
                      <Td dataLabel={t('devices.users.name')}>{session.accountName}</Td>
                      <Td dataLabel={t('devices.users.domain')}>{session.domain ?? '—'}</Td>
                      <Td dataLabel={t('devices.users.kind')}>{session.kind ?? '—'}</Td>
                      <Td dataLabel={t('devices.users.startedAt')}>
                        <When instant={session.startedAt} />
                      </Td>
                      <Td dataLabel={t('devices.users.endedAt')}>{session.endedAt ? <When instant={session.endedAt} /> : t('devices.users.active')}</Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </StackItem>
        </Stack>
      )}
    </TabState>
  );
}
