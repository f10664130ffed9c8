import { useSyncExternalStore } from 'react';

// PatternFly's dark theme is on while the root element carries this class (see theme/theme.ts).
const darkClass = 'pf-v6-theme-dark';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

function shownTheme(): 'light' | 'dark' {
  return document.documentElement.classList.contains(darkClass) ? 'dark' : 'light';
}

/** The theme as shown now (a `system` choice resolved), following every switch. */
export function useShownTheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, shownTheme, () => 'light');
}
