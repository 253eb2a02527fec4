import { AppError } from '@shared/errors';
import type { MoneyTotal, Statements } from '@shared/analytics';
import { addDays, zonedDay, zonedDayStart } from '@shared/time';
import { decodeCursor, encodeCursor } from '../sync/queries';
import { syncTexts } from '../sync/texts';
import type { AnalyticsDeps, Query } from './context';

/**
 * The Finance page's statements of the period, newest first, keyset-paged (stable while a sync inserts
 * rows), each shop's period cut at its own local midnights; the paging helpers the Affiliate page's orders
 * (affiliate.ts) share.
 */

/** Keyset cursors as the synced lists write them (last row's time and id); a finance page sorts by time. */
export function timeCursor(cursor: string | null): [number, string] {
  if (cursor === null) return [Number.MAX_SAFE_INTEGER, ''];
  const [time, id] = decodeCursor(cursor);
  if (typeof time !== 'number') throw new AppError('VALIDATION', syncTexts.badCursor());
  return [time, id];
}

/** Per shop: [start, end) of the period in UTC ms, in the shop's own days. */
export function shopWindows(
  q: Query,
): Array<{ shopId: string; start: number; end: number; zone: string; name: string }> {
  return q.scopes.shops.map((s) => ({
    shopId: s.id,
    name: s.name,
    zone: s.zone,
    start: zonedDayStart(q.period.from, s.zone),
    end: zonedDayStart(addDays(q.period.to, 1), s.zone),
  }));
}

export const statementsSql = `SELECT statement_id AS statementId, shop_id AS shopId, statement_time AS statementTime,
    currency, revenue_minor AS revenueMinor, fee_minor AS feeMinor, adjustment_minor AS adjustmentMinor,
    shipping_cost_minor AS shippingCostMinor, settlement_minor AS settlementMinor, payment_status AS paymentStatus
  FROM finance_statements
  WHERE shop_id = @shop AND statement_time >= @start AND statement_time < @end
    AND (statement_time < @cTime OR (statement_time = @cTime AND statement_id < @cId))
  ORDER BY statement_time DESC, statement_id DESC LIMIT @limit`;

export const financeTotalsSql = `SELECT currency, SUM(revenue_minor) AS revenue, SUM(fee_minor) AS fees,
    SUM(adjustment_minor) AS adjustments, SUM(shipping_cost_minor) AS shippingCost,
    SUM(settlement_minor) AS settlement, SUM(statements) AS statements
  FROM finance_days WHERE shop_id IN (SELECT value FROM json_each(@scopes)) AND day >= @from AND day <= @to
  GROUP BY currency ORDER BY currency`;

/** Merges per-shop pages (each newest first) into one page, newest first. */
export function mergePages<T extends { id: string; time: number }>(
  lists: T[][],
  limit: number,
): { items: T[]; next: string | null } {
  const all = lists.flat().sort((a, b) => b.time - a.time || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const items = all.slice(0, limit);
  const last = items.at(-1);
  return { items, next: all.length > limit && last ? encodeCursor(last.time, last.id) : null };
}

export function listStatements(
  deps: AnalyticsDeps,
  q: Query,
  limit: number,
  cursor: string | null,
): Statements {
  const c = timeCursor(cursor);
  const lists = shopWindows(q).map((w) =>
    deps.reader
      .all<Omit<Statements['items'][number], 'day' | 'shopName'>>(statementsSql, {
        shop: w.shopId,
        start: w.start,
        end: w.end,
        cTime: c[0],
        cId: cursor === null ? '\uffff' : c[1],
        limit: limit + 1,
      })
      .map((r) => ({
        ...r,
        shopName: w.name,
        day: zonedDay(r.statementTime, w.zone),
        id: r.statementId,
        time: r.statementTime,
      })),
  );
  const page = mergePages(lists, limit);
  const totals: MoneyTotal[] =
    q.shopIds.length === 0
      ? []
      : deps.reader
          .all<Record<string, number | string>>(financeTotalsSql, {
            scopes: JSON.stringify(q.shopIds),
            from: q.period.from,
            to: q.period.to,
          })
          .map(({ currency, ...amounts }) => ({
            currency: String(currency),
            amounts: Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, Number(v)])),
          }));
  return {
    period: q.period,
    items: page.items.map(({ id: _id, time: _time, ...r }) => r),
    nextCursor: page.next,
    totals,
  };
}
