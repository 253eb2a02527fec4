import { AppError } from '@shared/errors';
import { coreTexts } from './texts';

/**
 * Money is stored as integer minor units plus an ISO 4217 code. TikTok sends decimal strings ("12.99",
 * "-3.50", "20.000"); parsing them through a float would turn 0.29 into 28.999…, so the conversion works on
 * the digits of the string and never touches a binary fraction.
 */

/** Currencies whose minor unit is not 1/100. TikTok Shop quotes IDR, VND, JPY and KRW in whole units. */
const exponents: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  IDR: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

const exponentOf = new Map(Object.entries(exponents));

/** Digits after the decimal point in one minor unit of `currency` (2 unless listed). */
export function currencyExponent(currency: string): number {
  return exponentOf.get(currency) ?? exponentOf.get(currency.toUpperCase()) ?? 2;
}

const decimalPattern = /^([+-])?(\d*)(?:\.(\d*))?$/;

/**
 * "12.345" USD → 1235: extra digits beyond the currency's exponent are rounded half away from zero (ad
 * metrics come with three decimals). Throws a REMOTE error for anything that is not a plain decimal or
 * whose result is not a safe integer. An empty string is 0 (TikTok sends "" for absent amounts).
 */
export function toMinorUnits(value: string, currency: string): number {
  return toMinorUnitsWithExponent(value, currencyExponent(currency));
}

/** toMinorUnits with the currency's exponent already looked up (a row has many amounts in one currency). */
export function toMinorUnitsWithExponent(value: string, exp: number): number {
  const fast = plainMinorUnits(value, exp);
  if (fast !== null) return fast;
  return slowMinorUnits(value, exp);
}

/**
 * The common case without a BigInt or a regex: unsigned digits with at most `exp` decimals ("12.99", "0",
 * "7.5"), at most 15 characters so every intermediate is an exact integer. Anything else returns null.
 */
function plainMinorUnits(value: string, exp: number): number | null {
  const len = value.length;
  if (len === 0 || len > 15) return null;
  let n = 0;
  let digits = 0;
  let frac = -1; // decimals seen after the point; -1 before it
  for (let i = 0; i < len; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (frac >= 0 && ++frac > exp) return null;
    } else if (c === 46 /* . */ && frac < 0) frac = 0;
    else return null;
  }
  if (digits === 0) return null;
  for (let f = Math.max(frac, 0); f < exp; f++) n *= 10;
  return Number.isSafeInteger(n) ? n : null;
}

function slowMinorUnits(value: string, exp: number): number {
  const text = value.trim();
  if (text === '') return 0;
  const m = decimalPattern.exec(text);
  const intDigits = m?.[2] ?? '';
  const fracDigits = m?.[3] ?? '';
  if (!m || (intDigits === '' && fracDigits === '')) {
    throw new AppError('REMOTE', coreTexts.notDecimal({ value }));
  }
  const kept = fracDigits.slice(0, exp).padEnd(exp, '0');
  const rest = fracDigits.slice(exp);
  let minor = BigInt((intDigits || '0') + kept);
  if (rest !== '' && rest.charCodeAt(0) >= 53 /* '5' */) minor += 1n;
  if (m[1] === '-') minor = -minor;
  const n = Number(minor);
  if (!Number.isSafeInteger(n)) throw new AppError('REMOTE', coreTexts.tooLarge({ value }));
  return n === 0 ? 0 : n; // no -0 in the database
}

/** 1235, "USD" → "12.35": for display and for writing amounts back to TikTok. */
export function fromMinorUnits(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(exp + 1, '0');
  const whole = exp === 0 ? digits : digits.slice(0, -exp);
  const frac = exp === 0 ? '' : `.${digits.slice(-exp)}`;
  return `${negative ? '-' : ''}${whole}${frac}`;
}
