import { describe, expect, it } from 'vitest';
import { currencyExponent, fromMinorUnits, toMinorUnits } from '../../../src-main/core/money';

describe('decimal string → minor units', () => {
  it.each([
    ['12.99', 'USD', 1299],
    ['0.29', 'USD', 29], // 0.29 * 100 is 28.999999999999996 in floating point
    ['1.005', 'USD', 101], // half away from zero on the dropped digit
    ['20.000', 'USD', 2000],
    ['19.994', 'GBP', 1999],
    ['-3.50', 'GBP', -350],
    ['-0.005', 'USD', -1],
    ['-0.004', 'USD', 0],
    ['7', 'USD', 700],
    ['.5', 'USD', 50],
    ['5.', 'USD', 500],
    ['+4.20', 'EUR', 420],
    ['', 'USD', 0],
    ['  3.10 ', 'USD', 310],
    ['150000', 'IDR', 150000],
    ['150000.00', 'IDR', 150000],
    ['2500', 'JPY', 2500],
    ['2500.5', 'JPY', 2501],
    ['120000', 'VND', 120000],
    ['9900', 'KRW', 9900],
    ['1.234', 'KWD', 1234],
    ['12345678901234.56', 'USD', 1234567890123456],
    ['0012.30', 'USD', 1230],
    ['0.00', 'USD', 0],
    ['12.3', 'KWD', 12300],
    ['1.999', 'JPY', 2],
    ['99999999999.99', 'USD', 9999999999999],
  ])('%s %s → %i', (text, currency, expected) => {
    expect(toMinorUnits(text, currency)).toBe(expected);
  });

  it('never returns -0', () => {
    expect(Object.is(toMinorUnits('-0.00', 'USD'), 0)).toBe(true);
  });

  it.each(['abc', '1,000.00', '1e5', '12.3.4', '-', '.', '$5', 'NaN', '0x10'])('refuses %s', (text) => {
    expect(() => toMinorUnits(text, 'USD')).toThrow(/not a decimal/);
  });

  it('refuses amounts beyond the safe integer range', () => {
    expect(() => toMinorUnits('99999999999999999.99', 'USD')).toThrow(/too large/);
    expect(() => toMinorUnits('999999999999999', 'USD')).toThrow(/too large/);
  });

  it('knows zero- and three-decimal currencies, case-insensitively', () => {
    expect(currencyExponent('constructor')).toBe(2);
    expect(currencyExponent('jpy')).toBe(0);
    expect(currencyExponent('IDR')).toBe(0);
    expect(currencyExponent('BHD')).toBe(3);
    expect(currencyExponent('USD')).toBe(2);
  });

  it('formats minor units back to decimal strings', () => {
    expect(fromMinorUnits(1299, 'USD')).toBe('12.99');
    expect(fromMinorUnits(5, 'USD')).toBe('0.05');
    expect(fromMinorUnits(-350, 'GBP')).toBe('-3.50');
    expect(fromMinorUnits(150000, 'IDR')).toBe('150000');
    expect(fromMinorUnits(1234, 'KWD')).toBe('1.234');
  });

  it('round-trips every cent value of a range without drift', () => {
    for (let c = -10_000; c <= 10_000; c += 7) expect(toMinorUnits(fromMinorUnits(c, 'USD'), 'USD')).toBe(c);
  });
});
