import type { Database, Statement } from 'better-sqlite3';
import type { Ad, AdCampaign, AdGroup } from '../../tiktok/ads/ad-entities';
import type { AdReportDay } from '../../tiktok/ads/reports';
import { etag } from '../etag';
import type { Counts } from '../job';
import type { RollupStore } from './rollups';

/** Ad entities (campaigns, ad groups, ads) and AdReportDays (whose days are marked dirty for ad_days). */

function entityUpsert(db: Database, table: string, key: string, columns: readonly string[]): Statement {
  const all = [key, 'account_id', 'advertiser_id', ...columns, 'etag', 'synced_at'];
  return db.prepare(
    `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})
     ON CONFLICT (${key}) DO UPDATE SET ${all
       .filter((c) => c !== key)
       .map((c) => `${c} = excluded.${c}`)
       .join(', ')}`,
  );
}

type EntityKind = 'campaign' | 'adgroup' | 'ad';

export class AdEntityWriter {
  private readonly tag: Record<EntityKind, Statement<[string], { etag: string }>>;
  private readonly upsert: Record<EntityKind, Statement>;

  constructor(db: Database) {
    this.tag = {
      campaign: db.prepare('SELECT etag FROM ad_campaigns WHERE campaign_id = ?'),
      adgroup: db.prepare('SELECT etag FROM ad_groups WHERE adgroup_id = ?'),
      ad: db.prepare('SELECT etag FROM ads WHERE ad_id = ?'),
    };
    this.upsert = {
      campaign: entityUpsert(db, 'ad_campaigns', 'campaign_id', [
        'name',
        'objective_type',
        'currency',
        'budget_minor',
        'budget_mode',
        'operation_status',
        'secondary_status',
        'create_time',
        'modify_time',
      ]),
      adgroup: entityUpsert(db, 'ad_groups', 'adgroup_id', [
        'campaign_id',
        'name',
        'currency',
        'budget_minor',
        'budget_mode',
        'operation_status',
        'secondary_status',
        'optimization_goal',
        'promotion_type',
        'store_id',
        'create_time',
        'modify_time',
      ]),
      ad: entityUpsert(db, 'ads', 'ad_id', [
        'campaign_id',
        'adgroup_id',
        'name',
        'operation_status',
        'secondary_status',
        'ad_format',
        'ad_text',
        'create_time',
        'modify_time',
      ]),
    };
  }

  private writeAll<T>(
    kind: EntityKind,
    items: readonly T[],
    id: (t: T) => string,
    values: (t: T) => unknown[],
    head: [accountId: string, advertiserId: string],
    now: number,
  ): Counts {
    let inserted = 0;
    let updated = 0;
    for (const item of items) {
      const tag = etag(item);
      const old = this.tag[kind].get(id(item));
      if (old?.etag === tag) continue;
      if (old) updated++;
      else inserted++;
      this.upsert[kind].run(id(item), ...head, ...values(item), tag, now);
    }
    return { inserted, updated };
  }

  campaigns(
    accountId: string,
    advertiserId: string,
    currency: string,
    items: readonly AdCampaign[],
    now: number,
  ): Counts {
    return this.writeAll(
      'campaign',
      items,
      (c) => c.campaignId,
      (c) => [
        c.name,
        c.objectiveType,
        currency,
        c.budgetMinor,
        c.budgetMode,
        c.operationStatus,
        c.secondaryStatus,
        c.createTime,
        c.modifyTime,
      ],
      [accountId, advertiserId],
      now,
    );
  }

  adGroups(
    accountId: string,
    advertiserId: string,
    currency: string,
    items: readonly AdGroup[],
    now: number,
  ): Counts {
    return this.writeAll(
      'adgroup',
      items,
      (g) => g.adgroupId,
      (g) => [
        g.campaignId,
        g.name,
        currency,
        g.budgetMinor,
        g.budgetMode,
        g.operationStatus,
        g.secondaryStatus,
        g.optimizationGoal,
        g.promotionType,
        g.storeId,
        g.createTime,
        g.modifyTime,
      ],
      [accountId, advertiserId],
      now,
    );
  }

  ads(accountId: string, advertiserId: string, items: readonly Ad[], now: number): Counts {
    return this.writeAll(
      'ad',
      items,
      (a) => a.adId,
      (a) => [
        a.campaignId,
        a.adgroupId,
        a.name,
        a.operationStatus,
        a.secondaryStatus,
        a.adFormat,
        a.adText,
        a.createTime,
        a.modifyTime,
      ],
      [accountId, advertiserId],
      now,
    );
  }
}

const metricColumns = [
  'spend_minor',
  'impressions',
  'clicks',
  'reach',
  'conversions',
  'conversion_value_minor',
] as const;

interface StoredReportDay {
  currency: string;
  spend_minor: number;
  impressions: number;
  clicks: number;
  reach: number;
  conversions: number;
  conversion_value_minor: number;
}

const metricsOf = (r: AdReportDay): number[] => [
  r.spendMinor,
  r.impressions,
  r.clicks,
  r.reach,
  r.conversions,
  r.conversionValueMinor,
];

export class AdReportWriter {
  private readonly selectOld: Statement<[string, string], StoredReportDay>;
  private readonly upsert: Statement;

  constructor(
    db: Database,
    private readonly rollups: RollupStore,
  ) {
    this.selectOld = db.prepare(
      `SELECT currency, ${metricColumns.join(', ')} FROM ad_report_days WHERE ad_id = ? AND day = ?`,
    );
    this.upsert = db.prepare(`
      INSERT INTO ad_report_days (ad_id, day, account_id, advertiser_id, campaign_id, adgroup_id, currency,
        ${metricColumns.join(', ')}, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (ad_id, day) DO UPDATE SET account_id = excluded.account_id, advertiser_id = excluded.advertiser_id,
        campaign_id = excluded.campaign_id, adgroup_id = excluded.adgroup_id, currency = excluded.currency,
        ${metricColumns.map((c) => `${c} = excluded.${c}`).join(', ')}, synced_at = excluded.synced_at`);
  }

  write(
    accountId: string,
    advertiserId: string,
    currency: string,
    rows: readonly AdReportDay[],
    now: number,
  ): Counts {
    const dirtyDays = new Set<string>();
    let inserted = 0;
    let updated = 0;
    for (const r of rows) {
      const old = this.selectOld.get(r.adId, r.day);
      const values = metricsOf(r);
      if (old) {
        const before = metricColumns.map((c) => old[c]);
        if (old.currency === currency && before.every((v, i) => v === values[i])) continue;
        updated++;
      } else inserted++;
      this.upsert.run(
        r.adId,
        r.day,
        accountId,
        advertiserId,
        r.campaignId,
        r.adgroupId,
        currency,
        ...values,
        now,
      );
      dirtyDays.add(r.day);
    }
    this.rollups.markDirty('ads', accountId, advertiserId, dirtyDays);
    return { inserted, updated };
  }
}
