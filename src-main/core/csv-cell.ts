/**
 * CSV injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
 * formula, and a leading tab or carriage return lets one slip past programs that strip them. Every CSV
 * ShopMesh writes passes its cells through here: product titles, creator nicknames, message texts and notes
 * come from other people. Such a cell is prefixed with an apostrophe, which spreadsheets read as "this is
 * text" and do not show. Plain numbers (`-12.50`, `+3`) are left alone so refunds and deltas stay numbers.
 */
const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[-+]?\d+(\.\d+)?$/;

export function csvCell<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
}
