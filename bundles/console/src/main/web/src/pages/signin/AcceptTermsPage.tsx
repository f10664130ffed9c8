import { Alert, Button, Content, Flex, Stack, StackItem, Title } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptTerms, fetchTerms, type LegalTerms } from '../../api/session';
import { ApiErrorAlert, describeError } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { SignInFrame } from '../../components/SignInFrame';
import { useSession } from '../../session/SessionContext';
import './AcceptTermsPage.css';

/** Shown after sign-in while the current legal terms are not accepted: the terms, and the button to accept them. */
export function AcceptTermsPage() {
  const { t } = useTranslation();
  const { completeStep, signOut } = useSession();
  const [terms, setTerms] = useState<LegalTerms | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    fetchTerms(controller.signal).then(setTerms, (error: unknown) => {
      if (!controller.signal.aborted) {
        setLoadError(error);
      }
    });
    return () => controller.abort();
  }, []);

  const accept = async () => {
    if (!terms) {
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await acceptTerms(terms.version);
      await completeStep('ACCEPT_TERMS');
    } catch (error) {
      setFailure(describeError(error, t));
      setBusy(false);
    }
  };

  let content;
  if (terms) {
    content = (
      <Stack hasGutter>
        <StackItem>
          <Title headingLevel="h2" size="lg">
            {terms.title}
          </Title>
          <Content component="small">{t('terms.version', { version: terms.version })}</Content>
        </StackItem>
        <StackItem>
          <div className="garrison-terms-text" tabIndex={0} role="document" aria-label={terms.title}>
            {terms.text}
          </div>
        </StackItem>
        {failure && (
          <StackItem>
            <Alert variant="danger" isInline title={t('terms.acceptFailed')}>
              {failure}
            </Alert>
          </StackItem>
        )}
        <StackItem>
          <Flex>
            <Button variant="primary" onClick={() => void accept()} isLoading={busy} isDisabled={busy}>
              {t('terms.accept')}
            </Button>
            <Button variant="link" onClick={() => void signOut()}>
              {t('user.signOut')}
            </Button>
          </Flex>
        </StackItem>
      </Stack>
    );
  } else if (loadError !== undefined) {
    content = <ApiErrorAlert variant="danger" title={t('terms.loadFailed')} error={loadError} />;
  } else {
    content = <PageLoading label={t('terms.loading')} />;
  }

  return (
    <SignInFrame title={t('terms.title')} subtitle={t('terms.why')}>
      {content}
    </SignInFrame>
  );
}
