import { addDays, daysBetween } from '@shared/time';
import type { RollupReader } from './rollup-reads';

/**
 * The exact top items (products, creators) of a period without summing every item's every day. Summing
 * 90 days of a 20,000-product shop reads ~540,000 day rows and sorts them by product: seconds, for a table
 * that shows 20 rows. Instead (docs/analytics.md "Top items"):
 *
 * 1. Each month the period touches keeps its items ranked by the main figure (`<x>_months`, index
 *    `<x>_months_rank`). The first `k` items of every (shop, month) are the candidates.
 * 2. A candidate's exact total is its whole months inside the period plus its days at the period's ends
 *    (or its part months less the days outside the period: `readParts`), read for the candidates alone
 *    through the per-item indexes.
 * 3. An item that was no candidate has, in every month, at most the `k`-th figure of that month, so its
 *    total over the period is at most the sum of those figures over its shop's months (the bound). When
 *    the `limit`-th best candidate is above every shop's bound, no other item can enter the top: done.
 *    Otherwise `k` grows and the round repeats; a month with fewer than `k` items has none left unseen.
 *
 * The figures are non-negative sums (sales, units, commission), which is what makes a month's figure a
 * bound on any of its days. The result equals ranking every item's sum over the period.
 */

export interface RankedRollup {
  days: string;
  /** Index of `days` leading with (scope, item, day) and holding every summed column. */
  daysIndex: string;
  months: string;
  /** Index of `months` on (scope, month, main column DESC). */
  monthsRank: string;
  item: string;
  /** The column of the figure items are ranked by. */
  mainColumn: string;
  /** SQL sums by metric name, valid over both tables (they share column names). */
  sums: Record<string, string>;
  main: string;
}

export interface RankedItem {
  id: string | number;
  currency: string;
  metrics: Record<string, number>;
}

const monthOf = (day: string): string => day.slice(0, 7);
const firstDay = (month: string): string => `${month}-01`;
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
const lastDay = (month: string): string => addDays(firstDay(nextMonth(month)), -1);

/** A period as the calendar months it touches, the whole months inside it, and the day ranges left over. */
export function splitByMonth(
  from: string,
  to: string,
): { touched: string[]; whole: [string, string] | null; ends: Array<[string, string]> } {
  const touched: string[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = nextMonth(m)) touched.push(m);
  const first = from === firstDay(monthOf(from)) ? monthOf(from) : nextMonth(monthOf(from));
  const last = to === lastDay(monthOf(to)) ? monthOf(to) : touched.at(-2);
  if (last === undefined || first > last) return { touched, whole: null, ends: [[from, to]] };
  const ends: Array<[string, string]> = [];
  if (from < firstDay(first)) ends.push([from, addDays(firstDay(first), -1)]);
  if (to > lastDay(last)) ends.push([addDays(lastDay(last), 1), to]);
  return { touched, whole: [first, last], ends };
}

/** One read of an exact total: whole months from the monthly rollup or days from the day rollup, added or taken away. */
export interface ReadPart {
  table: 'months' | 'days';
  from: string;
  to: string;
  sign: 1 | -1;
}

/**
 * How to read exact totals over [from, to] touching the fewest day rows: the whole months inside it from the
 * monthly rollup, and each part month either as its days or, when the period holds more than half of it, as
 * the month less the days outside the period (a 90-day period starting on the 6th reads 5 days, not 25; the
 * current month reads the days still to come, which have no rows).
 */
export function readParts(from: string, to: string): ReadPart[] {
  const { whole, ends } = splitByMonth(from, to);
  const months: string[] = whole ? [...whole] : [];
  const days: ReadPart[] = [];
  for (const [endFrom, endTo] of ends)
    for (let m = monthOf(endFrom); m <= monthOf(endTo); m = nextMonth(m)) {
      const a = endFrom > firstDay(m) ? endFrom : firstDay(m);
      const b = endTo < lastDay(m) ? endTo : lastDay(m);
      if ((daysBetween(a, b) + 1) * 2 <= daysBetween(firstDay(m), lastDay(m)) + 1) {
        days.push({ table: 'days', from: a, to: b, sign: 1 });
        continue;
      }
      months.push(m);
      if (a > firstDay(m)) days.push({ table: 'days', from: firstDay(m), to: addDays(a, -1), sign: -1 });
      if (b < lastDay(m)) days.push({ table: 'days', from: addDays(b, 1), to: lastDay(m), sign: -1 });
    }
  // The months read are always one run (every month between the period's first and last is whole): one read.
  months.sort();
  const first = months[0];
  const last = months.at(-1);
  return [
    ...(first && last ? [{ table: 'months' as const, from: first, to: last, sign: 1 as const }] : []),
    ...days,
  ];
}

/** The SQL of the reads (exported for the query-plan test); `*All` read every item, not only candidates. */
export function topItemsSql(r: RankedRollup): {
  rank: string;
  months: string;
  days: string;
  monthsAll: string;
  daysAll: string;
} {
  const sums = Object.entries(r.sums)
    .map(([k, e]) => `${e} AS "${k}"`)
    .join(', ');
  const scopes = 'shop_id IN (SELECT value FROM json_each(@scopes))';
  const items = `${scopes} AND ${r.item} IN (SELECT value FROM json_each(@ids))`;
  return {
    rank: `SELECT ${r.item} AS id, currency, ${r.mainColumn} AS v FROM ${r.months} INDEXED BY ${r.monthsRank}
      WHERE shop_id = @scope AND month = @month ORDER BY ${r.mainColumn} DESC LIMIT @k`,
    // "rows": how many day rows a total holds, so an item with none inside the period is left out.
    months: `SELECT ${r.item} AS id, currency, SUM(days) AS "rows", ${sums} FROM ${r.months}
      WHERE ${items} AND month >= @from AND month <= @to GROUP BY ${r.item}, currency`,
    days: `SELECT ${r.item} AS id, currency, COUNT(*) AS "rows", ${sums} FROM ${r.days} INDEXED BY ${r.daysIndex}
      WHERE ${items} AND day >= @from AND day <= @to GROUP BY ${r.item}, currency`,
    monthsAll: `SELECT ${r.item} AS id, currency, SUM(days) AS "rows", ${sums} FROM ${r.months}
      WHERE ${scopes} AND month >= @from AND month <= @to GROUP BY ${r.item}, currency`,
    daysAll: `SELECT ${r.item} AS id, currency, COUNT(*) AS "rows", ${sums} FROM ${r.days}
      WHERE ${scopes} AND day >= @from AND day <= @to GROUP BY ${r.item}, currency`,
  };
}

function compareItems(main: string): (a: RankedItem, b: RankedItem) => number {
  return (a, b) =>
    (b.metrics[main] ?? 0) - (a.metrics[main] ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
    (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0);
}

/** Lists longer than this are ranked from every item's totals rather than from candidates. */
const ALL_ITEMS_FROM = 100;

/** The `limit` items of `scopes` with the largest main figure over [from, to], best first. */
export function topItems(
  reader: RollupReader,
  r: RankedRollup,
  scopes: string[],
  from: string,
  to: string,
  limit: number,
): RankedItem[] {
  if (scopes.length === 0) return [];
  const sql = topItemsSql(r);
  const touched = splitByMonth(from, to).touched;
  const parts = readParts(from, to);
  const scopesJson = JSON.stringify(scopes);
  const exact = new Map<string, RankedItem & { rows: number }>();
  const read = new Set<string | number>();

  /** Adds the exact totals of `ids`, or of every item (null). */
  const addExact = (ids: Array<string | number> | null): void => {
    const p = ids ? { scopes: scopesJson, ids: JSON.stringify(ids) } : { scopes: scopesJson };
    for (const part of parts)
      for (const row of reader.all<Record<string, string | number>>(
        ids ? sql[part.table] : sql[part.table === 'months' ? 'monthsAll' : 'daysAll'],
        {
          ...p,
          from: part.from,
          to: part.to,
        },
      )) {
        const id = row.id as string | number;
        const currency = String(row.currency);
        const key = `${id}|${currency}`;
        let item = exact.get(key);
        if (!item) exact.set(key, (item = { id, currency, rows: 0, metrics: {} }));
        item.rows += part.sign * Number(row.rows);
        for (const name of Object.keys(r.sums))
          item.metrics[name] = (item.metrics[name] ?? 0) + part.sign * Number(row[name] ?? 0);
      }
  };

  const order = compareItems(r.main);
  const best = (): RankedItem[] =>
    [...exact.values()]
      .filter((x) => x.rows > 0)
      .map(({ id, currency, metrics }) => ({ id, currency, metrics }))
      .sort(order);
  // A long list (an export, a picker of every creator) would take most items as candidates anyway: every
  // item's months and end days, read once in scope order, cost less than thousands of per-item reads.
  if (limit > ALL_ITEMS_FROM) {
    addExact(null);
    return best().slice(0, limit);
  }
  for (let k = Math.max(32, limit * 2); ; k *= 4) {
    let exhausted = true;
    let bound = 0;
    const fresh: Array<string | number> = [];
    for (const scope of scopes) {
      let scopeBound = 0;
      for (const month of touched) {
        const rows = reader.all<{ id: string | number; v: number }>(sql.rank, { scope, month, k });
        if (rows.length === k) {
          exhausted = false;
          scopeBound += rows[k - 1]?.v ?? 0;
        }
        for (const row of rows)
          if (!read.has(row.id)) {
            read.add(row.id);
            fresh.push(row.id);
          }
      }
      bound = Math.max(bound, scopeBound);
    }
    if (fresh.length > 0) addExact(fresh);
    const ranked = best();
    const last = ranked[limit - 1];
    if (exhausted || (last !== undefined && (last.metrics[r.main] ?? 0) > bound))
      return ranked.slice(0, limit);
  }
}
