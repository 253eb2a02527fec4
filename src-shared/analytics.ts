import { z } from 'zod';
import { isDay } from './time';

/**
 * Analytics schemas (issue 11); the channels are in `channels/analytics.ts`. Every figure comes from the
 * daily rollups (ARCHITECTURE §9). Money is `{ amountMinor, currency }`-style integers per currency: totals
 * are never summed across currencies; a converted figure names the rates it used.
 */

export const daySchema = z.string().refine(isDay, 'must be a calendar date written YYYY-MM-DD');
const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD');
const idSchema = z.string().min(1).max(64);

export const rangePresets = [
  'today',
  'yesterday',
  'last7',
  'last30',
  'last90',
  'thisMonth',
  'lastMonth',
  'yearToDate',
  'last365',
  'lastYear',
] as const;
export type RangePreset = (typeof rangePresets)[number];

/** Longest custom range: ten years (history is never discarded; the limit keeps one request bounded). */
export const MAX_RANGE_DAYS = 3660;

export const rangeSchema = z.union([
  z.object({ preset: z.enum(rangePresets) }).strict(),
  z
    .object({ preset: z.literal('custom'), from: daySchema, to: daySchema })
    .strict()
    .refine((r) => r.from <= r.to, 'from must not be after to')
    .refine(
      (r) => Date.parse(r.to) - Date.parse(r.from) < MAX_RANGE_DAYS * 86_400_000,
      `a range spans at most ${MAX_RANGE_DAYS} days`,
    ),
]);
export type Range = z.infer<typeof rangeSchema>;

export const focusKinds = ['product', 'creator', 'campaign'] as const;
export const focusSchema = z
  .object({ kind: z.enum(focusKinds), id: idSchema, label: z.string().max(300) })
  .strict();
export type Focus = z.infer<typeof focusSchema>;

export const analyticsFilterSchema = z
  .object({
    range: rangeSchema,
    /** Empty = every shop / advertiser. */
    shopIds: z.array(idSchema).max(200).default([]),
    advertiserIds: z.array(idSchema).max(200).default([]),
    /** A product, creator or campaign clicked in a breakdown narrows the whole page to it. */
    focus: focusSchema.nullable().default(null),
    /** Null: figures per currency. A code: also converted with the user's rates. */
    reportingCurrency: currencySchema.nullable().default(null),
  })
  .strict();
export type AnalyticsFilter = z.input<typeof analyticsFilterSchema>;
export type ParsedAnalyticsFilter = z.output<typeof analyticsFilterSchema>;

/** The days a filter resolved to, and the previous period of the same length. */
export const periodSchema = z.object({
  from: daySchema,
  to: daySchema,
  days: z.number().int().positive(),
  previousFrom: daySchema,
  previousTo: daySchema,
  /** The zone "today" was taken in. */
  referenceZone: z.string(),
});
export type Period = z.infer<typeof periodSchema>;

export const sourceKinds = ['orders', 'affiliate', 'finance', 'ads'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const freshnessSchema = z.object({
  sources: z.array(
    z.object({
      source: z.enum(sourceKinds),
      /** Last successful sync of that resource over the selected shops/advertisers; null: never synced. */
      lastSyncedAt: z.number().int().nullable(),
    }),
  ),
  syncIntervalMinutes: z.number().int().positive(),
  /** The oldest source is older than the sync interval (or was never synced while others were). */
  stale: z.boolean(),
});
export type Freshness = z.infer<typeof freshnessSchema>;

/** How fresh the sources a page shows are (the Ads, Finance and Affiliate pages name theirs). */
export const freshnessInputSchema = z
  .object({
    filter: analyticsFilterSchema,
    sources: z.array(z.enum(sourceKinds)).min(1).max(sourceKinds.length).optional(),
  })
  .strict();

export const rateUseSchema = z.object({ currency: z.string(), rate: z.string(), asOf: daySchema });
export type RateUse = z.infer<typeof rateUseSchema>;

export const kpiKeys = [
  'gmv',
  'orders',
  'units',
  'aov',
  'cancellations',
  'refunds',
  'adSpend',
  'roas',
  'cpa',
  'affiliateGmv',
  'commissionEstimated',
  'commissionActual',
  'netContribution',
] as const;
export type KpiKey = (typeof kpiKeys)[number];

/** count: a number of things; money: minor units of `currency`; ratio: a plain number (ROAS). */
export const kpiKinds = ['count', 'money', 'ratio'] as const;

export const kpiValueSchema = z.object({
  /** Null for counts and ratios that do not depend on a currency. */
  currency: z.string().nullable(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** One point per bucket of the period (days, or weeks for long ranges). */
  spark: z.array(z.number()),
});
export type KpiValue = z.infer<typeof kpiValueSchema>;

/** Why a KPI has no figure. */
export const unavailableReasons = ['costsNotEntered', 'noAdvertisers', 'notForFocus', 'missingRate'] as const;

export const kpiSchema = z.object({
  key: z.enum(kpiKeys),
  kind: z.enum(kpiKinds),
  source: z.enum(sourceKinds),
  values: z.array(kpiValueSchema),
  converted: kpiValueSchema
    .extend({ rates: z.array(rateUseSchema), missing: z.array(z.string()) })
    .nullable(),
  unavailable: z.enum(unavailableReasons).nullable(),
  /** Net contribution: units sold in the period, and how many of them had a product cost entered. */
  coverage: z.object({ costed: z.number().int(), units: z.number().int() }).nullable(),
});
export type Kpi = z.infer<typeof kpiSchema>;

export const scopeSchema = z.object({
  id: z.string(),
  type: z.enum(['shop', 'advertiser']),
  name: z.string(),
  region: z.string().nullable(),
  currency: z.string().nullable(),
  /** The zone its days are in: the shop region's, or the advertiser's own. */
  zone: z.string(),
});
export type AnalyticsScope = z.infer<typeof scopeSchema>;

export const overviewSchema = z.object({
  period: periodSchema,
  scopes: z.array(scopeSchema),
  kpis: z.array(kpiSchema),
  freshness: freshnessSchema,
  /** True when nothing has been synced for the selected shops and advertisers at all. */
  empty: z.boolean(),
});
export type Overview = z.infer<typeof overviewSchema>;

// ---- time series ------------------------------------------------------------------------------------------

export const grains = ['day', 'week', 'month'] as const;
export type Grain = (typeof grains)[number];
export const seriesMetrics = [
  'gmv',
  'orders',
  'units',
  'refunds',
  'adSpend',
  'adRevenue',
  'affiliateGmv',
  'commissionEstimated',
] as const;
export type SeriesMetric = (typeof seriesMetrics)[number];

export const timeseriesInputSchema = z
  .object({ filter: analyticsFilterSchema, grain: z.enum(grains).default('day') })
  .strict();

export const seriesSchema = z.object({
  metric: z.enum(seriesMetrics),
  /** Null for counts; otherwise the currency, or the reporting currency when `converted`. */
  currency: z.string().nullable(),
  converted: z.boolean(),
  values: z.array(z.number()),
  /** Null where the bucket has no previous day to pair with (29 February against a year without one). */
  previous: z.array(z.number().nullable()),
});
export type Series = z.infer<typeof seriesSchema>;

export const timeseriesSchema = z.object({
  period: periodSchema,
  grain: z.enum(grains),
  /** First day of each bucket; a bucket is clipped to the period. */
  buckets: z.array(daySchema),
  /** The previous period's bucket drawn under each bucket (null: none, see `previous`). */
  previousBuckets: z.array(daySchema.nullable()),
  series: z.array(seriesSchema),
  rates: z.array(rateUseSchema),
  missingRates: z.array(z.string()),
});
export type Timeseries = z.infer<typeof timeseriesSchema>;

// ---- breakdowns -------------------------------------------------------------------------------------------

/**
 * Breakdown metrics held in minor units of their row's currency: the ones a rate converts in main and the
 * renderer formats as money.
 */
export const breakdownMoneyMetrics: ReadonlySet<string> = new Set([
  'gmv',
  'aov',
  'refunds',
  'affiliateGmv',
  'commissionEstimated',
  'commissionActual',
  'spend',
  'conversionValue',
  'cpa',
]);

export const breakdownKinds = ['shops', 'products', 'creators', 'campaigns'] as const;
export type BreakdownKind = (typeof breakdownKinds)[number];

export const breakdownInputSchema = z
  .object({
    filter: analyticsFilterSchema,
    kind: z.enum(breakdownKinds),
    limit: z.number().int().min(1).max(1000).default(20),
  })
  .strict();

export const breakdownRowSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** Shop region / creator handle / advertiser name, shown under the label. */
  detail: z.string().nullable(),
  currency: z.string(),
  /** Named figures; money in minor units of `currency`, rates as plain numbers (null when undefined). */
  metrics: z.record(z.string(), z.number().nullable()),
  /** The main figure (GMV or spend) per day of the period (per week beyond three months), for the row's sparkline. */
  spark: z.array(z.number()),
  /** The row's own currency when its money figures were converted into `currency` with a rate. */
  convertedFrom: z.string().nullable().optional(),
});
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const breakdownSchema = z.object({
  period: periodSchema,
  kind: z.enum(breakdownKinds),
  /** Column keys of `metrics`, in display order. */
  columns: z.array(z.string()),
  rows: z.array(breakdownRowSchema),
  /** The rates the converted rows used, and the currencies left in their own for want of a rate. */
  rates: z.array(rateUseSchema).optional(),
  missingRates: z.array(z.string()).optional(),
});
export type Breakdown = z.infer<typeof breakdownSchema>;

// ---- pages: ads tree, finance statements, affiliate orders -----------------------------------------------

export const adMetricsSchema = z.object({
  spendMinor: z.number(),
  impressions: z.number(),
  clicks: z.number(),
  conversions: z.number(),
  conversionValueMinor: z.number(),
  /** clicks / impressions; null without impressions. */
  ctr: z.number().nullable(),
  roas: z.number().nullable(),
  cpaMinor: z.number().nullable(),
});
export type AdMetrics = z.infer<typeof adMetricsSchema>;

export type AdNode = {
  level: 'campaign' | 'adgroup' | 'ad';
  id: string;
  name: string;
  status: string | null;
  advertiserId: string;
  currency: string;
  metrics: AdMetrics;
  trend: number[];
  children: AdNode[];
};
export const adNodeSchema: z.ZodType<AdNode> = z.lazy(() =>
  z.object({
    level: z.enum(['campaign', 'adgroup', 'ad']),
    id: z.string(),
    name: z.string(),
    status: z.string().nullable(),
    advertiserId: z.string(),
    currency: z.string(),
    metrics: adMetricsSchema,
    /** Spend per day of the period. */
    trend: z.array(z.number()),
    children: z.array(adNodeSchema),
  }),
);

export const adsTreeInputSchema = z.object({ filter: analyticsFilterSchema }).strict();
export const adsTreeSchema = z.object({
  period: periodSchema,
  days: z.array(daySchema),
  campaigns: z.array(adNodeSchema),
});
export type AdsTree = z.infer<typeof adsTreeSchema>;

export const pageInputSchema = z.object({
  filter: analyticsFilterSchema,
  limit: z.number().int().min(1).max(500).default(100),
  /** Opaque keyset cursor from the previous page. */
  cursor: z.string().max(200).nullable().default(null),
});

export const moneyTotalSchema = z.object({ currency: z.string(), amounts: z.record(z.string(), z.number()) });
export type MoneyTotal = z.infer<typeof moneyTotalSchema>;

export const statementRowSchema = z.object({
  statementId: z.string(),
  shopId: z.string(),
  shopName: z.string(),
  /** Shop-local day of the statement. */
  day: daySchema,
  statementTime: z.number().int(),
  currency: z.string(),
  revenueMinor: z.number(),
  feeMinor: z.number(),
  adjustmentMinor: z.number(),
  shippingCostMinor: z.number(),
  settlementMinor: z.number(),
  paymentStatus: z.string(),
});
export type StatementRow = z.infer<typeof statementRowSchema>;
export const statementsSchema = z.object({
  period: periodSchema,
  items: z.array(statementRowSchema),
  nextCursor: z.string().nullable(),
  /** Over the whole period (from the finance rollup), per currency. */
  totals: z.array(moneyTotalSchema),
});
export type Statements = z.infer<typeof statementsSchema>;

/**
 * A collaboration affiliate orders are attributed to, per SKU (docs/tiktok-api/affiliate.md "Attribution"):
 * a target collaboration (an invitation the shop sent) or an open collaboration (one product's public offer).
 */
export const collaborationKinds = ['target', 'open'] as const;
export const collaborationRefSchema = z.object({ kind: z.enum(collaborationKinds), id: idSchema }).strict();
export type CollaborationRef = z.infer<typeof collaborationRefSchema>;

/** The Affiliate page's choice of one Creator and one collaboration (both optional); it is saved. */
export const affiliateChoiceSchema = z
  .object({
    /** A Creator (its canonical record id; any record id of it is taken as the Creator). */
    creatorId: z.number().int().nonnegative().nullable().default(null),
    collaboration: collaborationRefSchema.nullable().default(null),
  })
  .strict();
export type AffiliateChoice = z.output<typeof affiliateChoiceSchema>;

export const affiliateOrdersInputSchema = pageInputSchema.extend({
  creatorId: z.number().int().nonnegative().nullable().default(null),
  collaboration: collaborationRefSchema.nullable().default(null),
});
export const affiliateOrderRowSchema = z.object({
  orderId: z.string(),
  shopId: z.string(),
  day: daySchema,
  createTime: z.number().int(),
  status: z.string(),
  creatorId: z.number().int().nullable(),
  creatorHandle: z.string().nullable(),
  /** The collaboration the order's (first) SKU came through: a target one, before an open one. */
  collaborationId: z.string().nullable(),
  collaborationKind: z.enum(collaborationKinds).nullable(),
  /** A target collaboration's name as synced. */
  collaborationName: z.string().nullable(),
  /** An open collaboration's product title (an open collaboration is one product's offer). */
  collaborationProduct: z.string().nullable(),
  currency: z.string(),
  gmvMinor: z.number(),
  estCommissionMinor: z.number(),
  actualCommissionMinor: z.number(),
});
export type AffiliateOrderRow = z.infer<typeof affiliateOrderRowSchema>;
/** Affiliate figures over the whole period per currency; cancelled orders count nowhere. */
export const affiliateTotalSchema = z.object({
  currency: z.string(),
  orders: z.number().int(),
  gmvMinor: z.number(),
  estCommissionMinor: z.number(),
  actualCommissionMinor: z.number(),
});
export type AffiliateTotal = z.infer<typeof affiliateTotalSchema>;
export const affiliateOrdersSchema = z.object({
  period: periodSchema,
  /**
   * With a collaboration chosen, an order is listed when any of its SKUs came through it, and its amounts
   * are those SKUs' only.
   */
  items: z.array(affiliateOrderRowSchema),
  nextCursor: z.string().nullable(),
  /** Over the whole period, for the same creator and collaboration. */
  totals: z.array(affiliateTotalSchema),
});

export const collaborationsInputSchema = z.object({ filter: analyticsFilterSchema }).strict();
export const collaborationOptionSchema = z.object({
  kind: z.enum(collaborationKinds),
  id: z.string(),
  /** A target collaboration's name as synced; null for an open one or one not synced. */
  name: z.string().nullable(),
  /** An open collaboration's product (an open collaboration is one product's offer). */
  productTitle: z.string().nullable(),
  shopId: z.string().nullable(),
  /** A target collaboration's synced status (VALID, CANCELING, COMPLETED, REMOVED). */
  status: z.string().nullable(),
});
export type CollaborationOption = z.infer<typeof collaborationOptionSchema>;
export const collaborationsSchema = z.object({ items: z.array(collaborationOptionSchema) });
export type AffiliateOrders = z.infer<typeof affiliateOrdersSchema>;

// ---- export, rates, view, rebuild -------------------------------------------------------------------------

export const exportTables = [
  'kpis',
  'timeseries',
  'shops',
  'products',
  'creators',
  'campaigns',
  'ads',
  'statements',
  'affiliateOrders',
] as const;
export const exportInputSchema = z
  .object({
    table: z.enum(exportTables),
    filter: analyticsFilterSchema,
    grain: z.enum(grains).default('day'),
    /** Column headings in the user's language, by column key; missing keys keep the key itself. */
    headings: z.record(z.string().max(60), z.string().max(120)).default({}),
    /** The Affiliate page's creator and collaboration, for `affiliateOrders`. */
    affiliate: affiliateChoiceSchema.default({ creatorId: null, collaboration: null }),
  })
  .strict();
export const exportSchema = z.object({
  filename: z.string(),
  /** UTF-8 CSV with a byte-order mark, so spreadsheet programs read Chinese text correctly. */
  csv: z.string(),
  rows: z.number().int().nonnegative(),
});

export const rateSchema = z.object({
  currency: currencySchema,
  reportingCurrency: currencySchema,
  /** 1 currency = rate reportingCurrency. Decimal text, as entered. */
  rate: z
    .string()
    .regex(/^\d{1,9}(\.\d{1,10})?$/, 'must be a positive decimal number such as 1.2734')
    .refine((r) => Number(r) > 0, 'must be greater than zero'),
  asOf: daySchema,
});
export type Rate = z.infer<typeof rateSchema>;
export const ratesSchema = z.object({
  rates: z.array(rateSchema.extend({ updatedAt: z.number().int() })),
  /** Currencies found in the synced data, to offer in the rate table. */
  currencies: z.array(z.string()),
});
export const rateKeySchema = z
  .object({ currency: currencySchema, reportingCurrency: currencySchema })
  .strict();

export const viewSchema = z.object({
  filter: analyticsFilterSchema,
  grain: z.enum(grains).default('day'),
  /** Series switched off in the time series chart. */
  hiddenSeries: z.array(z.enum(seriesMetrics)).default([]),
});
export type DashboardView = z.output<typeof viewSchema>;

export const rebuildSchema = z.object({ days: z.number().int().nonnegative(), ms: z.number().nonnegative() });

export const scopesSchema = z.object({ scopes: z.array(scopeSchema) });
