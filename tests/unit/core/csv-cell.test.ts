import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../src-main/core/csv-cell';

describe('csvCell (CSV injection)', () => {
  it('prefixes every text a spreadsheet would run as a formula', () => {
    for (const hostile of [
      '=HYPERLINK("http://evil.example","click")',
      '+1+cmd|" /C calc"!A0',
      '-2+3',
      '@SUM(A1:A9)',
      '\t=1+1',
      '\r=1+1',
      '=',
      '-',
    ])
      expect(csvCell(hostile)).toBe(`'${hostile}`);
  });

  it('leaves other texts, plain numbers and non-texts as they are', () => {
    for (const fine of ['Moss lamp', ' =not first', '', '12.50', '-12.50', '+3', '-0', '月光灯 =1'])
      expect(csvCell(fine)).toBe(fine);
    expect(csvCell(-1250)).toBe(-1250);
    expect(csvCell(null)).toBeNull();
    expect(csvCell(true)).toBe(true);
  });

  it('still round-trips through papaparse as one cell, quoted where needed', () => {
    const row = ['=1,2', 'a "quoted" =b', '\r=evil', '-4.5'].map(csvCell);
    const csv = Papa.unparse([row], { newline: '\r\n' });
    expect(Papa.parse<string[]>(csv).data[0]).toEqual(["'=1,2", 'a "quoted" =b', "'\r=evil", '-4.5']);
  });
});
