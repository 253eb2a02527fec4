import { formatMoney } from '../../format/money';

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
