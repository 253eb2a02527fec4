import type { Money } from '@shared/sync';

/**
 * Money arrives as integer minor units plus an ISO 4217 code. It is never divided as a float: the minor
 * units become an exact decimal string ("1234" → "12.34") with as many fraction digits as Intl says the
 * currency has, and Intl.NumberFormat formats that string exactly.
 */

const cache = new Map<string, Intl.NumberFormat | null>();

function currencyFormat(locale: string, currency: string): Intl.NumberFormat | null {
  const key = `${locale}|${currency}`;
  let format = cache.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      // Not a well-formed currency code: shown as a plain number with the code.
      format = null;
    }
    cache.set(key, format);
  }
  return format;
}

/** Fraction digits of one minor unit of `currency` as the formatter sees it (2 when unknown). */
export function fractionDigits(currency: string, locale = 'en'): number {
  return currencyFormat(locale, currency)?.resolvedOptions().maximumFractionDigits ?? 2;
}

/** 1234, 2 → "12.34"; -5, 2 → "-0.05"; 1500, 0 → "1500". Exact for every safe integer. */
export function minorToDecimal(amountMinor: number, digits: number): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`Not an integer amount: ${amountMinor}`);
  const sign = amountMinor < 0 ? '-' : '';
  const magnitude = String(Math.abs(amountMinor));
  if (digits <= 0) return sign + magnitude;
  const padded = magnitude.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

type Decimal = `${number}`;

/** "$12.34", "£0.05", "¥1,500", "US$12.34" (zh-CN). */
export function formatMoney(money: Money, locale: string): string {
  const format = currencyFormat(locale, money.currency);
  const digits = fractionDigits(money.currency, locale);
  const decimal = minorToDecimal(money.amountMinor, digits) as Decimal;
  if (!format)
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: digits }).format(decimal)} ${money.currency}`;
  return format.format(decimal);
}

/** "$5.00–$9.99", or one amount when both ends are equal; different currencies are shown apart. */
export function formatMoneyRange(min: Money, max: Money, locale: string): string {
  if (min.currency !== max.currency) return `${formatMoney(min, locale)} – ${formatMoney(max, locale)}`;
  if (min.amountMinor === max.amountMinor) return formatMoney(min, locale);
  const format = currencyFormat(locale, min.currency);
  if (!format) return `${formatMoney(min, locale)} – ${formatMoney(max, locale)}`;
  const digits = fractionDigits(min.currency, locale);
  return format.formatRange(
    minorToDecimal(min.amountMinor, digits) as Decimal,
    minorToDecimal(max.amountMinor, digits) as Decimal,
  );
}
