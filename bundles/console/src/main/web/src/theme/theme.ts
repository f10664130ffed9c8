export type Theme = 'light' | 'dark';

const storageKey = 'garrison.theme';
// PatternFly 6 switches every component to its dark tokens when the root element carries this class.
const darkClass = 'pf-v6-theme-dark';

/** The theme chosen last time in this browser, else the operating system's preference. */
export function initialTheme(): Theme {
  const stored = localStorage.getItem(storageKey);
  if (stored === 'light' || stored === 'dark') {
    return stored;
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.classList.toggle(darkClass, theme === 'dark');
}

export function selectTheme(theme: Theme): void {
  localStorage.setItem(storageKey, theme);
  applyTheme(theme);
}
