import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';
import { resources } from './resources';

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function valueAt(tree: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
}

describe('translations', () => {
  const english = keysOf(resources.en.translation).sort();

  it('carries the texts of every console area', () => {
    const areas = import.meta.glob<{ default: object }>('./locales/en/*.json', { eager: true });
    for (const [file, area] of Object.entries(areas)) {
      for (const key of keysOf(area.default)) {
        expect(english, file).toContain(key);
      }
    }
  });

  it.each(Object.keys(resources))('%s has exactly the English keys', (language) => {
    const translation = resources[language as keyof typeof resources].translation;
    expect(keysOf(translation).sort()).toEqual(english);
  });

  it.each(Object.keys(resources))('%s has no empty text', (language) => {
    const translation = resources[language as keyof typeof resources].translation;
    const empty = keysOf(translation).filter((key) => String(valueAt(translation, key)).trim() === '');
    expect(empty).toEqual([]);
  });

  it('keeps the interpolation placeholders of every English text', () => {
    const placeholders = (text: unknown) => (String(text).match(/{{[^}]+}}/g) ?? []).sort();
    for (const key of english) {
      expect(placeholders(valueAt(resources.de.translation, key)), key).toEqual(
        placeholders(valueAt(resources.en.translation, key)),
      );
    }
  });
});

describe('detectLanguage', () => {
  it('prefers the language chosen before', () => {
    expect(detectLanguage('de', ['en-US'])).toBe('de');
  });

  it('falls back to the first supported browser language, ignoring the region', () => {
    expect(detectLanguage(null, ['fr-FR', 'de-AT', 'en'])).toBe('de');
  });

  it('ignores a stored value the console does not speak', () => {
    expect(detectLanguage('xx', ['en-GB'])).toBe('en');
  });

  it('speaks English when nothing matches', () => {
    expect(detectLanguage(null, ['ja-JP'])).toBe('en');
  });
});
