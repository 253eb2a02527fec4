import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-main/sandbox/index';
import { signShopRequest } from '../../../src-main/sandbox/index';
import { z } from 'zod';
import {
  admin,
  dataOf,
  jsonOf,
  sandboxNow,
  shop,
  shopAuthorize,
  shopEnvelope,
  shopsOf,
  start,
} from './helpers';

let sb: SandboxHandle;
let token: string;
let cipher: string;
beforeAll(async () => {
  sb = await start();
  token = (await shopAuthorize(sb.info)).access_token;
  cipher = (await shopsOf(sb.info, token))[0]!.cipher;
});
afterAll(async () => {
  await sb.close();
});
afterEach(async () => {
  await admin(sb.info, 'POST', '/clock', { offsetMs: 0, frozen: false });
  await admin(sb.info, 'POST', '/config', { shopQps: 50 });
});

describe('Shop Open API gateway', () => {
  it('serves a signed request with the documented envelope', async () => {
    const r = await shop(sb.info, '/authorization/202309/shops', { token });
    expect(r.status).toBe(200);
    expect(r.json.code).toBe(0);
    expect(r.json.message).toBe('Success');
    expect(r.json.request_id).toMatch(/^\d{14}[0-9A-F]{20}$/);
    const { shops } = dataOf(
      r,
      z.object({ shops: z.array(z.object({ id: z.unknown(), region: z.string() })) }),
    );
    expect(shops.map((s) => s.region)).toEqual(['US', 'GB']);
    expect(typeof shops[0]!.id).toBe('string');
  });

  it('unknown path → 36009009 / 404; retired version → 36009014; wrong method → 36009010', async () => {
    const a = await shop(sb.info, '/nothing/202309/here', { token });
    expect([a.status, a.json.code]).toEqual([404, 36009009]);
    const b = await shop(sb.info, '/authorization/202001/shops', { token });
    expect(b.json.code).toBe(36009014);
    const c = await shop(sb.info, '/order/202309/orders/search', { token, cipher, method: 'GET' });
    expect(c.json.code).toBe(36009010);
  });

  it('bad app_key → 36009004 / 400', async () => {
    const now = await sandboxNow(sb.info);
    const query = { app_key: 'wrong', timestamp: String(now) };
    const sign = signShopRequest({
      appSecret: sb.info.shop.appSecret,
      path: '/authorization/202309/shops',
      query,
    });
    const res = await fetch(
      `${sb.info.shopApiBase}/authorization/202309/shops?${new URLSearchParams({ ...query, sign })}`,
      { headers: { 'x-tts-access-token': token } },
    );
    expect(res.status).toBe(400);
    expect((await jsonOf(res, shopEnvelope)).code).toBe(36009004);
  });

  it('missing sign → 36009004; wrong sign → 106001 with HTTP 401 and data null', async () => {
    const now = await sandboxNow(sb.info);
    const res = await fetch(
      `${sb.info.shopApiBase}/authorization/202309/shops?app_key=${sb.info.shop.appKey}&timestamp=${now}`,
      { headers: { 'x-tts-access-token': token } },
    );
    expect((await jsonOf(res, shopEnvelope)).code).toBe(36009004);
    const bad = await shop(sb.info, '/authorization/202309/shops', { token, sign: 'a'.repeat(64) });
    expect(bad.status).toBe(401);
    expect(bad.json.code).toBe(106001);
    expect(bad.json.data).toBeNull();
    expect(bad.json.message).toContain("'sign'");
    const upper = await shop(sb.info, '/authorization/202309/shops', {
      token,
      timestamp: now,
      sign: signShopRequest({
        appSecret: sb.info.shop.appSecret,
        path: '/authorization/202309/shops',
        query: { app_key: sb.info.shop.appKey, timestamp: String(now) },
      }).toUpperCase(),
    });
    expect(upper.json.code).toBe(106001);
  });

  it('a body changed after signing fails the signature (raw bytes are verified)', async () => {
    const now = await sandboxNow(sb.info);
    const query = {
      app_key: sb.info.shop.appKey,
      timestamp: String(now),
      shop_cipher: cipher,
      page_size: '5',
    };
    const path = '/order/202309/orders/search';
    const sign = signShopRequest({
      appSecret: sb.info.shop.appSecret,
      path,
      query,
      body: '{"order_status":"COMPLETED"}',
    });
    const send = (body: string) =>
      fetch(`${sb.info.shopApiBase}${path}?${new URLSearchParams({ ...query, sign })}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tts-access-token': token },
        body,
      });
    const ok = await jsonOf(await send('{"order_status":"COMPLETED"}'), shopEnvelope);
    expect(ok.code).toBe(0);
    const reformatted = await send('{"order_status": "COMPLETED"}');
    expect(reformatted.status).toBe(401);
  });

  it('timestamp window is [now-300s, now+30s]', async () => {
    await admin(sb.info, 'POST', '/clock', { frozen: true });
    const now = await sandboxNow(sb.info);
    expect(
      (await shop(sb.info, '/authorization/202309/shops', { token, timestamp: now - 300 })).json.code,
    ).toBe(0);
    expect(
      (await shop(sb.info, '/authorization/202309/shops', { token, timestamp: now - 301 })).json.code,
    ).toBe(36009004);
    expect(
      (await shop(sb.info, '/authorization/202309/shops', { token, timestamp: now + 30 })).json.code,
    ).toBe(0);
    const ahead = await shop(sb.info, '/authorization/202309/shops', { token, timestamp: now + 31 });
    expect([ahead.status, ahead.json.code]).toEqual([400, 36009004]);
  });

  it('token: missing or garbage → 36009004; expired → 105002; revoked → 36009004', async () => {
    expect((await shop(sb.info, '/authorization/202309/shops', {})).json.code).toBe(36009004);
    expect((await shop(sb.info, '/authorization/202309/shops', { token: 'TTP_nope' })).json.code).toBe(
      36009004,
    );
    const t = await shopAuthorize(sb.info);
    await admin(sb.info, 'POST', '/clock', { advanceDays: 7.01 });
    const expired = await shop(sb.info, '/authorization/202309/shops', { token: t.access_token });
    expect(expired.json.code).toBe(105002);
    await admin(sb.info, 'POST', '/clock', { offsetMs: 0 });
    const t2 = await shopAuthorize(sb.info);
    await admin(sb.info, 'POST', '/tokens/revoke', { provider: 'shop', token: t2.access_token });
    expect((await shop(sb.info, '/authorization/202309/shops', { token: t2.access_token })).json.code).toBe(
      36009004,
    );
  });

  it('shop_cipher: missing → 106013; where forbidden → 36009004; unknown → 101000', async () => {
    expect(
      (await shop(sb.info, '/order/202309/orders/search', { token, body: {}, query: { page_size: '5' } }))
        .json.code,
    ).toBe(106013);
    const forbidden = await shop(sb.info, '/authorization/202309/shops', { token, cipher });
    expect(forbidden.json.code).toBe(36009004);
    expect(forbidden.json.message).toContain('shop_cipher');
    expect(
      (
        await shop(sb.info, '/order/202309/orders/search', {
          token,
          body: {},
          cipher: 'GCP_notmine',
          query: { page_size: '5' },
        })
      ).json.code,
    ).toBe(101000);
  });

  it('per app+shop QPS limit → HTTP 429 / 36009002 (frozen clock: one window)', async () => {
    await admin(sb.info, 'POST', '/config', { shopQps: 3 });
    // A fresh, frozen one-second window that no earlier request touched.
    await admin(sb.info, 'POST', '/clock', { frozen: true, advanceSec: 5 });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push(
        (
          await shop(sb.info, '/order/202309/orders/search', {
            token,
            cipher,
            body: {},
            query: { page_size: '1' },
          })
        ).json.code,
      );
    expect(codes).toEqual([0, 0, 0, 36009002]);
    const other = await shop(sb.info, '/authorization/202309/shops', { token });
    expect(other.json.code).toBe(0);
    const limited = await shop(sb.info, '/order/202309/orders/search', {
      token,
      cipher,
      body: {},
      query: { page_size: '1' },
    });
    expect(limited.status).toBe(429);
    await admin(sb.info, 'POST', '/clock', { advanceSec: 1 });
    expect(
      (
        await shop(sb.info, '/order/202309/orders/search', {
          token,
          cipher,
          body: {},
          query: { page_size: '1' },
        })
      ).json.code,
    ).toBe(0);
  });

  it('a non-JSON body → 36009022; a bad parameter → 36009004 naming it', async () => {
    const r = await shop(sb.info, '/order/202309/orders/search', {
      token,
      cipher,
      rawBody: '{not json',
      query: { page_size: '5' },
    });
    expect(r.json.code).toBe(36009022);
    const p = await shop(sb.info, '/order/202309/orders/search', {
      token,
      cipher,
      body: {},
      query: { page_size: '101' },
    });
    expect(p.json.code).toBe(36009004);
    expect(p.json.message).toContain('page_size');
  });
});
