import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { ConsoleRoutes } from '../App';
import { createI18n } from '../i18n/language';
import type { Language } from '../i18n/resources';

/** Renders the whole console (frame, registry routes) at `path` below `/console/`, in `language`. */
export function renderConsole(path: string, language: Language = 'en') {
  const i18n = createI18n(language);
  return {
    i18n,
    ...render(
      <I18nextProvider i18n={i18n}>
        <MemoryRouter initialEntries={[path]}>
          <ConsoleRoutes />
        </MemoryRouter>
      </I18nextProvider>,
    ),
  };
}

/** A `fetch` answer as the Garrison API sends it. */
export function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}
