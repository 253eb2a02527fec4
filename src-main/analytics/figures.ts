import type { KpiValue, Period } from '@shared/analytics';
import type { Converter } from './rates';
import type { DayFigures } from './rollup-reads';

/**
 * Rollup rows of the current and previous period, summed per currency: the totals a KPI shows, the
 * previous period's for the change, and one point per bucket for the spark line.
 */
export class Figures {
  constructor(
    private readonly rows: DayFigures[],
    private readonly period: Period,
    private readonly buckets: number,
    private readonly bucketOf: (day: string) => number,
  ) {}

  currencies(): string[] {
    return [...new Set(this.rows.map((r) => r.currency))].sort();
  }

  /** Sums of `metric` for one currency (all currencies when null). */
  sums(metric: string, currency: string | null): { value: number; previous: number; spark: number[] } {
    let value = 0;
    let previous = 0;
    const spark = new Array<number>(this.buckets).fill(0);
    for (const r of this.rows) {
      if (currency !== null && r.currency !== currency) continue;
      const v = r.values[metric] ?? 0;
      if (r.day >= this.period.from) {
        value += v;
        const b = this.bucketOf(r.day);
        if (b >= 0) spark[b] = (spark[b] ?? 0) + v;
      } else previous += v;
    }
    return { value, previous, spark };
  }

  /** A money figure per currency. */
  money(metric: string): KpiValue[] {
    return this.currencies().map((currency) => ({ currency, ...this.sums(metric, currency) }));
  }

  /** A count over every currency. */
  count(metric: string): KpiValue[] {
    return [{ currency: null, ...this.sums(metric, null) }];
  }

  /** numerator / denominator per currency (e.g. AOV, ROAS, CPA); null where the denominator is zero. */
  ratio(numerator: string, denominator: string, scale = 1): KpiValue[] {
    return this.currencies().map((currency) => {
      const n = this.sums(numerator, currency);
      const d = this.sums(denominator, currency);
      return {
        currency,
        value: divide(n.value, d.value, scale),
        previous: divide(n.previous, d.previous, scale),
        spark: n.spark.map((v, i) => divide(v, d.spark[i] ?? 0, scale) ?? 0),
      };
    });
  }

  /** A money metric converted into the reporting currency: value, previous and each spark point. */
  converted(metric: string, converter: Converter): Omit<KpiValue, 'currency'> {
    const per = this.money(metric);
    const total = (pick: (v: KpiValue) => number): number | null =>
      converter.total(per.map((v) => ({ currency: v.currency ?? '', minor: pick(v) })));
    return {
      value: total((v) => v.value ?? 0),
      previous: total((v) => v.previous ?? 0),
      spark: new Array<number>(this.buckets).fill(0).map((_, i) => total((v) => v.spark[i] ?? 0) ?? 0),
    };
  }
}

export function divide(n: number, d: number, scale = 1): number | null {
  return d === 0 ? null : (n / d) * scale;
}

/** Rounds money ratios (AOV, CPA) to whole minor units. */
export const roundMinor = (v: number | null): number | null => (v === null ? null : Math.round(v));
