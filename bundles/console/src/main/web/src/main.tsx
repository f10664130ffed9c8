import '@patternfly/react-core/dist/styles/base.css';
import './theme/spacing.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createI18n, detectLanguage, storedLanguage } from './i18n/language';
import { applyTheme, initialTheme } from './theme/theme';

applyTheme(initialTheme());
const i18n = createI18n(detectLanguage(storedLanguage(), navigator.languages));

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element');
}
createRoot(container).render(
  <StrictMode>
    <App i18n={i18n} />
  </StrictMode>,
);
