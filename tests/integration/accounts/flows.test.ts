import { afterEach, describe, expect, it } from 'vitest';
import type { AccountsList, ConnectResult } from '../../../src-shared/accounts';
import { secretOwner } from '../../../src-main/accounts/types';
import {
  type AccountsTestApp,
  connectThrough,
  makeAccountsApp,
  playBrowser,
  sandboxRequests,
  visit,
} from '../../helpers/accounts';

let t: AccountsTestApp;
afterEach(async () => {
  await t?.cleanup();
});

const list = () => t.invoke<AccountsList>('accounts:list');

describe('connecting through the browser (sandbox over real HTTP)', () => {
  it('TikTok Shop: consent → token/get → both authorized shops stored, tokens only in the vault', async () => {
    t = await makeAccountsApp();
    const { result, authorizeUrl, visit: browser } = await connectThrough(t, 'shop');
    expect(result.outcome).toBe('connected');
    expect(browser.status).toBe(200);
    expect(browser.body).toContain('You can close this tab');

    const url = new URL(authorizeUrl);
    expect(url.origin + url.pathname).toBe(t.app.profile.shopAuthorizeUrl);
    expect(url.searchParams.get('service_id')).toBe(t.app.profile.shop.serviceId);
    expect(url.searchParams.get('state')?.length).toBeGreaterThanOrEqual(43);
    expect(t.opened).toEqual([authorizeUrl]);

    const { accounts, vault } = await list();
    expect(vault).toEqual({
      state: 'unlocked',
      message: null,
      canUnlockWithPassphrase: false,
      firstRun: false,
      keyStore: 'passphrase',
    });
    expect(accounts).toHaveLength(1);
    const account = accounts[0]!;
    expect(account).toMatchObject({
      id: result.accountId,
      provider: 'shop',
      status: 'active',
      expiresSoon: false,
    });
    expect(account.shops.map((s) => [s.region, s.currency]).sort()).toEqual([
      ['GB', 'GBP'],
      ['US', 'USD'],
    ]);
    // Absolute seconds became ms: about a year ahead, not 1970.
    expect(account.authorizationExpiresAt! - Date.now()).toBeGreaterThan(300 * 86_400_000);
    // Ciphers are for API calls only and stay in main.
    expect(JSON.stringify(accounts)).not.toContain('cipher');
    expect(t.app.accounts.repo.shops(account.id).every((s) => s.cipher.length > 0)).toBe(true);

    const access = t.app.vault.getSecret(secretOwner(account.id), 'access_token');
    const refresh = t.app.vault.getSecret(secretOwner(account.id), 'refresh_token');
    expect(access).toMatch(/^\S{20,}$/);
    expect(refresh).toMatch(/^\S{20,}$/);
    expect(t.app.db.prepare('SELECT count(*) AS n FROM secrets').get()).toEqual({ n: 2 });

    const names = t.events.map((e) => e.name);
    expect(names).toContain('accounts:changed');
    const activity = t.app.activity.list({ limit: 10, kind: 'account.connected' });
    expect(activity.items[0]?.params).toEqual({ name: account.displayName });
  });

  it('TikTok Ads: auth_code → access token → advertiser/get + advertiser/info', async () => {
    t = await makeAccountsApp();
    const { result, authorizeUrl } = await connectThrough(t, 'ads');
    expect(result.outcome).toBe('connected');
    const url = new URL(authorizeUrl);
    expect(url.pathname).toMatch(/\/portal\/auth$/);
    expect(url.searchParams.get('app_id')).toBe(t.app.profile.ads.appId);
    expect(url.searchParams.get('redirect_uri')).toBe(t.app.profile.ads.redirectUrl);

    const [account] = (await list()).accounts;
    expect(account?.provider).toBe('ads');
    expect(account?.authorizationExpiresAt).toBeNull();
    expect(account?.advertisers.length).toBeGreaterThan(0);
    for (const a of account!.advertisers) {
      expect(a.name).not.toBe('');
      expect(a.currency).toMatch(/^[A-Z]{3}$/);
      expect(a.timezone).toBeTruthy();
    }
    expect(t.app.vault.getSecret(secretOwner(account!.id), 'access_token')).toMatch(/^[0-9a-f]{40}$/);
    expect(t.app.vault.getSecret(secretOwner(account!.id), 'refresh_token')).toBeNull();
  });

  it('Login Kit: ephemeral port, hex PKCE, form-encoded token, user info shown as the identity', async () => {
    t = await makeAccountsApp();
    const { result, authorizeUrl } = await connectThrough(t, 'identity');
    expect(result.outcome).toBe('connected');
    const url = new URL(authorizeUrl);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('scope')).toBe('user.info.basic,user.info.profile,user.info.stats');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback\/login$/);

    const { account } = await t.invoke<{ account: AccountsList['accounts'][number] | null }>('identity:get');
    expect(account?.provider).toBe('identity');
    expect(account?.identity?.displayName).toBeTruthy();
    expect(account?.identity?.followerCount).toBeGreaterThanOrEqual(0);
    expect(account?.identity?.videoCount).toBeGreaterThanOrEqual(0);
    expect(account?.authorizationExpiresAt).toBeGreaterThan(Date.now());
  });

  it('reconnecting an Account updates it in place', async () => {
    t = await makeAccountsApp();
    const first = await connectThrough(t, 'shop');
    const before = t.app.vault.getSecret(secretOwner(first.result.accountId!), 'access_token');
    const again = await connectThrough(t, 'shop', { accountId: first.result.accountId! });
    expect(again.result).toMatchObject({ outcome: 'connected', accountId: first.result.accountId });
    expect((await list()).accounts).toHaveLength(1);
    expect(t.app.vault.getSecret(secretOwner(first.result.accountId!), 'access_token')).not.toBe(before);
  });

  it('denied consent ends as `denied`, stores nothing', async () => {
    t = await makeAccountsApp();
    for (const provider of ['shop', 'ads', 'identity'] as const) {
      const { result, visit: browser } = await connectThrough(t, provider, { decision: 'deny' });
      expect(result).toMatchObject({ provider, outcome: 'denied', accountId: null });
      expect(result.message).toBeTruthy();
      expect(browser.body).toContain('Access was not granted');
    }
    expect((await list()).accounts).toEqual([]);
    expect(t.app.db.prepare('SELECT count(*) AS n FROM secrets').get()).toEqual({ n: 0 });
  });

  it('a redirect with the wrong state ends as `state_mismatch` and the code is never exchanged', async () => {
    t = await makeAccountsApp();
    const { result, visit: browser } = await connectThrough(t, 'shop', {
      tamper: (u) => {
        u.searchParams.set('state', 'x'.repeat(43));
        return u;
      },
    });
    expect(result.outcome).toBe('state_mismatch');
    expect(browser.status).toBe(400);
    expect(await sandboxRequests(t.sandbox, '/token/get')).toHaveLength(0);
    expect((await list()).accounts).toEqual([]);
  });

  it('a second callback is refused and does not connect twice', async () => {
    t = await makeAccountsApp();
    const { result, visit: browser } = await connectThrough(t, 'ads');
    expect(result.outcome).toBe('connected');
    const replay = await visit(browser.redirect);
    // 410 "already used" while the listener winds down, or refused once it has closed.
    expect([0, 410]).toContain(replay.status);
    expect(await sandboxRequests(t.sandbox, '/oauth2/access_token/')).toHaveLength(1);
    expect((await list()).accounts).toHaveLength(1);
  });

  it('no answer from the browser ends as `timeout`', async () => {
    t = await makeAccountsApp({ connectTimeoutMs: 300 });
    const started = await t.invoke<{ attemptId: string }>('accounts:connect', { provider: 'identity' });
    const result = await t.waitForResult(started.attemptId);
    expect(result).toMatchObject({ outcome: 'timeout', accountId: null });
  });

  it('cancelling closes the listener and ends as `cancelled`; a second cancel is a no-op', async () => {
    t = await makeAccountsApp();
    const started = await t.invoke<{ attemptId: string; authorizeUrl: string }>('accounts:connect', {
      provider: 'shop',
    });
    expect(await t.invoke('accounts:cancelConnect', { attemptId: started.attemptId })).toEqual({
      cancelled: true,
    });
    const result: ConnectResult = await t.waitForResult(started.attemptId);
    expect(result.outcome).toBe('cancelled');
    expect(await t.invoke('accounts:cancelConnect', { attemptId: started.attemptId })).toEqual({
      cancelled: false,
    });
    await expect(playBrowser(started.authorizeUrl)).resolves.toMatchObject({ status: 0 });
  });

  it('a new attempt for the same provider replaces the pending one (its fixed port is reused)', async () => {
    t = await makeAccountsApp();
    const first = await t.invoke<{ attemptId: string }>('accounts:connect', { provider: 'shop' });
    const { result } = await connectThrough(t, 'shop');
    expect(result.outcome).toBe('connected');
    expect((await t.waitForResult(first.attemptId)).outcome).toBe('cancelled');
  });

  it('without openExternal (web bridge) main asks the page to open the consent URL', async () => {
    t = await makeAccountsApp({ openExternal: undefined });
    const started = await t.invoke<{ attemptId: string; authorizeUrl: string }>('accounts:connect', {
      provider: 'ads',
    });
    expect(t.events).toContainEqual({ name: 'app:openExternal', payload: { url: started.authorizeUrl } });
    await t.invoke('accounts:cancelConnect', { attemptId: started.attemptId });
  });

  it('a locked vault is reported by accounts:list and refuses to connect', async () => {
    t = await makeAccountsApp({ env: { SHOPMESH_KEYSTORE: 'passphrase' } });
    const { vault } = await list();
    expect(vault.state).toBe('locked');
    expect(vault.message).toEqual({ key: 'vault.errors.passphraseSettingEmpty', params: {} });
    await expect(t.invoke('accounts:connect', { provider: 'shop' })).rejects.toMatchObject({
      shape: { code: 'LOCKED' },
    });
    expect(t.opened).toEqual([]);
  });
});
