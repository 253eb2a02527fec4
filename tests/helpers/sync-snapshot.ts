import type { Database } from '../../src-main/db/connection';

/** A comparable picture of the synced shop data: every row's content digest plus line counts. */
export function shopSnapshot(db: Database): Record<string, unknown> {
  const all = (sql: string): unknown[] => db.prepare(sql).raw().all();
  return {
    orders: all('SELECT order_id, etag FROM orders ORDER BY order_id'),
    lines: all('SELECT order_id, COUNT(*) FROM order_lines GROUP BY order_id ORDER BY order_id'),
    products: all('SELECT product_id, etag FROM products ORDER BY product_id'),
    skus: all('SELECT COUNT(*) FROM product_skus'),
    statements: all('SELECT statement_id, etag FROM finance_statements ORDER BY statement_id'),
    affiliate: all('SELECT order_id, etag FROM affiliate_orders ORDER BY order_id'),
    affiliateSkus: all('SELECT COUNT(*) FROM affiliate_order_skus'),
  };
}
