import { ActionGroup, Alert, Button, Form, FormGroup, HelperText, HelperTextItem, TextInput } from '@patternfly/react-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../api/client';
import { signIn } from '../../api/session';
import { describeError } from '../../components/ApiErrorAlert';
import { SignInFrame } from '../../components/SignInFrame';
import { formatDuration } from '../../i18n/format';
import { intendedPath, SessionPending } from '../../session/guards';
import { useSession } from '../../session/SessionContext';

type Step = 'password' | 'second-factor';

/**
 * Sign-in with login name and password, then, for accounts with a second factor, a TOTP or recovery code. On
 * success the console goes on to the page the user wanted (or a pending step first).
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { state, signedIn } = useSession();
  const location = useLocation();
  const [step, setStep] = useState<Step>('password');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  if (state.status === 'checking' || state.status === 'unavailable') {
    return <SessionPending />;
  }
  if (state.status === 'signed-in') {
    return <Navigate to={intendedPath(location.state)} replace state={location.state as unknown} />;
  }

  const explain = (error: unknown): string => {
    if (error instanceof ApiError && error.status === 401) {
      return step === 'second-factor' ? t('signIn.wrongCode') : t('signIn.wrongCredentials');
    }
    if (error instanceof ApiError && error.status === 429) {
      return error.retryAfterSeconds !== undefined
        ? t('signIn.lockedOut', { wait: formatDuration(Math.max(1, error.retryAfterSeconds), t) })
        : t('signIn.lockedOutNoTime');
    }
    return describeError(error, t);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const session = await signIn({ login: login.trim(), password, ...(step === 'second-factor' ? { totp: code.trim() } : {}) });
      await signedIn(session);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && error.code === 'second-factor-required' && step === 'password') {
        setStep('second-factor');
      } else {
        setFailure(explain(error));
      }
      setBusy(false);
    }
  };

  const startAgain = () => {
    setStep('password');
    setCode('');
    setPassword('');
    setFailure(undefined);
  };

  return (
    <SignInFrame
      title={t('signIn.title')}
      subtitle={step === 'password' ? t('signIn.subtitle') : t('signIn.secondFactorSubtitle')}
    >
      <Form onSubmit={(event) => void submit(event)} aria-label={t('signIn.title')}>
        {state.expired && !failure && (
          <Alert variant="info" isInline isPlain title={t('signIn.expired')} />
        )}
        {failure && <Alert variant="danger" isInline title={failure} data-testid="sign-in-error" />}
        {step === 'password' ? (
          <>
            <FormGroup label={t('signIn.login')} isRequired fieldId="sign-in-login">
              <TextInput
                id="sign-in-login"
                name="login"
                autoComplete="username"
                isRequired
                autoFocus
                value={login}
                onChange={(_event, value) => setLogin(value)}
              />
            </FormGroup>
            <FormGroup label={t('signIn.password')} isRequired fieldId="sign-in-password">
              <TextInput
                id="sign-in-password"
                name="password"
                type="password"
                autoComplete="current-password"
                isRequired
                value={password}
                onChange={(_event, value) => setPassword(value)}
              />
            </FormGroup>
          </>
        ) : (
          <FormGroup label={t('signIn.code')} isRequired fieldId="sign-in-code">
            <TextInput
              id="sign-in-code"
              name="totp"
              autoComplete="one-time-code"
              inputMode="text"
              isRequired
              autoFocus
              value={code}
              onChange={(_event, value) => setCode(value)}
            />
            <HelperText>
              <HelperTextItem>{t('signIn.codeHelp')}</HelperTextItem>
            </HelperText>
          </FormGroup>
        )}
        <ActionGroup>
          <Button type="submit" variant="primary" isBlock isLoading={busy} isDisabled={busy}>
            {step === 'password' ? t('signIn.submit') : t('signIn.verify')}
          </Button>
          {step === 'second-factor' && (
            <Button variant="link" isInline onClick={startAgain}>
              {t('signIn.startAgain')}
            </Button>
          )}
        </ActionGroup>
      </Form>
    </SignInFrame>
  );
}
