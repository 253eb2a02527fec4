import { afterEach, describe, expect, it } from 'vitest';
import type { AccountsList } from '../../../src-shared/accounts';
import { secretOwner } from '../../../src-main/accounts/types';
import { callWithAccount } from '../../../src-main/accounts/with-token';
import { identityRefresh } from '../../../src-main/tiktok/identity/auth';
import { getAuthorizedShops } from '../../../src-main/tiktok/shop/shops';
import {
  type AccountsTestApp,
  connectThrough,
  makeAccountsApp,
  sandboxAdmin,
  sandboxRequests,
} from '../../helpers/accounts';

const DAY = 86_400_000;
let t: AccountsTestApp;
let nowMs: number;
afterEach(async () => {
  await t?.cleanup();
});

async function connected(provider: 'shop' | 'ads' | 'identity'): Promise<string> {
  const { result } = await connectThrough(t, provider);
  expect(result.outcome).toBe('connected');
  return result.accountId!;
}

async function appWithClock(): Promise<void> {
  nowMs = Date.now();
  t = await makeAccountsApp({ now: () => nowMs });
}

const token = (id: string, kind = 'access_token') => t.app.vault.getSecret(secretOwner(id), kind);
const account = async (id: string) =>
  (await t.invoke<AccountsList>('accounts:list')).accounts.find((a) => a.id === id);

describe('token lifecycle (TokenSource)', () => {
  it('hands out the stored token while it is fresh, without calling TikTok', async () => {
    await appWithClock();
    const id = await connected('shop');
    expect(await t.app.accounts.tokens.accessToken(id)).toBe(token(id));
    expect(await sandboxRequests(t.sandbox, '/token/refresh')).toHaveLength(0);
  });

  it('refreshes ahead of expiry exactly once for 20 concurrent callers (Shop, absolute expiries)', async () => {
    await appWithClock();
    const id = await connected('shop');
    const old = token(id);
    // Inside the one-day margin before the 7-day access token lapses, on both clocks.
    nowMs += 6.5 * DAY;
    await sandboxAdmin(t.sandbox, 'POST', '/clock', { advanceMs: 6.5 * DAY });
    const tokens = await Promise.all(Array.from({ length: 20 }, () => t.app.accounts.tokens.accessToken(id)));
    expect(await sandboxRequests(t.sandbox, '/token/refresh')).toHaveLength(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(old);
    expect(token(id)).toBe(tokens[0]);
    // The new expiry was stored: asking again does not refresh again.
    await t.app.accounts.tokens.accessToken(id);
    expect(await sandboxRequests(t.sandbox, '/token/refresh')).toHaveLength(1);
  });

  it('20 concurrent "expired" reports from the API lead to one refresh', async () => {
    await appWithClock();
    const id = await connected('shop');
    await sandboxAdmin(t.sandbox, 'POST', '/tokens/expire', { provider: 'shop', which: 'access' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        callWithAccount(t.app.accounts.tokens, id, (access) =>
          getAuthorizedShops(
            {
              apiBase: t.app.profile.shopApiBase,
              appKey: t.app.profile.shop.appKey,
              appSecret: t.app.profile.shop.appSecret,
            },
            access,
          ),
        ),
      ),
    );
    expect(results.every((shops) => shops.length === 2)).toBe(true);
    expect(await sandboxRequests(t.sandbox, '/token/refresh')).toHaveLength(1);
  });

  it('Login Kit: rotating refresh tokens, the newest is persisted with its access token', async () => {
    await appWithClock();
    const id = await connected('identity');
    const firstRefresh = token(id, 'refresh_token')!;
    const next = await t.app.accounts.tokens.refreshNow(id);
    const secondRefresh = token(id, 'refresh_token')!;
    expect(token(id)).toBe(next);
    expect(secondRefresh).not.toBe(firstRefresh);
    // The old refresh token died with the rotation…
    const app = {
      base: t.app.profile.identityBase,
      clientKey: t.app.profile.identity.clientKey,
      clientSecret: t.app.profile.identity.clientSecret,
    };
    await expect(identityRefresh(app, firstRefresh, Date.now)).rejects.toMatchObject({
      code: 'AUTH_EXPIRED',
    });
    // …and the stored one still works.
    await t.app.accounts.tokens.refreshNow(id);
    expect(token(id, 'refresh_token')).not.toBe(secondRefresh);
    expect((await account(id))?.status).toBe('active');
  });

  it('a refused refresh marks the Account expired (with a reason and a retirement signal)', async () => {
    await appWithClock();
    const id = await connected('shop');
    const retired: Array<[string, string]> = [];
    t.app.accounts.hooks.onAccountRetired((accountId, reason) => retired.push([accountId, reason]));
    await sandboxAdmin(t.sandbox, 'POST', '/tokens/expire', { provider: 'shop', which: 'both' });
    nowMs += 7 * DAY;
    await expect(t.app.accounts.tokens.accessToken(id)).rejects.toMatchObject({ code: 'AUTH_EXPIRED' });
    const a = await account(id);
    expect(a?.status).toBe('expired');
    expect(a?.statusReason).toEqual({ key: 'accounts.statusReason.expired', params: {} });
    expect(retired).toEqual([[id, 'expired']]);
    expect(t.app.activity.list({ limit: 5, kind: 'account.expired' }).total).toBe(1);
    // No more refresh attempts for an expired Account.
    await expect(t.app.accounts.tokens.accessToken(id)).rejects.toMatchObject({ code: 'AUTH_EXPIRED' });
    expect(await sandboxRequests(t.sandbox, '/token/refresh')).toHaveLength(1);
    // Reconnect brings it back.
    const again = await connectThrough(t, 'shop', { accountId: id });
    expect(again.result.outcome).toBe('connected');
    expect((await account(id))?.status).toBe('active');
  });

  it('a token TikTok reports revoked marks the Account revoked and deletes its tokens', async () => {
    await appWithClock();
    const id = await connected('shop');
    const retired: string[] = [];
    t.app.accounts.hooks.onAccountRetired((_id, reason) => retired.push(reason));
    await sandboxAdmin(t.sandbox, 'POST', '/tokens/revoke', { provider: 'shop' });
    await expect(
      callWithAccount(t.app.accounts.tokens, id, (access) =>
        getAuthorizedShops(
          {
            apiBase: t.app.profile.shopApiBase,
            appKey: t.app.profile.shop.appKey,
            appSecret: t.app.profile.shop.appSecret,
          },
          access,
        ),
      ),
    ).rejects.toMatchObject({ code: 'AUTH_REVOKED' });
    const revoked = await account(id);
    expect(revoked?.status).toBe('revoked');
    // Its data goes after the account rule of Settings (90 days), as after a disconnect.
    expect(revoked?.dataDeletionAt).toBe(nowMs + 90 * 86_400_000);
    expect(
      t.app.db.prepare('SELECT count(*) AS n FROM secrets WHERE owner_id = ?').get(secretOwner(id)),
    ).toEqual({ n: 0 });
    expect(retired).toEqual(['revoked']);
    await expect(t.app.accounts.tokens.accessToken(id)).rejects.toMatchObject({ code: 'AUTH_REVOKED' });
  });

  it('expiresSoon turns on within 30 days of the authorization lapsing', async () => {
    await appWithClock();
    const id = await connected('shop');
    const lapses = (await account(id))!.authorizationExpiresAt!;
    nowMs = lapses - 31 * DAY;
    expect((await account(id))?.expiresSoon).toBe(false);
    nowMs = lapses - 29 * DAY;
    expect((await account(id))?.expiresSoon).toBe(true);
  });

  it('ads tokens never need a refresh', async () => {
    await appWithClock();
    const id = await connected('ads');
    nowMs += 400 * DAY;
    expect(await t.app.accounts.tokens.accessToken(id)).toBe(token(id));
  });
});
