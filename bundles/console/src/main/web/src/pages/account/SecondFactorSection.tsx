import {
  ActionGroup,
  Alert,
  Button,
  ClipboardCopy,
  CodeBlock,
  CodeBlockCode,
  Content,
  Flex,
  FlexItem,
  Form,
  FormGroup,
  Label,
  Stack,
  StackItem,
  TextInput,
} from '@patternfly/react-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { beginSecondFactor, confirmSecondFactor, removeOwnSecondFactor, type Me, type SecondFactorEnrolment } from '../../api/session';
import { describeError } from '../../components/ApiErrorAlert';
import { CopyButton } from '../../components/CopyButton';
import { QrCode } from '../../components/QrCode';
import { useSession } from '../../session/SessionContext';

type Stage = { name: 'idle' } | { name: 'enrolling'; enrolment: SecondFactorEnrolment } | { name: 'recovery'; codes: string[] };

/**
 * TOTP second factor: enrol (QR code and secret for the authenticator app, confirmed with a first code), then the
 * recovery codes once; or remove it with the password.
 */
export function SecondFactorSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { reloadMe } = useSession();
  const [stage, setStage] = useState<Stage>({ name: 'idle' });
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  const failureAlert = failure && (
    <StackItem>
      <Alert variant="danger" isInline title={t('myAccount.secondFactor.failed')}>
        {failure}
      </Alert>
    </StackItem>
  );

  if (stage.name === 'recovery') {
    return (
      <Stack hasGutter>
        <StackItem>
          <Alert variant="success" isInline title={t('myAccount.secondFactor.enabled')}>
            {t('myAccount.secondFactor.recoveryHelp')}
          </Alert>
        </StackItem>
        <StackItem>
          <CodeBlock>
            <CodeBlockCode data-testid="recovery-codes">{stage.codes.join('\n')}</CodeBlockCode>
          </CodeBlock>
        </StackItem>
        <StackItem>
          <Flex>
            <CopyButton text={stage.codes.join('\n')} label={t('myAccount.secondFactor.copyCodes')} />
            <Button variant="primary" onClick={() => setStage({ name: 'idle' })}>
              {t('myAccount.secondFactor.savedCodes')}
            </Button>
          </Flex>
        </StackItem>
      </Stack>
    );
  }

  if (stage.name === 'enrolling') {
    const confirm = (event: FormEvent) => {
      event.preventDefault();
      void run(async () => {
        const codes = await confirmSecondFactor(code.trim());
        setCode('');
        await reloadMe();
        setStage({ name: 'recovery', codes });
      });
    };
    return (
      <Stack hasGutter>
        {failureAlert}
        <StackItem>
          <Content component="p">{t('myAccount.secondFactor.scan')}</Content>
        </StackItem>
        <StackItem>
          <Flex alignItems={{ default: 'alignItemsCenter' }} gap={{ default: 'gapLg' }}>
            <FlexItem>
              <QrCode text={stage.enrolment.otpauthUri} label={t('myAccount.secondFactor.qrLabel')} />
            </FlexItem>
            <FlexItem flex={{ default: 'flex_1' }}>
              <Content component="p">{t('myAccount.secondFactor.secret')}</Content>
              <ClipboardCopy isReadOnly isCode hoverTip={t('copy.hover')} clickTip={t('copy.done')} data-testid="totp-secret">
                {stage.enrolment.secret}
              </ClipboardCopy>
            </FlexItem>
          </Flex>
        </StackItem>
        <StackItem>
          <Form maxWidth="40rem" onSubmit={confirm} aria-label={t('myAccount.secondFactor.confirm')}>
            <FormGroup label={t('myAccount.secondFactor.code')} isRequired fieldId="totp-confirm-code">
              <TextInput
                id="totp-confirm-code"
                autoComplete="one-time-code"
                isRequired
                value={code}
                onChange={(_event, value) => setCode(value)}
              />
            </FormGroup>
            <ActionGroup>
              <Button type="submit" variant="primary" isLoading={busy} isDisabled={busy}>
                {t('myAccount.secondFactor.confirm')}
              </Button>
              <Button variant="link" onClick={() => setStage({ name: 'idle' })}>
                {t('common.cancel')}
              </Button>
            </ActionGroup>
          </Form>
        </StackItem>
      </Stack>
    );
  }

  if (me.account.secondFactor) {
    const remove = (event: FormEvent) => {
      event.preventDefault();
      void run(async () => {
        await removeOwnSecondFactor(password);
        setPassword('');
        await reloadMe();
      });
    };
    return (
      <Stack hasGutter>
        <StackItem>
          <Label status="success">{t('myAccount.secondFactor.on')}</Label>
        </StackItem>
        {failureAlert}
        <StackItem>
          <Form maxWidth="40rem" onSubmit={remove} aria-label={t('myAccount.secondFactor.remove')}>
            <FormGroup label={t('password.current')} isRequired fieldId="totp-remove-password">
              <TextInput
                id="totp-remove-password"
                type="password"
                autoComplete="current-password"
                isRequired
                value={password}
                onChange={(_event, value) => setPassword(value)}
              />
            </FormGroup>
            <ActionGroup>
              <Button type="submit" variant="danger" isLoading={busy} isDisabled={busy}>
                {t('myAccount.secondFactor.remove')}
              </Button>
            </ActionGroup>
          </Form>
        </StackItem>
      </Stack>
    );
  }

  return (
    <Stack hasGutter>
      <StackItem>
        <Label>{t('myAccount.secondFactor.off')}</Label>
      </StackItem>
      <StackItem>
        <Content component="p">{t('myAccount.secondFactor.explain')}</Content>
      </StackItem>
      {failureAlert}
      <StackItem>
        <Button
          variant="primary"
          isLoading={busy}
          isDisabled={busy}
          onClick={() => void run(async () => setStage({ name: 'enrolling', enrolment: await beginSecondFactor() }))}
        >
          {t('myAccount.secondFactor.begin')}
        </Button>
      </StackItem>
    </Stack>
  );
}
