import type { i18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { holds } from './api/session';
import { AppFrame } from './components/AppFrame';
import { NoAccessPage } from './pages/NoAccessPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { AcceptTermsPage } from './pages/signin/AcceptTermsPage';
import { ChangePasswordStepPage } from './pages/signin/ChangePasswordStepPage';
import { SignInPage } from './pages/signin/SignInPage';
import { consoleRoutes, homePath, type ConsoleRoute } from './routes';
import { PendingStepRoute, RequireSession } from './session/guards';
import { SessionProvider, useMe } from './session/SessionContext';

/** Router base: Vite's `base` ('/console/') without the trailing slash. */
const basename = import.meta.env.BASE_URL.replace(/\/$/, '');

export function App({ i18n }: { i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <SessionProvider>
        <BrowserRouter basename={basename}>
          <ConsoleRoutes />
        </BrowserRouter>
      </SessionProvider>
    </I18nextProvider>
  );
}

/**
 * All console URLs: sign-in and the pending steps outside the frame; the registered pages inside it for a signed-in
 * account; "not found" for everything else.
 */
export function ConsoleRoutes() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route
        path="change-password"
        element={
          <PendingStepRoute step="CHANGE_PASSWORD">
            <ChangePasswordStepPage />
          </PendingStepRoute>
        }
      />
      <Route
        path="accept-terms"
        element={
          <PendingStepRoute step="ACCEPT_TERMS">
            <AcceptTermsPage />
          </PendingStepRoute>
        }
      />
      <Route element={<RequireSession />}>
        <Route element={<AppFrame />}>
          <Route index element={<Navigate to={homePath} replace />} />
          {consoleRoutes.map((route) => (
            <Route key={route.path} path={route.path} element={<RoutePage route={route} />} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

function RoutePage({ route }: { route: ConsoleRoute }) {
  const { t } = useTranslation();
  const me = useMe();
  const Page = route.component;
  return (
    <>
      <title>{t('app.pageTitle', { page: t(route.titleKey) })}</title>
      {route.permission && !holds(me, route.permission) ? <NoAccessPage /> : <Page />}
    </>
  );
}
