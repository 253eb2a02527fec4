import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-main/sandbox/index';
import { z } from 'zod';
import { admin, consent, jsonOf, start } from './helpers';

let sb: SandboxHandle;
let token: string;
let advertiserId: string;

beforeAll(async () => {
  // The QPS limit gets its own test; elsewhere it would only make these sequences timing-dependent.
  sb = await start({ scale: 'demo', config: { adsQps: 10_000 } });
});
afterAll(async () => {
  await sb.close();
});

const authUrl = () =>
  `${sb.info.adsBase}/portal/auth?app_id=${sb.info.ads.appId}&state=st8&redirect_uri=${encodeURIComponent(sb.info.ads.redirectUrl)}`;

/**
 * API for Business answers `{ code, message, data }`; these tests read a token grant's fields, a list with
 * its page info, and a report's rows (dimensions and metrics) and totals.
 */
const record = z.record(z.string(), z.unknown());
const adsReply = z.object({
  code: z.number(),
  message: z.string(),
  data: z
    .object({
      access_token: z.string().optional(),
      advertiser_ids: z.array(z.string()).optional(),
      scope: z.array(z.number()).optional(),
      list: z.array(record.and(z.object({ dimensions: record, metrics: record }).partial())).optional(),
      page_info: z.object({ total_number: z.number() }).loose().optional(),
      total_metrics: record.optional(),
    })
    .loose(),
});
type AdsReply = z.output<typeof adsReply>;

async function post(path: string, body: unknown): Promise<AdsReply> {
  const res = await fetch(`${sb.info.adsBase}/open_api/v1.3${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return jsonOf(res, adsReply);
}

async function get(
  path: string,
  params: Record<string, unknown>,
  accessToken: string | null = token,
): Promise<AdsReply> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) q.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  const res = await fetch(`${sb.info.adsBase}/open_api/v1.3${path}?${q}`, {
    headers: accessToken === null ? {} : { 'Access-Token': accessToken },
  });
  expect(res.status).toBe(200);
  return jsonOf(res, adsReply);
}

async function authorize(): Promise<{ access_token: string; advertiser_ids: string[]; scope: number[] }> {
  const to = await consent(authUrl(), 'authorize');
  const r = await post('/oauth2/access_token/', {
    app_id: sb.info.ads.appId,
    secret: sb.info.ads.secret,
    auth_code: to.searchParams.get('auth_code'),
  });
  expect(r.code).toBe(0);
  return z
    .object({ access_token: z.string(), advertiser_ids: z.array(z.string()), scope: z.array(z.number()) })
    .parse(r.data);
}

describe('API for Business authorization', () => {
  it('consent redirects with auth_code, code and state; the code exchanges once for a token', async () => {
    const to = await consent(authUrl(), 'authorize');
    expect(`${to.origin}${to.pathname}`).toBe(sb.info.ads.redirectUrl);
    const code = to.searchParams.get('auth_code');
    expect(to.searchParams.get('code')).toBe(code);
    expect(to.searchParams.get('state')).toBe('st8');
    const r = await post('/oauth2/access_token/', {
      app_id: sb.info.ads.appId,
      secret: sb.info.ads.secret,
      auth_code: code,
    });
    expect(r).toMatchObject({ code: 0, message: 'OK', data: { scope: [4] } });
    expect(r.data.access_token).toMatch(/^[0-9a-f]{40}$/);
    token = r.data.access_token!;
    advertiserId = r.data.advertiser_ids![0]!;
    const reused = await post('/oauth2/access_token/', {
      app_id: sb.info.ads.appId,
      secret: sb.info.ads.secret,
      auth_code: code,
    });
    expect(reused.code).toBe(40110);
  });

  it('deny, a foreign redirect_uri, a wrong secret', async () => {
    const denied = await consent(authUrl(), 'deny');
    expect(denied.searchParams.get('auth_code')).toBeNull();
    expect(denied.searchParams.get('error')).toBe('access_denied');
    const bad = await fetch(
      `${sb.info.adsBase}/portal/auth?app_id=${sb.info.ads.appId}&redirect_uri=${encodeURIComponent('http://evil.example/cb')}`,
    );
    expect(bad.status).toBe(400);
    const to = await consent(authUrl(), 'authorize');
    expect(
      (
        await post('/oauth2/access_token/', {
          app_id: sb.info.ads.appId,
          secret: 'x',
          auth_code: to.searchParams.get('auth_code'),
        })
      ).code,
    ).toBe(40101);
  });

  it('missing Access-Token → 40104, garbage → 40105, all with HTTP 200', async () => {
    expect(
      (await get('/oauth2/advertiser/get/', { app_id: sb.info.ads.appId, secret: sb.info.ads.secret }, null))
        .code,
    ).toBe(40104);
    expect(
      (
        await get(
          '/oauth2/advertiser/get/',
          { app_id: sb.info.ads.appId, secret: sb.info.ads.secret },
          'f'.repeat(40),
        )
      ).code,
    ).toBe(40105);
    const list = await get('/oauth2/advertiser/get/', {
      app_id: sb.info.ads.appId,
      secret: sb.info.ads.secret,
    });
    expect(list.data.list?.[0]).toEqual({ advertiser_id: advertiserId, advertiser_name: expect.any(String) });
  });

  it('revoke_token kills the token (40105 afterwards) and lists the affected advertisers', async () => {
    const t = await authorize();
    const r = await post('/oauth2/revoke_token/', {
      app_id: sb.info.ads.appId,
      secret: sb.info.ads.secret,
      access_token: t.access_token,
    });
    expect(r.data.advertiser_ids).toEqual(t.advertiser_ids);
    expect((await get('/advertiser/info/', { advertiser_ids: t.advertiser_ids }, t.access_token)).code).toBe(
      40105,
    );
    expect((await get('/advertiser/info/', { advertiser_ids: t.advertiser_ids })).code).toBe(0);
  });

  it('paths need the trailing slash', async () => {
    const res = await fetch(`${sb.info.adsBase}/open_api/v1.3/campaign/get?advertiser_id=${advertiserId}`, {
      headers: { 'Access-Token': token },
    });
    expect(res.status).toBe(404);
  });
});

describe('advertiser and entities', () => {
  it('advertiser/info with fields; a foreign advertiser → 40001; malformed JSON param → 40002', async () => {
    const r = await get('/advertiser/info/', {
      advertiser_ids: [advertiserId],
      fields: ['advertiser_id', 'currency', 'timezone'],
    });
    expect(r.data.list).toEqual([
      { advertiser_id: advertiserId, currency: 'USD', timezone: expect.any(String) },
    ]);
    expect((await get('/advertiser/info/', { advertiser_ids: ['7002238000000007932'] })).code).toBe(40001);
    expect((await get('/advertiser/info/', { advertiser_ids: '[not json' })).code).toBe(40002);
  });

  it('campaign/adgroup/ad get page with page_info and filter by ids', async () => {
    const c1 = await get('/campaign/get/', { advertiser_id: advertiserId, page: '1', page_size: '4' });
    expect(c1.data.page_info).toEqual({ page: 1, page_size: 4, total_number: 6, total_page: 2 });
    const c2 = await get('/campaign/get/', { advertiser_id: advertiserId, page: '2', page_size: '4' });
    const ids = [...c1.data.list!, ...c2.data.list!].map((c) => c.campaign_id);
    expect(new Set(ids).size).toBe(6);
    expect(typeof c1.data.list![0]!.budget).toBe('number');
    expect(c1.data.list![0]!.create_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const g = await get('/adgroup/get/', {
      advertiser_id: advertiserId,
      filtering: { campaign_ids: [ids[0]] },
    });
    expect(g.data.list!.every((x) => x.campaign_id === ids[0])).toBe(true);
    expect(g.data.list!.length).toBe(2);
    const a = await get('/ad/get/', {
      advertiser_id: advertiserId,
      page_size: '1000',
      fields: ['ad_id', 'adgroup_id'],
    });
    expect(a.data.page_info!.total_number).toBe(24);
    expect(Object.keys(a.data.list![0]!)).toEqual(['ad_id', 'adgroup_id']);
    expect((await get('/campaign/get/', { advertiser_id: advertiserId, page_size: '1001' })).code).toBe(
      40002,
    );
  });
});

describe('report/integrated/get', () => {
  const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);

  it('BASIC campaign × day: metrics as strings, ids as strings, dates as YYYY-MM-DD 00:00:00', async () => {
    const r = await get('/report/integrated/get/', {
      advertiser_id: advertiserId,
      report_type: 'BASIC',
      data_level: 'AUCTION_CAMPAIGN',
      dimensions: ['campaign_id', 'stat_time_day'],
      metrics: [
        'spend',
        'impressions',
        'clicks',
        'ctr',
        'cpc',
        'onsite_shopping',
        'total_onsite_shopping_value',
        'campaign_name',
      ],
      start_date: day(10),
      end_date: day(4),
      page_size: '1000',
      enable_total_metrics: 'true',
    });
    expect(r.code).toBe(0);
    expect(r.data.page_info!.total_number).toBe(6 * 7);
    const row = z.object({ dimensions: record, metrics: record }).parse(r.data.list![0]);
    expect(row.dimensions.stat_time_day).toMatch(/^\d{4}-\d{2}-\d{2} 00:00:00$/);
    expect(typeof row.dimensions.campaign_id).toBe('string');
    expect(row.metrics.spend).toMatch(/^\d+\.\d{3}$/);
    expect(row.metrics.impressions).toMatch(/^\d+$/);
    expect(row.metrics.ctr).toMatch(/^\d+\.\d{2}$/);
    expect(typeof row.metrics.campaign_name).toBe('string');
    const sum = r.data.list!.reduce((s, x) => s + Number(x.metrics?.impressions), 0);
    expect(Number(r.data.total_metrics!.impressions)).toBe(sum);
  });

  it('enforces report_type, data_level, dimensions and the 30-day / 1-day windows with 40002', async () => {
    const base = {
      advertiser_id: advertiserId,
      report_type: 'BASIC',
      data_level: 'AUCTION_AD',
      dimensions: ['ad_id', 'stat_time_day'],
    };
    expect(
      (await get('/report/integrated/get/', { ...base, start_date: day(40), end_date: day(5) })).code,
    ).toBe(40002);
    expect(
      (await get('/report/integrated/get/', { ...base, start_date: day(34), end_date: day(5) })).code,
    ).toBe(0);
    expect(
      (
        await get('/report/integrated/get/', {
          ...base,
          dimensions: ['ad_id', 'stat_time_hour'],
          start_date: day(6),
          end_date: day(5),
        })
      ).code,
    ).toBe(40002);
    const hourly = await get('/report/integrated/get/', {
      ...base,
      dimensions: ['stat_time_hour'],
      start_date: day(5),
      end_date: day(5),
      page_size: '100',
    });
    expect(hourly.data.list).toHaveLength(24);
    expect(
      (await get('/report/integrated/get/', { ...base, report_type: undefined as unknown as string })).code,
    ).toBe(40002);
    expect(
      (
        await get('/report/integrated/get/', {
          ...base,
          data_level: 'AUCTION_X',
          start_date: day(5),
          end_date: day(5),
        })
      ).code,
    ).toBe(40002);
    expect(
      (
        await get('/report/integrated/get/', {
          ...base,
          dimensions: ['campaign_id'],
          start_date: day(5),
          end_date: day(5),
        })
      ).code,
    ).toBe(40002);
    expect(
      (await get('/report/integrated/get/', { ...base, start_date: '2024/01/01', end_date: day(5) })).code,
    ).toBe(40002);
    expect(
      (
        await get('/report/integrated/get/', {
          ...base,
          metrics: ['nope'],
          start_date: day(5),
          end_date: day(5),
        })
      ).code,
    ).toBe(40002);
    expect(
      (
        await get('/report/integrated/get/', {
          ...base,
          advertiser_id: '7002238000000007932',
          start_date: day(5),
          end_date: day(5),
        })
      ).code,
    ).toBe(40001);
  });

  it('per-app QPS → 40100 with HTTP 200 (frozen clock)', async () => {
    await admin(sb.info, 'POST', '/config', { adsQps: 2 });
    await admin(sb.info, 'POST', '/clock', { frozen: true, advanceSec: 3 });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++)
        codes.push((await get('/advertiser/info/', { advertiser_ids: [advertiserId] })).code);
      expect(codes).toEqual([0, 0, 40100]);
    } finally {
      await admin(sb.info, 'POST', '/clock', { offsetMs: 0, frozen: false });
      await admin(sb.info, 'POST', '/config', { adsQps: 10_000 });
    }
  });
});
