import { awaitingStatuses, type OrderFilters, type OrderSort } from '@shared/orders';
import { AppError } from '@shared/errors';
import type { KeysetOrder } from '../db/keyset';
import { keyAt } from '../db/order-key';
import { ordersTexts } from './texts';

/**
 * Builds the Orders page's SQL so that every query walks an index (or the order search index) in the order
 * it returns rows, and stops after one page (docs/orders.md, "Big shops"). The rowid of an order is its
 * creation-ordered key, so "newest first" is the rowid read backwards and a date range is a rowid range.
 * tests/unit/orders/query-plans.test.ts checks each shape with EXPLAIN QUERY PLAN.
 */

export type SqlArg = string | number;

export interface OrderQuery {
  /** `FROM … WHERE …` (no ORDER BY), alias `o` for orders. */
  from: string;
  where: string[];
  args: SqlArg[];
  /** The column the page is ordered by, and the SQL to order by. */
  sortColumn: string | null;
  orderBy: string;
  descending: boolean;
}

const awaitingList = awaitingStatuses.map((s) => `'${s}'`).join(', ');

/** The index terms a typed word is the start of, or null to search it as a prefix (orders/search-terms.ts). */
export type ExpandPrefix = (word: string) => readonly string[] | null;

const quoted = (w: string) => `"${w.replace(/"/g, '""')}"`;

/**
 * FTS5 query from what the merchant typed: each word must start a word of the order's lines. A word whose
 * terms `expand` lists becomes those exact terms OR-ed (read lazily, newest first) instead of a prefix
 * query (read whole before the first row); both match the same orders.
 */
export function ftsQuery(text: string, expand?: ExpandPrefix): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return (
    words
      .map((w) => {
        const terms = expand?.(w);
        if (!terms) return `${quoted(w)}*`;
        return terms.length === 1 ? quoted(terms[0]!) : `(${terms.map(quoted).join(' OR ')})`;
      })
      // Explicit AND: FTS5 takes no implicit AND next to a parenthesised group.
      .join(' AND ')
  );
}

/** An order id is 10+ digits; anything shorter is searched as text. */
export const looksLikeOrderId = (text: string): boolean => /^\d{10,24}$/.test(text);

export function buildOrderQuery(
  filters: OrderFilters,
  sort: OrderSort,
  now: number,
  options: { exactId?: boolean; expand?: ExpandPrefix } = {},
): OrderQuery {
  const where: string[] = [];
  const args: SqlArg[] = [];
  let from = 'orders o';
  let rowidColumn = 'o.rowid';

  const search = filters.search?.trim() ?? '';
  if (search !== '' && options.exactId) {
    where.push('o.order_id = ?');
    args.push(search);
  } else if (search !== '') {
    const match = ftsQuery(search, options.expand);
    if (match === null) where.push('0');
    else {
      // Driven from the search index: it yields matching rowids newest first, each joined by rowid.
      from = 'order_search s JOIN orders o ON o.rowid = s.rowid';
      rowidColumn = 's.rowid';
      where.push('order_search MATCH ?');
      args.push(match);
    }
  }

  if (filters.shopId) {
    where.push('o.shop_id = ?');
    args.push(filters.shopId);
  }
  const statuses = filters.status ?? [];
  if (statuses.length === 1) {
    where.push('o.status = ?');
    args.push(statuses[0]!);
  } else if (statuses.length > 1) {
    // Several statuses are usually most orders: read newest first and skip the others (the unary plus
    // keeps SQLite from sorting every matching row out of the status index).
    where.push(`+o.status IN (${statuses.map(() => '?').join(', ')})`);
    args.push(...statuses);
  }
  if (filters.awaitingShipment || filters.late || sort.by === 'sla') {
    // The exact condition of the partial index orders_sla.
    where.push(`o.status IN (${awaitingList})`);
  }
  if (filters.late) {
    where.push('o.rts_sla_time < ?');
    args.push(now);
  }
  if (filters.refunded) where.push('o.refund_minor > 0');
  if (filters.sample) where.push('o.is_sample_order = 1');
  if (filters.affiliate === true)
    where.push('EXISTS (SELECT 1 FROM affiliate_orders a WHERE a.order_id = o.order_id)');
  if (filters.affiliate === false)
    where.push('NOT EXISTS (SELECT 1 FROM affiliate_orders a WHERE a.order_id = o.order_id)');
  if (filters.from !== undefined) {
    where.push(`${rowidColumn} >= ?`, 'o.create_time >= ?');
    args.push(keyAt(filters.from), filters.from);
  }
  if (filters.to !== undefined) {
    where.push(`${rowidColumn} < ?`, 'o.create_time < ?');
    args.push(keyAt(filters.to), filters.to);
  }
  if (filters.from !== undefined && filters.to !== undefined && filters.to < filters.from) {
    throw new AppError('VALIDATION', ordersTexts.rangeReversed(), {
      issues: [{ path: 'to', message: 'must not be before from' }],
    });
  }

  const descending = sort.desc;
  const dir = descending ? 'DESC' : 'ASC';
  const awaitingOnly = filters.awaitingShipment === true || filters.late === true || sort.by === 'sla';
  if (from === 'orders o' && !options.exactId && awaitingOnly && statuses.length !== 1 && !filters.shopId) {
    // Few orders are still to ship: their partial indexes hold exactly them, in ship-by or creation order.
    from = `orders o INDEXED BY ${sort.by === 'sla' ? 'orders_sla' : 'orders_awaiting'}`;
  }
  if (sort.by === 'total') {
    // Walk the total index and skip what the filters leave out, rather than sorting a whole shop's orders.
    if (from === 'orders o' && !options.exactId) from = 'orders o INDEXED BY orders_total';
    return {
      from,
      where,
      args,
      sortColumn: 'o.total_minor',
      orderBy: `o.total_minor ${dir}, ${rowidColumn} ${dir}`,
      descending,
    };
  }
  if (sort.by === 'sla') {
    return {
      from,
      where,
      args,
      sortColumn: 'o.rts_sla_time',
      orderBy: `o.rts_sla_time ${dir}, ${rowidColumn} ${dir}`,
      descending,
    };
  }
  // Newest (or oldest) first. With a shop, a single status or the sample flag, the matching index is
  // ordered by create_time then rowid; otherwise the rowid alone is the creation order.
  const viaIndex =
    from !== 'order_search s JOIN orders o ON o.rowid = s.rowid' &&
    !options.exactId &&
    (filters.shopId !== undefined || statuses.length === 1 || filters.sample === true || awaitingOnly);
  if (viaIndex) {
    return {
      from,
      where,
      args,
      sortColumn: 'o.create_time',
      orderBy: `o.create_time ${dir}, o.rowid ${dir}`,
      descending,
    };
  }
  return { from, where, args, sortColumn: null, orderBy: `${rowidColumn} ${dir}`, descending };
}

/** The keyset order of a query, for `keysetAfter` (db/keyset.ts). */
export function keysetOrder(q: OrderQuery): KeysetOrder {
  return {
    column: q.sortColumn,
    nullable: q.sortColumn === 'o.rts_sla_time',
    descending: q.descending,
    rowid: q.orderBy.includes('s.rowid') ? 's.rowid' : 'o.rowid',
  };
}
