import { addDays, daysBetween } from '@shared/time';
import type { RollupReader } from './rollup-reads';

/**
 * The exact top items (products, creators) of a period, per currency, without summing every item's every
 * day. Summing 90 days of a 20,000-product shop reads ~540,000 day rows and sorts them by product: seconds,
 * for a table that shows 20 rows. Instead (docs/analytics.md "Top items"):
 *
 * 1. Each month the period touches keeps its items ranked by the main figure per currency (`<x>_months`,
 *    index `<x>_months_rank` on shop, month, currency, figure). The first `k` items of every (shop, month,
 *    currency) are the candidates.
 * 2. A candidate's exact total is its whole months inside the period plus its days at the period's ends
 *    (or its part months less the days outside the period: `readParts`), read for the candidates alone
 *    through the per-item indexes.
 * 3. An item that was no candidate has, in every month, at most the `k`-th figure of that month and
 *    currency, so its total in a currency over the period is at most the sum of those figures over its shop's
 *    months (the currency's bound). When a currency's `limit`-th best candidate is above its bound, no other
 *    item can enter that currency's top: done (so too when every list of the currency was shorter than `k`:
 *    none is unseen).
 * 4. Otherwise, for those currencies, and for a list longer than `candidatesUpTo`, every item is summed and
 *    ranked in SQL in one statement (`rankAllSql`): a second round of four times as many candidates cost
 *    more than that.
 *
 * Amounts of different currencies are never ranked against each other: each currency the rollup rows carry
 * (not the shop's currency: a shop can hold rows in a second one) has its own top. The figures are
 * non-negative sums (sales, units, commission), which is what makes a month's figure a bound on any of its
 * days. The result equals ranking every item's sum over the period within its currency.
 *
 * Items may be counted in groups (`groups`: the creator records the CRM merged into one Creator). The rollups
 * stay per item and the group is taken when they are read, so a merge or a split shows at once. A group's
 * month figure is the sum of its items', each at most the month's `k`-th item figure when none was a
 * candidate: with groups of two the bound doubles, and the few groups of three items or more are candidates
 * from the start (when they are many, the bound is multiplied by the largest; docs/analytics.md "Merged
 * Creators"). An item that sells in several shops (a creator) sums its shops' bounds, per currency.
 */

/**
 * How items are counted in groups. Each query answers rows (`item`, `grp`); an item without a row is a group
 * of its own. The rollups are read per item by the same statements as without groups, and summed per group
 * here.
 */
export interface ItemGroups {
  /** The groups of the items in `@ids`. */
  groupsOf: string;
  /** The items of the groups in `@ids`. */
  membersOf: string;
  /** Every item that shares its group with another, with its group (for reading every item at once). */
  all: string;
  /** Groups of three items or more as (`id`, `n` items), largest first, at most `@max` of them. */
  large: string;
  /** A row when any group holds two items or more. */
  any: string;
}

export interface RankedRollup {
  days: string;
  /** Index of `days` leading with (scope, item, day) and holding every summed column. */
  daysIndex: string;
  months: string;
  /** Index of `months` on (scope, month, currency, main column DESC). */
  monthsRank: string;
  item: string;
  /** The column of the figure items are ranked by. */
  mainColumn: string;
  /** SQL sums by metric name, valid over both tables (they share column names). */
  sums: Record<string, string>;
  main: string;
  /** An item can have rows in several shops (a creator), not in one alone (a product). */
  spansScopes?: boolean;
  /**
   * The longest top ranked through candidates (default 100); a longer one is ranked in SQL at once. Lower
   * where the bound is loose (creators of two shops, merged records) and a longer top would need a second,
   * four times larger round of candidates.
   */
  candidatesUpTo?: number;
  groups?: ItemGroups;
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

/** The SQL of the candidate reads (exported for the query-plan test). */
export function topItemsSql(r: RankedRollup): {
  currencies: string;
  rank: string;
  months: string;
  days: string;
} {
  const sums = Object.entries(r.sums)
    .map(([k, e]) => `${e} AS "${k}"`)
    .join(', ');
  const scopes = 'shop_id IN (SELECT value FROM json_each(@scopes))';
  const items = `${scopes} AND ${r.item} IN (SELECT value FROM json_each(@ids))`;
  const month = `FROM ${r.months} INDEXED BY ${r.monthsRank} WHERE shop_id = @scope AND month = @month`;
  return {
    // The currencies of a (shop, month), each the next after the last in the rank index: one seek each, where
    // a DISTINCT would walk every item of the month.
    currencies: `WITH RECURSIVE c(currency) AS (SELECT MIN(currency) ${month}
      UNION ALL SELECT (SELECT MIN(currency) ${month} AND currency > c.currency) FROM c
      WHERE c.currency IS NOT NULL)
    SELECT currency FROM c WHERE currency IS NOT NULL`,
    rank: `SELECT ${r.item} AS id, ${r.mainColumn} AS v ${month} AND currency = @currency
      ORDER BY ${r.mainColumn} DESC LIMIT @k`,
    // "rows": how many day rows a total holds, so an item with none inside the period is left out.
    months: `SELECT ${r.item} AS id, currency, SUM(days) AS "rows", ${sums} FROM ${r.months}
      WHERE ${items} AND month >= @from AND month <= @to GROUP BY ${r.item}, currency`,
    days: `SELECT ${r.item} AS id, currency, COUNT(*) AS "rows", ${sums} FROM ${r.days} INDEXED BY ${r.daysIndex}
      WHERE ${items} AND day >= @from AND day <= @to GROUP BY ${r.item}, currency`,
  };
}

/** The columns `sums` add up: each sum must be `SUM(<column>)`, a column both rollup tables have. */
function summedColumns(sums: Record<string, string>): string[] {
  return Object.values(sums).map((e) => {
    const column = /^SUM\((\w+)\)$/.exec(e)?.[1];
    if (!column) throw new Error(`A ranked rollup sums plain columns only, not ${e}`);
    return column;
  });
}

/**
 * Every item's (or group's) exact totals over `parts`, ranked in SQL, the best `@limit` of each currency
 * (exported for the query-plan test): the parts' rows in one UNION ALL, signed, mapped to their group and
 * summed in one GROUP BY. Only the rows asked for cross into JavaScript; the parts' dates are `@from<i>` /
 * `@to<i>`. `someCurrencies`: only the currencies in `@currencies` (those the candidates could not settle).
 */
export function rankAllSql(r: RankedRollup, parts: readonly ReadPart[], someCurrencies = false): string {
  const columns = summedColumns(r.sums);
  const scopes = `shop_id IN (SELECT value FROM json_each(@scopes))${
    someCurrencies ? ' AND currency IN (SELECT value FROM json_each(@currencies))' : ''
  }`;
  const union = parts
    .map((p, i) => {
      const sign = p.sign === 1 ? '' : '-';
      const values = columns.map((c) => `${sign}${c} AS ${c}`).join(', ');
      return p.table === 'months'
        ? `SELECT ${r.item} AS item, currency, ${sign}days AS n, ${values} FROM ${r.months}
      WHERE ${scopes} AND month >= @from${i} AND month <= @to${i}`
        : `SELECT ${r.item} AS item, currency, ${sign}1 AS n, ${values} FROM ${r.days}
      WHERE ${scopes} AND day >= @from${i} AND day <= @to${i}`;
    })
    .join('\n    UNION ALL ');
  const sums = Object.entries(r.sums)
    .map(([k, e]) => `${e} AS "${k}"`)
    .join(', ');
  // The few grouped items, materialised once: each row looks its item up in a small automatic index.
  const grouped = r.groups ? `WITH grouped(item, grp) AS MATERIALIZED (${r.groups.all})\n  ` : '';
  const id = r.groups ? 'COALESCE(g.grp, x.item)' : 'x.item';
  const join = r.groups ? ' LEFT JOIN grouped g ON g.item = x.item' : '';
  const ranked = `SELECT ${id} AS id, x.currency AS currency, ${sums}
  FROM (${union}) x${join}
  GROUP BY 1, 2 HAVING SUM(x.n) > 0`;
  // Amounts of different currencies are not comparable: each currency has its own best `@limit`.
  return `${grouped}SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY currency
    ORDER BY "${r.main}" DESC, id) AS place FROM (${ranked})) WHERE place <= @limit
  ORDER BY currency, place`;
}

type Id = string | number;

/** Item ↔ group lookups for one request; each item and group is asked once. */
export class Grouping {
  private readonly groupOf = new Map<Id, Id>();
  private readonly members = new Map<Id, Id[]>();

  constructor(
    private readonly reader: RollupReader,
    private readonly groups: ItemGroups | undefined,
  ) {}

  private pairs(sql: string, ids: Id[]): Array<{ item: Id; grp: Id }> {
    return this.reader.all<{ item: Id; grp: Id }>(sql, { ids: JSON.stringify(ids) });
  }

  /** The groups of `items`, in their order (an item's own id when it has no group). */
  groupsOf(items: Id[]): Id[] {
    const ask = this.groups ? items.filter((i) => !this.groupOf.has(i)) : [];
    if (this.groups && ask.length > 0) {
      for (const p of this.pairs(this.groups.groupsOf, ask)) this.groupOf.set(p.item, p.grp);
      for (const i of ask) if (!this.groupOf.has(i)) this.groupOf.set(i, i);
    }
    return items.map((i) => this.of(i));
  }

  /** The items of `groups` (a group with no items stands for the item of its id). */
  membersOf(groups: Id[]): Id[] {
    if (!this.groups) return groups;
    const ask = groups.filter((g) => !this.members.has(g));
    if (ask.length > 0) {
      for (const p of this.pairs(this.groups.membersOf, ask)) {
        this.groupOf.set(p.item, p.grp);
        const list = this.members.get(p.grp);
        if (list) list.push(p.item);
        else this.members.set(p.grp, [p.item]);
      }
      for (const g of ask) if (!this.members.has(g)) this.members.set(g, [g]);
    }
    return groups.flatMap((g) => this.members.get(g) ?? [g]);
  }

  of(item: Id): Id {
    return this.groupOf.get(item) ?? item;
  }
}

/** Best first within one currency; ties by id, as `rankAllSql` orders them. */
function compareItems(main: string): (a: RankedItem, b: RankedItem) => number {
  return (a, b) =>
    (b.metrics[main] ?? 0) - (a.metrics[main] ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Lists longer than this are ranked from every item's totals rather than from candidates. */
const ALL_ITEMS_FROM = 100;
/** Up to this many groups of three items or more are read as candidates rather than widening the bound. */
const LARGE_GROUPS = 100;

/** How far a group may exceed one item's bound, and the groups read as candidates from the start. */
function groupBound(reader: RollupReader, r: RankedRollup): { factor: number; forced: Id[] } {
  if (!r.groups || reader.all(r.groups.any, {}).length === 0) return { factor: 1, forced: [] };
  const large = reader.all<{ id: Id; n: number }>(r.groups.large, { max: LARGE_GROUPS + 1 });
  if (large.length > LARGE_GROUPS) return { factor: Number(large[0]?.n ?? 2), forced: [] };
  return { factor: 2, forced: large.map((g) => g.id) };
}

/**
 * Every item's (or group's) totals over `parts`, summed and ranked in SQL: the best `limit` of each currency
 * (of `currencies` alone, when given), by currency.
 */
function rankAll(
  reader: RollupReader,
  r: RankedRollup,
  scopesJson: string,
  parts: readonly ReadPart[],
  limit: number,
  currencies?: readonly string[],
): RankedItem[] {
  const params: Record<string, string | number> = { scopes: scopesJson, limit };
  if (currencies) params.currencies = JSON.stringify(currencies);
  parts.forEach((part, i) => {
    params[`from${i}`] = part.from;
    params[`to${i}`] = part.to;
  });
  return reader
    .all<Record<string, string | number>>(rankAllSql(r, parts, currencies !== undefined), params)
    .map((row) => ({
      id: row.id as Id,
      currency: String(row.currency),
      metrics: Object.fromEntries(Object.keys(r.sums).map((k) => [k, Number(row[k] ?? 0)])),
    }));
}

/** The exact totals over `parts` of the groups `ids` (their items' rows), per currency, with rows in the period. */
function exactTotals(
  reader: RollupReader,
  r: RankedRollup,
  grouping: Grouping,
  scopesJson: string,
  parts: readonly ReadPart[],
  ids: Id[],
): RankedItem[] {
  const sql = topItemsSql(r);
  const exact = new Map<string, RankedItem & { rows: number }>();
  const p = { scopes: scopesJson, ids: JSON.stringify(grouping.membersOf(ids)) };
  for (const part of parts)
    for (const row of reader.all<Record<string, string | number>>(sql[part.table], {
      ...p,
      from: part.from,
      to: part.to,
    })) {
      const id = grouping.of(row.id as Id);
      const currency = String(row.currency);
      const key = `${id}|${currency}`;
      let item = exact.get(key);
      if (!item) exact.set(key, (item = { id, currency, rows: 0, metrics: {} }));
      item.rows += part.sign * Number(row.rows);
      for (const name of Object.keys(r.sums))
        item.metrics[name] = (item.metrics[name] ?? 0) + part.sign * Number(row[name] ?? 0);
    }
  return [...exact.values()]
    .filter((x) => x.rows > 0)
    .map(({ id, currency, metrics }) => ({ id, currency, metrics }));
}

/**
 * The top of each currency from the candidates of its (shop, month) rank lists, and the currencies whose top
 * the candidates cannot prove. A currency's bound adds up only its own lists' `k`-th figures, so a shop's
 * few rows in a second currency are proven against each other, not against its main currency's figures.
 */
function candidateTops(
  reader: RollupReader,
  r: RankedRollup,
  scopes: string[],
  period: { from: string; to: string; parts: readonly ReadPart[] },
  limit: number,
): { tops: Map<string, RankedItem[]>; unproven: string[]; scopesOf: Map<string, Set<string>> } {
  const sql = topItemsSql(r);
  const grouping = new Grouping(reader, r.groups);
  const { factor, forced } = groupBound(reader, r);
  const k = Math.max(32, limit * 2 * Math.min(factor, 4));
  const candidates = new Set<Id>(forced);
  /** Per currency: the most an item that is no candidate can total, and whether any list was cut at `k`. */
  const bounds = new Map<string, { bound: number; cut: boolean }>();
  /** The scopes with rows of each currency in the months touched. */
  const scopesOf = new Map<string, Set<string>>();
  const months = splitByMonth(period.from, period.to).touched;
  for (const scope of scopes) {
    const scopeBounds = new Map<string, { bound: number; cut: boolean }>();
    for (const month of months)
      for (const { currency } of reader.all<{ currency: string }>(sql.currencies, { scope, month })) {
        const rows = reader.all<{ id: Id; v: number }>(sql.rank, { scope, month, currency, k });
        scopesOf.set(currency, (scopesOf.get(currency) ?? new Set<string>()).add(scope));
        const b = scopeBounds.get(currency) ?? { bound: 0, cut: false };
        // A list shorter than `k` holds every item of that currency in that shop's month: none is unseen.
        if (rows.length === k)
          scopeBounds.set(currency, { bound: b.bound + (rows[k - 1]?.v ?? 0), cut: true });
        else scopeBounds.set(currency, b);
        for (const group of grouping.groupsOf(rows.map((row) => row.id))) candidates.add(group);
      }
    // An item of several shops (a creator selling for two) sums its shops' figures in each currency, so
    // the bound is the sum of those shops' bounds; a product belongs to one shop: the largest shop's.
    for (const [currency, b] of scopeBounds) {
      const all = bounds.get(currency) ?? { bound: 0, cut: false };
      bounds.set(currency, {
        bound: r.spansScopes ? all.bound + b.bound : Math.max(all.bound, b.bound),
        cut: all.cut || b.cut,
      });
    }
  }
  const byCurrency = new Map<string, RankedItem[]>();
  if (candidates.size > 0)
    for (const item of exactTotals(reader, r, grouping, JSON.stringify(scopes), period.parts, [
      ...candidates,
    ])) {
      const list = byCurrency.get(item.currency);
      if (list) list.push(item);
      else byCurrency.set(item.currency, [item]);
    }
  const tops = new Map<string, RankedItem[]>();
  const unproven: string[] = [];
  for (const [currency, { bound, cut }] of bounds) {
    const ranked = (byCurrency.get(currency) ?? []).sort(compareItems(r.main));
    const last = ranked[limit - 1];
    if (!cut || (last !== undefined && (last.metrics[r.main] ?? 0) > bound * factor))
      tops.set(currency, ranked.slice(0, limit));
    else unproven.push(currency);
  }
  return { tops, unproven, scopesOf };
}

/**
 * The `limit` items (or groups) of `scopes` with the largest main figure over [from, to] in each currency the
 * rollup rows carry, by currency, each best first: amounts of different currencies are never ranked against
 * each other (a reporting currency's top N is within the union of these, breakdown.ts).
 */
export function topItems(
  reader: RollupReader,
  r: RankedRollup,
  scopes: string[],
  from: string,
  to: string,
  limit: number,
): RankedItem[] {
  if (scopes.length === 0) return [];
  const parts = readParts(from, to);
  const scopesJson = JSON.stringify(scopes);
  // A long list (an export) would take most items as candidates anyway: rank every item in SQL at once.
  if (limit > (r.candidatesUpTo ?? ALL_ITEMS_FROM)) return rankAll(reader, r, scopesJson, parts, limit);
  const { tops, unproven, scopesOf } = candidateTops(reader, r, scopes, { from, to, parts }, limit);
  // The candidates cannot prove a currency's top (a long tail of creators selling for two shops keeps the
  // bound high): rather than four times as many candidates, rank every item of that currency in SQL, read
  // from the shops that hold it alone (a GBP shop's top, not the USD shop's rows too).
  const holding = [...new Set(unproven.flatMap((c) => [...(scopesOf.get(c) ?? [])]))];
  if (unproven.length > 0)
    for (const item of rankAll(reader, r, JSON.stringify(holding), parts, limit, unproven)) {
      const list = tops.get(item.currency);
      if (list) list.push(item);
      else tops.set(item.currency, [item]);
    }
  return [...tops.keys()].sort().flatMap((currency) => tops.get(currency) ?? []);
}
