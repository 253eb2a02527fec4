import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../src-main/catalogue/amounts';

describe('parseAmount (what the merchant typed)', () => {
  it.each([
    ['12.99', 'USD', 1299],
    [' 12.5 ', 'USD', 1250],
    ['12', 'USD', 1200],
    ['12.50', 'USD', 1250],
    ['0', 'USD', 0],
    ['1500', 'JPY', 1500],
    ['1500.0', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
  ])('%s %s → %d', (text, currency, minor) => {
    expect(parseAmount(text, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    ['abc', 'USD', 'notNumber'],
    ['', 'USD', 'notNumber'],
    ['1,234.50', 'USD', 'notNumber'],
    ['12.', 'USD', 'notNumber'],
    ['$12', 'USD', 'notNumber'],
    ['1e3', 'USD', 'notNumber'],
    ['-1', 'USD', 'negative'],
    ['-0.01', 'USD', 'negative'],
    ['12.999', 'USD', 'tooManyDecimals'],
    ['1500.5', 'JPY', 'tooManyDecimals'],
    ['99999999999999999', 'USD', 'tooLarge'],
  ])('refuses %j in %s as %s', (text, currency, reason) => {
    const parsed = parseAmount(text, currency);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toBe(reason);
  });
});
