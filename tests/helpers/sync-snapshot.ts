import type { Database } from '../../src-main/db/connection';

/**
 * A comparable picture of the synced shop data: orders and their lines in full (without the sync time),
 * every other row by its content digest.
 */
export function shopSnapshot(db: Database): Record<string, unknown> {
  const all = (sql: string): unknown[] => db.prepare(sql).raw().all();
  const orders = (
    db.prepare('SELECT * FROM orders ORDER BY order_id').all() as Record<string, unknown>[]
  ).map(({ synced_at: _syncedAt, ...row }) => row);
  return {
    orders,
    lines: all('SELECT * FROM order_lines ORDER BY order_id, line_id'),
    products: all('SELECT product_id, etag FROM products ORDER BY product_id'),
    skus: all('SELECT COUNT(*) FROM product_skus'),
    statements: all('SELECT statement_id, etag FROM finance_statements ORDER BY statement_id'),
    affiliate: all('SELECT order_id, etag FROM affiliate_orders ORDER BY order_id'),
    affiliateSkus: all('SELECT COUNT(*) FROM affiliate_order_skus'),
  };
}
