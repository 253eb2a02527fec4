import { formatMoney } from '../../format/money';
import { formatTimeZone } from '../../format/time';

/** Numbers of the analytics pages, formatted for the reader's language with Intl. */

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatCompactMoney(minor: number, currency: string, locale: string): string {
  return formatMoney({ amountMinor: Math.round(minor), currency }, locale);
}

export function formatRatio(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(value);
}

export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** "+12.5%" / "−3%" change from previous to value; null when there is nothing to compare with. */
export function formatChange(value: number | null, previous: number | null, locale: string): string | null {
  if (value === null || previous === null || previous === 0) return null;
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format((value - previous) / Math.abs(previous));
}

/** A calendar day (YYYY-MM-DD) as the reader writes dates; the day itself, never shifted by a zone. */
export function formatDay(day: string, locale: string, style: 'short' | 'medium' = 'medium'): string {
  const date = new Date(`${day}T12:00:00Z`);
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    ...(style === 'short' ? { month: 'short', day: 'numeric' } : { dateStyle: 'medium' }),
  }).format(date);
}

/** The rates a converted figure used, each with its as-of day in the reader's language. */
export function formatRates(
  rates: ReadonlyArray<{ currency: string; rate: string; asOf: string }>,
  reporting: string,
  locale: string,
): string {
  return rates
    .map((r) => `1 ${r.currency} = ${r.rate} ${reporting} (${formatDay(r.asOf, locale)})`)
    .join(', ');
}

/** A figure in its kind's format: money in its currency, counts, ratios. */
export function formatFigure(
  value: number,
  kind: 'money' | 'count' | 'ratio' | 'percent',
  currency: string | null,
  locale: string,
): string {
  if (kind === 'money' && currency) return formatCompactMoney(value, currency, locale);
  if (kind === 'ratio') return formatRatio(value, locale);
  if (kind === 'percent') return formatPercent(value, locale);
  return formatCount(value, locale);
}

/**
 * The zone a shop's or advertiser's days are counted in, as a merchant reads it: the zone's everyday name in
 * the reader's language and its offset now, "Pacific Time (UTC−8)" / "北美太平洋时间（UTC−8）". A fixed
 * offset zone has no such name and reads "UTC−8": never IANA's "Etc/GMT+8", whose sign is inverted.
 */
export function formatZoneLabel(zone: string, locale: string, at = Date.now()): string {
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    return zone;
  }
  const offset = formatTimeZone(zone, at);
  if (!name || /^(GMT|UTC)/.test(name)) return offset;
  return locale.startsWith('zh') ? `${name}（${offset}）` : `${name} (${offset})`;
}
