import { afterEach, describe, expect, it } from 'vitest';
import type { AccountsList } from '../../../src-shared/accounts';
import { secretOwner } from '../../../src-main/accounts/types';
import { type AccountsTestApp, connectThrough, makeAccountsApp, sandboxAdmin } from '../../helpers/accounts';

const DAY = 86_400_000;
let t: AccountsTestApp;
let nowMs: number;
afterEach(async () => {
  await t?.cleanup();
});

const list = async () => (await t.invoke<AccountsList>('accounts:list')).accounts;
const secrets = (id: string) =>
  (
    t.app.db.prepare('SELECT count(*) AS n FROM secrets WHERE owner_id = ?').get(secretOwner(id)) as {
      n: number;
    }
  ).n;
const rowCount = (table: string, id: string) =>
  (t.app.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE account_id = ?`).get(id) as { n: number }).n;

async function connectAll(): Promise<Record<'shop' | 'ads' | 'identity', string>> {
  const ids = { shop: '', ads: '', identity: '' };
  for (const p of ['shop', 'ads', 'identity'] as const)
    ids[p] = (await connectThrough(t, p)).result.accountId!;
  return ids;
}

describe('disconnect', () => {
  it('"now": revokes at the provider, deletes tokens and data at once, runs purge hooks, stops jobs', async () => {
    nowMs = Date.now();
    t = await makeAccountsApp({ now: () => nowMs });
    const ids = await connectAll();
    const purged: string[] = [];
    const retired: Array<[string, string]> = [];
    t.app.accounts.hooks.registerPurge('test-synced-data', (accountId) => purged.push(accountId));
    t.app.accounts.hooks.onAccountRetired((id, reason) => retired.push([id, reason]));

    for (const [provider, id] of Object.entries(ids)) {
      const out = await t.invoke('accounts:disconnect', { accountId: id, deleteData: 'now' });
      expect(out, provider).toEqual({ accountId: id, dataDeletionAt: null });
      expect(secrets(id), provider).toBe(0);
    }
    expect(await list()).toEqual([]);
    expect(purged).toEqual(Object.values(ids));
    expect(retired.map(([, r]) => r)).toEqual(['disconnected', 'disconnected', 'disconnected']);
    for (const table of ['shops', 'advertisers', 'identities'])
      expect(rowCount(table, ids.shop) + rowCount(table, ids.ads) + rowCount(table, ids.identity)).toBe(0);
    // Nothing was synced, so no finance record holds the Account rows: they go too.
    expect(t.app.accounts.repo.get(ids.shop)).toBeUndefined();

    const writes = await sandboxAdmin<{ entries: Array<{ kind: string }> }>(t.sandbox, 'GET', '/writes');
    const kinds = writes.entries.map((w) => w.kind);
    expect(kinds).toContain('ads.revoked');
    expect(kinds).toContain('login.revoked');
    // The entries naming each Account went with its data; what is left says how much, never whose.
    expect(t.app.activity.list({ limit: 10, kind: 'account.disconnected' }).total).toBe(0);
    const deleted = t.app.activity.list({ limit: 10, kind: 'account.dataDeleted' }).items;
    expect(deleted).toHaveLength(3);
    for (const e of deleted) expect(Object.keys(e.params).sort()).toEqual(['financeKept', 'rows']);
  });

  it('"scheduled": tokens go now, data stays 90 days, then the retention run deletes it', async () => {
    nowMs = Date.now();
    t = await makeAccountsApp({ now: () => nowMs });
    const { result } = await connectThrough(t, 'shop');
    const id = result.accountId!;
    const purged: string[] = [];
    t.app.accounts.hooks.registerPurge('test', (accountId) => purged.push(accountId));

    const out = await t.invoke<{ dataDeletionAt: number }>('accounts:disconnect', {
      accountId: id,
      deleteData: 'scheduled',
    });
    expect(out.dataDeletionAt).toBe(nowMs + 90 * DAY);
    expect(secrets(id)).toBe(0);
    const [shown] = await list();
    expect(shown).toMatchObject({ id, status: 'revoked', dataDeletionAt: nowMs + 90 * DAY });
    expect(shown?.shops).toHaveLength(2);
    await expect(t.app.accounts.tokens.accessToken(id)).rejects.toMatchObject({ code: 'AUTH_REVOKED' });

    nowMs += 89 * DAY;
    expect(t.app.privacy.runRetention().accounts).toBe(0);
    nowMs += 1 * DAY;
    expect(t.app.privacy.runRetention().accounts).toBe(1);
    expect(purged).toEqual([id]);
    expect(rowCount('shops', id)).toBe(0);
    expect(await list()).toEqual([]);
    expect(t.app.activity.list({ limit: 5, kind: 'account.dataDeleted' }).total).toBe(1);
    expect(t.app.activity.list({ limit: 5, kind: 'privacy.retentionRan' }).items[0]?.params).toMatchObject({
      accounts: 1,
    });
  });

  it('the default is scheduled, and a purge that fails leaves the data for the next run', async () => {
    nowMs = Date.now();
    t = await makeAccountsApp({ now: () => nowMs });
    const id = (await connectThrough(t, 'ads')).result.accountId!;
    const out = await t.invoke<{ dataDeletionAt: number }>('accounts:disconnect', { accountId: id });
    expect(out.dataDeletionAt).toBe(nowMs + 90 * DAY);
    const stop = t.app.accounts.hooks.registerPurge('broken', () => {
      throw new Error('disk full');
    });
    nowMs += 91 * DAY;
    expect(t.app.privacy.runRetention().accounts).toBe(0);
    expect(rowCount('advertisers', id)).toBeGreaterThan(0);
    stop();
    expect(t.app.privacy.runRetention().accounts).toBe(1);
    expect(rowCount('advertisers', id)).toBe(0);
  });

  it('an unknown account is NOT_FOUND', async () => {
    t = await makeAccountsApp();
    await expect(t.invoke('accounts:disconnect', { accountId: 'nope' })).rejects.toMatchObject({
      shape: { code: 'NOT_FOUND' },
    });
  });
});
