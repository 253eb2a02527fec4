import { currencyExponent } from '../core/money';

/**
 * Amounts typed by the merchant (prices, costs) are checked here, not rounded: "12.999" in USD is refused
 * rather than becoming 13.00 behind their back. Only plain decimals with a point are taken; "1,234.50" is
 * refused because a comma is a thousands separator in one locale and the decimal mark in another.
 */

export type AmountRefusal = 'notNumber' | 'negative' | 'tooManyDecimals' | 'tooLarge';

export type ParsedAmount =
  { ok: true; minor: number } | { ok: false; reason: AmountRefusal; params: Record<string, string | number> };

const plain = /^(-)?(\d+)(?:\.(\d+))?$/;
/** Larger than any price or cost TikTok takes (prices top out in the millions of IDR). */
const maxMinor = 1e13;

export function parseAmount(text: string, currency: string): ParsedAmount {
  const value = text.trim();
  const m = plain.exec(value);
  if (!m) return { ok: false, reason: 'notNumber', params: { value } };
  if (m[1] === '-') return { ok: false, reason: 'negative', params: { value } };
  const exp = currencyExponent(currency);
  const fraction = m[3] ?? '';
  // Trailing zeros beyond the currency's digits change nothing ("12.50" USD, "1500.0" JPY are fine).
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exp) {
    return { ok: false, reason: 'tooManyDecimals', params: { value, currency, digits: exp } };
  }
  const minor = Number(`${m[2]}${significant.padEnd(exp, '0')}`);
  if (!Number.isSafeInteger(minor) || minor > maxMinor) {
    return { ok: false, reason: 'tooLarge', params: { value } };
  }
  return { ok: true, minor };
}

/** The English sentence for a refusal (logs and the automation API; the renderer translates `reason`). */
export function amountRefusalMessage(reason: AmountRefusal, params: Record<string, string | number>): string {
  const value = JSON.stringify(params.value ?? '');
  switch (reason) {
    case 'notNumber':
      return `${value} is not a number; write it like 12.99 (a point, no thousands separator)`;
    case 'negative':
      return `${value} is negative`;
    case 'tooManyDecimals':
      return `${value} has more decimals than ${String(params.currency)} allows (${String(params.digits)})`;
    case 'tooLarge':
      return `${value} is too large`;
  }
}
