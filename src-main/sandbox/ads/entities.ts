import { z } from 'zod';
import type { Dataset } from '../data/dataset';
import type { SandboxRequest } from '../http';
import type { SandboxState } from '../state';
import { adsAuth, dateTime, grantedAdvertiser, intParam, jsonParam, pageInfo, pickFields } from './common';

const idList = z.array(z.string()).max(100);
const fieldsSchema = z.array(z.string());

export function advertiserInfo(state: SandboxState, req: SandboxRequest): unknown {
  const auth = adsAuth(state, req);
  const ids = jsonParam(req, 'advertiser_ids', z.array(z.string()).min(1).max(100), true) ?? [];
  const fields = jsonParam(req, 'fields', fieldsSchema, false);
  const list = ids.map((id) => {
    const a = grantedAdvertiser(auth, id);
    return pickFields(
      {
        advertiser_id: a.id,
        name: a.name,
        company: a.company,
        status: 'STATUS_ENABLE',
        role: 'ROLE_ADVERTISER',
        currency: a.currency,
        timezone: a.timezone,
        display_timezone: a.timezone,
        country: a.country,
        industry: '291905',
        balance: a.balance,
        create_time: a.createTime,
        advertiser_account_type: 'AUCTION',
        email: 'm***@maplemoss.example',
        contacter: 'A***',
        cellphone_number: '+1213****34',
        telephone_number: '',
        rejection_reason: '',
        language: 'en',
        address: '1 Market St, Los Angeles',
        description: '',
        license_no: '',
        license_url: null,
        owner_bc_id: '7012345678901234567',
      },
      fields,
    );
  });
  return { list };
}

const filteringSchema = z
  .object({
    campaign_ids: idList.optional(),
    adgroup_ids: idList.optional(),
    ad_ids: idList.optional(),
    campaign_name: z.string().optional(),
    adgroup_name: z.string().optional(),
    ad_name: z.string().optional(),
    primary_status: z.string().optional(),
    secondary_status: z.string().optional(),
  })
  .loose();

type Level = 'campaign' | 'adgroup' | 'ad';

function rows(ds: Dataset, level: Level, advertiserIndex: number): Array<Record<string, unknown>> {
  const { campaigns, adgroups, ads, advertisers } = ds.ads;
  const adv = advertisers[advertiserIndex];
  if (!adv) return [];
  const shopId = ds.shops[adv.shopIndex]?.id ?? '';
  if (level === 'campaign') {
    return campaigns
      .filter((c) => c.advertiserIndex === advertiserIndex)
      .map((c) => ({
        advertiser_id: adv.id,
        campaign_id: c.id,
        campaign_name: c.name,
        campaign_type: 'REGULAR_CAMPAIGN',
        objective_type: c.objectiveType,
        budget: c.budget,
        budget_mode: c.budgetMode,
        operation_status: c.operationStatus,
        secondary_status:
          c.operationStatus === 'ENABLE' ? 'CAMPAIGN_STATUS_ENABLE' : 'CAMPAIGN_STATUS_DISABLE',
        roas_bid: 0,
        // The legacy objective next to objective_type, and no deep bid type: as campaign/get shows them.
        objective: 'LANDING_PAGE',
        deep_bid_type: null,
        is_smart_performance_campaign: false,
        is_new_structure: true,
        campaign_product_source: 'STORE',
        create_time: dateTime(c.createTime),
        modify_time: dateTime(c.createTime + 86_400),
      }));
  }
  if (level === 'adgroup') {
    return adgroups
      .filter((g) => campaigns[g.campaignIndex]?.advertiserIndex === advertiserIndex)
      .map((g) => {
        const c = campaigns[g.campaignIndex];
        return {
          advertiser_id: adv.id,
          adgroup_id: g.id,
          adgroup_name: g.name,
          campaign_id: c?.id ?? '',
          campaign_name: c?.name ?? '',
          budget: g.budget,
          budget_mode: 'BUDGET_MODE_DAY',
          operation_status: g.operationStatus,
          secondary_status:
            g.operationStatus === 'ENABLE' ? 'ADGROUP_STATUS_DELIVERY_OK' : 'ADGROUP_STATUS_DISABLE',
          optimization_goal: 'VALUE',
          billing_event: 'OCPM',
          bid_type: 'BID_TYPE_NO_BID',
          placement_type: 'PLACEMENT_TYPE_NORMAL',
          placements: ['PLACEMENT_TIKTOK'],
          promotion_type: 'VIDEO_SHOPPING',
          shopping_ads_type: 'VIDEO',
          store_id: shopId,
          schedule_type: 'SCHEDULE_FROM_NOW',
          schedule_start_time: dateTime(g.createTime),
          schedule_end_time: null,
          create_time: dateTime(g.createTime),
          modify_time: dateTime(g.createTime + 3_600),
        };
      });
  }
  return ads
    .filter((a) => a.advertiserIndex === advertiserIndex)
    .map((a) => {
      const g = adgroups[a.adgroupIndex];
      const c = campaigns[a.campaignIndex];
      return {
        advertiser_id: adv.id,
        ad_id: a.id,
        ad_name: a.name,
        adgroup_id: g?.id ?? '',
        adgroup_name: g?.name ?? '',
        campaign_id: c?.id ?? '',
        campaign_name: c?.name ?? '',
        operation_status: a.operationStatus,
        secondary_status: a.operationStatus === 'ENABLE' ? 'AD_STATUS_DELIVERY_OK' : 'AD_STATUS_DISABLE',
        ad_format: 'SINGLE_VIDEO',
        ad_text: a.adText,
        video_id: `v10033g50000${a.index.toString(16).padStart(12, '0')}`,
        image_ids: [],
        identity_id: '7155234567890123456',
        identity_type: 'BC_AUTH_TT',
        tiktok_item_id: String(7_300_100_000_000_000_000n + BigInt(a.index)),
        landing_page_url: null,
        call_to_action: 'SHOP_NOW',
        item_group_ids: [
          ds.products[
            (ds.shops[adv.shopIndex]?.productStart ?? 0) +
              (a.index % Math.max(1, ds.shops[adv.shopIndex]?.productCount ?? 1))
          ]?.id ?? '',
        ],
        store_id: shopId,
        create_time: dateTime(a.createTime),
        modify_time: dateTime(a.createTime + 3_600),
      };
    });
}

function listEntities(state: SandboxState, req: SandboxRequest, level: Level): unknown {
  const auth = adsAuth(state, req);
  const adv = grantedAdvertiser(auth, req.query.get('advertiser_id'));
  const fields = jsonParam(req, 'fields', fieldsSchema, false);
  const filtering = jsonParam(req, 'filtering', filteringSchema, false) ?? {};
  const page = intParam(req, 'page', 1, 1, 1_000_000);
  const pageSize = intParam(req, 'page_size', 10, 1, 1_000);
  const nameKey = `${level}_name` as const;
  const matched = rows(state.dataset, level, adv.index).filter((r) => {
    if (filtering.campaign_ids && !filtering.campaign_ids.includes(String(r.campaign_id))) return false;
    if (filtering.adgroup_ids && !filtering.adgroup_ids.includes(String(r.adgroup_id))) return false;
    if (filtering.ad_ids && !filtering.ad_ids.includes(String(r.ad_id))) return false;
    const name = filtering[nameKey];
    if (typeof name === 'string' && !String(r[nameKey]).toLowerCase().includes(name.toLowerCase()))
      return false;
    if (filtering.secondary_status && r.secondary_status !== filtering.secondary_status) return false;
    return true;
  });
  const slice = matched.slice((page - 1) * pageSize, page * pageSize);
  return {
    list: slice.map((r) => pickFields(r, fields)),
    page_info: pageInfo(page, pageSize, matched.length),
  };
}

export const campaignGet = (state: SandboxState, req: SandboxRequest): unknown =>
  listEntities(state, req, 'campaign');
export const adgroupGet = (state: SandboxState, req: SandboxRequest): unknown =>
  listEntities(state, req, 'adgroup');
export const adGet = (state: SandboxState, req: SandboxRequest): unknown => listEntities(state, req, 'ad');
