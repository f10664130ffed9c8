import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDateTimeParts, formatDuration } from './format';
import { createI18n } from './language';

describe('formatDuration', () => {
  const en = createI18n('en').t;
  const de = createI18n('de').t;

  it('shows the two largest units in English', () => {
    expect(formatDuration(2 * 3600 + 5 * 60 + 7, en)).toBe('2 h 5 min');
    expect(formatDuration(3 * 86_400 + 4 * 3600 + 59, en)).toBe('3 d 4 h');
    expect(formatDuration(125, en)).toBe('2 min 5 s');
  });

  it('shows the two largest units in German', () => {
    expect(formatDuration(2 * 3600 + 5 * 60 + 7, de)).toBe('2 Std. 5 Min.');
    expect(formatDuration(3 * 86_400 + 4 * 3600, de)).toBe('3 Tg. 4 Std.');
    expect(formatDuration(45, de)).toBe('45 Sek.');
  });

  it('leaves out a zero second unit instead of showing "0"', () => {
    expect(formatDuration(2 * 3600 + 30, en)).toBe('2 h');
    expect(formatDuration(86_400, de)).toBe('1 Tg.');
  });

  it('shows zero seconds for a server that has just started or a negative clock skew', () => {
    expect(formatDuration(0, en)).toBe('0 s');
    expect(formatDuration(-5, de)).toBe('0 Sek.');
  });

  it('groups digits of long uptimes the way each language does', () => {
    expect(formatDuration(1234 * 86_400, en)).toBe('1,234 d');
    expect(formatDuration(1234 * 86_400, de)).toBe('1.234 Tg.');
  });
});

describe('formatDateTime', () => {
  it('formats an instant in the given language', () => {
    const instant = '2026-11-26T10:00:00Z';
    expect(formatDateTime(instant, 'en')).toContain('2026');
    expect(formatDateTime(instant, 'de')).toMatch(/26\.\s?Nov/);
    expect(formatDateTime(instant, 'en')).not.toBe(formatDateTime(instant, 'de'));
  });
});

describe('formatDateTimeParts', () => {
  it('splits the text of formatDateTime between the date and the time of day, losing nothing', () => {
    const instant = '2026-11-26T10:00:00Z';
    for (const language of ['en', 'de']) {
      const { date, separator, time } = formatDateTimeParts(instant, language);
      expect(`${date}${separator}${time}`).toBe(formatDateTime(instant, language));
      expect(date).toContain('2026');
      expect(time).toMatch(/^\d{2}:00:00/);
      expect(separator).toMatch(/^\s+$/);
    }
  });
});
