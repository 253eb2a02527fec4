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
  /** Index of `months` on (scope, month, main column DESC). */
  monthsRank: string;
  item: string;
  /** The column of the figure items are ranked by. */
  mainColumn: string;
  /** SQL sums by metric name, valid over both tables (they share column names). */
  sums: Record<string, string>;
  main: string;
  /** An item can have rows in several shops (a creator), not in one alone (a product). */
  spansScopes?: boolean;
  /** The currencies of a scope's rows over days [@from, @to] (`currency`), so bounds add up per currency. */
  scopeCurrencies?: string;
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

  /** Learns the group of every grouped item, before reading every item at once. */
  loadAll(): void {
    if (this.groups)
      for (const p of this.reader.all<{ item: Id; grp: Id }>(this.groups.all, {}))
        this.groupOf.set(p.item, p.grp);
  }

  of(item: Id): Id {
    return this.groupOf.get(item) ?? item;
  }
}

function compareItems(main: string): (a: RankedItem, b: RankedItem) => number {
  return (a, b) =>
    (b.metrics[main] ?? 0) - (a.metrics[main] ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
    (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0);
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

/** The `limit` items (or groups) of `scopes` with the largest main figure over [from, to], best first. */
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
  const grouping = new Grouping(reader, r.groups);
  const exact = new Map<string, RankedItem & { rows: number }>();
  const read = new Set<Id>();

  /** Adds the exact totals of the groups `ids` (their items' rows), or of every item (null). */
  const addExact = (ids: Id[] | null): void => {
    const p = ids
      ? { scopes: scopesJson, ids: JSON.stringify(grouping.membersOf(ids)) }
      : { scopes: scopesJson };
    for (const part of parts)
      for (const row of reader.all<Record<string, string | number>>(
        ids ? sql[part.table] : sql[part.table === 'months' ? 'monthsAll' : 'daysAll'],
        { ...p, from: part.from, to: part.to },
      )) {
        const id = grouping.of(row.id as Id);
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
    grouping.loadAll();
    addExact(null);
    return best().slice(0, limit);
  }
  const { factor, forced } = groupBound(reader, r);
  const currencies = new Map<string, string[]>();
  for (const scope of scopes)
    currencies.set(
      scope,
      r.scopeCurrencies
        ? reader.all<{ currency: string }>(r.scopeCurrencies, { scope, from, to }).map((c) => c.currency)
        : [''],
    );
  for (let k = Math.max(32, limit * 2 * Math.min(factor, 4)); ; k *= 4) {
    let exhausted = true;
    const bounds = new Map<string, number>();
    const fresh: Id[] = [];
    const take = (group: Id): void => {
      if (read.has(group)) return;
      read.add(group);
      fresh.push(group);
    };
    forced.splice(0).forEach(take);
    for (const scope of scopes) {
      let scopeBound = 0;
      for (const month of touched) {
        const rows = reader.all<{ id: Id; v: number }>(sql.rank, { scope, month, k });
        if (rows.length === k) {
          exhausted = false;
          scopeBound += rows[k - 1]?.v ?? 0;
        }
        grouping.groupsOf(rows.map((row) => row.id)).forEach(take);
      }
      // An item of several shops (a creator selling for two) sums its shops' figures in each currency, so
      // the bound is the sum of those shops' bounds; a product belongs to one shop: the largest shop's.
      for (const c of currencies.get(scope) ?? [])
        bounds.set(
          c,
          r.spansScopes ? (bounds.get(c) ?? 0) + scopeBound : Math.max(bounds.get(c) ?? 0, scopeBound),
        );
    }
    const bound = Math.max(0, ...bounds.values()) * factor;
    if (fresh.length > 0) addExact(fresh);
    const ranked = best();
    const last = ranked[limit - 1];
    if (exhausted || (last !== undefined && (last.metrics[r.main] ?? 0) > bound))
      return ranked.slice(0, limit);
  }
}
