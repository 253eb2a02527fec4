import { afterEach, describe, expect, it } from 'vitest';
import type { Account, AccountsList } from '../../../src-shared/accounts';
import { secretOwner } from '../../../src-main/accounts/types';
import {
  type AccountsTestApp,
  connectThrough,
  makeAccountsApp,
  sandboxAdmin,
  sandboxRequests,
} from '../../helpers/accounts';

/**
 * Issue 9.6: revoking ShopMesh in TikTok's settings must show the Sign-in-with-TikTok identity as Revoked.
 * Nothing else calls Login Kit after connecting, so the app asks (user info) at start-up and daily; a
 * refusal marks the identity Revoked, deletes its tokens and tells the user, with one request per check.
 */

const HOUR = 3_600_000;
let t: AccountsTestApp;
let nowMs: number;
afterEach(async () => t?.cleanup());

async function connectedIdentity(): Promise<string> {
  nowMs = Date.now();
  t = await makeAccountsApp({ now: () => nowMs });
  const { result } = await connectThrough(t, 'identity');
  expect(result.outcome).toBe('connected');
  await sandboxAdmin(t.sandbox, 'DELETE', '/requests');
  return result.accountId!;
}

const account = async (id: string): Promise<Account | undefined> =>
  (await t.invoke<AccountsList>('accounts:list')).accounts.find((a) => a.id === id);
const secrets = (id: string) =>
  t.app.db.prepare('SELECT count(*) FROM secrets WHERE owner_id = ?').pluck().get(secretOwner(id));

describe('identity check', () => {
  it('an identity still authorized stays Active, for one user-info request', async () => {
    const id = await connectedIdentity();
    await t.app.accounts.checkIdentities();
    expect((await account(id))?.status).toBe('active');
    expect(await sandboxRequests(t.sandbox, '/v2/user/info/')).toHaveLength(1);
    expect(await sandboxRequests(t.sandbox, '/v2/oauth/token/')).toHaveLength(0);
  });

  it('revoked at TikTok: Revoked, tokens deleted, the user told', async () => {
    const id = await connectedIdentity();
    await sandboxAdmin(t.sandbox, 'POST', '/tokens/revoke', { provider: 'login' });
    await t.app.accounts.checkIdentities();
    const a = await account(id);
    expect(a?.status).toBe('revoked');
    expect(a?.statusReason).toEqual({ key: 'accounts.statusReason.revoked', params: {} });
    expect(secrets(id)).toBe(0);
    expect(t.app.activity.list({ limit: 5, kind: 'account.revoked' }).total).toBe(1);
    expect(t.events.some((e) => e.name === 'accounts:changed')).toBe(true);
    expect(await t.invoke('identity:get')).toEqual({ account: null });
    // Refused user info → one refresh to tell expiry from revocation → refused too. Nothing more.
    expect(await sandboxRequests(t.sandbox, '/v2/user/info/')).toHaveLength(1);
    expect(await sandboxRequests(t.sandbox, '/v2/oauth/token/')).toHaveLength(1);
    // A revoked identity is not asked again.
    await t.app.accounts.checkIdentities();
    expect(await sandboxRequests(t.sandbox, '/v2/user/info/')).toHaveLength(1);
  });

  it('revoked while the access token was due: the refused refresh already means Revoked', async () => {
    const id = await connectedIdentity();
    await sandboxAdmin(t.sandbox, 'POST', '/tokens/revoke', { provider: 'login' });
    // Three hours later the 2-hour access token is due: the check refreshes first, and TikTok refuses.
    nowMs += 3 * HOUR;
    await sandboxAdmin(t.sandbox, 'POST', '/clock', { advanceMs: 3 * HOUR });
    await t.app.accounts.checkIdentities();
    expect((await account(id))?.status).toBe('revoked');
    expect(secrets(id)).toBe(0);
    expect(await sandboxRequests(t.sandbox, '/v2/user/info/')).toHaveLength(0);
  });

  it('a refresh token past its own lifetime is Expired, not Revoked', async () => {
    const id = await connectedIdentity();
    const lapses = (await account(id))!.authorizationExpiresAt!;
    nowMs = lapses + HOUR;
    await sandboxAdmin(t.sandbox, 'POST', '/clock', { advanceMs: lapses + HOUR - Date.now() });
    await t.app.accounts.checkIdentities();
    expect((await account(id))?.status).toBe('expired');
  });
});
