import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fallbackLanguage, isLanguage, languages, resources, type Language } from './resources';

const storageKey = 'garrison.language';

/**
 * The language the console starts in: the one the user chose last time in this browser, else the first of the
 * browser's preferred languages that the console speaks (matching `de-AT` to `de`), else English.
 */
export function detectLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) {
    return stored;
  }
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) {
      return primary;
    }
  }
  return fallbackLanguage;
}

export function storedLanguage(): string | null {
  return localStorage.getItem(storageKey);
}

export function createI18n(language: Language): i18n {
  const instance = createInstance({
    resources,
    lng: language,
    fallbackLng: fallbackLanguage,
    supportedLngs: languages,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  // Resources are bundled and initAsync is off, so the instance is ready when init() returns.
  void instance.use(initReactI18next).init();
  return instance;
}

export async function selectLanguage(instance: i18n, language: Language): Promise<void> {
  localStorage.setItem(storageKey, language);
  await instance.changeLanguage(language);
}
