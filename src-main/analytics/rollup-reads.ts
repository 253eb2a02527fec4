import type { Database, Statement } from 'better-sqlite3';
import { creatorRecordsOf } from './creator-groups';

/**
 * Reads of the daily rollups: one row per (day, currency) summed over a set of shops or advertisers, from
 * one rollup table and optionally narrowed to one product, creator or campaign. Only rollup tables appear
 * here; `tests/unit/analytics/query-plans.test.ts` checks that none of these reads scans raw rows.
 */

export type SourceName =
  'orders' | 'product' | 'affiliate' | 'creator' | 'ads' | 'campaign' | 'finance' | 'costs';

interface SourceDef {
  table: string;
  scope: 'shop_id' | 'advertiser_id';
  /** Column narrowing the source to one item (focus), if any, and the index that leads with it. */
  item?: string;
  itemIndex?: string;
  /** The item ids one focus covers (`@item` bound to the focused id); the id itself when absent. */
  itemsOf?: (param: string) => string;
  columns: Record<string, string>;
}

/** Ad rollups per advertiser day and per campaign day carry the same metrics. */
const adColumns = {
  adSpend: 'spend_minor',
  impressions: 'impressions',
  clicks: 'clicks',
  conversions: 'conversions',
  adRevenue: 'conversion_value_minor',
};

export const sources: Record<SourceName, SourceDef> = {
  orders: {
    table: 'order_days',
    scope: 'shop_id',
    columns: {
      orders: 'orders',
      cancellations: 'cancelled_orders',
      units: 'units',
      gmv: 'gross_minor',
      refunds: 'refunds_minor',
    },
  },
  product: {
    table: 'product_days',
    scope: 'shop_id',
    item: 'product_id',
    itemIndex: 'product_days_product',
    columns: {
      units: 'units',
      gmv: 'gross_minor',
      refunds: 'refunds_minor',
      refundedUnits: 'refunded_units',
    },
  },
  affiliate: {
    table: 'affiliate_days',
    scope: 'shop_id',
    columns: {
      affiliateOrders: 'orders',
      affiliateGmv: 'gmv_minor',
      commissionEstimated: 'est_commission_minor',
      commissionActual: 'actual_commission_minor',
    },
  },
  creator: {
    table: 'creator_days',
    scope: 'shop_id',
    item: 'creator_id',
    itemIndex: 'creator_days_creator',
    itemsOf: creatorRecordsOf,
    columns: {
      affiliateOrders: 'orders',
      affiliateGmv: 'gmv_minor',
      commissionEstimated: 'est_commission_minor',
      commissionActual: 'actual_commission_minor',
    },
  },
  ads: {
    table: 'ad_days',
    scope: 'advertiser_id',
    columns: adColumns,
  },
  campaign: {
    table: 'ad_campaign_days',
    scope: 'advertiser_id',
    item: 'campaign_id',
    itemIndex: 'ad_campaign_days_campaign',
    columns: adColumns,
  },
  costs: {
    table: 'cost_days',
    scope: 'shop_id',
    columns: { units: 'units', costedUnits: 'costed_units', cost: 'cost_minor' },
  },
  finance: {
    table: 'finance_days',
    scope: 'shop_id',
    columns: {
      statements: 'statements',
      revenue: 'revenue_minor',
      fees: 'fee_minor',
      adjustments: 'adjustment_minor',
      shippingCost: 'shipping_cost_minor',
      settlement: 'settlement_minor',
    },
  },
};

export interface DayFigures {
  day: string;
  currency: string;
  values: Record<string, number>;
}

/** The SQL of one read (exported for the query-plan test). */
export function daysSql(name: SourceName, withItem: boolean): string {
  const s = sources[name];
  const sums = Object.entries(s.columns)
    .map(([k, c]) => `SUM(${c}) AS "${k}"`)
    .join(', ');
  const item =
    withItem && s.item
      ? s.itemsOf
        ? ` AND ${s.item} IN (${s.itemsOf('@item')})`
        : ` AND ${s.item} = @item`
      : '';
  // Without statistics SQLite would walk every row of the days in the primary key and filter the item.
  const indexed = withItem && s.itemIndex ? ` INDEXED BY ${s.itemIndex}` : '';
  return `SELECT day, currency, ${sums} FROM ${s.table}${indexed}
    WHERE ${s.scope} IN (SELECT value FROM json_each(@scopes)) AND day >= @from AND day <= @to${item}
    GROUP BY day, currency ORDER BY day`;
}

export class RollupReader {
  private readonly cache = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  private statement(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) this.cache.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** Per day and currency over [from, to] for the given scopes (optionally one item of the source). */
  days(name: SourceName, scopeIds: string[], from: string, to: string, item?: string | number): DayFigures[] {
    if (scopeIds.length === 0) return [];
    const withItem = item !== undefined;
    const rows = this.statement(daysSql(name, withItem)).all({
      scopes: JSON.stringify(scopeIds),
      from,
      to,
      ...(withItem ? { item } : {}),
    }) as Array<Record<string, string | number>>;
    const keys = Object.keys(sources[name].columns);
    return rows.map((r) => ({
      day: String(r.day),
      currency: String(r.currency),
      values: Object.fromEntries(keys.map((k) => [k, Number(r[k] ?? 0)])),
    }));
  }

  /** Runs any rollup query with the same statement cache (breakdowns). */
  all<T>(sql: string, params: Record<string, unknown>): T[] {
    return this.statement(sql).all(params) as T[];
  }
}
