import type { Database } from 'better-sqlite3';
import {
  type OrderFilters,
  type OrdersListInput,
  ordersListInputSchema,
  type OrdersPage,
  type OrderSort,
  type OrderView,
  ordersSummaryInputSchema,
  type OrdersSummary,
} from '@shared/orders';
import { awaitingStatuses } from '@shared/orders';
import { decodeCursor, encodeCursor, keysetAfter } from '../db/keyset';
import { buildOrderQuery, keysetOrder, looksLikeOrderId, type OrderQuery } from './order-query';
import { expandPrefix } from './search-terms';

/** The Orders page's list, its summary line, and the rows an export walks (docs/orders.md). */

export interface OrderRow {
  rid: number;
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
  refund_minor: number;
  units: number;
  rts_sla_time: number | null;
  is_sample_order: number;
  affiliate: number;
  sort_value: number | null;
}

interface LineRow {
  order_id: string;
  line_id: string;
  product_id: string;
  product_name: string;
  sku_id: string;
  sku_name: string | null;
  seller_sku: string | null;
  currency: string;
  sale_price_minor: number;
  cancelled: number;
}

const awaiting = new Set<string>(awaitingStatuses);

export const orderColumns = `o.rowid AS rid, o.order_id, o.shop_id, o.status, o.currency, o.create_time, o.update_time,
  o.total_minor, o.sub_total_minor, o.shipping_fee_minor, o.tax_minor, o.seller_discount_minor,
  o.platform_discount_minor, o.refund_minor, o.units, o.rts_sla_time, o.is_sample_order,
  EXISTS (SELECT 1 FROM affiliate_orders a WHERE a.order_id = o.order_id) AS affiliate`;

/** The SELECT for one page: its SQL and arguments (also what the query-plan test explains). */
export function pageSql(
  q: OrderQuery,
  cursor: string | undefined,
  limit: number,
): { sql: string; args: unknown[] } {
  const where = [...q.where];
  const args: unknown[] = [...q.args];
  const order = keysetOrder(q);
  if (cursor) {
    const c = keysetAfter(order, decodeCursor(cursor));
    where.push(c.sql);
    args.push(...c.args);
  } else if (order.column === null) {
    // The same rowid range the next pages use, from the top: the plan reads the key, never the whole table.
    where.push(`${order.rowid} ${order.descending ? '<=' : '>='} ?`);
    args.push(order.descending ? Number.MAX_SAFE_INTEGER : 0);
  }
  const sql = `SELECT ${orderColumns}, ${q.sortColumn ?? 'NULL'} AS sort_value FROM ${q.from}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${q.orderBy} LIMIT ?`;
  return { sql, args: [...args, limit] };
}

export function linesOf(db: Database, orderIds: readonly string[]): Map<string, LineRow[]> {
  const out = new Map<string, LineRow[]>();
  if (orderIds.length === 0) return out;
  const rows = db
    .prepare<[string], LineRow>(
      `SELECT order_id, line_id, product_id, product_name, sku_id, sku_name, seller_sku, currency, sale_price_minor,
              cancelled
       FROM order_lines WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
    )
    .all(JSON.stringify(orderIds));
  for (const l of rows) {
    const list = out.get(l.order_id);
    if (list) list.push(l);
    else out.set(l.order_id, [l]);
  }
  return out;
}

/** Lines whose names contain every searched word at the start of one of their words. */
function matchedLines(lines: readonly LineRow[], search: string): string[] {
  const words = search
    .toLocaleLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return [];
  const wordsOf = (text: string | null) =>
    (text ?? '')
      .toLocaleLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .split(/[^\p{L}\p{N}]+/u);
  return lines
    .filter((l) => {
      const have = [...wordsOf(l.product_name), ...wordsOf(l.sku_name), ...wordsOf(l.seller_sku)];
      return words.some((w) => have.some((h) => h.startsWith(w)));
    })
    .map((l) => l.line_id);
}

export function toView(
  o: OrderRow,
  lines: readonly LineRow[],
  now: number,
  search: string | null,
  byId: boolean,
): OrderView {
  const money = (amountMinor: number) => ({ amountMinor, currency: o.currency });
  const shipBy = awaiting.has(o.status) ? o.rts_sla_time : null;
  return {
    orderId: o.order_id,
    shopId: o.shop_id,
    status: o.status,
    createTime: o.create_time,
    updateTime: o.update_time,
    total: money(o.total_minor),
    subTotal: money(o.sub_total_minor),
    shippingFee: money(o.shipping_fee_minor),
    tax: money(o.tax_minor),
    sellerDiscount: money(o.seller_discount_minor),
    platformDiscount: money(o.platform_discount_minor),
    refund: money(o.refund_minor),
    units: o.units,
    shipBy,
    late: shipBy !== null && shipBy < now,
    affiliate: o.affiliate === 1,
    sample: o.is_sample_order === 1,
    lines: lines.map((l) => ({
      lineId: l.line_id,
      productId: l.product_id,
      productName: l.product_name,
      skuId: l.sku_id,
      skuName: l.sku_name,
      sellerSku: l.seller_sku,
      salePrice: { amountMinor: l.sale_price_minor, currency: l.currency },
      cancelled: l.cancelled === 1,
    })),
    match: search === null ? null : { orderId: byId, lineIds: byId ? [] : matchedLines(lines, search) },
  };
}

/** An exact order id is looked up by its key first; when no order has it, the digits are searched as text. */
function idLookup(db: Database, filters: OrderFilters): boolean {
  const search = filters.search?.trim() ?? '';
  if (!looksLikeOrderId(search)) return false;
  return db.prepare('SELECT 1 FROM orders WHERE order_id = ?').get(search) !== undefined;
}

export function listOrders(db: Database, input: OrdersListInput, now: number): OrdersPage {
  const q = ordersListInputSchema.parse(input);
  const sort: OrderSort = q.sort ?? { by: 'created', desc: true };
  const exactId = idLookup(db, q);
  const query = buildOrderQuery(q, sort, now, { exactId, expand: (w) => expandPrefix(db, w) });
  const { sql, args } = pageSql(query, q.cursor, q.limit + 1);
  const rows = db.prepare(sql).all(...args) as OrderRow[];
  const page = rows.slice(0, q.limit);
  const lines = linesOf(
    db,
    page.map((r) => r.order_id),
  );
  const search = q.search?.trim() ? q.search.trim() : null;
  const last = page.at(-1);
  return {
    items: page.map((r) => toView(r, lines.get(r.order_id) ?? [], now, search, exactId)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.sort_value, last.rid) : null,
    total: null,
  };
}

/** Count and totals per currency of the filtered view: one pass over the matching rows. */
export function summariseOrders(db: Database, input: unknown, now: number): OrdersSummary {
  const filters = ordersSummaryInputSchema.parse(input);
  const query = buildOrderQuery(filters, { by: 'created', desc: true }, now, {
    exactId: idLookup(db, filters),
    expand: (w) => expandPrefix(db, w),
  });
  const rows = db
    .prepare(
      `SELECT o.currency AS currency, COUNT(*) AS n, SUM(o.total_minor) AS total FROM ${query.from}
       ${query.where.length ? `WHERE ${query.where.join(' AND ')}` : ''} GROUP BY o.currency ORDER BY n DESC`,
    )
    .all(...query.args) as Array<{ currency: string; n: number; total: number }>;
  return {
    count: rows.reduce((n, r) => n + r.n, 0),
    totals: rows.map((r) => ({
      currency: r.currency,
      orders: r.n,
      total: { amountMinor: r.total, currency: r.currency },
    })),
  };
}
