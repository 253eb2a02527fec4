import { currencyExponent, toMinorUnitsWithExponent } from '../../core/money';

/**
 * The figures other tools' creator exports carry (GMV, units sold, average video views, engagement rate), read
 * the way docs/creator-sources.md "Figures" describes. Nothing here guesses: a GMV amount whose currency is
 * named nowhere, or an engagement rate that could be read two ways, is refused with its own reason.
 */

const isoCodes = new Set(Intl.supportedValuesOf('currency'));

/** Chinese names of the currencies TikTok Shop sells in, as Chinese-locale tools write them in headers. */
const chineseNames: Record<string, string> = {
  美元: 'USD',
  美金: 'USD',
  英镑: 'GBP',
  欧元: 'EUR',
  人民币: 'CNY',
  日元: 'JPY',
  新加坡元: 'SGD',
  新币: 'SGD',
  马来西亚林吉特: 'MYR',
  林吉特: 'MYR',
  令吉: 'MYR',
  马币: 'MYR',
  泰铢: 'THB',
  越南盾: 'VND',
  印尼盾: 'IDR',
  印度尼西亚盾: 'IDR',
  菲律宾比索: 'PHP',
  墨西哥比索: 'MXN',
  巴西雷亚尔: 'BRL',
};

/** "usd", "USD" or "美元" → "USD"; null when it names no ISO 4217 currency. */
export function currencyCode(raw: string): string | null {
  const text = raw.normalize('NFKC').trim();
  const upper = text.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && isoCodes.has(upper)) return upper;
  return chineseNames[text] ?? null;
}

/**
 * Symbols an amount may carry. A symbol never decides the currency ("$" is the dollar of a dozen countries, "¥"
 * both yen and yuan): it must be one of the currencies the row names another way.
 */
const symbols: Record<string, readonly string[]> = {
  $: ['USD', 'SGD', 'MXN', 'CAD', 'AUD', 'NZD', 'HKD', 'TWD', 'BRL'],
  US$: ['USD'],
  S$: ['SGD'],
  R$: ['BRL'],
  '£': ['GBP'],
  '€': ['EUR'],
  '¥': ['CNY', 'JPY'],
  RM: ['MYR'],
  '₱': ['PHP'],
  '฿': ['THB'],
  '₫': ['VND'],
  RP: ['IDR'],
};

/** A column's header beyond its name: the currency of a GMV column ("GMV (USD)") or "%" of a rate column. */
export interface HeaderUnit {
  currency?: string;
  percent?: true;
}

/**
 * Splits a header into its name and a unit in brackets or after a space ("GMV (USD)", "GMV(美元)", "互动率（%）",
 * "GMV USD", "Engagement rate %"). Null when there is no such suffix or it is no unit this importer knows:
 * "粉丝数(万)" or "GMV (30 days)" must not be read as if the suffix were not there.
 */
export function splitHeaderUnit(header: string): { name: string; unit: HeaderUnit } | null {
  const text = header.normalize('NFKC').trim();
  const m = /^(.+?)[\s_-]*\(\s*([^()]+?)\s*\)$/.exec(text) ?? /^(.+?)[\s_-]+([A-Za-z]{3}|%)$/.exec(text);
  if (!m) {
    if (text.length > 1 && text.endsWith('%')) return { name: text.slice(0, -1), unit: { percent: true } };
    return null;
  }
  const [, name, unit] = m as unknown as [string, string, string];
  if (unit === '%') return { name, unit: { percent: true } };
  const currency = currencyCode(unit);
  return currency ? { name, unit: { currency } } : null;
}

const zerosOf: Record<string, number> = { k: 3, m: 6, w: 4, 万: 4 };

/** "12.5" with 3 zeros → "12500"; stays a decimal string so no amount passes through a binary fraction. */
function scaleDecimal(num: string, zeros: number): string {
  const [whole = '0', frac = ''] = num.split('.');
  const padded = frac.padEnd(zeros, '0');
  const rest = padded.slice(zeros);
  return `${whole}${padded.slice(0, zeros)}${rest ? `.${rest}` : ''}`;
}

/** Digits with an optional decimal part; thousands grouped by ",", a space or a no-break space, in threes. */
const amountPattern = /^(\d{1,3}(?:[,\s\u00a0\u202f]\d{3})+|\d+)(\.\d+)?$/;

export type MoneyCell =
  | { ok: true; amountMinor: number; currency: string }
  | { ok: false; problem: 'invalid' | 'missing_currency' | 'conflicting_currency' };

/**
 * One GMV cell: "1,234.56", "12.5k", "3.4万", "$1,234.56", "1234.56 USD", "USD 99". The currency comes from
 * the cell's code, the header's (`headerCurrency`) or the row's currency column (`rowCurrency`); when more than
 * one names it they must agree, and a symbol must fit it.
 */
export function parseMoneyCell(
  raw: string,
  headerCurrency: string | null,
  rowCurrency: string | null,
): MoneyCell {
  const text = raw.normalize('NFKC').trim();
  const m = /^([^\d.]*?)\s*(\d[\d,.\s\u00a0\u202f]*?)\s*([^\d\s.,]*(?:\s+[A-Za-z]{3})?)$/.exec(text);
  if (!m) return { ok: false, problem: 'invalid' };
  const [, pre = '', num = '', post = ''] = m;
  const named: string[] = [];
  const symbolSets: Array<readonly string[]> = [];
  const affix = (a: string): boolean => {
    if (a === '') return true;
    const code = /^[A-Za-z]{3}$/.test(a) ? currencyCode(a) : null;
    if (code) {
      named.push(code);
      return true;
    }
    const set = symbols[a.toUpperCase()];
    if (set) symbolSets.push(set);
    return set !== undefined;
  };
  let zeros = 0;
  let suffix = post.trim();
  if (
    suffix !== '' &&
    !/^[A-Za-z]{3}$/.test(suffix) &&
    zerosOf[suffix.charAt(0).toLowerCase()] !== undefined
  ) {
    zeros = zerosOf[suffix.charAt(0).toLowerCase()] as number;
    suffix = suffix.slice(1).trim();
  }
  if (!affix(pre.trim()) || !affix(suffix)) return { ok: false, problem: 'invalid' };
  const amount = amountPattern.exec(num.trim());
  if (!amount) return { ok: false, problem: 'invalid' };
  const digits = `${(amount[1] as string).replace(/[,\s\u00a0\u202f]/g, '')}${amount[2] ?? ''}`;
  if (headerCurrency) named.push(headerCurrency);
  if (rowCurrency) named.push(rowCurrency);
  const currency = named[0];
  if (currency === undefined) return { ok: false, problem: 'missing_currency' };
  if (named.some((c) => c !== currency) || symbolSets.some((set) => !set.includes(currency)))
    return { ok: false, problem: 'conflicting_currency' };
  try {
    const amountMinor = toMinorUnitsWithExponent(scaleDecimal(digits, zeros), currencyExponent(currency));
    return { ok: true, amountMinor, currency };
  } catch {
    // Past what an integer holds exactly: no real GMV.
    return { ok: false, problem: 'invalid' };
  }
}

/** Hundredths of a percent in 100%. */
const BP_MAX = 10_000;

/**
 * An engagement rate in hundredths of a percent: "4.5%" → 450 (a "%" is always a percentage), a bare number
 * below 1 is a fraction as spreadsheets store rates ("0.045" → 450), and in a column whose header says "%" a
 * bare number is a percentage ("4.5" → 450). A bare "4.5" elsewhere could be 4.5% or a mistyped fraction:
 * 'ambiguous', never a guess. Finer than a hundredth of a percent is rounded; over 100% is invalid.
 */
export function parseEngagement(raw: string, percentColumn: boolean): number | 'ambiguous' | null {
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*(%)?$/.exec(raw.normalize('NFKC').trim());
  if (!m) return null;
  const num = (m[1] as string).startsWith('.') ? `0${m[1]}` : (m[1] as string);
  const percent = m[2] !== undefined || percentColumn;
  if (!percent && Number(num) >= 1) return 'ambiguous';
  const bp = Math.round(Number(scaleDecimal(num, percent ? 2 : 4)));
  return bp <= BP_MAX ? bp : null;
}
