import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import type { ProviderOps, Refreshed } from '../../../src-main/accounts/refreshers';
import { AccountsRepository } from '../../../src-main/accounts/repository';
import { AccountTokens } from '../../../src-main/accounts/token-lifecycle';
import { openDatabase, type Database } from '../../../src-main/db/connection';
import { silentLogger } from '../../../src-main/log/logger';
import { Vault } from '../../../src-main/vault/vault';
import { MemoryKeyStore } from '../vault/memory-keystore';

const HOUR = 3_600_000;
let db: Database;
afterEach(() => db?.close());

async function setup(refresh: (rt: string) => Promise<Refreshed>) {
  let now = 1_000 * HOUR;
  db = openDatabase(':memory:');
  const vault = await Vault.open({ db, keyStore: new MemoryKeyStore() });
  const repo = new AccountsRepository(db, vault, () => now);
  const { accountId } = repo.saveGrant(
    {
      provider: 'identity',
      remoteId: 'open-1',
      displayName: 'Me',
      scopes: [],
      accessExpiresAt: now + 2 * HOUR,
      authorizationExpiresAt: now + 1000 * HOUR,
    },
    { accessToken: 'act.1', refreshToken: 'rft.1' },
  );
  const retired: string[] = [];
  const ops: ProviderOps = { refresh, revoke: null, refreshAheadMs: 5 * 60_000 };
  const tokens = new AccountTokens({
    repo,
    vault,
    ops: { shop: ops, ads: ops, identity: ops },
    now: () => now,
    logger: silentLogger(),
    retire: (id, status, reason) => {
      retired.push(status);
      repo.retire(id, status, reason);
    },
  });
  return { tokens, repo, vault, accountId, retired, advance: (ms: number) => (now += ms), now: () => now };
}

describe('AccountTokens', () => {
  it('keeps the Account active when a refresh fails for a transient reason, and retries next time', async () => {
    let calls = 0;
    const s = await setup(async () => {
      calls++;
      if (calls === 1) throw new AppError('OFFLINE', 'TikTok Login Kit cannot be reached');
      return {
        accessToken: 'act.2',
        refreshToken: 'rft.2',
        accessExpiresAt: s.now() + 2 * HOUR,
        authorizationExpiresAt: s.now() + 999 * HOUR,
      };
    });
    s.advance(2 * HOUR - 60_000);
    await expect(s.tokens.accessToken(s.accountId)).rejects.toMatchObject({ code: 'OFFLINE' });
    expect(s.repo.get(s.accountId)?.status).toBe('active');
    expect(await s.tokens.accessToken(s.accountId)).toBe('act.2');
    expect(s.vault.getSecret(`account:${s.accountId}`, 'refresh_token')).toBe('rft.2');
    expect(s.retired).toEqual([]);
  });

  it('an "expired" report right after a refresh reuses the fresh token instead of refreshing again', async () => {
    let calls = 0;
    const s = await setup(async () => {
      calls++;
      return {
        accessToken: `act.${calls + 1}`,
        refreshToken: `rft.${calls + 1}`,
        accessExpiresAt: s.now() + 2 * HOUR,
        authorizationExpiresAt: s.now() + 999 * HOUR,
      };
    });
    expect(await s.tokens.reportAuthFailure(s.accountId, 'expired', 'x')).toBe('act.2');
    expect(await s.tokens.reportAuthFailure(s.accountId, 'expired', 'x')).toBe('act.2');
    expect(calls).toBe(1);
    s.advance(60_000);
    expect(await s.tokens.reportAuthFailure(s.accountId, 'expired', 'x')).toBe('act.3');
  });

  it('a refresh that lands after a disconnect is thrown away', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = await setup(async () => {
      await gate;
      return {
        accessToken: 'act.late',
        refreshToken: 'rft.late',
        accessExpiresAt: s.now() + 2 * HOUR,
        authorizationExpiresAt: s.now() + 999 * HOUR,
      };
    });
    const pending = s.tokens.refreshNow(s.accountId);
    s.repo.retire(s.accountId, 'revoked', { key: 'accounts.status.disconnected', params: {} });
    release();
    await expect(pending).rejects.toMatchObject({ code: 'AUTH_REVOKED' });
    expect(db.prepare('SELECT count(*) AS n FROM secrets').get()).toEqual({ n: 0 });
  });

  it('locked vault → LOCKED, not a status change', async () => {
    const s = await setup(async () => {
      throw new Error('unused');
    });
    s.vault.close();
    await expect(s.tokens.accessToken(s.accountId)).rejects.toMatchObject({ code: 'LOCKED' });
    expect(s.repo.get(s.accountId)?.status).toBe('active');
  });
});
