import type { Kpi, KpiKey, KpiValue, Overview, SourceKind } from '@shared/analytics';
import type { AnalyticsDeps, Query } from './context';
import { Figures, roundMinor } from './figures';
import { freshness } from './freshness';
import type { Converter } from './rates';
import type { DayFigures, SourceName } from './rollup-reads';

type KpiDef = {
  key: KpiKey;
  kind: Kpi['kind'];
  source: SourceKind;
  /** Which figures it needs: orders (or a product), affiliate (or a creator), ads (or a campaign). */
  from: 'sales' | 'affiliate' | 'ads';
  /** Defined when a product / creator / campaign is in focus. */
  focus: ReadonlyArray<'product' | 'creator' | 'campaign'>;
  values: (f: Figures) => KpiValue[];
  converted?: (f: Figures, c: Converter) => Omit<KpiValue, 'currency'>;
};

const moneyKpi = (
  key: KpiKey,
  source: SourceKind,
  from: KpiDef['from'],
  metric: string,
  focus: KpiDef['focus'],
): KpiDef => ({
  key,
  kind: 'money',
  source,
  from,
  focus,
  values: (f) => f.money(metric),
  converted: (f, c) => f.converted(metric, c),
});

/** Converted ratio of two converted money sums (ROAS) or of a converted sum and a count (AOV, CPA). */
function convertedRatio(
  f: Figures,
  c: Converter,
  numerator: string,
  denominator: string,
  denominatorIsMoney: boolean,
): Omit<KpiValue, 'currency'> {
  const n = f.converted(numerator, c);
  const d = denominatorIsMoney ? f.converted(denominator, c) : { ...f.sums(denominator, null) };
  const div = (a: number | null, b: number | null): number | null =>
    a === null || b === null || b === 0 ? null : a / b;
  return {
    value: div(n.value, d.value),
    previous: div(n.previous, d.previous),
    spark: n.spark.map((v, i) => div(v, d.spark[i] ?? 0) ?? 0),
  };
}

const roundValues = (vs: KpiValue[]): KpiValue[] =>
  vs.map((v) => ({ ...v, value: roundMinor(v.value), previous: roundMinor(v.previous) }));

const kpiDefs: KpiDef[] = [
  moneyKpi('gmv', 'orders', 'sales', 'gmv', ['product']),
  {
    key: 'orders',
    kind: 'count',
    source: 'orders',
    from: 'sales',
    focus: [],
    values: (f) => f.count('orders'),
  },
  {
    key: 'units',
    kind: 'count',
    source: 'orders',
    from: 'sales',
    focus: ['product'],
    values: (f) => f.count('units'),
  },
  {
    key: 'aov',
    kind: 'money',
    source: 'orders',
    from: 'sales',
    focus: [],
    values: (f) => roundValues(f.ratio('gmv', 'orders')),
    converted: (f, c) => convertedRatio(f, c, 'gmv', 'orders', false),
  },
  {
    key: 'cancellations',
    kind: 'count',
    source: 'orders',
    from: 'sales',
    focus: [],
    values: (f) => f.count('cancellations'),
  },
  moneyKpi('refunds', 'orders', 'sales', 'refunds', ['product']),
  moneyKpi('adSpend', 'ads', 'ads', 'adSpend', ['campaign']),
  {
    key: 'roas',
    kind: 'ratio',
    source: 'ads',
    from: 'ads',
    focus: ['campaign'],
    values: (f) => f.ratio('adRevenue', 'adSpend'),
    converted: (f, c) => convertedRatio(f, c, 'adRevenue', 'adSpend', true),
  },
  {
    key: 'cpa',
    kind: 'money',
    source: 'ads',
    from: 'ads',
    focus: ['campaign'],
    values: (f) => roundValues(f.ratio('adSpend', 'conversions')),
    converted: (f, c) => convertedRatio(f, c, 'adSpend', 'conversions', false),
  },
  moneyKpi('affiliateGmv', 'affiliate', 'affiliate', 'affiliateGmv', ['creator']),
  moneyKpi('commissionEstimated', 'affiliate', 'affiliate', 'commissionEstimated', ['creator']),
  moneyKpi('commissionActual', 'affiliate', 'affiliate', 'commissionActual', ['creator']),
];

/** KPI cards: every figure for the period, the previous period of the same length, and a spark line. */
export function buildOverview(deps: AnalyticsDeps, q: Query): Overview {
  const { period, filter } = q;
  const focus = filter.focus;
  const read = (name: SourceName, scopes: string[], item?: string | number): Figures =>
    new Figures(
      deps.reader.days(name, scopes, period.previousFrom, period.to, item),
      period,
      q.spark.count,
      q.spark.index,
    );
  const figures: Record<KpiDef['from'], Figures> = {
    sales: focus?.kind === 'product' ? read('product', q.shopIds, focus.id) : read('orders', q.shopIds),
    affiliate:
      focus?.kind === 'creator' ? read('creator', q.shopIds, Number(focus.id)) : read('affiliate', q.shopIds),
    ads:
      focus?.kind === 'campaign' ? read('campaign', q.advertiserIds, focus.id) : read('ads', q.advertiserIds),
  };
  const converter = filter.reportingCurrency ? deps.rates.converter(filter.reportingCurrency) : null;

  const kpis: Kpi[] = kpiDefs.map((d) => {
    const unavailable =
      focus && !d.focus.includes(focus.kind)
        ? ('notForFocus' as const)
        : d.from === 'ads' && q.advertiserIds.length === 0
          ? ('noAdvertisers' as const)
          : null;
    if (unavailable)
      return {
        key: d.key,
        kind: d.kind,
        source: d.source,
        values: [],
        converted: null,
        unavailable,
        coverage: null,
      };
    const f = figures[d.from];
    const values = d.values(f);
    let converted: Kpi['converted'] = null;
    if (converter && d.converted && values.length > 0) {
      const currencies = f.currencies().filter((c) => c !== converter.reporting);
      converted = {
        currency: converter.reporting,
        ...d.converted(f, converter),
        rates: currencies.flatMap((c) => converter.rateFor(c) ?? []),
        missing: currencies.filter((c) => !converter.rateFor(c)),
      };
    }
    return {
      key: d.key,
      kind: d.kind,
      source: d.source,
      values,
      converted,
      unavailable: null,
      coverage: null,
    };
  });
  kpis.push(netContribution(deps, q, converter));

  const fresh = freshness(deps.db, q.shopIds, q.advertiserIds, deps.now(), deps.syncIntervalMinutes());
  return {
    period,
    scopes: q.scopes.all,
    kpis,
    freshness: fresh,
    empty: fresh.sources.every((s) => s.lastSyncedAt === null),
  };
}

/**
 * GMV − refunds − estimated commission − ad spend − product costs, per currency (each part in the currency
 * it was earned or spent in). Without any cost entered for what was sold there is no figure: it would
 * overstate what the shop earned. `coverage` says how many units sold had a cost.
 */
function netContribution(deps: AnalyticsDeps, q: Query, converter: Converter | null): Kpi {
  const base = { key: 'netContribution' as const, kind: 'money' as const, source: 'orders' as const };
  if (q.filter.focus)
    return { ...base, values: [], converted: null, unavailable: 'notForFocus', coverage: null };
  const { period } = q;
  const read = (name: SourceName, scopes: string[]) =>
    deps.reader.days(name, scopes, period.previousFrom, period.to);
  deps.costs.ensure(q.shopIds);
  const costs = read('costs', q.shopIds);
  const current = costs.filter((r) => r.day >= period.from);
  const units = current.reduce((n, r) => n + (r.values.units ?? 0), 0);
  const costed = current.reduce((n, r) => n + (r.values.costedUnits ?? 0), 0);
  if (units > 0 && costed === 0)
    return {
      ...base,
      values: [],
      converted: null,
      unavailable: 'costsNotEntered',
      coverage: { costed, units },
    };
  const part = (rows: DayFigures[], f: (v: Record<string, number>) => number): DayFigures[] =>
    rows.map((r) => ({ day: r.day, currency: r.currency, values: { net: f(r.values) } }));
  const rows = [
    ...part(read('orders', q.shopIds), (v) => (v.gmv ?? 0) - (v.refunds ?? 0)),
    ...part(read('affiliate', q.shopIds), (v) => -(v.commissionEstimated ?? 0)),
    ...part(read('ads', q.advertiserIds), (v) => -(v.adSpend ?? 0)),
    ...part(costs, (v) => -(v.cost ?? 0)),
  ];
  const f = new Figures(rows, period, q.spark.count, q.spark.index);
  const values = f.money('net');
  let converted: Kpi['converted'] = null;
  if (converter && values.length > 0) {
    const others = f.currencies().filter((c) => c !== converter.reporting);
    converted = {
      currency: converter.reporting,
      ...f.converted('net', converter),
      rates: others.flatMap((c) => converter.rateFor(c) ?? []),
      missing: others.filter((c) => !converter.rateFor(c)),
    };
  }
  return { ...base, values, converted, unavailable: null, coverage: { costed, units } };
}
