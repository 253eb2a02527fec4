import { z } from 'zod';
import { toMinorUnits } from '../../core/money';
import { readRecords } from '../records';
import { type AdsDataContext, adsCall } from './data-call';
import type { AdPage } from './ad-entities';

/**
 * `report/integrated/get/` BASIC at AUCTION_AD level by `stat_time_day` (docs/tiktok-api/ads.md, "Daily figures").
 * Metric values are strings: counts as integers, money with three decimals; `null` when not applicable.
 */

export const reportMetrics = [
  'spend',
  'impressions',
  'clicks',
  'reach',
  'conversion',
  'total_onsite_shopping_value',
  'campaign_id',
  'adgroup_id',
] as const;

const metricText = z.string().nullable().optional();

const rowSchema = z.object({
  dimensions: z.object({ ad_id: z.string().min(1), stat_time_day: z.string().regex(/^\d{4}-\d{2}-\d{2}/) }),
  metrics: z.object({
    spend: metricText,
    impressions: metricText,
    clicks: metricText,
    reach: metricText,
    conversion: metricText,
    total_onsite_shopping_value: metricText,
    campaign_id: metricText,
    adgroup_id: metricText,
  }),
});

const reportData = z.object({
  list: z.array(z.unknown()).default([]),
  page_info: z.object({
    page: z.number().int(),
    total_number: z.number().int(),
    total_page: z.number().int(),
  }),
});

export interface AdReportDay {
  adId: string;
  /** YYYY-MM-DD, the advertiser's calendar day. */
  day: string;
  campaignId: string | null;
  adgroupId: string | null;
  spendMinor: number;
  impressions: number;
  clicks: number;
  reach: number;
  conversions: number;
  conversionValueMinor: number;
}

function count(text: string | null | undefined): number {
  if (!text || !/^-?\d+$/.test(text)) return 0;
  return Number(text);
}

function money(text: string | null | undefined, currency: string): number {
  // "-" appears for cost metrics TikTok cannot attribute; treat it as nothing spent.
  if (!text || text === '-') return 0;
  return toMinorUnits(text.replace(/%$/, ''), currency);
}

/** `startDay`..`endDay` inclusive, at most 30 days apart (TikTok's limit with stat_time_day). */
export async function getAdReportDays(
  ctx: AdsDataContext,
  q: { startDay: string; endDay: string; page: number },
): Promise<AdPage<AdReportDay>> {
  const data = await adsCall(
    ctx,
    '/open_api/v1.3/report/integrated/get/',
    {
      report_type: 'BASIC',
      data_level: 'AUCTION_AD',
      service_type: 'AUCTION',
      dimensions: ['ad_id', 'stat_time_day'],
      metrics: reportMetrics,
      start_date: q.startDay,
      end_date: q.endDay,
      page: q.page,
      page_size: 1000,
    },
    reportData,
  );
  const read = readRecords(data.list, {
    schema: rowSchema,
    key: (raw) => {
      const d = (raw as { dimensions?: { ad_id?: unknown; stat_time_day?: unknown } }).dimensions;
      return typeof d?.ad_id === 'string' ? `${d.ad_id}@${String(d.stat_time_day ?? '')}` : null;
    },
    // Counts and ids are reported but not load-bearing; spend and conversion value are money.
    optional: ['impressions', 'clicks', 'reach', 'conversion', 'campaign_id', 'adgroup_id'],
  });
  return {
    rejected: read.rejected,
    items: read.items.map((r) => ({
      adId: r.dimensions.ad_id,
      day: r.dimensions.stat_time_day.slice(0, 10),
      campaignId: r.metrics.campaign_id || null,
      adgroupId: r.metrics.adgroup_id || null,
      spendMinor: money(r.metrics.spend, ctx.currency),
      impressions: count(r.metrics.impressions),
      clicks: count(r.metrics.clicks),
      reach: count(r.metrics.reach),
      conversions: count(r.metrics.conversion),
      conversionValueMinor: money(r.metrics.total_onsite_shopping_value, ctx.currency),
    })),
    page: data.page_info.page,
    totalPages: data.page_info.total_page,
    totalNumber: data.page_info.total_number,
  };
}
