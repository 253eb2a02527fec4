import type { AdMetrics, AdNode, AdsTree } from '@shared/analytics';
import type { AnalyticsDeps, Query } from './context';
import { divide, roundMinor } from './figures';
import { daysOf } from './period';

/**
 * The Ads page: campaign → ad group → ad with their metrics over the period and a daily spend trend. Reads
 * the AdReportDays of the period through their (advertiser, day) index; names from the synced entities.
 */

interface ReportRow {
  ad_id: string;
  adgroup_id: string | null;
  campaign_id: string | null;
  advertiser_id: string;
  day: string;
  currency: string;
  spend: number;
  impressions: number;
  clicks: number;
  conversions: number;
  value: number;
}

interface Entity {
  id: string;
  parent: string | null;
  advertiser_id: string;
  name: string;
  status: string | null;
}

export const adsTreeSql = `SELECT ad_id, adgroup_id, campaign_id, advertiser_id, day, currency, spend_minor AS spend,
    impressions, clicks, conversions, conversion_value_minor AS value
  FROM ad_report_days
  WHERE advertiser_id IN (SELECT value FROM json_each(@scopes)) AND day >= @from AND day <= @to`;

class Acc {
  spend = 0;
  impressions = 0;
  clicks = 0;
  conversions = 0;
  value = 0;
  trend: number[];
  currency: string | null = null;
  constructor(days: number) {
    this.trend = new Array<number>(days).fill(0);
  }
  add(r: ReportRow, dayIndex: number): void {
    this.spend += r.spend;
    this.impressions += r.impressions;
    this.clicks += r.clicks;
    this.conversions += r.conversions;
    this.value += r.value;
    this.currency ??= r.currency;
    if (dayIndex >= 0) this.trend[dayIndex] = (this.trend[dayIndex] ?? 0) + r.spend;
  }
  metrics(): AdMetrics {
    return {
      spendMinor: this.spend,
      impressions: this.impressions,
      clicks: this.clicks,
      conversions: this.conversions,
      conversionValueMinor: this.value,
      ctr: divide(this.clicks, this.impressions),
      roas: divide(this.value, this.spend),
      cpaMinor: roundMinor(divide(this.spend, this.conversions)),
    };
  }
}

export function buildAdsTree(deps: AnalyticsDeps, q: Query): AdsTree {
  const { period } = q;
  const days = daysOf(period.from, period.to);
  const scopes = JSON.stringify(q.advertiserIds);
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const acc = new Map<string, Acc>();
  const accOf = (key: string): Acc => {
    let a = acc.get(key);
    if (!a) acc.set(key, (a = new Acc(days.length)));
    return a;
  };
  if (q.advertiserIds.length > 0) {
    for (const r of deps.reader.all<ReportRow>(adsTreeSql, { scopes, from: period.from, to: period.to })) {
      const i = dayIndex.get(r.day) ?? -1;
      accOf(`ad|${r.ad_id}`).add(r, i);
      accOf(`adgroup|${r.adgroup_id ?? ''}`).add(r, i);
      accOf(`campaign|${r.campaign_id ?? ''}`).add(r, i);
    }
  }
  const entities = (sql: string): Entity[] =>
    q.advertiserIds.length === 0 ? [] : deps.reader.all<Entity>(sql, { scopes });
  const where = 'WHERE advertiser_id IN (SELECT value FROM json_each(@scopes))';
  const campaigns = entities(
    `SELECT campaign_id AS id, NULL AS parent, advertiser_id, name, operation_status AS status FROM ad_campaigns ${where} ORDER BY name`,
  );
  const groups = entities(
    `SELECT adgroup_id AS id, campaign_id AS parent, advertiser_id, name, operation_status AS status FROM ad_groups ${where} ORDER BY name`,
  );
  const ads = entities(
    `SELECT ad_id AS id, adgroup_id AS parent, advertiser_id, name, operation_status AS status FROM ads ${where} ORDER BY name`,
  );
  const currencyOf = new Map(q.scopes.advertisers.map((a) => [a.id, a.currency ?? '']));
  const node = (level: AdNode['level'], e: Entity, children: AdNode[]): AdNode => {
    const a = acc.get(`${level}|${e.id}`) ?? new Acc(days.length);
    return {
      level,
      id: e.id,
      name: e.name,
      status: e.status,
      advertiserId: e.advertiser_id,
      currency: a.currency ?? currencyOf.get(e.advertiser_id) ?? '',
      metrics: a.metrics(),
      trend: a.trend,
      children,
    };
  };
  const bySpend = (a: AdNode, b: AdNode): number => b.metrics.spendMinor - a.metrics.spendMinor;
  const tree = campaigns.map((c) =>
    node(
      'campaign',
      c,
      groups
        .filter((g) => g.parent === c.id)
        .map((g) =>
          node(
            'adgroup',
            g,
            ads
              .filter((x) => x.parent === g.id)
              .map((x) => node('ad', x, []))
              .sort(bySpend),
          ),
        )
        .sort(bySpend),
    ),
  );
  return { period, days, campaigns: tree.sort(bySpend) };
}
