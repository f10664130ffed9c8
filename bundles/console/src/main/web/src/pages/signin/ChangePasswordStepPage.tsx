import { Alert, Button, Stack, StackItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { SignInFrame } from '../../components/SignInFrame';
import { useSession } from '../../session/SessionContext';

/** Shown after sign-in while the account's password was generated or reset and must be changed first. */
export function ChangePasswordStepPage() {
  const { t } = useTranslation();
  const { completeStep, signOut } = useSession();
  return (
    <SignInFrame title={t('passwordStep.title')}>
      <Stack hasGutter>
        <StackItem>
          <Alert variant="info" isInline isPlain title={t('passwordStep.why')} />
        </StackItem>
        <StackItem>
          <ChangePasswordForm onChanged={() => completeStep('CHANGE_PASSWORD')} submitLabel={t('passwordStep.submit')} />
        </StackItem>
        <StackItem>
          <Button variant="link" isInline onClick={() => void signOut()}>
            {t('user.signOut')}
          </Button>
        </StackItem>
      </Stack>
    </SignInFrame>
  );
}
