import type { i18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AppFrame } from './components/AppFrame';
import { NotFoundPage } from './pages/NotFoundPage';
import { consoleRoutes, homePath, type ConsoleRoute } from './routes';

/** Router base: Vite's `base` ('/console/') without the trailing slash. */
const basename = import.meta.env.BASE_URL.replace(/\/$/, '');

export function App({ i18n }: { i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <BrowserRouter basename={basename}>
        <ConsoleRoutes />
      </BrowserRouter>
    </I18nextProvider>
  );
}

/** All console URLs: the registered pages inside the frame, and "not found" for everything else. */
export function ConsoleRoutes() {
  return (
    <Routes>
      <Route element={<AppFrame />}>
        <Route index element={<Navigate to={homePath} replace />} />
        {consoleRoutes.map((route) => (
          <Route key={route.path} path={route.path} element={<RoutePage route={route} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function RoutePage({ route }: { route: ConsoleRoute }) {
  const { t } = useTranslation();
  const Page = route.component;
  return (
    <>
      <title>{t('app.pageTitle', { page: t(route.titleKey) })}</title>
      <Page />
    </>
  );
}
