import { z } from 'zod';
import type { AdRecord, Dataset } from '../data/dataset';
import { DAY } from '../data/generator';
import { unit } from '../data/rng';
import type { SandboxRequest } from '../http';
import type { SandboxState } from '../state';
import { AdsError, adsAuth, adsCodes, grantedAdvertiser, intParam, jsonParam, pageInfo } from './common';

/**
 * `/report/integrated/get/` for report_type BASIC (B5). Rows are derived per ad per day from the seed and
 * from the shop's generated orders, so ad conversions stay a plausible share of the orders that day, and
 * spend is sized to the sales an ad brings (a return on ad spend between 1.2 and 4.5, within its budget).
 */

interface Base {
  spend: number;
  impressions: number;
  clicks: number;
  reach: number;
  conversions: number;
  value: number;
}

const zero = (): Base => ({ spend: 0, impressions: 0, clicks: 0, reach: 0, conversions: 0, value: 0 });
const ATTRIBUTED_SHARE = 0.12;
const hourWeight = [2, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 6, 7, 7, 6, 6, 6, 7, 8, 9, 10, 9, 7, 4];
const hourTotal = hourWeight.reduce((a, b) => a + b, 0);

const weightTotals = new WeakMap<Dataset, Map<number, number>>();

function totalWeight(ds: Dataset, advertiserIndex: number): number {
  let m = weightTotals.get(ds);
  if (!m) weightTotals.set(ds, (m = new Map()));
  let t = m.get(advertiserIndex);
  if (t === undefined) {
    t = ds.ads.ads.filter((a) => a.advertiserIndex === advertiserIndex).reduce((s, a) => s + a.weight, 0);
    m.set(advertiserIndex, t);
  }
  return t;
}

const meanSales = new WeakMap<Dataset, number[]>();

/** A shop's mean daily sales over the dataset, in currency units. */
function meanDailySales(ds: Dataset, shop: number): number {
  let m = meanSales.get(ds);
  if (!m) {
    m = ds.dailyGmvCents.map((days) => days.reduce((a, b) => a + b, 0) / Math.max(1, days.length) / 100);
    meanSales.set(ds, m);
  }
  return m[shop] ?? 0;
}

export function adDay(ds: Dataset, ad: AdRecord, d: number): Base | null {
  if (d < ad.startDay || d < 0 || d >= ds.spec.days) return null;
  const shop = ds.ads.advertisers[ad.advertiserIndex]?.shopIndex ?? 0;
  const share = (ATTRIBUTED_SHARE * ad.weight) / Math.max(1e-9, totalWeight(ds, ad.advertiserIndex));
  // What the ad spends is what its share of the shop's sales is worth at its return on ad spend, capped by
  // its budget: a budget alone made a 60-order shop spend $150k for $257 of sales (ROAS 0.00).
  const roas = 1.2 + 3.3 * unit(ds.seed, 125, ad.index, 0);
  const noise = 0.7 + 0.6 * unit(ds.seed, 120, ad.index, d);
  const planned = Math.min(ad.dailyBudget, (meanDailySales(ds, shop) * share) / roas);
  const spend = Math.round(planned * noise * 1000) / 1000;
  const orders = ds.dailyOrders[shop]?.[d] ?? 0;
  const gmv = ds.dailyGmvCents[shop]?.[d] ?? 0;
  // Rounded stochastically, not to the nearest: a small shop's few orders a day times one ad's share is
  // mostly below 0.5, and rounding it made every tiny-profile campaign report no conversions (no ROAS, no CPA).
  const expected = orders * share * (0.6 + 0.8 * unit(ds.seed, 123, ad.index, d));
  const whole = Math.floor(expected);
  const conversions = whole + (unit(ds.seed, 124, ad.index, d) < expected - whole ? 1 : 0);
  const value = orders > 0 ? (conversions * gmv) / orders / 100 : 0;
  // A conversion follows a click, and a click an impression, however little a small shop's ad spends.
  const clicks = Math.max(
    conversions,
    Math.round((spend / ad.cpm) * 1000 * ad.ctr * (0.8 + 0.4 * unit(ds.seed, 121, ad.index, d))),
  );
  const impressions = Math.max(clicks, Math.round((spend / ad.cpm) * 1000));
  const reach = Math.round(impressions / (1.1 + 0.5 * unit(ds.seed, 122, ad.index, d)));
  return { spend, impressions, clicks, reach, conversions, value };
}

const countMetrics = new Set([
  'impressions',
  'clicks',
  'reach',
  'conversion',
  'onsite_shopping',
  'real_time_conversion',
  'result',
]);
const moneyMetrics = new Set([
  'spend',
  'billed_cost',
  'cpc',
  'cpm',
  'cost_per_1000_reached',
  'cost_per_conversion',
  'cost_per_result',
  'cost_per_onsite_shopping',
  'total_onsite_shopping_value',
  'value_per_onsite_shopping',
]);
const rateMetrics = new Set([
  'ctr',
  'conversion_rate',
  'conversion_rate_v2',
  'onsite_shopping_rate',
  'result_rate',
  'frequency',
  'onsite_shopping_roas',
]);
const attributeMetrics = new Set([
  'campaign_name',
  'adgroup_name',
  'ad_name',
  'ad_text',
  'currency',
  'campaign_id',
  'adgroup_id',
]);
export const supportedMetrics = new Set([
  ...countMetrics,
  ...moneyMetrics,
  ...rateMetrics,
  ...attributeMetrics,
]);

function derive(b: Base, metric: string): number {
  const div = (a: number, c: number): number => (c === 0 ? 0 : a / c);
  switch (metric) {
    case 'spend':
    case 'billed_cost':
      return b.spend;
    case 'impressions':
      return b.impressions;
    case 'clicks':
      return b.clicks;
    case 'reach':
      return b.reach;
    case 'conversion':
    case 'onsite_shopping':
    case 'real_time_conversion':
    case 'result':
      return b.conversions;
    case 'ctr':
      return div(b.clicks, b.impressions) * 100;
    case 'cpc':
      return div(b.spend, b.clicks);
    case 'cpm':
      return div(b.spend, b.impressions) * 1000;
    case 'cost_per_1000_reached':
      return div(b.spend, b.reach) * 1000;
    case 'frequency':
      return div(b.impressions, b.reach);
    case 'cost_per_conversion':
    case 'cost_per_result':
    case 'cost_per_onsite_shopping':
      return div(b.spend, b.conversions);
    case 'conversion_rate':
    case 'conversion_rate_v2':
    case 'onsite_shopping_rate':
    case 'result_rate':
      return div(b.conversions, b.clicks) * 100;
    case 'total_onsite_shopping_value':
      return b.value;
    case 'value_per_onsite_shopping':
      return div(b.value, b.conversions);
    case 'onsite_shopping_roas':
      return div(b.value, b.spend);
    default:
      return 0;
  }
}

/** Metric values are strings: counts as integers, money with 3 decimals, rates with 2 (D-1). */
function format(metric: string, v: number): string {
  if (countMetrics.has(metric)) return String(Math.round(v));
  if (moneyMetrics.has(metric)) return v.toFixed(3);
  return v.toFixed(2);
}

const levels = {
  AUCTION_ADVERTISER: 'advertiser_id',
  AUCTION_CAMPAIGN: 'campaign_id',
  AUCTION_ADGROUP: 'adgroup_id',
  AUCTION_AD: 'ad_id',
} as const;
type DataLevel = keyof typeof levels;

const filterSchema = z.array(
  z.object({
    field_name: z.string(),
    filter_type: z.enum([
      'IN',
      'MATCH',
      'GREATER_EQUAL',
      'GREATER_THAN',
      'LOWER_EQUAL',
      'LOWER_THAN',
      'BETWEEN',
    ]),
    filter_value: z.string(),
  }),
);

function parseDate(req: SandboxRequest, name: string): number {
  const raw = req.query.get(name);
  if (raw === null || raw === '')
    throw new AdsError(adsCodes.param, `${name}: Missing data for required field.`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) {
    throw new AdsError(adsCodes.param, `${name}: must be in YYYY-MM-DD format.`);
  }
  return Date.parse(`${raw}T00:00:00Z`) / 1000;
}

const dayLabel = (sec: number): string => new Date(sec * 1000).toISOString().slice(0, 10);

export function integratedReport(state: SandboxState, req: SandboxRequest): unknown {
  const auth = adsAuth(state, req);
  const ds = state.dataset;
  const reportType = req.query.get('report_type');
  if (!reportType) throw new AdsError(adsCodes.param, 'report_type: Missing data for required field.');
  if (reportType !== 'BASIC')
    throw new AdsError(
      adsCodes.param,
      `report_type: ${reportType} is not available in the sandbox; use BASIC.`,
    );
  const serviceType = req.query.get('service_type') ?? 'AUCTION';
  if (serviceType !== 'AUCTION')
    throw new AdsError(adsCodes.param, 'service_type: only AUCTION is supported.');
  const level = req.query.get('data_level');
  if (!level || !(level in levels))
    throw new AdsError(adsCodes.param, `data_level: must be one of ${Object.keys(levels).join(', ')}.`);
  const idDim = levels[level as DataLevel];
  const adv = grantedAdvertiser(auth, req.query.get('advertiser_id'));
  const dims = jsonParam(req, 'dimensions', z.array(z.string()).min(1).max(4), true) ?? [];
  for (const d of dims) {
    if (d !== idDim && d !== 'stat_time_day' && d !== 'stat_time_hour') {
      throw new AdsError(adsCodes.param, `dimensions: ${d} is not valid for data_level ${level}.`);
    }
  }
  const byDay = dims.includes('stat_time_day');
  const byHour = dims.includes('stat_time_hour');
  if (byDay && byHour)
    throw new AdsError(adsCodes.param, 'dimensions: stat_time_day and stat_time_hour cannot be combined.');
  const useId = dims.includes(idDim);
  const metrics = jsonParam(req, 'metrics', z.array(z.string()).min(1).max(100), false) ?? [
    'spend',
    'impressions',
  ];
  for (const m of metrics)
    if (!supportedMetrics.has(m)) throw new AdsError(adsCodes.param, `metrics: ${m} is not a valid metric.`);

  const lifetime = req.query.get('query_lifetime') === 'true';
  let fromDay: number;
  let toDay: number;
  if (lifetime) {
    if (byDay || byHour)
      throw new AdsError(adsCodes.param, 'query_lifetime cannot be used with time dimensions.');
    fromDay = 0;
    toDay = ds.spec.days - 1;
  } else {
    const start = parseDate(req, 'start_date');
    const end = parseDate(req, 'end_date');
    if (end < start) throw new AdsError(adsCodes.param, 'end_date must not be earlier than start_date.');
    const span = (end - start) / DAY + 1;
    const max = byHour ? 1 : byDay ? 30 : 365;
    if (span > max)
      throw new AdsError(
        adsCodes.param,
        `The time range is ${span} days; at most ${max} day(s) are allowed with these dimensions.`,
      );
    fromDay = Math.round((start - ds.startTime) / DAY);
    toDay = Math.round((end - ds.startTime) / DAY);
  }

  const filters = jsonParam(req, 'filtering', filterSchema, false) ?? [];
  const allowed: Partial<Record<'campaign_ids' | 'adgroup_ids' | 'ad_ids', Set<string>>> = {};
  for (const f of filters) {
    if (!['campaign_ids', 'adgroup_ids', 'ad_ids'].includes(f.field_name) || f.filter_type !== 'IN') {
      throw new AdsError(
        adsCodes.param,
        `filtering: ${f.field_name} with ${f.filter_type} is not supported by the sandbox (use campaign_ids/adgroup_ids/ad_ids with IN).`,
      );
    }
    let values: unknown;
    try {
      values = JSON.parse(f.filter_value) as unknown;
    } catch {
      throw new AdsError(adsCodes.param, 'filtering: filter_value for IN must be a JSON array string.');
    }
    if (!Array.isArray(values))
      throw new AdsError(adsCodes.param, 'filtering: filter_value for IN must be a JSON array string.');
    allowed[f.field_name as 'campaign_ids'] = new Set(values.map(String));
  }
  const page = intParam(req, 'page', 1, 1, 1_000_000);
  const pageSize = intParam(req, 'page_size', 10, 1, 1_000);

  const { campaigns, adgroups, ads } = ds.ads;
  const groups = new Map<string, { id: string; time: string; base: Base; ad: AdRecord }>();
  const total = zero();
  for (const ad of ads) {
    if (ad.advertiserIndex !== adv.index) continue;
    const campaignId = campaigns[ad.campaignIndex]?.id ?? '';
    const adgroupId = adgroups[ad.adgroupIndex]?.id ?? '';
    if (allowed.campaign_ids && !allowed.campaign_ids.has(campaignId)) continue;
    if (allowed.adgroup_ids && !allowed.adgroup_ids.has(adgroupId)) continue;
    if (allowed.ad_ids && !allowed.ad_ids.has(ad.id)) continue;
    const entityId = { advertiser_id: adv.id, campaign_id: campaignId, adgroup_id: adgroupId, ad_id: ad.id }[
      idDim
    ];
    for (let d = Math.max(0, fromDay); d <= Math.min(ds.spec.days - 1, toDay); d++) {
      const b = adDay(ds, ad, d);
      if (!b || b.impressions === 0) continue;
      const parts: Array<[string, Base]> = [];
      const dayStart = ds.startTime + d * DAY;
      if (byHour) {
        for (let h = 0; h < 24; h++) {
          const w = (hourWeight[h] ?? 0) / hourTotal;
          parts.push([
            `${dayLabel(dayStart)} ${String(h).padStart(2, '0')}:00:00`,
            {
              spend: b.spend * w,
              impressions: Math.round(b.impressions * w),
              clicks: Math.round(b.clicks * w),
              reach: Math.round(b.reach * w),
              conversions: Math.round(b.conversions * w),
              value: b.value * w,
            },
          ]);
        }
      } else {
        parts.push([byDay ? `${dayLabel(dayStart)} 00:00:00` : '', b]);
      }
      for (const [time, part] of parts) {
        const key = `${useId ? entityId : ''}|${time}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { id: entityId, time, base: zero(), ad }));
        for (const k of Object.keys(total) as Array<keyof Base>) {
          g.base[k] += part[k];
          total[k] += part[k];
        }
      }
    }
  }

  let list = [...groups.values()];
  const orderField = req.query.get('order_field');
  const desc = (req.query.get('order_type') ?? 'DESC') !== 'ASC';
  if (orderField && supportedMetrics.has(orderField) && !attributeMetrics.has(orderField)) {
    list.sort(
      (a, b) =>
        (desc ? -1 : 1) * (derive(a.base, orderField) - derive(b.base, orderField)) ||
        a.id.localeCompare(b.id) ||
        a.time.localeCompare(b.time),
    );
  } else {
    list.sort((a, b) => a.id.localeCompare(b.id) || a.time.localeCompare(b.time));
  }
  const totalNumber = list.length;
  list = list.slice((page - 1) * pageSize, page * pageSize);

  const attribute = (g: { ad: AdRecord }, m: string): string | null => {
    const c = campaigns[g.ad.campaignIndex];
    const ag = adgroups[g.ad.adgroupIndex];
    const lvl = Object.keys(levels).indexOf(level);
    if (!useId) return m === 'currency' ? adv.currency : null;
    if (m === 'currency') return adv.currency;
    if ((m === 'campaign_name' || m === 'campaign_id') && lvl >= 1)
      return m === 'campaign_name' ? (c?.name ?? null) : (c?.id ?? null);
    if ((m === 'adgroup_name' || m === 'adgroup_id') && lvl >= 2)
      return m === 'adgroup_name' ? (ag?.name ?? null) : (ag?.id ?? null);
    if ((m === 'ad_name' || m === 'ad_text') && lvl >= 3) return m === 'ad_name' ? g.ad.name : g.ad.adText;
    return null;
  };
  const data: Record<string, unknown> = {
    list: list.map((g) => {
      const dimensions: Record<string, string> = {};
      if (useId) dimensions[idDim] = g.id;
      if (byDay) dimensions.stat_time_day = g.time;
      if (byHour) dimensions.stat_time_hour = g.time;
      const out: Record<string, string | null> = {};
      for (const m of metrics)
        out[m] = attributeMetrics.has(m) ? attribute(g, m) : format(m, derive(g.base, m));
      return { dimensions, metrics: out };
    }),
    page_info: pageInfo(page, pageSize, totalNumber),
  };
  if (req.query.get('enable_total_metrics') === 'true') {
    data.total_metrics = Object.fromEntries(
      metrics.filter((m) => !attributeMetrics.has(m)).map((m) => [m, format(m, derive(total, m))]),
    );
  }
  return data;
}
