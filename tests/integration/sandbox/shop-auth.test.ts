import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-main/sandbox/index';
import { z } from 'zod';
import { admin, consent, jsonOf, sandboxNow, shop, shopAuthorize, shopsOf, start } from './helpers';

let sb: SandboxHandle;
beforeAll(async () => {
  sb = await start();
});
afterAll(async () => {
  await sb.close();
});

/** The auth service's answer: a code, and the tokens (null when refused). */
const tokenReply = z.object({
  code: z.number(),
  message: z.string(),
  data: z
    .object({ access_token: z.string(), refresh_token: z.string(), refresh_token_expire_in: z.number() })
    .loose()
    .nullable(),
});

async function tokenGet(params: Record<string, string>): Promise<z.output<typeof tokenReply>> {
  const q = new URLSearchParams(params);
  return jsonOf(await fetch(`${sb.info.shopAuthBase}/api/v2/token/get?${q}`), tokenReply);
}

describe('shop authorization', () => {
  it('consent page has Authorize and Deny; Authorize redirects to the registered URL with code and state', async () => {
    const page = await (
      await fetch(`${sb.info.shopAuthorizeUrl}?service_id=${sb.info.shop.serviceId}&state=abc`)
    ).text();
    expect(page).toContain('ShopMesh Sandbox: allow access to');
    expect(page).toMatch(/<button id="authorize"[^>]*>Authorize<\/button>/);
    expect(page).toMatch(/<button id="deny"[^>]*>Deny<\/button>/);
    const to = await consent(
      `${sb.info.shopAuthorizeUrl}?service_id=${sb.info.shop.serviceId}&state=abc`,
      'authorize',
    );
    expect(`${to.origin}${to.pathname}`).toBe(sb.info.shop.redirectUrl);
    expect(to.searchParams.get('state')).toBe('abc');
    expect(to.searchParams.get('code')).toMatch(/^TTP_/);
  });

  it('Deny redirects with code=null and error=auth_denied', async () => {
    const to = await consent(
      `${sb.info.shopAuthorizeUrl}?service_id=${sb.info.shop.serviceId}&state=xyz`,
      'deny',
    );
    expect(to.searchParams.get('code')).toBe('null');
    expect(to.searchParams.get('error')).toBe('auth_denied');
    expect(to.searchParams.get('state')).toBe('xyz');
  });

  it('rejects an unknown service_id with an error page and no redirect', async () => {
    const res = await fetch(`${sb.info.shopAuthorizeUrl}?service_id=123&state=a`, { redirect: 'manual' });
    expect(res.status).toBe(400);
  });

  it('a consent form cannot be submitted twice', async () => {
    const page = await (
      await fetch(`${sb.info.shopAuthorizeUrl}?service_id=${sb.info.shop.serviceId}`)
    ).text();
    const id = /name="consent_id" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const post = () =>
      fetch(`${sb.info.shopAuthBase}/oauth/authorize/decision`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ consent_id: id, decision: 'authorize' }),
      });
    expect((await post()).status).toBe(302);
    expect((await post()).status).toBe(400);
  });

  it('token/get returns absolute expiries (7 days / about a year) and granted scopes', async () => {
    const now = await sandboxNow(sb.info);
    const t = await shopAuthorize(sb.info);
    expect(t.access_token).toMatch(/^TTP_/);
    expect(t.access_token_expire_in).toBeGreaterThanOrEqual(now + 7 * 86_400 - 5);
    expect(t.access_token_expire_in).toBeLessThanOrEqual(now + 7 * 86_400 + 5);
    expect(t.refresh_token_expire_in).toBeGreaterThan(now + 360 * 86_400);
    expect(t.granted_scopes).toContain('seller.order.info');
  });

  it('auth codes are single use, expire after 30 minutes, and need the right app, secret and grant_type', async () => {
    const code = async () =>
      (
        await consent(`${sb.info.shopAuthorizeUrl}?service_id=${sb.info.shop.serviceId}`, 'authorize')
      ).searchParams.get('code') ?? '';
    const base = {
      app_key: sb.info.shop.appKey,
      app_secret: sb.info.shop.appSecret,
      grant_type: 'authorized_code',
    };
    const c1 = await code();
    expect((await tokenGet({ ...base, auth_code: c1, grant_type: 'authorization_code' })).code).toBe(
      36004004,
    );
    expect((await tokenGet({ ...base, auth_code: c1, app_secret: 'nope' })).code).toBe(36004004);
    const ok = await tokenGet({ ...base, auth_code: c1 });
    expect(ok).toMatchObject({ code: 0, message: 'success' });
    const again = await tokenGet({ ...base, auth_code: c1 });
    expect(again.code).toBe(36004005);
    expect(again.data).toBeNull();

    const c2 = await code();
    await admin(sb.info, 'POST', '/clock', { advanceSec: 31 * 60 });
    try {
      expect((await tokenGet({ ...base, auth_code: c2 })).code).toBe(36004005);
    } finally {
      await admin(sb.info, 'POST', '/clock', { offsetMs: 0 });
    }
  });

  it('refresh issues a new working access token; an expired refresh token gets 36004001', async () => {
    const t = await shopAuthorize(sb.info);
    const q = (rt: string) =>
      new URLSearchParams({
        app_key: sb.info.shop.appKey,
        app_secret: sb.info.shop.appSecret,
        refresh_token: rt,
        grant_type: 'refresh_token',
      });
    const refresh = async (rt: string) =>
      jsonOf(await fetch(`${sb.info.shopAuthBase}/api/v2/token/refresh?${q(rt)}`), tokenReply);
    const r = await refresh(t.refresh_token);
    expect(r.code).toBe(0);
    const renewed = r.data!;
    expect(renewed.access_token).not.toBe(t.access_token);
    expect(renewed.refresh_token_expire_in).toBe(t.refresh_token_expire_in);
    expect(
      (await shop(sb.info, '/authorization/202309/shops', { token: renewed.access_token })).json.code,
    ).toBe(0);
    await admin(sb.info, 'POST', '/tokens/expire', {
      provider: 'shop',
      which: 'refresh',
      token: renewed.refresh_token,
    });
    expect((await refresh(renewed.refresh_token)).code).toBe(36004001);
    expect((await refresh('TTP_garbage')).code).toBe(36004005);
  });

  it('unticked scopes are missing from the token and the API answers 105005', async () => {
    const t = await shopAuthorize(sb.info, ['seller.finance.info']);
    expect(t.granted_scopes).not.toContain('seller.finance.info');
    const shops = await shopsOf(sb.info, t.access_token);
    const r = await shop(sb.info, '/finance/202309/statements', {
      token: t.access_token,
      cipher: shops[0]!.cipher,
      query: { sort_field: 'statement_time' },
    });
    expect(r.status).toBe(200);
    expect(r.json.code).toBe(105005);
  });
});
