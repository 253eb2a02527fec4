import type { ScoreFeatures } from './score';

/**
 * A creator's own TikTok figures, under the same column names in `creator_stats` (per source record) and
 * `creator_index` (the Creator's latest): every read of them names its columns from here, so a new figure
 * is added in one place.
 */
export const statsColumns = [
  'followers',
  'gmv_minor',
  'gmv_currency',
  'units_sold',
  'avg_video_views',
  'engagement_bp',
] as const;

type StatsColumn = (typeof statsColumns)[number];
export type StatsRow = { [C in StatsColumn]: C extends 'gmv_currency' ? string | null : number | null };

/** A Creator with no figures from any source. */
export const noStats = Object.fromEntries(statsColumns.map((c) => [c, null])) as StatsRow;

/** Only the figures of a row that has more (the index row keeps no source or time). */
export function pickStats(row: StatsRow): StatsRow {
  return Object.fromEntries(statsColumns.map((c) => [c, row[c]])) as StatsRow;
}

/** `statsColumns` of the table aliased `alias`, for a SELECT list. */
export const statsSelect = (alias: string): string => statsColumns.map((c) => `${alias}.${c}`).join(', ');

/** What the score reads of a Creator: its `creator_index` row (`i`) and its canonical record (`c`). */
export interface ScoreFeatureRow extends StatsRow {
  categories: string;
  region: string | null;
  invitations: number;
  accepted: number;
  samples_due: number | null;
  samples_posted_on_time: number | null;
  units_ordered: number;
  units_refunded: number;
  score_override: number | null;
}

/** The SELECT list of `ScoreFeatureRow` over `scoreFeatureTables`. */
export const scoreFeatureSelect = `${statsSelect('i')}, i.categories, i.region, i.invitations, i.accepted,
  i.samples_due, i.samples_posted_on_time, i.units_ordered, i.units_refunded, c.score_override`;
export const scoreFeatureTables = 'creator_index i JOIN creators c ON c.id = i.creator_id';

/** The figures of `stats` (null: none known) as the score names them. */
export function statsFeatures(
  stats: StatsRow | null,
): Pick<
  ScoreFeatures,
  'followers' | 'gmvMinor' | 'gmvCurrency' | 'unitsSold' | 'avgVideoViews' | 'engagementBp'
> {
  return {
    followers: stats?.followers ?? null,
    gmvMinor: stats?.gmv_minor ?? null,
    gmvCurrency: stats?.gmv_currency ?? null,
    unitsSold: stats?.units_sold ?? null,
    avgVideoViews: stats?.avg_video_views ?? null,
    engagementBp: stats?.engagement_bp ?? null,
  };
}

/** A stored index row's score features (the same ones the indexer scored it with). */
export function scoreFeaturesOf(r: ScoreFeatureRow): ScoreFeatures {
  return {
    ...statsFeatures(r),
    categories: JSON.parse(r.categories) as string[],
    region: r.region,
    invitations: r.invitations,
    accepted: r.accepted,
    samplesDue: r.samples_due,
    samplesPostedOnTime: r.samples_posted_on_time,
    unitsOrdered: r.units_ordered,
    unitsRefunded: r.units_refunded,
  };
}
