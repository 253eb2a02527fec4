import {
  breakdownMoneyMetrics,
  type Breakdown,
  type BreakdownKind,
  type BreakdownRow,
} from '@shared/analytics';
import type { AnalyticsDeps, Query } from './context';
import { creatorGroups } from './creator-groups';
import { divide, roundMinor } from './figures';
import type { Converter } from './rates';
import { Grouping, topItems, type ItemGroups, type RankedRollup } from './top-items';

/**
 * Breakdowns of the period: by shop, top products, top creators, ad campaigns; each row with a spark line
 * of its main figure (per day, per week beyond three months). Rows are per (item, currency): one item never
 * mixes currencies. Products and creators, thousands of items, are ranked through their monthly rollups
 * (top-items.ts); shops and campaigns, a few dozen, are summed directly. A creators row is one Creator: the
 * records the CRM merged counted together (creator-groups.ts), its id the Creator's.
 */

interface Spec {
  table: string;
  /** The index leading with (scope, item, day), for the top rows' spark lines. */
  itemIndex?: string;
  /** Monthly rollup and the column ranked by, for items too many to sum over a period. */
  ranked?: Pick<RankedRollup, 'months' | 'monthsRank' | 'mainColumn' | 'spansScopes' | 'candidatesUpTo'>;
  /** Items counted together (creator records of one Creator). */
  groups?: ItemGroups;
  scope: 'shop_id' | 'advertiser_id';
  item: string;
  /** SQL sums by metric name; `main` orders the rows and draws the spark line. */
  sums: Record<string, string>;
  main: string;
  /** Label and detail per item id. */
  label: (deps: AnalyticsDeps, ids: string[]) => Map<string, { label: string; detail: string | null }>;
  derive: (m: Record<string, number>) => Record<string, number | null>;
  columns: string[];
}

function lookup(
  deps: AnalyticsDeps,
  sql: string,
  ids: string[],
): Map<string, { label: string; detail: string | null }> {
  const rows = deps.reader.all<{ id: string | number; label: string | null; detail: string | null }>(sql, {
    ids: JSON.stringify(ids),
  });
  return new Map(rows.map((r) => [String(r.id), { label: r.label ?? String(r.id), detail: r.detail }]));
}

const adSums = {
  spend: 'SUM(spend_minor)',
  impressions: 'SUM(impressions)',
  clicks: 'SUM(clicks)',
  conversions: 'SUM(conversions)',
  conversionValue: 'SUM(conversion_value_minor)',
};

const specs: Record<BreakdownKind, Spec> = {
  shops: {
    table: 'order_days',
    scope: 'shop_id',
    item: 'shop_id',
    sums: {
      gmv: 'SUM(gross_minor)',
      orders: 'SUM(orders)',
      units: 'SUM(units)',
      refunds: 'SUM(refunds_minor)',
      cancellations: 'SUM(cancelled_orders)',
    },
    main: 'gmv',
    label: (deps, ids) =>
      lookup(
        deps,
        'SELECT shop_id AS id, name AS label, region AS detail FROM shops WHERE shop_id IN (SELECT value FROM json_each(@ids))',
        ids,
      ),
    derive: (m) => ({ ...m, aov: roundMinor(divide(m.gmv ?? 0, m.orders ?? 0)) }),
    columns: ['gmv', 'orders', 'units', 'aov', 'refunds', 'cancellations'],
  },
  products: {
    table: 'product_days',
    itemIndex: 'product_days_product',
    ranked: { months: 'product_months', monthsRank: 'product_months_rank', mainColumn: 'gross_minor' },
    scope: 'shop_id',
    item: 'product_id',
    sums: {
      gmv: 'SUM(gross_minor)',
      units: 'SUM(units)',
      refunds: 'SUM(refunds_minor)',
      refundedUnits: 'SUM(refunded_units)',
    },
    main: 'gmv',
    label: (deps, ids) =>
      lookup(
        deps,
        `SELECT p.product_id AS id, p.title AS label, s.name AS detail FROM products p
         LEFT JOIN shops s ON s.shop_id = p.shop_id WHERE p.product_id IN (SELECT value FROM json_each(@ids))`,
        ids,
      ),
    derive: (m) => ({
      ...m,
      refundRate: divide(m.refundedUnits ?? 0, (m.units ?? 0) + (m.refundedUnits ?? 0)),
    }),
    columns: ['units', 'gmv', 'refunds', 'refundRate'],
  },
  creators: {
    table: 'creator_days',
    itemIndex: 'creator_days_creator',
    ranked: {
      months: 'creator_months',
      monthsRank: 'creator_months_rank',
      mainColumn: 'gmv_minor',
      spansScopes: true,
      // On the `bench` dataset a top 64 or 100 creators needed a second round of ~6,000–10,000 candidates
      // (a top 50 one round): ranked in SQL they take half the time (docs/analytics.md "Top items").
      candidatesUpTo: 50,
    },
    groups: creatorGroups,
    scope: 'shop_id',
    item: 'creator_id',
    sums: {
      affiliateGmv: 'SUM(gmv_minor)',
      orders: 'SUM(orders)',
      commissionEstimated: 'SUM(est_commission_minor)',
      commissionActual: 'SUM(actual_commission_minor)',
    },
    main: 'affiliateGmv',
    label: (deps, ids) =>
      lookup(
        deps,
        // The Creator's handle and nickname as the CRM shows them (creator_index, one row per Creator), or
        // its canonical record's while the index has not caught up.
        `SELECT c.id, '@' || COALESCE(i.handle, c.handle) AS label, COALESCE(i.nickname, c.nickname) AS detail
         FROM creators c LEFT JOIN creator_index i ON i.creator_id = c.id
         WHERE c.id IN (SELECT value FROM json_each(@ids))`,
        ids,
      ),
    derive: (m) => m,
    columns: ['affiliateGmv', 'orders', 'commissionEstimated', 'commissionActual'],
  },
  campaigns: {
    table: 'ad_campaign_days',
    itemIndex: 'ad_campaign_days_campaign',
    scope: 'advertiser_id',
    item: 'campaign_id',
    sums: adSums,
    main: 'spend',
    label: (deps, ids) =>
      lookup(
        deps,
        `SELECT c.campaign_id AS id, c.name AS label, a.name AS detail FROM ad_campaigns c
         LEFT JOIN advertisers a ON a.advertiser_id = c.advertiser_id
         WHERE c.campaign_id IN (SELECT value FROM json_each(@ids))`,
        ids,
      ),
    derive: (m) => ({
      ...m,
      roas: divide(m.conversionValue ?? 0, m.spend ?? 0),
      cpa: roundMinor(divide(m.spend ?? 0, m.conversions ?? 0)),
      ctr: divide(m.clicks ?? 0, m.impressions ?? 0),
    }),
    columns: ['spend', 'impressions', 'clicks', 'conversions', 'conversionValue', 'roas', 'cpa'],
  },
};

/** The SQL a breakdown runs (exported for the query-plan test). */
export function breakdownSql(kind: BreakdownKind): { totals: string; spark: string } {
  const s = specs[kind];
  const sums = Object.entries(s.sums)
    .map(([k, e]) => `${e} AS "${k}"`)
    .join(', ');
  const where = `${s.scope} IN (SELECT value FROM json_each(@scopes)) AND day >= @from AND day <= @to`;
  return {
    // The best `@limit` of each currency, as topItems ranks products and creators.
    totals: `SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY currency ORDER BY "${s.main}" DESC, id)
      AS place FROM (SELECT ${s.item} AS id, currency, ${sums} FROM ${s.table} WHERE ${where}
      GROUP BY ${s.item}, currency)) WHERE place <= @limit ORDER BY currency, place`,
    spark: `SELECT ${s.item} AS id, currency, day, ${s.sums[s.main]} AS v FROM ${s.table}${s.itemIndex ? ` INDEXED BY ${s.itemIndex}` : ''}
      WHERE ${s.scope} IN (SELECT value FROM json_each(@scopes)) AND ${s.item} IN (SELECT value FROM json_each(@ids))
        AND day >= @from AND day <= @to
      GROUP BY ${s.item}, currency, day`,
  };
}

/** The ranked rollup of a kind ranked through its months. */
function rankedRollup(s: Spec): RankedRollup | null {
  if (!s.ranked || !s.itemIndex) return null;
  return {
    ...s.ranked,
    days: s.table,
    daysIndex: s.itemIndex,
    item: s.item,
    sums: s.sums,
    main: s.main,
    ...(s.groups ? { groups: s.groups } : {}),
  };
}

/**
 * The top `limit` rows of each currency the rows carry, as (id, currency, sums), by currency and best first:
 * amounts of different currencies are never ranked against each other (a shop can hold rows in a second
 * currency). With a reporting currency the converted top `limit` is among them (`convertRows`): a rate is
 * positive, so conversion keeps the order within a currency.
 */
function topRows(
  deps: AnalyticsDeps,
  s: Spec,
  kind: BreakdownKind,
  scopes: string[],
  q: Query,
  limit: number,
): Array<{ id: string | number; currency: string; metrics: Record<string, number> }> {
  if (scopes.length === 0) return [];
  const ranked = rankedRollup(s);
  if (ranked) return topItems(deps.reader, ranked, scopes, q.period.from, q.period.to, limit);
  const rows = deps.reader.all<Record<string, string | number>>(breakdownSql(kind).totals, {
    scopes: JSON.stringify(scopes),
    from: q.period.from,
    to: q.period.to,
    limit,
  });
  return rows.map((r) => ({
    id: r.id as string | number,
    currency: String(r.currency),
    metrics: Object.fromEntries(Object.keys(s.sums).map((k) => [k, Number(r[k] ?? 0)])),
  }));
}

export function buildBreakdown(deps: AnalyticsDeps, q: Query, kind: BreakdownKind, limit: number): Breakdown {
  const s = specs[kind];
  const scopes = s.scope === 'shop_id' ? q.shopIds : q.advertiserIds;
  const { period } = q;
  const converter = q.filter.reportingCurrency ? deps.rates.converter(q.filter.reportingCurrency) : null;
  // Each currency's best rows, then ranked converted or shown per currency.
  const totals = topRows(deps, s, kind, scopes, q, limit);
  const ids = [...new Set(totals.map((r) => r.id))];
  const spark = new Map<string, number[]>();
  if (ids.length > 0) {
    // A Creator's line adds up the days of all its records.
    const grouping = new Grouping(deps.reader, s.groups);
    const members = grouping.membersOf(ids);
    const rows = deps.reader.all<{ id: string | number; currency: string; day: string; v: number }>(
      breakdownSql(kind).spark,
      { scopes: JSON.stringify(scopes), from: period.from, to: period.to, ids: JSON.stringify(members) },
    );
    for (const r of rows) {
      const key = `${grouping.of(r.id)}|${r.currency}`;
      let line = spark.get(key);
      if (!line) spark.set(key, (line = new Array<number>(q.spark.count).fill(0)));
      const i = q.spark.index(r.day);
      if (i >= 0) line[i] = (line[i] ?? 0) + r.v;
    }
  }
  const labels = s.label(
    deps,
    ids.map((id) => String(id)),
  );
  const rows: BreakdownRow[] = totals.map((r) => {
    const id = String(r.id);
    const l = labels.get(id);
    return {
      id,
      label: l?.label ?? (kind === 'creators' && id === '0' ? '' : id),
      detail: l?.detail ?? null,
      currency: r.currency,
      metrics: s.derive(r.metrics),
      spark: spark.get(`${r.id}|${r.currency}`) ?? new Array<number>(q.spark.count).fill(0),
    };
  });
  if (converter) return { period, kind, columns: s.columns, ...convertRows(rows, converter, s.main, limit) };
  return { period, kind, columns: s.columns, rows };
}

/**
 * Rows ranked by their main figure in the reporting currency, the best `limit`; a row of a currency with no
 * rate keeps its own currency and comes after the converted ones (its figure cannot be ranked against them).
 * Each money figure is converted and rounded once, as the KPI cards convert their totals.
 */
function convertRows(
  rows: BreakdownRow[],
  converter: Converter,
  main: string,
  limit: number,
): Pick<Breakdown, 'rows' | 'rates' | 'missingRates'> {
  const converted: BreakdownRow[] = [];
  const apart: BreakdownRow[] = [];
  for (const r of rows) {
    if (r.currency === converter.reporting) {
      converted.push({ ...r, convertedFrom: null });
      continue;
    }
    if (!converter.rateFor(r.currency)) {
      converter.convert(0, r.currency);
      apart.push(r);
      continue;
    }
    const metrics = Object.fromEntries(
      Object.entries(r.metrics).map(([k, v]) => [
        k,
        v !== null && breakdownMoneyMetrics.has(k) ? converter.convert(v, r.currency) : v,
      ]),
    );
    const spark = r.spark.map((v) => converter.convert(v, r.currency) ?? 0);
    converted.push({ ...r, currency: converter.reporting, convertedFrom: r.currency, metrics, spark });
  }
  const byMain = (a: BreakdownRow, b: BreakdownRow): number =>
    (b.metrics[main] ?? 0) - (a.metrics[main] ?? 0);
  converted.sort(byMain);
  apart.sort((a, b) => a.currency.localeCompare(b.currency) || byMain(a, b));
  return {
    rows: [...converted.slice(0, limit), ...apart],
    rates: converter.usedRates(),
    missingRates: [...converter.missing].sort(),
  };
}
