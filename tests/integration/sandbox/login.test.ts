import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-main/sandbox/index';
import { z } from 'zod';
import { admin, consent, jsonOf, loginChallenge, loginTokenRequest, loginVerifier, start } from './helpers';

let sb: SandboxHandle;
beforeAll(async () => {
  sb = await start({ config: { loginAccessTtlSec: 60, loginRefreshTtlSec: 3_600 } });
});
afterAll(async () => {
  await sb.close();
});

const redirectUri = 'http://127.0.0.1:48123/callback/login';

function authorizeUrl(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  const all: Record<string, string | undefined> = {
    client_key: sb.info.identity.clientKey,
    response_type: 'code',
    scope: 'user.info.basic,user.info.profile,user.info.stats',
    redirect_uri: redirectUri,
    state: 'login-state',
    code_challenge_method: 'S256',
    ...params,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) q.set(k, v);
  return `${sb.info.identityBase}/v2/auth/authorize/?${q}`;
}

/** Login Kit's token endpoint answers a flat body: the tokens, or `error` and its description. */
const tokenBody = z
  .object({
    access_token: z.string().optional(),
    refresh_token: z.string().optional(),
    open_id: z.string().optional(),
    scope: z.string().optional(),
    error: z.string().optional(),
    error_description: z.string().optional(),
  })
  .loose();
const tokens = tokenBody.required({ access_token: true, refresh_token: true, open_id: true, scope: true });
/** User info answers `error.code` (`ok` on success) and the fields asked for under `data.user` (`{}` if refused). */
const userInfoBody = z.object({
  error: z.object({ code: z.string() }).loose(),
  data: z.object({ user: z.record(z.string(), z.unknown()).optional() }),
});

async function token(
  form: Record<string, string>,
): Promise<{ status: number; body: z.output<typeof tokenBody> }> {
  const res = await loginTokenRequest(sb.info, form);
  return { status: res.status, body: await jsonOf(res, tokenBody) };
}

async function login(untick: string[] = []): Promise<z.output<typeof tokens>> {
  const v = loginVerifier();
  const to = await consent(authorizeUrl({ code_challenge: loginChallenge(v) }), 'authorize', untick);
  const r = await token({
    grant_type: 'authorization_code',
    code: to.searchParams.get('code') ?? '',
    redirect_uri: redirectUri,
    code_verifier: v,
  });
  expect(r.status).toBe(200);
  return tokens.parse(r.body);
}

async function userInfo(
  accessToken: string,
  fields: string,
): Promise<{ status: number; body: z.output<typeof userInfoBody> }> {
  const res = await fetch(`${sb.info.identityBase}/v2/user/info/?fields=${fields}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return { status: res.status, body: await jsonOf(res, userInfoBody) };
}

describe('Login Kit authorize', () => {
  it('redirects to the loopback URI with code, scopes and state; codes contain characters that need decoding', async () => {
    const v = loginVerifier();
    const to = await consent(authorizeUrl({ code_challenge: loginChallenge(v) }), 'authorize');
    expect(`${to.origin}${to.pathname}`).toBe(redirectUri);
    expect(to.searchParams.get('state')).toBe('login-state');
    expect(to.searchParams.get('scopes')).toBe('user.info.basic,user.info.profile,user.info.stats');
    expect(to.searchParams.get('code')).toMatch(/[*!]/);
  });

  it('deny → error=access_denied', async () => {
    const to = await consent(authorizeUrl({ code_challenge: loginChallenge(loginVerifier()) }), 'deny');
    expect(to.searchParams.get('error')).toBe('access_denied');
    expect(to.searchParams.get('state')).toBe('login-state');
  });

  it('requires a registered loopback redirect with a port, no query; custom schemes are refused with an error page', async () => {
    const c = loginChallenge(loginVerifier());
    for (const bad of [
      'myapp://callback',
      'http://127.0.0.1/callback/login',
      'http://127.0.0.1:5000/callback/login?x=1',
      'http://example.com:80/callback/login',
      'http://127.0.0.1:5000/other',
    ]) {
      const res = await fetch(authorizeUrl({ code_challenge: c, redirect_uri: bad }), { redirect: 'manual' });
      expect(res.status, bad).toBe(400);
    }
    const ok = await fetch(
      authorizeUrl({ code_challenge: c, redirect_uri: 'http://localhost:61000/callback/login' }),
      { redirect: 'manual' },
    );
    expect(ok.status).toBe(200);
  });

  it('missing code_challenge, a wrong method or unknown scope redirect with the OAuth error', async () => {
    const missing = await fetch(authorizeUrl({}), { redirect: 'manual' });
    expect(new URL(missing.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    const plain = await fetch(authorizeUrl({ code_challenge: 'x', code_challenge_method: 'plain' }), {
      redirect: 'manual',
    });
    expect(new URL(plain.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    const scope = await fetch(authorizeUrl({ code_challenge: 'x', scope: 'user.info.basic,admin.all' }), {
      redirect: 'manual',
    });
    expect(new URL(scope.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_scope');
  });
});

describe('Login Kit token', () => {
  it('exchanges with a hex PKCE verifier; returns the flat token body with configured lifetimes', async () => {
    const t = await login();
    expect(t).toMatchObject({
      expires_in: 60,
      refresh_expires_in: 3_600,
      token_type: 'Bearer',
      scope: 'user.info.basic,user.info.profile,user.info.stats',
    });
    expect(t.access_token).toMatch(/^act\./);
    expect(t.refresh_token).toMatch(/^rft\./);
  });

  it('a wrong verifier or an RFC base64url challenge → invalid_request "Code verifier or code challenge is invalid."', async () => {
    const v = loginVerifier();
    const to = await consent(authorizeUrl({ code_challenge: loginChallenge(v) }), 'authorize');
    const wrong = await token({
      grant_type: 'authorization_code',
      code: to.searchParams.get('code') ?? '',
      redirect_uri: redirectUri,
      code_verifier: loginVerifier(),
    });
    expect(wrong.body).toMatchObject({
      error: 'invalid_request',
      error_description: 'Code verifier or code challenge is invalid.',
    });
    const b64 = createHash('sha256').update(v).digest('base64url');
    const to2 = await consent(authorizeUrl({ code_challenge: b64 }), 'authorize');
    const rfc = await token({
      grant_type: 'authorization_code',
      code: to2.searchParams.get('code') ?? '',
      redirect_uri: redirectUri,
      code_verifier: v,
    });
    expect(rfc.body.error).toBe('invalid_request');
  });

  it('codes are single use and bound to redirect_uri; the body must be form-encoded; bad client → invalid_client', async () => {
    const v = loginVerifier();
    const to = await consent(authorizeUrl({ code_challenge: loginChallenge(v) }), 'authorize');
    const code = to.searchParams.get('code') ?? '';
    expect(
      (
        await token({
          grant_type: 'authorization_code',
          code,
          redirect_uri: 'http://127.0.0.1:1/callback/login',
          code_verifier: v,
        })
      ).body.error,
    ).toBe('invalid_grant');
    expect(
      (await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: v }))
        .status,
    ).toBe(200);
    expect(
      (await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: v }))
        .body.error,
    ).toBe('invalid_grant');
    const json = await fetch(`${sb.info.identityBase}/v2/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await jsonOf(json, tokenBody)).error).toBe('invalid_request');
    expect(
      (await token({ grant_type: 'refresh_token', refresh_token: 'x', client_secret: 'nope' })).body.error,
    ).toBe('invalid_client');
    expect((await token({ grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
  });

  it('refresh rotates: the new refresh token works once, the old one is rejected', async () => {
    const t = await login();
    const r1 = await token({ grant_type: 'refresh_token', refresh_token: t.refresh_token });
    expect(r1.status).toBe(200);
    expect(r1.body.refresh_token).not.toBe(t.refresh_token);
    expect((await token({ grant_type: 'refresh_token', refresh_token: t.refresh_token })).body.error).toBe(
      'invalid_grant',
    );
    expect(
      (await token({ grant_type: 'refresh_token', refresh_token: tokens.parse(r1.body).refresh_token }))
        .status,
    ).toBe(200);
  });

  it('access tokens expire after the configured lifetime', async () => {
    const t = await login();
    expect((await userInfo(t.access_token, 'open_id')).status).toBe(200);
    await admin(sb.info, 'POST', '/clock', { advanceSec: 61 });
    try {
      const r = await userInfo(t.access_token, 'open_id');
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('access_token_invalid');
    } finally {
      await admin(sb.info, 'POST', '/clock', { offsetMs: 0 });
    }
  });

  it('revoke makes the token invalid', async () => {
    const t = await login();
    const res = await fetch(`${sb.info.identityBase}/v2/oauth/revoke/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_key: sb.info.identity.clientKey,
        client_secret: sb.info.identity.clientSecret,
        token: t.access_token,
      }),
    });
    expect(res.status).toBe(200);
    expect((await userInfo(t.access_token, 'open_id')).status).toBe(401);
    expect((await token({ grant_type: 'refresh_token', refresh_token: t.refresh_token })).body.error).toBe(
      'invalid_grant',
    );
  });
});

describe('Login Kit user info', () => {
  it('returns requested fields with error.code ok; stats are numbers', async () => {
    const t = await login();
    const r = await userInfo(t.access_token, 'open_id,display_name,follower_count,is_verified');
    expect(r.status).toBe(200);
    expect(r.body.error.code).toBe('ok');
    const user = r.body.data.user!;
    expect(Object.keys(user).sort()).toEqual(['display_name', 'follower_count', 'is_verified', 'open_id']);
    expect(typeof user.follower_count).toBe('number');
    expect(user.open_id).toBe(t.open_id);
  });

  it('a field outside the granted scopes → 400 scope_permission_missed; missing fields → invalid_params', async () => {
    const t = await login(['user.info.stats']);
    expect(t.scope).toBe('user.info.basic,user.info.profile');
    const r = await userInfo(t.access_token, 'open_id,follower_count');
    expect([r.status, r.body.error.code]).toEqual([400, 'scope_permission_missed']);
    const none = await fetch(`${sb.info.identityBase}/v2/user/info/`, {
      headers: { authorization: `Bearer ${t.access_token}` },
    });
    expect((await jsonOf(none, userInfoBody)).error.code).toBe('invalid_params');
    expect((await userInfo('act.nope', 'open_id')).status).toBe(401);
  });

  it('rate limit → 429 rate_limit_exceeded (frozen clock, one minute window)', async () => {
    const t = await login();
    await admin(sb.info, 'POST', '/config', { loginUserInfoPerMinute: 2 });
    await admin(sb.info, 'POST', '/clock', { frozen: true, advanceSec: 120 });
    try {
      // The token was minted before the jump; use a fresh one valid at the new time.
      const fresh = await login();
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await userInfo(fresh.access_token, 'open_id')).status);
      expect(statuses).toEqual([200, 200, 429]);
      expect(t.access_token).not.toBe(fresh.access_token);
    } finally {
      await admin(sb.info, 'POST', '/clock', { offsetMs: 0, frozen: false });
      await admin(sb.info, 'POST', '/config', { loginUserInfoPerMinute: 600 });
    }
  });
});
