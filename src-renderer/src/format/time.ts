/** Relative times and durations in the reader's language, from Intl only. */

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** "5 minutes ago", "just now" → "now", "yesterday" / "5分钟前", "昨天". */
export function formatRelative(at: number, now: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs < minute) return format.format(0, 'second');
  if (abs < hour) return format.format(Math.round(diff / minute), 'minute');
  if (abs < day) return format.format(Math.round(diff / hour), 'hour');
  return format.format(Math.round(diff / day), 'day');
}

/** "2 min", "1 hr 5 min", "45 sec" / "2分钟", "1小时5分钟", "45秒". */
export function formatDuration(ms: number, locale: string): string {
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (ms < minute) return unit(Math.max(0, Math.round(ms / 1000)), 'second');
  if (ms < hour) return unit(Math.round(ms / minute), 'minute');
  const hours = Math.floor(ms / hour);
  const minutes = Math.round((ms - hours * hour) / minute);
  const list = new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' });
  return minutes === 0 ? unit(hours, 'hour') : list.format([unit(hours, 'hour'), unit(minutes, 'minute')]);
}

/** Date and time, medium date + short time. */
export function formatDateTime(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** Date only, medium style. */
export function formatDate(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(at);
}
