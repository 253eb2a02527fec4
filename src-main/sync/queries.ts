import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import {
  type OrdersListInput,
  ordersListInputSchema,
  type OrdersPage,
  type ProductsListInput,
  type productSortColumns,
  productsListInputSchema,
  type ProductsPage,
} from '@shared/sync';
import { syncTexts } from './texts';

/**
 * What the merchant sees offline: orders and products straight from the local cache, newest first, paged
 * with an opaque keyset cursor (stable while sync inserts rows).
 */

/** The cursor holds the last row's sort value and id: the next page starts strictly after that pair. */
export function encodeCursor(value: number | string | null, id: string): string {
  return Buffer.from(JSON.stringify([value ?? 0, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [number | string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (
      Array.isArray(v) &&
      (typeof v[0] === 'number' || typeof v[0] === 'string') &&
      typeof v[1] === 'string'
    )
      return [v[0], v[1]];
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION', syncTexts.badCursor());
}

/** ORDER BY and the keyset condition for `value, id` in either direction (ties broken by id). */
function keyset(valueSql: string, idSql: string, desc: boolean): { order: string; after: string } {
  const dir = desc ? 'DESC' : 'ASC';
  const cmp = desc ? '<' : '>';
  return {
    order: `ORDER BY ${valueSql} ${dir}, ${idSql} ${dir}`,
    after: `(${valueSql} ${cmp} ? OR (${valueSql} = ? AND ${idSql} ${cmp} ?))`,
  };
}

/** LIKE pattern for a substring search, with the user's %, _ and \ taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

interface OrderRow {
  order_id: string;
  shop_id: string;
  status: string;
  currency: string;
  create_time: number;
  update_time: number;
  total_minor: number;
  sub_total_minor: number;
  shipping_fee_minor: number;
  tax_minor: number;
  seller_discount_minor: number;
  platform_discount_minor: number;
  units: number;
}

interface LineRow {
  order_id: string;
  line_id: string;
  product_id: string;
  product_name: string;
  sku_name: string | null;
  currency: string;
  sale_price_minor: number;
  cancelled: number;
}

export function listOrders(db: Database, input: OrdersListInput): OrdersPage {
  const q = ordersListInputSchema.parse(input);
  const where: string[] = [];
  const args: Array<string | number> = [];
  if (q.shopId) {
    where.push('o.shop_id = ?');
    args.push(q.shopId);
  }
  if (q.status) {
    where.push('o.status = ?');
    args.push(q.status);
  }
  if (q.search) {
    where.push(
      `(o.order_id = ? OR EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.order_id AND l.product_name LIKE ? ESCAPE '\\'))`,
    );
    args.push(q.search, likePattern(q.search));
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT COUNT(*) FROM orders o ${filter}`)
    .pluck()
    .get(...args) as number;
  const pageWhere = [...where];
  const pageArgs = [...args];
  const order = keyset('o.create_time', 'o.order_id', q.sort?.desc ?? true);
  if (q.cursor) {
    const [time, id] = decodeCursor(q.cursor);
    pageWhere.push(order.after);
    pageArgs.push(time, time, id);
  }
  const rows = db
    .prepare(
      `SELECT o.order_id, o.shop_id, o.status, o.currency, o.create_time, o.update_time, o.total_minor,
              o.sub_total_minor, o.shipping_fee_minor, o.tax_minor, o.seller_discount_minor,
              o.platform_discount_minor, o.units
       FROM orders o ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
       ${order.order} LIMIT ?`,
    )
    .all(...pageArgs, q.limit + 1) as OrderRow[];
  const page = rows.slice(0, q.limit);
  const lines = new Map<string, LineRow[]>();
  if (page.length > 0) {
    const all = db
      .prepare(
        `SELECT order_id, line_id, product_id, product_name, sku_name, currency, sale_price_minor, cancelled
         FROM order_lines WHERE order_id IN (${page.map(() => '?').join(',')}) ORDER BY line_id`,
      )
      .all(...page.map((o) => o.order_id)) as LineRow[];
    for (const l of all) lines.set(l.order_id, [...(lines.get(l.order_id) ?? []), l]);
  }
  const money = (amountMinor: number, currency: string): { amountMinor: number; currency: string } => ({
    amountMinor,
    currency,
  });
  const last = page.at(-1);
  return {
    items: page.map((o) => ({
      orderId: o.order_id,
      shopId: o.shop_id,
      status: o.status,
      createTime: o.create_time,
      updateTime: o.update_time,
      total: money(o.total_minor, o.currency),
      subTotal: money(o.sub_total_minor, o.currency),
      shippingFee: money(o.shipping_fee_minor, o.currency),
      tax: money(o.tax_minor, o.currency),
      sellerDiscount: money(o.seller_discount_minor, o.currency),
      platformDiscount: money(o.platform_discount_minor, o.currency),
      units: o.units,
      lines: (lines.get(o.order_id) ?? []).map((l) => ({
        lineId: l.line_id,
        productId: l.product_id,
        productName: l.product_name,
        skuName: l.sku_name,
        salePrice: money(l.sale_price_minor, l.currency),
        cancelled: l.cancelled === 1,
      })),
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.create_time, last.order_id) : null,
    total,
  };
}

interface ProductRow {
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
}

const productSortSql = {
  created: 'COALESCE(create_time, 0)',
  updated: 'COALESCE(update_time, 0)',
  title: 'title',
  inventory: 'inventory',
} as const satisfies Record<(typeof productSortColumns)[number], string>;

const productSortValue = {
  created: (p: ProductRow) => p.create_time ?? 0,
  updated: (p: ProductRow) => p.update_time ?? 0,
  title: (p: ProductRow) => p.title,
  inventory: (p: ProductRow) => p.inventory,
} as const satisfies Record<(typeof productSortColumns)[number], (p: ProductRow) => number | string>;

export function listProducts(db: Database, input: ProductsListInput): ProductsPage {
  const q = productsListInputSchema.parse(input);
  const where: string[] = [];
  const args: Array<string | number> = [];
  if (q.shopId) {
    where.push('shop_id = ?');
    args.push(q.shopId);
  }
  if (q.search) {
    where.push(`(product_id = ? OR title LIKE ? ESCAPE '\\')`);
    args.push(q.search, likePattern(q.search));
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT COUNT(*) FROM products ${filter}`)
    .pluck()
    .get(...args) as number;
  const by = q.sort?.by ?? 'created';
  const order = keyset(productSortSql[by], 'product_id', q.sort?.desc ?? true);
  if (q.cursor) {
    const [value, id] = decodeCursor(q.cursor);
    where.push(order.after);
    args.push(value, value, id);
  }
  const rows = db
    .prepare(
      `SELECT product_id, shop_id, title, status, currency, min_price_minor, max_price_minor, inventory, sku_count,
              create_time, update_time
       FROM products ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ${order.order} LIMIT ?`,
    )
    .all(...args, q.limit + 1) as ProductRow[];
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const price = (v: number | null, c: string | null): { amountMinor: number; currency: string } | null =>
    v === null || c === null ? null : { amountMinor: v, currency: c };
  return {
    items: page.map((p) => ({
      productId: p.product_id,
      shopId: p.shop_id,
      title: p.title,
      status: p.status,
      minPrice: price(p.min_price_minor, p.currency),
      maxPrice: price(p.max_price_minor, p.currency),
      inventory: p.inventory,
      skuCount: p.sku_count,
      createTime: p.create_time,
      updateTime: p.update_time,
    })),
    nextCursor:
      rows.length > q.limit && last ? encodeCursor(productSortValue[by](last), last.product_id) : null,
    total,
  };
}
