import de from './locales/de/index';
import en from './locales/en/index';

/**
 * Every console text, per language. English is the reference: the other languages must carry exactly its keys
 * (checked by resources.test.ts), so a missing translation fails the build instead of showing English text.
 */
export const resources = {
  en: { translation: en },
  de: { translation: de },
} as const;

export type Language = keyof typeof resources;

export const languages = Object.keys(resources) as Language[];

export const fallbackLanguage: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(resources, value);
}
