import type { TFunction } from 'i18next';

const durationUnits = [
  ['duration.days', 86_400],
  ['duration.hours', 3_600],
  ['duration.minutes', 60],
  ['duration.seconds', 1],
] as const;

/**
 * A duration as an admin reads it at a glance: the largest non-zero unit and, when not zero, the next smaller one
 * ("2 h 5 min", "3 d 4 h", "45 s"); finer units are dropped.
 */
export function formatDuration(totalSeconds: number, t: TFunction): string {
  let remaining = Math.max(0, Math.floor(totalSeconds));
  const amounts = durationUnits.map(([key, unitSeconds]) => {
    const count = Math.floor(remaining / unitSeconds);
    remaining -= count * unitSeconds;
    return { key, count };
  });
  const largest = amounts.findIndex(({ count }) => count > 0);
  if (largest === -1) {
    return t('duration.seconds', { count: 0 });
  }
  return amounts
    .slice(largest, largest + 2)
    .filter(({ count }) => count > 0)
    .map(({ key, count }) => t(key, { count }))
    .join(' ');
}

const dateTimeOptions: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
};

/** An instant (ISO-8601) as local date and time with the time zone, in the console's language. */
export function formatDateTime(instant: string | Date, language: string): string {
  return new Intl.DateTimeFormat(language, dateTimeOptions).format(new Date(instant));
}

/**
 * The text of `formatDateTime` in three pieces: the date, the separator before the time of day (its white space, so a
 * line may break there) and the time of day with the time zone. Joined they are exactly `formatDateTime`'s text.
 */
export function formatDateTimeParts(instant: string | Date, language: string): { date: string; separator: string; time: string } {
  const format = new Intl.DateTimeFormat(language, dateTimeOptions);
  const text = format.format(new Date(instant));
  // Where the hour starts, counted in the parts; the text is cut from `format` itself, which writes some spaces
  // differently from `formatToParts` (a plain space for U+202F), though never with another length.
  const parts = format.formatToParts(new Date(instant));
  const hour = parts.findIndex((part) => part.type === 'hour');
  const hourAt = parts.slice(0, Math.max(hour, 0)).reduce((length, part) => length + part.value.length, 0);
  if (hour <= 0 || parts.reduce((length, part) => length + part.value.length, 0) !== text.length) {
    return { date: text, separator: '', time: '' };
  }
  const date = text.slice(0, hourAt).trimEnd();
  return { date, separator: text.slice(date.length, hourAt), time: text.slice(hourAt) };
}

/** A time of day in the console's language, for "last updated" hints. */
export function formatTime(instant: Date, language: string): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'medium' }).format(instant);
}
