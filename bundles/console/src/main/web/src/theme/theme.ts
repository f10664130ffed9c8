/** The console's colour theme; `system` follows the operating system's light or dark preference. */
export type Theme = 'light' | 'dark' | 'system';

export const themes: readonly Theme[] = ['light', 'dark', 'system'];

const storageKey = 'garrison.theme';
// PatternFly 6 switches every component to its dark tokens when the root element carries this class.
const darkClass = 'pf-v6-theme-dark';
const darkQuery = '(prefers-color-scheme: dark)';

export function isTheme(value: unknown): value is Theme {
  return value === 'light' || value === 'dark' || value === 'system';
}

/** The theme chosen last time in this browser, else the operating system's preference. */
export function initialTheme(): Theme {
  const stored = localStorage.getItem(storageKey);
  return isTheme(stored) ? stored : 'system';
}

let followSystem: (() => void) | undefined;

/** Shows the theme; for `system` also follows later changes of the operating system's preference. */
export function applyTheme(theme: Theme): void {
  const media = window.matchMedia?.(darkQuery);
  if (followSystem && media) {
    media.removeEventListener?.('change', followSystem);
    followSystem = undefined;
  }
  if (theme === 'system') {
    document.documentElement.classList.toggle(darkClass, media?.matches ?? false);
    if (media) {
      followSystem = () => document.documentElement.classList.toggle(darkClass, media.matches);
      media.addEventListener?.('change', followSystem);
    }
    return;
  }
  document.documentElement.classList.toggle(darkClass, theme === 'dark');
}

export function selectTheme(theme: Theme): void {
  localStorage.setItem(storageKey, theme);
  applyTheme(theme);
}
