import type { Database } from 'better-sqlite3';
import type { AnalyticsScope, ParsedAnalyticsFilter } from '@shared/analytics';
import { isTimeZone, regionTimeZone } from '@shared/time';

/** The shops and advertisers a filter selects (all when it names none), with the zone of their days. */
export interface SelectedScopes {
  shops: AnalyticsScope[];
  advertisers: AnalyticsScope[];
  all: AnalyticsScope[];
  /** The zone presets such as "today" are taken in. */
  referenceZone: string;
}

export function listScopes(db: Database): AnalyticsScope[] {
  const shops = db
    .prepare('SELECT shop_id AS id, name, region, currency FROM shops ORDER BY name, shop_id')
    .all() as Array<{ id: string; name: string; region: string; currency: string }>;
  const advertisers = db
    .prepare(
      'SELECT advertiser_id AS id, name, currency, timezone FROM advertisers ORDER BY name, advertiser_id',
    )
    .all() as Array<{ id: string; name: string; currency: string | null; timezone: string | null }>;
  return [
    ...shops.map((s) => ({ ...s, type: 'shop' as const, zone: regionTimeZone(s.region) })),
    ...advertisers.map((a) => ({
      id: a.id,
      type: 'advertiser' as const,
      name: a.name,
      region: null,
      currency: a.currency,
      zone: a.timezone && isTimeZone(a.timezone) ? a.timezone : 'UTC',
    })),
  ];
}

export function selectScopes(db: Database, filter: ParsedAnalyticsFilter, localZone: string): SelectedScopes {
  const scopes = listScopes(db);
  // A saved choice may name a shop whose data was deleted since: it is skipped, and a choice left with no
  // known scope means all of them rather than an empty dashboard.
  const pick = (type: 'shop' | 'advertiser', ids: string[]): AnalyticsScope[] => {
    const ofType = scopes.filter((s) => s.type === type);
    const chosen = ofType.filter((s) => ids.includes(s.id));
    return chosen.length > 0 ? chosen : ofType;
  };
  const shops = pick('shop', filter.shopIds);
  const advertisers = pick('advertiser', filter.advertiserIds);
  const zones = new Set((shops.length > 0 ? shops : advertisers).map((s) => s.zone));
  const [only] = zones;
  return {
    shops,
    advertisers,
    all: [...shops, ...advertisers],
    referenceZone: zones.size === 1 && only !== undefined ? only : localZone,
  };
}
