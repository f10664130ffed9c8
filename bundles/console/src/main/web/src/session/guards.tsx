import { Alert, Bullseye, Button, PageSection } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, type Location } from 'react-router';
import { describeError } from '../components/ApiErrorAlert';
import { PageLoading } from '../components/PageLoading';
import { homePath } from '../routes';
import type { PendingStep } from '../api/session';
import { pendingStepOf, useSession } from './SessionContext';

/** Router state of the sign-in and pending-step pages: the console URL the user wanted to open. */
export interface IntendedRoute {
  from?: Pick<Location, 'pathname' | 'search' | 'hash'>;
}

export const stepPaths: Record<PendingStep, string> = {
  CHANGE_PASSWORD: '/change-password',
  ACCEPT_TERMS: '/accept-terms',
};

/** The URL to go on to after signing in or finishing a step: the one wanted before, else the home page. */
export function intendedPath(state: unknown): string {
  const from = (state as IntendedRoute | null)?.from;
  if (!from || from.pathname === '/sign-in' || Object.values(stepPaths).includes(from.pathname)) {
    return homePath;
  }
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}

/** While the console asks the server whether this browser is signed in, or when the server cannot answer. */
export function SessionPending() {
  const { t } = useTranslation();
  const { state, refresh } = useSession();
  if (state.status === 'unavailable') {
    return (
      <PageSection>
        <Alert
          variant="danger"
          isInline
          title={t('session.unavailable')}
          actionLinks={
            <Button variant="link" isInline onClick={() => void refresh()}>
              {t('session.retry')}
            </Button>
          }
        >
          {describeError(state.error, t)}
        </Alert>
      </PageSection>
    );
  }
  return (
    <Bullseye>
      <PageLoading label={t('session.checking')} />
    </Bullseye>
  );
}

/**
 * Lets only a signed-in account without pending steps through; sends everyone else to the sign-in page or the
 * step they must do first, remembering where they wanted to go.
 */
export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  const intended: IntendedRoute = { from: { pathname: location.pathname, search: location.search, hash: location.hash } };

  if (state.status === 'checking' || state.status === 'unavailable') {
    return <SessionPending />;
  }
  if (state.status === 'signed-out') {
    return <Navigate to="/sign-in" replace state={intended} />;
  }
  const step = pendingStepOf(state);
  if (step) {
    return <Navigate to={stepPaths[step]} replace state={intended} />;
  }
  if (!state.me) {
    return <SessionPending />;
  }
  return <Outlet />;
}

/** Shows a pending-step page only while that step is pending; otherwise goes on to where the user wanted to go. */
export function PendingStepRoute({ step, children }: { step: PendingStep; children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'checking' || state.status === 'unavailable') {
    return <SessionPending />;
  }
  if (state.status === 'signed-out') {
    return <Navigate to="/sign-in" replace state={location.state as unknown} />;
  }
  const current = pendingStepOf(state);
  if (current !== step) {
    return <Navigate to={current ? stepPaths[current] : intendedPath(location.state)} replace state={location.state as unknown} />;
  }
  return <>{children}</>;
}
