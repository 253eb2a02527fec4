import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SandboxHandle } from '../../../src-main/sandbox/index';
import { IssuedTokens } from '../../../src-main/sandbox/tokens';
import {
  admin,
  adminJson,
  jsonOf,
  loginChallenge,
  loginTokenRequest,
  loginVerifier,
  shopAuthorize,
  start,
} from './helpers';

/**
 * `GET /admin/secrets` lists every token the sandbox minted (all three providers, refreshes too), every
 * authorization code it handed out (by consent or the admin shortcut) and the app secrets, so the e2e secret
 * sweep searches for real values; it survives an admin reset and needs the admin token.
 */

let sb: SandboxHandle;
beforeAll(async () => {
  sb = await start();
});
afterAll(async () => {
  await sb.close();
});

const secretsReply = z.object({
  tokens: z.array(z.object({ kind: z.string(), token: z.string(), at: z.number() })),
  droppedTokens: z.number(),
  codes: z.array(z.object({ provider: z.string(), code: z.string(), at: z.number() })),
  droppedCodes: z.number(),
  appSecrets: z.object({ shop: z.string(), ads: z.string(), login: z.string() }),
});

const tokenPair = z.object({ access_token: z.string(), refresh_token: z.string() });

async function shopRefresh(refreshToken: string): Promise<z.output<typeof tokenPair>> {
  const q = new URLSearchParams({
    app_key: sb.info.shop.appKey,
    app_secret: sb.info.shop.appSecret,
    refresh_token: refreshToken,
    grant_type: 'refresh_token',
  });
  const res = await fetch(`${sb.info.shopAuthBase}/api/v2/token/refresh?${q}`);
  return (await jsonOf(res, z.object({ data: tokenPair }))).data;
}

async function adsToken(): Promise<{ token: string; code: string }> {
  const { auth_code } = await adminJson(sb.info, 'POST', '/grant', z.object({ auth_code: z.string() }), {
    provider: 'ads',
  });
  const res = await fetch(`${sb.info.adsBase}/open_api/v1.3/oauth2/access_token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ app_id: sb.info.ads.appId, secret: sb.info.ads.secret, auth_code }),
  });
  const { data } = await jsonOf(res, z.object({ data: z.object({ access_token: z.string() }) }));
  return { token: data.access_token, code: auth_code };
}

async function loginTokens(): Promise<z.output<typeof tokenPair> & { code: string }> {
  const verifier = loginVerifier();
  const redirect = 'http://127.0.0.1:48123/callback/login';
  const { code } = await adminJson(sb.info, 'POST', '/grant', z.object({ code: z.string() }), {
    provider: 'login',
    redirect_uri: redirect,
    code_challenge: loginChallenge(verifier),
  });
  const res = await loginTokenRequest(sb.info, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirect,
    code_verifier: verifier,
  });
  return { ...(await jsonOf(res, tokenPair)), code };
}

describe('GET /admin/secrets', () => {
  it('lists every token minted for shop, ads and login (refreshes too), every code handed out and the app secrets', async () => {
    const shop = await shopAuthorize(sb.info);
    const renewed = await shopRefresh(shop.refresh_token);
    const ads = await adsToken();
    const login = await loginTokens();

    const listed = await adminJson(sb.info, 'GET', '/secrets', secretsReply);
    const byToken = new Map(listed.tokens.map((t) => [t.token, t.kind]));
    expect(
      Object.fromEntries(
        [
          shop.access_token,
          shop.refresh_token,
          renewed.access_token,
          renewed.refresh_token,
          ads.token,
          login.access_token,
          login.refresh_token,
        ].map((t) => [t, byToken.get(t)]),
      ),
    ).toEqual({
      [shop.access_token]: 'shop_access',
      [shop.refresh_token]: 'shop_refresh',
      [renewed.access_token]: 'shop_access',
      [renewed.refresh_token]: 'shop_refresh',
      [ads.token]: 'ads_access',
      [login.access_token]: 'login_access',
      [login.refresh_token]: 'login_refresh',
    });
    expect(listed.droppedTokens).toBe(0);
    // The shop's code came from the consent page (shopAuthorize), the others from the admin shortcut.
    const codes = listed.codes.map((c) => [c.provider, c.code]);
    expect(codes).toEqual([
      ['shop', expect.stringMatching(/^TTP_/)],
      ['ads', ads.code],
      ['login', login.code],
    ]);
    expect(listed.droppedCodes).toBe(0);
    expect(listed.appSecrets).toEqual({
      shop: sb.info.shop.appSecret,
      ads: sb.info.ads.secret,
      login: sb.info.identity.clientSecret,
    });

    // A reset forgets revocations, not what the app may still hold.
    await admin(sb.info, 'POST', '/reset');
    const afterReset = await adminJson(sb.info, 'GET', '/secrets', secretsReply);
    expect(afterReset.tokens.map((t) => t.token)).toEqual(listed.tokens.map((t) => t.token));
    expect(afterReset.codes).toEqual(listed.codes);
  });

  it('answers 401 without the admin token', async () => {
    const res = await fetch(`${sb.info.adminBase}/secrets`);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain(sb.info.shop.appSecret);
  });
});

describe('IssuedTokens', () => {
  it('keeps the newest tokens up to its capacity and counts the ones let go', () => {
    const issued = new IssuedTokens(2);
    for (const token of ['a', 'b', 'c']) issued.add({ kind: 'shop_access', token, at: 1 });
    expect(issued.all().map((t) => t.token)).toEqual(['b', 'c']);
    expect(issued.dropped).toBe(1);
  });
});
