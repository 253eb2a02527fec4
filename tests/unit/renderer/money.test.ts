import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatMoneyRange,
  fractionDigits,
  minorToDecimal,
} from '../../../src-renderer/src/format/money';

describe('minorToDecimal', () => {
  it('places the decimal point by digits, exactly, without floats', () => {
    expect(minorToDecimal(1234, 2)).toBe('12.34');
    expect(minorToDecimal(5, 2)).toBe('0.05');
    expect(minorToDecimal(-5, 2)).toBe('-0.05');
    expect(minorToDecimal(0, 2)).toBe('0.00');
    expect(minorToDecimal(1500, 0)).toBe('1500');
    expect(minorToDecimal(1234, 3)).toBe('1.234');
    // 0.29 as a float is 0.28999…; the string route never sees it.
    expect(minorToDecimal(29, 2)).toBe('0.29');
    expect(minorToDecimal(Number.MAX_SAFE_INTEGER, 2)).toBe('90071992547409.91');
  });

  it('refuses amounts that are not safe integers', () => {
    expect(() => minorToDecimal(1.5, 2)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('takes the fraction digits from Intl for the currency', () => {
    expect(fractionDigits('USD')).toBe(2);
    expect(fractionDigits('JPY')).toBe(0);
    expect(fractionDigits('KWD')).toBe(3);
  });

  it('formats minor units in the reader’s language', () => {
    expect(formatMoney({ amountMinor: 123456, currency: 'USD' }, 'en')).toBe('$1,234.56');
    expect(formatMoney({ amountMinor: 7, currency: 'GBP' }, 'en')).toBe('£0.07');
    expect(formatMoney({ amountMinor: 1500, currency: 'JPY' }, 'en')).toBe('¥1,500');
    expect(formatMoney({ amountMinor: 1234, currency: 'KWD' }, 'en')).toBe('KWD\u00a01.234');
    expect(formatMoney({ amountMinor: 3850, currency: 'USD' }, 'zh-CN')).toBe('US$38.50');
    expect(formatMoney({ amountMinor: -250, currency: 'USD' }, 'en')).toBe('-$2.50');
  });

  it('keeps amounts beyond float precision exact', () => {
    expect(formatMoney({ amountMinor: 9007199254740991, currency: 'USD' }, 'en')).toBe(
      '$90,071,992,547,409.91',
    );
  });

  it('still shows something for a malformed currency code', () => {
    expect(formatMoney({ amountMinor: 1234, currency: '??' }, 'en')).toBe('12.34 ??');
  });

  it('formats a price range, or one price when both ends agree', () => {
    const min = { amountMinor: 500, currency: 'USD' };
    expect(formatMoneyRange(min, { amountMinor: 999, currency: 'USD' }, 'en')).toBe('$5.00 – $9.99');
    expect(formatMoneyRange(min, min, 'en')).toBe('$5.00');
  });
});
