import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-main/sandbox/index';
import { z } from 'zod';
import {
  admin,
  adminJson,
  dataOf,
  jsonOf,
  shop,
  shopAuthorize,
  shopEnvelope,
  shopsOf,
  start,
} from './helpers';
import { product, requestLog, writeLog } from './shapes';

let sb: SandboxHandle;
let token: string;
let cipher: string;
beforeAll(async () => {
  sb = await start({ config: { shopQps: 100_000 } });
  token = (await shopAuthorize(sb.info)).access_token;
  cipher = (await shopsOf(sb.info, token))[0]!.cipher;
});
afterAll(async () => {
  await sb.close();
});
afterEach(async () => {
  await admin(sb.info, 'DELETE', '/faults');
});

const orders = () =>
  shop(sb.info, '/order/202309/orders/search', { token, cipher, body: {}, query: { page_size: '2' } });

describe('admin API', () => {
  it('needs the admin token', async () => {
    expect((await fetch(`${sb.info.adminBase}/state`)).status).toBe(401);
    expect(
      (await fetch(`${sb.info.adminBase}/state`, { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    const ok = await admin(sb.info, 'GET', '/state');
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ scale: 'tiny', counts: { orders: 60 } });
  });

  it('request log records API calls without secrets', async () => {
    await admin(sb.info, 'DELETE', '/requests');
    await orders();
    const log = await adminJson(sb.info, 'GET', '/requests', requestLog);
    const entry = log.entries.at(-1)!;
    expect(entry).toMatchObject({
      family: 'shop-api',
      method: 'POST',
      path: '/order/202309/orders/search',
      status: 200,
      code: 0,
    });
    expect(entry.query).toContain('sign=***');
    expect(JSON.stringify(log)).not.toContain(token);
  });

  it('reset restores data and clears writes, faults and clock offset', async () => {
    const s = await shop(sb.info, '/product/202309/products/search', {
      token,
      cipher,
      body: { status: 'ACTIVATE' },
      query: { page_size: '1' },
    });
    const p = dataOf(s, z.object({ products: z.array(product) })).products[0]!;
    await shop(sb.info, `/product/202309/products/${p.id}/prices/update`, {
      token,
      cipher,
      body: { skus: [{ id: p.skus[0]!.id, price: { amount: '1.23', currency: 'USD' } }] },
    });
    expect((await adminJson(sb.info, 'GET', '/writes', writeLog)).entries.length).toBeGreaterThan(0);
    await admin(sb.info, 'POST', '/faults', { latencyMs: 1 });
    await admin(sb.info, 'POST', '/clock', { advanceDays: 1 });
    await admin(sb.info, 'POST', '/reset');
    expect((await adminJson(sb.info, 'GET', '/writes', writeLog)).entries).toEqual([]);
    expect((await admin(sb.info, 'GET', '/faults')).json).not.toHaveProperty('latencyMs');
    expect((await admin(sb.info, 'GET', '/clock')).json).toMatchObject({ offsetMs: 0 });
    await admin(sb.info, 'POST', '/config', { shopQps: 100_000 });
    const d = await shop(sb.info, `/product/202309/products/${p.id}`, { token, cipher });
    expect(dataOf(d, product).skus[0]!.price.sale_price).toBe(p.skus[0]!.price.sale_price);
  });

  it('a config patch changes only the keys it names; a bad one changes nothing', async () => {
    await admin(sb.info, 'POST', '/config', { dailyQuota: 77, acceptShare: 1 });
    const after = await admin(sb.info, 'POST', '/config', { replyDelaySec: [60, 120] });
    expect(after.json).toMatchObject({
      shopQps: 100_000,
      dailyQuota: 77,
      acceptShare: 1,
      replyDelaySec: [60, 120],
    });
    const bad = await admin(sb.info, 'POST', '/config', { acceptDelaySec: [7_200, 60], dailyQuota: 5 });
    expect(bad.status).toBe(400);
    expect((await admin(sb.info, 'GET', '/config')).json).toMatchObject({ dailyQuota: 77 });
    await admin(sb.info, 'POST', '/config', {
      dailyQuota: 10_000,
      acceptShare: null,
      replyDelaySec: [600, 173_400],
    });
  });

  it('expire and revoke tokens per provider', async () => {
    const t = await shopAuthorize(sb.info);
    await admin(sb.info, 'POST', '/tokens/expire', { provider: 'shop' });
    expect((await shop(sb.info, '/authorization/202309/shops', { token: t.access_token })).json.code).toBe(
      105002,
    );
    const again = await shopAuthorize(sb.info);
    expect(
      (await shop(sb.info, '/authorization/202309/shops', { token: again.access_token })).json.code,
    ).toBe(0);
    await admin(sb.info, 'POST', '/tokens/revoke', { provider: 'shop' });
    expect(
      (await shop(sb.info, '/authorization/202309/shops', { token: again.access_token })).json.code,
    ).toBe(36009004);
    token = (await shopAuthorize(sb.info)).access_token;
  });

  it('grant issues codes without the consent screen', async () => {
    const g = await adminJson(sb.info, 'POST', '/grant', z.object({ code: z.string() }), {
      provider: 'shop',
      scopes: ['seller.authorization.info'],
    });
    const q = new URLSearchParams({
      app_key: sb.info.shop.appKey,
      app_secret: sb.info.shop.appSecret,
      auth_code: g.code,
      grant_type: 'authorized_code',
    });
    const t = await jsonOf(
      await fetch(`${sb.info.shopAuthBase}/api/v2/token/get?${q}`),
      z.object({ data: z.object({ granted_scopes: z.array(z.string()) }) }),
    );
    expect(t.data.granted_scopes).toEqual(['seller.authorization.info']);
  });
});

describe('fault injection', () => {
  it('rate-limit every Nth call → 429 / 36009002', async () => {
    await admin(sb.info, 'POST', '/faults', { rateLimitEveryN: 2, families: ['shop-api'] });
    const r = [await orders(), await orders(), await orders(), await orders()];
    expect(r.map((x) => x.status)).toEqual([200, 429, 200, 429]);
    expect(r[1]!.json.code).toBe(36009002);
    expect((await admin(sb.info, 'GET', '/faults')).json).toMatchObject({ injected: { rateLimit: 2 } });
  });

  it('5xx every Nth call, limited to a path', async () => {
    await admin(sb.info, 'POST', '/faults', { serverErrorEveryN: 1, pathContains: '/orders/search' });
    const a = await orders();
    expect([a.status, a.json.code]).toEqual([500, 36009003]);
    expect((await shop(sb.info, '/authorization/202309/shops', { token })).status).toBe(200);
  });

  it('malformed JSON page: HTTP 200 with a body that does not parse', async () => {
    await admin(sb.info, 'POST', '/faults', { malformedJsonEveryN: 1 });
    const res = await fetch(`${sb.info.shopAuthBase}/api/v2/token/get?grant_type=authorized_code`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.startsWith('{')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('dropped connection: the request fails at the network level', async () => {
    await admin(sb.info, 'POST', '/faults', { dropConnectionEveryN: 1, families: ['ads'] });
    await expect(fetch(`${sb.info.adsBase}/open_api/v1.3/advertiser/info/`)).rejects.toThrow();
    const log = await adminJson(sb.info, 'GET', '/requests', requestLog);
    expect(log.entries.at(-1)!.fault).toBe('drop');
  });

  it('added latency shows in the logged duration', async () => {
    await admin(sb.info, 'POST', '/faults', { latencyMs: 120, families: ['login'] });
    await fetch(`${sb.info.identityBase}/v2/user/info/?fields=open_id`);
    const log = await adminJson(sb.info, 'GET', '/requests', requestLog);
    const entry = log.entries.at(-1)!;
    expect(entry.family).toBe('login');
    expect(entry.durationMs).toBeGreaterThanOrEqual(119);
  });

  it('faults in ads answer 40100 with HTTP 200; in Login Kit 429', async () => {
    await admin(sb.info, 'POST', '/faults', { rateLimitEveryN: 1 });
    const ads = await fetch(`${sb.info.adsBase}/open_api/v1.3/advertiser/info/`);
    expect(ads.status).toBe(200);
    expect((await jsonOf(ads, shopEnvelope)).code).toBe(40100);
    const login = await fetch(`${sb.info.identityBase}/v2/user/info/?fields=open_id`);
    expect(login.status).toBe(429);
    // Consent screens are never faulted.
    expect((await fetch(`${sb.info.shopAuthorizeUrl}?service_id=${sb.info.shop.serviceId}`)).status).toBe(
      200,
    );
  });
});
