import { noStats, type StatsRow } from './stats-columns';

/**
 * Which figures a creator shows when several sources gave them (docs/creators.md "Figures and their
 * sources"): figure by figure, the Creator Marketplace's wins, because it is TikTok's own 30-day count and
 * its saved searches refresh it daily, while a file holds whatever another tool measured, over a period it
 * does not say, on the day it was exported. Letting the newest win would let an old export overwrite
 * TikTok's figures until the next refresh put them back. Between the merchant's own sources (files and the
 * manual form) the newest wins. A GMV is its amount and currency together, taken from one source.
 */

/** `creator_stats.source` and `creator_origins.source` (origins.ts `StatsSource`). */
type StatsSource = 'marketplace' | 'import' | 'manual';

export interface SourcedStats extends StatsRow {
  source: StatsSource;
  /** When this source last gave a figure. */
  at: number;
}

export interface ChosenStats extends StatsRow {
  /** The first source, by precedence, that gave a figure shown. */
  source: StatsSource;
  /** The latest `at` of the sources whose figures are shown. */
  at: number;
}

/** Marketplace first, then the newest; ties by the order given. */
export function byPrecedence(a: SourcedStats, b: SourcedStats): number {
  return Number(b.source === 'marketplace') - Number(a.source === 'marketplace') || b.at - a.at;
}

export function chooseStats(rows: readonly SourcedStats[]): ChosenStats | null {
  const out: StatsRow = { ...noStats };
  let source: StatsSource | null = null;
  let at = 0;
  for (const row of [...rows].sort(byPrecedence)) {
    let used = false;
    // Keyed on the currency, as a source's GMV is stored (origins.ts): an amount without one is no GMV.
    if (out.gmv_currency === null && row.gmv_currency !== null) {
      out.gmv_minor = row.gmv_minor;
      out.gmv_currency = row.gmv_currency;
      used = true;
    }
    for (const c of ['followers', 'units_sold', 'avg_video_views', 'engagement_bp'] as const) {
      if (out[c] === null && row[c] !== null) {
        out[c] = row[c];
        used = true;
      }
    }
    if (!used) continue;
    source ??= row.source;
    at = Math.max(at, row.at);
  }
  return source === null ? null : { ...out, source, at };
}
