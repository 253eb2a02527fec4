import type { Database } from 'better-sqlite3';
import {
  type ProductsListInput,
  productsListInputSchema,
  type ProductsPage,
  type ProductView,
} from '@shared/catalogue';
import { parseWarehouses } from '../catalogue/sku-lookup';
import { decodeCursor, encodeCursor, type KeysetOrder, keysetAfter, type SortValue } from '../db/keyset';

/**
 * The Products page: one row per product with its SKUs (price, stock per warehouse, cost, low-stock flag)
 * and, for a chosen span of shop-local days, units sold and GMV from the daily rollups. Every shape walks
 * an index (tests/unit/products/query-plans.test.ts).
 */

interface ProductRow {
  rid: number;
  product_id: string;
  shop_id: string;
  title: string;
  status: string;
  currency: string | null;
  min_price_minor: number | null;
  max_price_minor: number | null;
  inventory: number;
  sku_count: number;
  create_time: number | null;
  update_time: number | null;
  sort_value: SortValue;
}

interface SkuRow {
  product_id: string;
  sku_id: string;
  seller_sku: string | null;
  currency: string | null;
  price_minor: number | null;
  inventory: number;
  warehouses: string;
  cost_currency: string | null;
  cost_minor: number | null;
  shipping_cost_minor: number | null;
}

const sortColumns = {
  created: { column: 'p.create_time', nullable: true },
  updated: { column: 'p.update_time', nullable: true },
  title: { column: 'p.title COLLATE NOCASE', nullable: false },
  price: { column: 'p.min_price_minor', nullable: true },
  inventory: { column: 'p.inventory', nullable: false },
} as const;

/** FTS5 query: each word must start a word of the title. */
function titleQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ') : null;
}

export function productsPageSql(input: ProductsListInput): {
  sql: string;
  args: Array<string | number>;
  order: KeysetOrder;
  countSql: string;
  countArgs: Array<string | number>;
} {
  const q = productsListInputSchema.parse(input);
  const where: string[] = [];
  const args: Array<string | number> = [];
  const search = q.search?.trim() ?? '';
  if (search !== '') {
    // The title index, plus ids and seller SKUs by their start (exact-case, on their own indexes).
    const parts = ['SELECT p2.rowid FROM products p2 WHERE p2.product_id = ?'];
    const partArgs: Array<string | number> = [search];
    parts.push(
      'SELECT p3.rowid FROM product_skus s JOIN products p3 ON p3.product_id = s.product_id WHERE s.sku_id = ?',
    );
    partArgs.push(search);
    parts.push(
      'SELECT p4.rowid FROM product_skus s2 JOIN products p4 ON p4.product_id = s2.product_id WHERE s2.seller_sku >= ? AND s2.seller_sku < ?',
    );
    partArgs.push(search, `${search}\uffff`);
    const match = titleQuery(search);
    if (match) {
      parts.push('SELECT rowid FROM product_search WHERE product_search MATCH ?');
      partArgs.push(match);
    }
    where.push(`p.rowid IN (${parts.join(' UNION ')})`);
    args.push(...partArgs);
  }
  if (q.shopId) {
    where.push('p.shop_id = ?');
    args.push(q.shopId);
  }
  if (q.status) {
    where.push('p.status = ?');
    args.push(q.status);
  }
  if (q.lowStock) {
    where.push('EXISTS (SELECT 1 FROM product_skus k WHERE k.product_id = p.product_id AND k.inventory < ?)');
    args.push(q.lowStockBelow);
  }
  const sort = q.sort ?? { by: 'created' as const, desc: true };
  const { column, nullable } = sortColumns[sort.by];
  const dir = sort.desc ? 'DESC' : 'ASC';
  const order: KeysetOrder = { column, nullable, descending: sort.desc, rowid: 'p.rowid' };
  const countSql = `SELECT COUNT(*) FROM products p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const countArgs = [...args];
  if (q.cursor) {
    const after = keysetAfter(order, decodeCursor(q.cursor));
    where.push(after.sql);
    args.push(...after.args);
  }
  const sql = `SELECT p.rowid AS rid, p.product_id, p.shop_id, p.title, p.status, p.currency, p.min_price_minor,
      p.max_price_minor, p.inventory, p.sku_count, p.create_time, p.update_time, ${column} AS sort_value
    FROM products p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${column} ${dir}, p.rowid ${dir} LIMIT ?`;
  return { sql, args: [...args, q.limit + 1], order, countSql, countArgs };
}

export function listProducts(db: Database, input: ProductsListInput): ProductsPage {
  const q = productsListInputSchema.parse(input);
  const { sql, args, countSql, countArgs } = productsPageSql(q);
  const rows = db.prepare(sql).all(...args) as ProductRow[];
  const page = rows.slice(0, q.limit);
  const total = db
    .prepare(countSql)
    .pluck()
    .get(...countArgs) as number;
  const ids = JSON.stringify(page.map((p) => p.product_id));

  const skus = new Map<string, SkuRow[]>();
  for (const s of db
    .prepare<[string], SkuRow>(
      `SELECT s.product_id, s.sku_id, s.seller_sku, s.currency, s.price_minor, s.inventory, s.warehouses,
              c.currency AS cost_currency, c.cost_minor, c.shipping_cost_minor
       FROM product_skus s LEFT JOIN product_costs c ON c.sku_id = s.sku_id
       WHERE s.product_id IN (SELECT value FROM json_each(?)) ORDER BY s.product_id, s.rowid`,
    )
    .all(ids)) {
    skus.set(s.product_id, [...(skus.get(s.product_id) ?? []), s]);
  }

  const sales = new Map<string, { units: number; gross: number; currency: string }>();
  if (q.salesFrom && q.salesTo) {
    for (const r of db
      .prepare<
        [string, string, string],
        { product_id: string; currency: string; units: number; gross: number }
      >(
        `SELECT product_id, currency, SUM(units) AS units, SUM(gross_minor) AS gross FROM product_days
         WHERE product_id IN (SELECT value FROM json_each(?)) AND day >= ? AND day <= ?
         GROUP BY product_id, currency`,
      )
      .all(ids, q.salesFrom, q.salesTo)) {
      sales.set(r.product_id, { units: r.units, gross: r.gross, currency: r.currency });
    }
  }

  const money = (v: number | null, c: string | null) =>
    v === null || c === null ? null : { amountMinor: v, currency: c };
  const last = page.at(-1);
  return {
    items: page.map((p): ProductView => {
      const own = skus.get(p.product_id) ?? [];
      const s = sales.get(p.product_id);
      const currency = p.currency ?? own.find((k) => k.currency)?.currency ?? null;
      const skuViews = own.map((k) => ({
        skuId: k.sku_id,
        sellerSku: k.seller_sku,
        price: money(k.price_minor, k.currency ?? currency),
        inventory: k.inventory,
        warehouses: parseWarehouses(k.warehouses),
        lowStock: k.inventory < q.lowStockBelow,
        cost: money(k.cost_minor, k.cost_currency),
        shippingCost: money(k.shipping_cost_minor, k.cost_currency),
      }));
      return {
        productId: p.product_id,
        shopId: p.shop_id,
        title: p.title,
        status: p.status,
        minPrice: money(p.min_price_minor, currency),
        maxPrice: money(p.max_price_minor, currency),
        inventory: p.inventory,
        skuCount: p.sku_count,
        createTime: p.create_time,
        updateTime: p.update_time,
        lowStockSkus: skuViews.filter((k) => k.lowStock).length,
        sales:
          q.salesFrom && q.salesTo
            ? s
              ? { units: s.units, gmv: { amountMinor: s.gross, currency: s.currency } }
              : currency
                ? { units: 0, gmv: { amountMinor: 0, currency } }
                : null
            : null,
        skus: skuViews,
      };
    }),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.sort_value, last.rid) : null,
    total,
  };
}
