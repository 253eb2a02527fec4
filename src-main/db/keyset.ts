import { AppError } from '@shared/errors';
import { dbTexts } from './texts';

/**
 * Keyset pagination ("the rows after the last one shown") for lists ordered by one column and then the
 * rowid. The cursor is the last row's sort value and rowid, opaque to the caller. A condition built here
 * keeps the query on its index: a row value `(col, rowid) < (?, ?)` for a column that is never NULL; for a
 * nullable one, NULLs sort first ascending and last descending, as SQLite orders them.
 */

export type SortValue = number | string | null;

export interface KeysetOrder {
  /** The sort column, or null when the list is ordered by the rowid alone. */
  column: string | null;
  nullable: boolean;
  descending: boolean;
  rowid: string;
}

export function encodeCursor(value: SortValue, rowid: number): string {
  return Buffer.from(JSON.stringify([value, rowid])).toString('base64url');
}

export function decodeCursor(cursor: string): [SortValue, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (
      Array.isArray(v) &&
      (typeof v[0] === 'number' || typeof v[0] === 'string' || v[0] === null) &&
      typeof v[1] === 'number'
    )
      return [v[0], v[1]];
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION', dbTexts.badCursor());
}

export function keysetAfter(
  order: KeysetOrder,
  [value, rowid]: [SortValue, number],
): { sql: string; args: Array<string | number> } {
  const cmp = order.descending ? '<' : '>';
  const { column: col, rowid: rid } = order;
  if (col === null) return { sql: `${rid} ${cmp} ?`, args: [rowid] };
  if (value === null) {
    // Descending: only NULLs remain after a NULL. Ascending: the rest of the NULLs, then every value.
    return order.descending
      ? { sql: `(${col} IS NULL AND ${rid} < ?)`, args: [rowid] }
      : { sql: `((${col} IS NULL AND ${rid} > ?) OR ${col} IS NOT NULL)`, args: [rowid] };
  }
  if (!order.nullable) return { sql: `(${col}, ${rid}) ${cmp} (?, ?)`, args: [value, rowid] };
  const nulls = order.descending ? ` OR ${col} IS NULL` : '';
  return {
    sql: `(${col} ${cmp} ? OR (${col} = ? AND ${rid} ${cmp} ?)${nulls})`,
    args: [value, value, rowid],
  };
}
