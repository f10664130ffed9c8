import {
  Button,
  Card,
  CardBody,
  CardTitle,
  CodeBlock,
  CodeBlockCode,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  List,
  ListItem,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { fetchGateway } from '../../api/agents';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CopyButton } from '../../components/CopyButton';
import { PageLoading } from '../../components/PageLoading';

/**
 * How devices join: the steps, and the gateway's port and certificate-authority pin (`GET /gateway`) that an agent
 * checks when it enrolls, so an admin can compare them with what the enroll command carries.
 */
export function AddDevicesPanel({ onShowTokens }: { onShowTokens: () => void }) {
  const { t } = useTranslation();
  const gateway = useLoad(fetchGateway);

  return (
    <Stack hasGutter>
      <StackItem>
        <Card>
          <CardTitle component="h2">{t('agents.add.stepsTitle')}</CardTitle>
          <CardBody>
            <List component="ol">
              <ListItem>
                {t('agents.add.step1')}{' '}
                <Button variant="link" isInline onClick={onShowTokens}>
                  {t('agents.add.toTokens')}
                </Button>
              </ListItem>
              <ListItem>{t('agents.add.step2')}</ListItem>
              <ListItem>{t('agents.add.step3')}</ListItem>
            </List>
          </CardBody>
        </Card>
      </StackItem>
      <StackItem>
        <Card>
          <CardTitle component="h2">{t('agents.add.gatewayTitle')}</CardTitle>
          <CardBody>
            {gateway.error !== undefined && <ApiErrorAlert variant="danger" title={t('agents.add.gatewayFailed')} error={gateway.error} />}
            {gateway.error === undefined && !gateway.data && <PageLoading label={t('agents.loading')} />}
            {gateway.data && (
              <Stack hasGutter>
                <StackItem>
                  <DescriptionList isHorizontal isCompact>
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('agents.add.port')}</DescriptionListTerm>
                      <DescriptionListDescription data-testid="gateway-port">{gateway.data.port}</DescriptionListDescription>
                    </DescriptionListGroup>
                    {gateway.data.serverNames && gateway.data.serverNames.length > 0 && (
                      <DescriptionListGroup>
                        <DescriptionListTerm>{t('agents.add.serverNames')}</DescriptionListTerm>
                        <DescriptionListDescription>{gateway.data.serverNames.join(', ')}</DescriptionListDescription>
                      </DescriptionListGroup>
                    )}
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('agents.add.caPin')}</DescriptionListTerm>
                      <DescriptionListDescription>
                        <code data-testid="gateway-ca-pin">{gateway.data.caPin}</code>{' '}
                        <CopyButton text={gateway.data.caPin} label={t('agents.add.copyPin')} />
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                  </DescriptionList>
                </StackItem>
                <StackItem>{t('agents.add.pinHelp')}</StackItem>
                <StackItem>
                  <CodeBlock actions={<CopyButton text={gateway.data.caCertificate} label={t('agents.add.copyCertificate')} />}>
                    <CodeBlockCode aria-label={t('agents.add.caCertificate')}>{gateway.data.caCertificate}</CodeBlockCode>
                  </CodeBlock>
                </StackItem>
              </Stack>
            )}
          </CardBody>
        </Card>
      </StackItem>
    </Stack>
  );
}
