import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { creatorGroups } from '../../../src-main/analytics/creator-groups';
import { RollupReader } from '../../../src-main/analytics/rollup-reads';
import { readParts, splitByMonth, topItems, type RankedRollup } from '../../../src-main/analytics/top-items';
import { addDays } from '../../../src-shared/time';
import { memoryDbWithAccount } from '../../helpers/sync-rows';

/**
 * The top items ranked through monthly rollups equal ranking every item's sum over the period, computed
 * here from the day rows alone: ranges inside one month, across months and years, whole months; flat
 * figures (the first candidates do not settle the top, so the search widens), ties, two shops, two
 * currencies, zero rows; integer ids (creators) ordered as numbers; creators selling for both shops and
 * creator records merged into one Creator (ranked as one item with the sum of its records).
 */

const products: RankedRollup = {
  days: 'product_days',
  daysIndex: 'product_days_product',
  months: 'product_months',
  monthsRank: 'product_months_rank',
  item: 'product_id',
  mainColumn: 'gross_minor',
  sums: { gmv: 'SUM(gross_minor)', units: 'SUM(units)' },
  main: 'gmv',
};
const creators: RankedRollup = {
  days: 'creator_days',
  daysIndex: 'creator_days_creator',
  months: 'creator_months',
  monthsRank: 'creator_months_rank',
  item: 'creator_id',
  mainColumn: 'gmv_minor',
  sums: { gmv: 'SUM(gmv_minor)', orders: 'SUM(orders)' },
  main: 'gmv',
};

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

interface DayRow {
  shop: string;
  id: string | number;
  day: string;
  currency: string;
  gmv: number;
  n: number;
}

let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

/** Day rows into the day rollup, and its months summed by SQL apart from the sync's own upkeep. */
function load(r: RankedRollup, rows: DayRow[]): void {
  const other = r === products ? 'units' : 'orders';
  const insert = db!.prepare(
    `INSERT INTO ${r.days} (shop_id, ${r.item}, day, currency, account_id, ${other}, ${r.mainColumn})
     VALUES (?, ?, ?, ?, 'acct-1', ?, ?)`,
  );
  db!.transaction(() => {
    for (const x of rows) insert.run(x.shop, x.id, x.day, x.currency, x.n, x.gmv);
  })();
  db!.exec(`
    INSERT INTO ${r.months} (shop_id, ${r.item}, month, currency, account_id, days, ${other}, ${r.mainColumn})
      SELECT shop_id, ${r.item}, substr(day, 1, 7), currency, 'acct-1', COUNT(*), SUM(${other}), SUM(${r.mainColumn})
      FROM ${r.days} GROUP BY 1, 2, 3, 4`);
}

/**
 * The reference: every item's sum over the period, the best `limit` of each currency (ties by id), by
 * currency: amounts of different currencies are never ranked against each other.
 */
function expected(rows: DayRow[], shops: string[], from: string, to: string, limit: number) {
  const sums = new Map<string, { id: string | number; currency: string; gmv: number; n: number }>();
  for (const x of rows) {
    if (!shops.includes(x.shop) || x.day < from || x.day > to) continue;
    const key = `${x.id}|${x.currency}`;
    const s = sums.get(key) ?? { id: x.id, currency: x.currency, gmv: 0, n: 0 };
    s.gmv += x.gmv;
    s.n += x.n;
    sums.set(key, s);
  }
  const currencies = [...new Set([...sums.values()].map((s) => s.currency))].sort();
  return currencies.flatMap((currency) =>
    [...sums.values()]
      .filter((s) => s.currency === currency)
      .sort((a, b) => b.gmv - a.gmv || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit),
  );
}

function randomRows(random: () => number, items: number, flat: boolean, ids: (i: number) => string | number) {
  const rows: DayRow[] = [];
  for (let d = 0; d < 200; d++) {
    const day = addDays('2025-11-20', d);
    for (let i = 0; i < items; i++) {
      if (random() < 0.6) continue;
      const shop = i % 3 === 0 ? 'shop-2' : 'shop-1';
      const currency = i % 11 === 0 ? 'GBP' : 'USD';
      // Skewed figures favour low item numbers; flat ones are a few equal prices (many ties).
      const gmv = flat ? 100 * (1 + Math.floor(random() * 3)) : Math.round((10_000 * random()) / (1 + i / 5));
      rows.push({ shop, id: ids(i), day, currency, gmv: random() < 0.05 ? 0 : gmv, n: 1 });
    }
  }
  return rows;
}

describe('splitByMonth', () => {
  it('splits a period into whole months and the days at its ends', () => {
    expect(splitByMonth('2026-09-06', '2026-12-04')).toEqual({
      touched: ['2026-09', '2026-10', '2026-11', '2026-12'],
      whole: ['2026-10', '2026-11'],
      ends: [
        ['2026-09-06', '2026-09-30'],
        ['2026-12-01', '2026-12-04'],
      ],
    });
    expect(splitByMonth('2026-02-01', '2026-02-28')).toEqual({
      touched: ['2026-02'],
      whole: ['2026-02', '2026-02'],
      ends: [],
    });
    expect(splitByMonth('2025-12-31', '2026-01-01')).toEqual({
      touched: ['2025-12', '2026-01'],
      whole: null,
      ends: [['2025-12-31', '2026-01-01']],
    });
    expect(splitByMonth('2024-02-10', '2024-02-29').ends).toEqual([['2024-02-10', '2024-02-29']]);
    expect(splitByMonth('2024-01-01', '2024-03-15')).toMatchObject({
      whole: ['2024-01', '2024-02'],
      ends: [['2024-03-01', '2024-03-15']],
    });
  });
});

describe('readParts', () => {
  it('reads whole months once, and a part month as its days or as the month less the days outside', () => {
    expect(readParts('2026-09-06', '2026-12-04')).toEqual([
      { table: 'months', from: '2026-09', to: '2026-11', sign: 1 },
      { table: 'days', from: '2026-09-01', to: '2026-09-05', sign: -1 },
      { table: 'days', from: '2026-12-01', to: '2026-12-04', sign: 1 },
    ]);
    expect(readParts('2026-01-05', '2026-01-20')).toEqual([
      { table: 'months', from: '2026-01', to: '2026-01', sign: 1 },
      { table: 'days', from: '2026-01-01', to: '2026-01-04', sign: -1 },
      { table: 'days', from: '2026-01-21', to: '2026-01-31', sign: -1 },
    ]);
    expect(readParts('2026-01-10', '2026-01-12')).toEqual([
      { table: 'days', from: '2026-01-10', to: '2026-01-12', sign: 1 },
    ]);
  });
});

describe('top items from monthly rollups', () => {
  const ranges: Array<[string, string]> = [
    ['2025-11-20', '2026-06-07'],
    ['2025-12-01', '2026-02-28'],
    ['2025-12-15', '2026-03-14'],
    ['2026-01-05', '2026-01-20'],
    ['2026-02-28', '2026-02-28'],
    ['2025-12-31', '2026-01-01'],
    ['2026-05-01', '2026-12-31'],
  ];

  for (const flat of [false, true])
    it(`equal ranking every item's sum (${flat ? 'flat figures, many ties' : 'skewed figures'})`, () => {
      db = memoryDbWithAccount();
      const rows = randomRows(rng(flat ? 5 : 7), 400, flat, (i) => `P${String(i).padStart(4, '0')}`);
      load(products, rows);
      const reader = new RollupReader(db!);
      for (const [from, to] of ranges)
        for (const shops of [['shop-1'], ['shop-1', 'shop-2']])
          for (const limit of [1, 20, 150]) {
            const got = topItems(reader, products, shops, from, to, limit).map((x) => ({
              id: x.id,
              currency: x.currency,
              gmv: x.metrics.gmv,
              n: x.metrics.units,
            }));
            expect(got, `${from}..${to} ${shops.join(',')} top ${limit}`).toEqual(
              expected(rows, shops, from, to, limit),
            );
          }
    });

  it('orders integer ids (creators) as numbers and finds items with only zero figures', () => {
    db = memoryDbWithAccount();
    const rows = randomRows(rng(3), 120, true, (i) => i + 1);
    rows.push({ shop: 'shop-1', id: 500, day: '2026-01-10', currency: 'USD', gmv: 0, n: 2 });
    rows.push({ shop: 'shop-2', id: 501, day: '2026-01-01', currency: 'USD', gmv: 0, n: 1 });
    load(creators, rows);
    const reader = new RollupReader(db!);
    // Every item, down to those with only zero figures; the second period reads January less its first days,
    // so an item sold only on those days must not appear with zeros.
    for (const [from, to] of [
      ['2026-01-01', '2026-01-31'],
      ['2026-01-03', '2026-01-31'],
    ] as const) {
      const all = expected(rows, ['shop-1', 'shop-2'], from, to, 1000);
      expect(all.some((x) => x.id === 500)).toBe(true);
      const got = topItems(reader, creators, ['shop-1', 'shop-2'], from, to, 1000);
      expect(got.map((x) => [x.id, x.currency, x.metrics.gmv, x.metrics.orders])).toEqual(
        all.map((x) => [x.id, x.currency, x.gmv, x.n]),
      );
    }
  });

  it('returns nothing for no shops or a period without rows', () => {
    db = memoryDbWithAccount();
    load(
      products,
      randomRows(rng(9), 10, false, (i) => `P${i}`),
    );
    const reader = new RollupReader(db!);
    expect(topItems(reader, products, [], '2026-01-01', '2026-01-31', 20)).toEqual([]);
    expect(topItems(reader, products, ['shop-1'], '2030-01-01', '2030-03-31', 20)).toEqual([]);
  });

  for (const flat of [false, true])
    it(`ranks merged creator records as one Creator, across shops (${flat ? 'flat' : 'skewed'})`, () => {
      db = memoryDbWithAccount();
      const random = rng(flat ? 11 : 13);
      const items = 300;
      const insert = db.prepare(
        'INSERT INTO creators (id, canonical_id, handle, first_seen_at, updated_at) VALUES (?, ?, ?, 0, 0)',
      );
      for (let i = 1; i <= items; i++) insert.run(i, i, `c${i}`);
      // One record in five joins another Creator; some Creators end up with three or four records.
      const canonical = new Map<number, number>();
      for (let i = 1; i <= items; i++) {
        const root = random() < 0.2 ? 1 + Math.floor(random() * items) : i;
        const r = canonical.get(root) ?? root;
        if (r !== i && !canonical.has(i) && ![...canonical.values()].includes(i)) {
          canonical.set(i, r);
          db.prepare('UPDATE creators SET canonical_id = ?, merged_into = ? WHERE id = ?').run(r, r, i);
        }
      }
      // Every creator sells for both shops, as creators do: the top of one shop is not the top of both.
      const rows: DayRow[] = [];
      for (let d = 0; d < 120; d++) {
        const day = addDays('2025-12-10', d);
        for (let i = 1; i <= items; i++)
          for (const shop of ['shop-1', 'shop-2']) {
            if (random() < 0.7) continue;
            const gmv = flat
              ? 100 * (1 + Math.floor(random() * 3))
              : Math.round((10_000 * random()) / (1 + i / 7));
            const currency = shop === 'shop-2' && i % 4 === 0 ? 'GBP' : 'USD';
            rows.push({ shop, id: i, day, currency, gmv, n: 1 });
          }
      }
      load(creators, rows);
      const grouped = rows.map((x) => ({ ...x, id: canonical.get(Number(x.id)) ?? x.id }));
      const reader = new RollupReader(db!);
      const asCreators: RankedRollup = { ...creators, spansScopes: true, groups: creatorGroups };
      // With many groups of three or more, the bound is widened by the largest instead.
      const manyLarge: RankedRollup = {
        ...asCreators,
        groups: { ...creatorGroups, large: creatorGroups.large.replace('>= 2', '>= 1') },
      };
      // Candidates, candidates then SQL when they cannot prove the top, and SQL from the start.
      for (const rollup of [asCreators, manyLarge, { ...asCreators, candidatesUpTo: 10 }])
        for (const [from, to] of [
          ['2025-12-10', '2026-04-08'],
          ['2025-12-15', '2026-03-14'],
          ['2026-01-05', '2026-01-20'],
        ] as const)
          for (const shops of [['shop-2'], ['shop-1', 'shop-2']])
            for (const limit of [1, 20, 150]) {
              const got = topItems(reader, rollup, shops, from, to, limit).map((x) => ({
                id: x.id,
                currency: x.currency,
                gmv: x.metrics.gmv,
                n: x.metrics.orders,
              }));
              expect(got, `${from}..${to} ${shops.join(',')} top ${limit}`).toEqual(
                expected(grouped, shops, from, to, limit),
              );
            }
    });
});

/** A reader that remembers the statements it ran, to tell the candidates' path from ranking every item. */
class RecordingReader extends RollupReader {
  readonly ran: string[] = [];
  override all<T>(sql: string, params: Record<string, unknown>): T[] {
    this.ran.push(sql);
    return super.all<T>(sql, params);
  }
}
const rankedEveryItem = (sql: string): boolean => sql.includes('ROW_NUMBER()');

/**
 * Random shops of two or three currencies, one of which (shop-1, a USD shop) also sells some items in GBP, and
 * each currency's figures on a scale of its own; a creator sells for every shop, a product in one.
 */
function mixedRows(random: () => number, spans: boolean, flat: boolean): DayRow[] {
  const shops: Array<{ shop: string; currency: string; scale: number }> = [
    { shop: 'shop-1', currency: 'USD', scale: 10_000 },
    { shop: 'shop-2', currency: 'GBP', scale: 1 + Math.floor(random() * 20_000) },
    ...(random() < 0.5 ? [] : [{ shop: 'shop-3', currency: 'EUR', scale: 1 + Math.floor(random() * 5_000) }]),
  ];
  const start = addDays('2025-10-01', Math.floor(random() * 60));
  const items = 100 + Math.floor(random() * (spans ? 60 : 150));
  const rows: DayRow[] = [];
  for (let d = 0; d < 120; d++) {
    const day = addDays(start, d);
    for (let i = 0; i < items; i++) {
      const own = shops[i % shops.length]!;
      for (const { shop, currency, scale } of spans ? shops : [own]) {
        if (random() < 0.7) continue;
        // One item in eight of the USD shop sells in GBP too, some in GBP alone: rows in a second currency.
        const second = shop === 'shop-1' && i % 8 === 0 && random() < 0.5;
        const gbp = shop === 'shop-1' && i % 16 === 0;
        const gmv = flat
          ? 100 * (1 + Math.floor(random() * 3))
          : Math.round((scale * random()) / (1 + i / 6));
        rows.push({
          shop,
          id: spans ? i + 1 : `P${String(i).padStart(4, '0')}`,
          day,
          currency: second || gbp ? 'GBP' : currency,
          gmv: random() < 0.05 ? 0 : gmv,
          n: 1,
        });
      }
    }
  }
  return rows;
}

describe('top items per currency', () => {
  for (const spans of [false, true])
    it(`equal ranking every item in SQL and the reference, for random ${spans ? 'creators' : 'products'} in 2–3 currencies`, () => {
      let candidatesProved = 0;
      let someRankedInSql = 0;
      for (let seed = 1; seed <= 6; seed++) {
        db = memoryDbWithAccount();
        const random = rng(seed * 7919 + (spans ? 1 : 0));
        const flat = seed % 3 === 0;
        const rows = mixedRows(random, spans, flat);
        const base = spans ? { ...creators, spansScopes: true } : products;
        load(base, rows);
        const reader = new RecordingReader(db);
        const days = [...new Set(rows.map((x) => x.day))].sort();
        for (let p = 0; p < 4; p++) {
          const a = days[Math.floor(random() * days.length)]!;
          const b = days[Math.floor(random() * days.length)]!;
          const [from, to] = a < b ? [a, b] : [b, a];
          for (const shops of [['shop-1'], ['shop-1', 'shop-2'], ['shop-1', 'shop-2', 'shop-3']])
            // Below and above the candidates' threshold (100), and a threshold lower than the list.
            for (const [limit, upTo] of [
              [1, undefined],
              [7, undefined],
              [20, undefined],
              [60, undefined],
              [101, undefined],
              [20, 10],
            ] as const) {
              const rollup: RankedRollup = upTo === undefined ? base : { ...base, candidatesUpTo: upTo };
              reader.ran.length = 0;
              const got = topItems(reader, rollup, shops, from, to, limit);
              const viaCandidates = !reader.ran.some(rankedEveryItem);
              if (viaCandidates) candidatesProved++;
              else if (limit <= (upTo ?? 100)) someRankedInSql++;
              const all = topItems(reader, { ...base, candidatesUpTo: 0 }, shops, from, to, limit);
              const what = `seed ${seed} ${from}..${to} ${shops.join(',')} top ${limit}`;
              expect(got, what).toEqual(all);
              expect(
                got.map((x) => ({
                  id: x.id,
                  currency: x.currency,
                  gmv: x.metrics.gmv,
                  n: x.metrics[spans ? 'orders' : 'units'],
                })),
                what,
              ).toEqual(expected(rows, shops, from, to, limit));
            }
        }
        db.close();
        db = undefined;
      }
      // Both ways were taken: the candidates proved most tops, and some currency's top needed every item.
      expect(candidatesProved).toBeGreaterThan(50);
      expect(someRankedInSql).toBeGreaterThan(0);
    }, 30_000);

  it("sums a creator's shops in one currency: no candidate in either shop, first over both", () => {
    db = memoryDbWithAccount();
    const rows: DayRow[] = [];
    const on = (shop: string, id: number, gmv: number, currency = 'USD') =>
      rows.push({ shop, id, day: '2026-01-10', currency, gmv, n: 1 });
    // A top 1 reads 32 candidates a (shop, month): creator 100 is 41st in each shop, first over both.
    for (let i = 0; i < 40; i++) {
      on('shop-1', 1 + i, 999 - i);
      on('shop-4', 201 + i, 999 - i);
    }
    on('shop-1', 100, 950);
    on('shop-4', 100, 950);
    // GBP sales are rows of their own, never added to USD ones (and make their creators candidates: not 100).
    on('shop-4', 1, 5, 'GBP');
    on('shop-4', 300, 7, 'GBP');
    load(creators, rows);
    const reader = new RecordingReader(db);
    const spanning: RankedRollup = { ...creators, spansScopes: true };
    const got = topItems(reader, spanning, ['shop-1', 'shop-4'], '2026-01-01', '2026-01-31', 1);
    expect(got.map((x) => [x.id, x.currency, x.metrics.gmv])).toEqual([
      [300, 'GBP', 7],
      [100, 'USD', 1900],
    ]);
    // Creator 1's GBP row is its own: with every row of both currencies, 1 is second in USD with 999.
    expect(
      topItems(reader, spanning, ['shop-1', 'shop-4'], '2026-01-01', '2026-01-31', 2).map((x) => [
        x.id,
        x.currency,
        x.metrics.gmv,
      ]),
    ).toEqual([
      [300, 'GBP', 7],
      [1, 'GBP', 5],
      [100, 'USD', 1900],
      [1, 'USD', 999],
    ]);
  });

  it("proves each currency's top from its own candidates: a small currency needs no ranking of every item", () => {
    db = memoryDbWithAccount();
    const random = rng(21);
    const rows: DayRow[] = [];
    for (let d = 0; d < 120; d++)
      for (let i = 0; i < 400; i++) {
        if (random() < 0.5) continue;
        // The USD shop sells three items in EUR too: a list shorter than the top asked for holds them all.
        const [shop, currency, scale] =
          i % 3 === 0
            ? ['shop-2', 'GBP', 500]
            : i < 10 && i % 2 === 1
              ? ['shop-1', 'EUR', 300]
              : ['shop-1', 'USD', 50_000];
        const id = `P${String(i).padStart(4, '0')}`;
        rows.push({
          shop,
          id,
          day: addDays('2026-01-01', d),
          currency,
          gmv: Math.round((scale * random()) / (1 + i / 9)),
          n: 1,
        });
      }
    load(products, rows);
    const reader = new RecordingReader(db);
    const got = topItems(reader, products, ['shop-1', 'shop-2'], '2026-01-15', '2026-04-14', 20);
    expect(got.map((x) => [x.id, x.currency, x.metrics.gmv])).toEqual(
      expected(rows, ['shop-1', 'shop-2'], '2026-01-15', '2026-04-14', 20).map((x) => [
        x.id,
        x.currency,
        x.gmv,
      ]),
    );
    expect(got.filter((x) => x.currency === 'GBP')).toHaveLength(20);
    expect(got.filter((x) => x.currency === 'EUR')).toHaveLength(3);
    expect(reader.ran.filter(rankedEveryItem)).toEqual([]);
  });
});
