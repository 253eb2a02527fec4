/** Relative times and durations in the reader's language, from Intl only. */

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** Intl says "now" / "现在" for zero seconds; merchants read "just now" / "刚刚". */
const justNow: Record<string, string> = { en: 'just now', zh: '刚刚' };

/** "5 minutes ago", "just now", "yesterday" / "5分钟前", "刚刚", "昨天". */
export function formatRelative(at: number, now: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs < minute) return justNow[locale.split('-')[0] ?? ''] ?? format.format(0, 'second');
  if (abs < hour) return format.format(Math.round(diff / minute), 'minute');
  if (abs < day) return format.format(Math.round(diff / hour), 'hour');
  return format.format(Math.round(diff / day), 'day');
}

/**
 * "0.4 sec", "45 sec", "2 min 5 sec", "12 min", "1 hr 5 min" / "0.4秒", "45秒", "2分钟5秒", "1小时5分钟".
 * A sync of a few seconds never reads "0 sec".
 */
export function formatDuration(ms: number, locale: string): string {
  const unit = (value: number, name: 'hour' | 'minute' | 'second', digits = 0) =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
      maximumFractionDigits: digits,
    }).format(value);
  const list = (parts: string[]) =>
    new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(parts);
  if (ms <= 0) return unit(0, 'second');
  if (ms < 10_000) return unit(Math.max(0.1, Math.round(ms / 100) / 10), 'second', 1);
  if (ms < minute) return unit(Math.round(ms / 1000), 'second');
  if (ms < 10 * minute) {
    const minutes = Math.floor(ms / minute);
    const seconds = Math.round((ms - minutes * minute) / 1000);
    return seconds === 0 ? unit(minutes, 'minute') : list([unit(minutes, 'minute'), unit(seconds, 'second')]);
  }
  if (ms < hour) return unit(Math.round(ms / minute), 'minute');
  const hours = Math.floor(ms / hour);
  const minutes = Math.round((ms - hours * hour) / minute);
  return minutes === 0 ? unit(hours, 'hour') : list([unit(hours, 'hour'), unit(minutes, 'minute')]);
}

/**
 * A time zone as the offset merchants read, "UTC−8" / "UTC+5:30", rather than its IANA name ("Etc/GMT+8",
 * whose sign is inverted). `at` picks the offset in force then (daylight saving). Unknown names stay as given.
 */
export function formatTimeZone(timeZone: string, at = Date.now()): string {
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    return timeZone;
  }
  if (!name) return timeZone;
  const offset = name.replace(/^GMT/, '').replace('-', '\u2212');
  return offset === '' || offset === '+0' ? 'UTC' : `UTC${offset}`;
}

/** Date and time, medium date + short time; in `timeZone` when given (a shop's zone), else the viewer's. */
export function formatDateTime(at: number, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}

/**
 * A time in a table cell, as short as it can be read without doubt: "Nov 26, 11:55 PM" / "11月26日 23:55"
 * in the reader's current year, "Nov 26, 2025" / "2025年11月26日" before it (the detail shows the time).
 * Full `formatDateTime` in a 1280 px table cuts half the column off.
 */
export function formatCellTime(at: number, locale: string, now = Date.now(), timeZone?: string): string {
  const zone = timeZone ? { timeZone } : {};
  const year = (ms: number) => new Intl.DateTimeFormat('en-US', { year: 'numeric', ...zone }).format(ms);
  return new Intl.DateTimeFormat(
    locale,
    year(at) === year(now)
      ? { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', ...zone }
      : { dateStyle: 'medium', ...zone },
  ).format(at);
}

/** One formatter per language: a table draws a date in every row, and building one costs far more than using it. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Date only, medium style. */
export function formatDate(at: number, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    dateFormats.set(locale, format);
  }
  return format.format(at);
}
