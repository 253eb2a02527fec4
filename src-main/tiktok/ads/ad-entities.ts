import { z } from 'zod';
import { toMinorUnits } from '../../core/money';
import { adsTimeToMs } from '../../core/time';
import { idKey, type RejectedRecord, readRecords } from '../records';
import { type AdsDataContext, adsCall } from './data-call';

/** The three ads entities, AdCampaign, AdGroup and Ad (docs/tiktok-api/ads.md), page-numbered, up to 1000 per page. */

const pageInfo = z.object({
  page: z.number().int(),
  total_number: z.number().int(),
  total_page: z.number().int(),
});
const nullableText = z.string().nullable().optional();
/** Budgets are JSON numbers; convert through their decimal text so no float arithmetic is involved. */
const budget = z.number().nullable().optional();

const campaignSchema = z.object({
  campaign_id: z.string().min(1),
  campaign_name: z.string(),
  objective_type: nullableText,
  budget,
  budget_mode: nullableText,
  operation_status: nullableText,
  secondary_status: nullableText,
  create_time: nullableText,
  modify_time: nullableText,
});

const adgroupSchema = z.object({
  adgroup_id: z.string().min(1),
  adgroup_name: z.string(),
  campaign_id: z.string(),
  budget,
  budget_mode: nullableText,
  operation_status: nullableText,
  secondary_status: nullableText,
  optimization_goal: nullableText,
  promotion_type: nullableText,
  store_id: nullableText,
  create_time: nullableText,
  modify_time: nullableText,
});

const adSchema = z.object({
  ad_id: z.string().min(1),
  ad_name: z.string(),
  adgroup_id: z.string(),
  campaign_id: z.string(),
  operation_status: nullableText,
  secondary_status: nullableText,
  ad_format: nullableText,
  ad_text: nullableText,
  create_time: nullableText,
  modify_time: nullableText,
});

export interface AdPage<T> {
  items: T[];
  /** Records that could not be read in full (records.ts); the sync keeps them aside. */
  rejected: RejectedRecord[];
  page: number;
  totalPages: number;
  totalNumber: number;
}

export interface AdCampaign {
  campaignId: string;
  name: string;
  objectiveType: string | null;
  budgetMinor: number | null;
  budgetMode: string | null;
  operationStatus: string | null;
  secondaryStatus: string | null;
  createTime: number | null;
  modifyTime: number | null;
}

export interface AdGroup {
  adgroupId: string;
  campaignId: string;
  name: string;
  budgetMinor: number | null;
  budgetMode: string | null;
  operationStatus: string | null;
  secondaryStatus: string | null;
  optimizationGoal: string | null;
  promotionType: string | null;
  storeId: string | null;
  createTime: number | null;
  modifyTime: number | null;
}

export interface Ad {
  adId: string;
  adgroupId: string;
  campaignId: string;
  name: string;
  operationStatus: string | null;
  secondaryStatus: string | null;
  adFormat: string | null;
  adText: string | null;
  createTime: number | null;
  modifyTime: number | null;
}

const budgetMinor = (b: number | null | undefined, currency: string): number | null =>
  b === null || b === undefined ? null : toMinorUnits(String(b), currency);

/** Names and labels; ids, parents and budgets are essential. */
const optionalFields = [
  'objective_type',
  'budget_mode',
  'operation_status',
  'secondary_status',
  'optimization_goal',
  'promotion_type',
  'store_id',
  'ad_format',
  'ad_text',
  'create_time',
  'modify_time',
] as const;

async function page<S extends z.ZodType, T>(
  ctx: AdsDataContext,
  path: string,
  spec: { schema: S; key: string },
  pageNo: number,
  map: (raw: z.output<S>) => T,
): Promise<AdPage<T>> {
  const data = await adsCall(
    ctx,
    path,
    { page: pageNo, page_size: 1000 },
    z.object({ list: z.array(z.unknown()).default([]), page_info: pageInfo }),
  );
  const read = readRecords(data.list, {
    schema: spec.schema,
    key: idKey(spec.key),
    optional: optionalFields,
  });
  return {
    items: read.items.map(map),
    rejected: read.rejected,
    page: data.page_info.page,
    totalPages: data.page_info.total_page,
    totalNumber: data.page_info.total_number,
  };
}

export function getAdCampaigns(ctx: AdsDataContext, pageNo: number): Promise<AdPage<AdCampaign>> {
  return page(
    ctx,
    '/open_api/v1.3/campaign/get/',
    { schema: campaignSchema, key: 'campaign_id' },
    pageNo,
    (c) => ({
      campaignId: c.campaign_id,
      name: c.campaign_name,
      objectiveType: c.objective_type ?? null,
      budgetMinor: budgetMinor(c.budget, ctx.currency),
      budgetMode: c.budget_mode ?? null,
      operationStatus: c.operation_status ?? null,
      secondaryStatus: c.secondary_status ?? null,
      createTime: adsTimeToMs(c.create_time),
      modifyTime: adsTimeToMs(c.modify_time),
    }),
  );
}

export function getAdGroups(ctx: AdsDataContext, pageNo: number): Promise<AdPage<AdGroup>> {
  return page(
    ctx,
    '/open_api/v1.3/adgroup/get/',
    { schema: adgroupSchema, key: 'adgroup_id' },
    pageNo,
    (g) => ({
      adgroupId: g.adgroup_id,
      campaignId: g.campaign_id,
      name: g.adgroup_name,
      budgetMinor: budgetMinor(g.budget, ctx.currency),
      budgetMode: g.budget_mode ?? null,
      operationStatus: g.operation_status ?? null,
      secondaryStatus: g.secondary_status ?? null,
      optimizationGoal: g.optimization_goal ?? null,
      promotionType: g.promotion_type ?? null,
      storeId: g.store_id ?? null,
      createTime: adsTimeToMs(g.create_time),
      modifyTime: adsTimeToMs(g.modify_time),
    }),
  );
}

export function getAds(ctx: AdsDataContext, pageNo: number): Promise<AdPage<Ad>> {
  return page(ctx, '/open_api/v1.3/ad/get/', { schema: adSchema, key: 'ad_id' }, pageNo, (a) => ({
    adId: a.ad_id,
    adgroupId: a.adgroup_id,
    campaignId: a.campaign_id,
    name: a.ad_name,
    operationStatus: a.operation_status ?? null,
    secondaryStatus: a.secondary_status ?? null,
    adFormat: a.ad_format ?? null,
    adText: a.ad_text ?? null,
    createTime: adsTimeToMs(a.create_time),
    modifyTime: adsTimeToMs(a.modify_time),
  }));
}
