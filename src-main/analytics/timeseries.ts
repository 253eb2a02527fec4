import type { Grain, Series, SeriesMetric, Timeseries } from '@shared/analytics';
import type { AnalyticsDeps, Query } from './context';
import { bucketsOf, previousBucketsOf } from './period';
import type { DayFigures, SourceName } from './rollup-reads';

const countMetrics = new Set<SeriesMetric>(['orders', 'units']);

/** Which rollup each series comes from, and which focus keeps it. */
const metricSource: Record<SeriesMetric, 'sales' | 'affiliate' | 'ads'> = {
  gmv: 'sales',
  orders: 'sales',
  units: 'sales',
  refunds: 'sales',
  adSpend: 'ads',
  adRevenue: 'ads',
  affiliateGmv: 'affiliate',
  commissionEstimated: 'affiliate',
};
const focusKeeps: Record<string, ReadonlyArray<SeriesMetric>> = {
  product: ['gmv', 'units', 'refunds'],
  creator: ['affiliateGmv', 'commissionEstimated'],
  campaign: ['adSpend', 'adRevenue'],
};

/**
 * The chart's series per bucket (day, week or month) for the period, with the previous period bucketed the
 * same way (bucket i of one lines up with bucket i of the other: `previousBucketsOf`). Money series are per currency, or one
 * series in the reporting currency when a rate exists for every currency involved.
 */
export function buildTimeseries(deps: AnalyticsDeps, q: Query, grain: Grain): Timeseries {
  const { period, filter } = q;
  const focus = filter.focus;
  const current = bucketsOf(period.from, period.to, grain);
  const previous = previousBucketsOf(period, grain, current);
  const read = (name: SourceName, scopes: string[], item?: string | number): DayFigures[] =>
    deps.reader.days(name, scopes, period.previousFrom, period.to, item);
  const rows: Record<'sales' | 'affiliate' | 'ads', DayFigures[]> = {
    sales: focus?.kind === 'product' ? read('product', q.shopIds, focus.id) : read('orders', q.shopIds),
    affiliate:
      focus?.kind === 'creator' ? read('creator', q.shopIds, Number(focus.id)) : read('affiliate', q.shopIds),
    ads:
      focus?.kind === 'campaign' ? read('campaign', q.advertiserIds, focus.id) : read('ads', q.advertiserIds),
  };
  const metrics = (Object.keys(metricSource) as SeriesMetric[]).filter((m) => {
    if (focus && !focusKeeps[focus.kind]?.includes(m)) return false;
    if (metricSource[m] === 'ads' && q.advertiserIds.length === 0) return false;
    return true;
  });
  const converter = filter.reportingCurrency ? deps.rates.converter(filter.reportingCurrency) : null;

  const series: Series[] = [];
  for (const metric of metrics) {
    const src = rows[metricSource[metric]];
    const sum = (currency: string | null, convert: boolean): Pick<Series, 'values' | 'previous'> => {
      // Each bucket sums its days per currency; a converted bucket converts those sums once each
      // (Converter.total), the rule the KPI cards follow, so a one-bucket chart equals the card.
      const cur = current.starts.map(() => new Map<string, number>());
      const prev = previous.starts.map(() => new Map<string, number>());
      for (const r of src) {
        if (currency !== null && r.currency !== currency) continue;
        const v = r.values[metric] ?? 0;
        const bucket = r.day >= period.from ? cur[current.index(r.day)] : prev[previous.index(r.day)];
        bucket?.set(r.currency, (bucket.get(r.currency) ?? 0) + v);
      }
      const total = (bucket: Map<string, number>): number => {
        const amounts = [...bucket].map(([c, minor]) => ({ currency: c, minor }));
        if (convert && converter) return converter.total(amounts) ?? 0;
        return amounts.reduce((n, a) => n + a.minor, 0);
      };
      return {
        values: cur.map(total),
        previous: prev.map((bucket, i) => (previous.starts[i] === null ? null : total(bucket))),
      };
    };
    if (countMetrics.has(metric)) {
      series.push({ metric, currency: null, converted: false, ...sum(null, false) });
      continue;
    }
    const currencies = [...new Set(src.map((r) => r.currency))].sort();
    const convertible =
      converter && currencies.every((c) => c === converter.reporting || converter.rateFor(c));
    if (converter && convertible && currencies.length > 0) {
      series.push({ metric, currency: converter.reporting, converted: true, ...sum(null, true) });
    } else {
      for (const currency of currencies)
        series.push({ metric, currency, converted: false, ...sum(currency, false) });
    }
  }
  const involved = [...new Set(Object.values(rows).flatMap((rs) => rs.map((r) => r.currency)))];
  const others = converter ? involved.filter((c) => c !== converter.reporting) : [];
  return {
    period,
    grain,
    buckets: current.starts,
    previousBuckets: previous.starts,
    series,
    rates: converter ? others.flatMap((c) => converter.rateFor(c) ?? []) : [],
    missingRates: converter ? others.filter((c) => !converter.rateFor(c)) : [],
  };
}
