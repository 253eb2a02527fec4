import type { Database, Statement } from 'better-sqlite3';

/** What an order's search text is made of: the names a merchant types to find it. */
export interface SearchableLine {
  productName: string;
  skuName: string | null;
  sellerSku: string | null;
}

/** The words of an order's lines, each distinct text once (an order of three identical units is one). */
export function orderSearchText(lines: readonly SearchableLine[]): string {
  const parts = new Set<string>();
  for (const l of lines) {
    if (l.productName) parts.add(l.productName);
    if (l.skuName) parts.add(l.skuName);
    if (l.sellerSku) parts.add(l.sellerSku);
  }
  return [...parts].join(' ');
}

/**
 * The `order_search` FTS5 table (migration 016): one contentless row per order under the order's rowid.
 * Rows of deleted orders go with them (trigger `orders_search_delete`).
 */
export class OrderSearchIndex {
  private readonly insert: Statement<[number, string]>;
  private readonly delete: Statement<[number]>;

  constructor(db: Database) {
    this.insert = db.prepare('INSERT INTO order_search (rowid, text) VALUES (?, ?)');
    this.delete = db.prepare('DELETE FROM order_search WHERE rowid = ?');
  }

  put(rowid: number, lines: readonly SearchableLine[]): void {
    const text = orderSearchText(lines);
    if (text !== '') this.insert.run(rowid, text);
  }

  remove(rowid: number): void {
    this.delete.run(rowid);
  }
}
