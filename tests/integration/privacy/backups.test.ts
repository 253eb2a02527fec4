import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountsList } from '../../../src-shared/accounts';
import type { BackupInfo, Backups, RecoveryState } from '../../../src-shared/privacy';
import { type AccountsTestApp, connectThrough, makeAccountsApp } from '../../helpers/accounts';
import { makeTempDir } from '../../helpers/tmp';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function open(dataDir: string, now?: () => number): Promise<AccountsTestApp> {
  const t = await makeAccountsApp({ dataDir, ...(now ? { now } : {}) });
  cleanups.push(() => t.cleanup());
  return t;
}

const count = (t: AccountsTestApp, table: string) =>
  t.app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('backups', () => {
  it('are taken at start-up and on demand, listed with sizes, the oldest beyond the setting deleted', async () => {
    const dir = makeTempDir();
    cleanups.push(dir.cleanup);
    let nowMs = Date.UTC(2026, 0, 5, 3, 0, 0);
    const t = await open(dir.dir, () => nowMs);
    // What the app does at start-up when background work is on (tests turn it off).
    t.app.privacy.startBackups();
    await t.app.privacy.stop(); // the start-up backup has been written
    const first = await t.invoke<Backups>('privacy:backups');
    expect(first.items.map((b) => b.name)).toEqual(['shopmesh-20260105-030000.db']);
    expect(first.items[0]!.sizeBytes).toBeGreaterThan(0);
    expect(first.totalBytes).toBe(first.items[0]!.sizeBytes);
    await t.invoke('settings:update', { backupsKept: 2 });
    for (const minutes of [1, 2, 3]) {
      nowMs += minutes * 60_000;
      await t.invoke<BackupInfo>('privacy:backupNow');
    }
    const after = await t.invoke<Backups>('privacy:backups');
    expect(after.items.map((b) => b.name)).toEqual([
      'shopmesh-20260105-030600.db',
      'shopmesh-20260105-030300.db',
    ]);
    expect(readdirSync(after.folder).sort()).toEqual(after.items.map((b) => b.name).sort());
  });

  it('restore round trip: data deleted after a backup comes back, and the database before it is kept', async () => {
    const dir = makeTempDir();
    cleanups.push(dir.cleanup);
    let nowMs = Date.now();
    const t = await open(dir.dir, () => nowMs);
    const shop = (await connectThrough(t, 'shop')).result.accountId!;
    await t.invoke('sync:run', {});
    await t.app.sync.whenIdle();
    const orders = count(t, 'orders');
    expect(orders).toBeGreaterThan(0);
    nowMs += 60_000;
    const backup = await t.invoke<BackupInfo>('privacy:backupNow');

    await t.invoke('accounts:disconnect', { accountId: shop, deleteData: 'now' });
    expect(count(t, 'orders')).toBe(0);
    nowMs += 60_000;
    const restored = await t.invoke<{ restoredFrom: string; previous: string }>('privacy:restoreBackup', {
      name: backup.name,
    });
    expect(restored.restoredFrom).toBe(backup.name);
    expect(restored.previous).toMatch(/-before-restore\.db$/);
    expect(count(t, 'orders')).toBe(orders);
    expect(t.app.db.pragma('foreign_key_check')).toEqual([]);
    // The restored tokens open with the key the keychain still holds.
    const list = await t.invoke<AccountsList>('accounts:list');
    expect(list.vault.state).toBe('unlocked');
    expect(list.accounts.map((a) => [a.id, a.status])).toEqual([[shop, 'active']]);
    await expect(t.app.accounts.tokens.accessToken(shop)).resolves.toEqual(expect.any(String));

    // The database as it was before the restore is kept aside, and a second restore within the same second
    // keeps its own copy rather than replacing the first.
    const again = await t.invoke<{ previous: string }>('privacy:restoreBackup', { name: backup.name });
    expect(again.previous).toMatch(/-before-restore\.db$/);
    expect(again.previous).not.toBe(restored.previous);
    const ordersIn = (name: string) => {
      const kept = new BetterSqlite3(join(dir.dir, 'backups', name), { readonly: true });
      try {
        return kept.prepare('SELECT count(*) FROM orders').pluck().get() as number;
      } finally {
        kept.close();
      }
    };
    expect(ordersIn(restored.previous)).toBe(0);
    expect(ordersIn(again.previous)).toBe(orders);

    // A name that is not one of ours is refused before any file is touched.
    for (const name of ['../shopmesh.db', 'shopmesh-20260101-000000.db']) {
      const res = await t.app.router.invoke('privacy:restoreBackup', { name });
      expect(res.ok).toBe(false);
    }
  });
});

describe('recovery at start-up', () => {
  async function withBackup(): Promise<{ dir: string; orders: number; backup: string; all: string[] }> {
    const dir = makeTempDir();
    cleanups.push(dir.cleanup);
    const t = await makeAccountsApp({ dataDir: dir.dir });
    await connectThrough(t, 'shop');
    await t.invoke('sync:run', {});
    await t.app.sync.whenIdle();
    const orders = count(t, 'orders');
    const backup = (await t.invoke<BackupInfo>('privacy:backupNow')).name;
    await t.cleanup();
    return { dir: dir.dir, orders, backup, all: readdirSync(join(dir.dir, 'backups')).sort() };
  }

  it('a corrupt database is kept aside, the app starts on a fresh one, and a backup brings the data back', async () => {
    const { dir, orders, backup, all } = await withBackup();
    const garbage = Buffer.from('this is not a database '.repeat(400));
    writeFileSync(join(dir, 'shopmesh.db'), garbage);
    const t = await open(dir);
    const state = await t.invoke<RecoveryState>('privacy:recovery');
    expect(state).toMatchObject({
      cause: 'corrupt',
      keptFile: expect.stringMatching(/^shopmesh\.db\.unreadable-\d+$/),
    });
    // Never silently lost: the bad file is there, byte for byte.
    expect(readFileSync(join(dir, state!.keptFile)).equals(garbage)).toBe(true);
    expect(count(t, 'orders')).toBe(0);
    // No automatic backup of the empty stand-in pushes out the good one.
    t.app.privacy.startBackups();
    await t.app.privacy.stop();
    expect((await t.invoke<Backups>('privacy:backups')).items.map((b) => b.name).sort()).toEqual(all);

    await t.invoke('privacy:restoreBackup', { name: backup });
    expect(count(t, 'orders')).toBe(orders);
    expect(await t.invoke('privacy:recovery')).toBeNull();
  });

  it('a database from a newer ShopMesh is kept as it is; starting fresh ends the recovery and keeps the file', async () => {
    const { dir } = await withBackup();
    const file = join(dir, 'shopmesh.db');
    const newer = new BetterSqlite3(file);
    newer.pragma('user_version = 9999');
    newer.close();
    const t = await open(dir);
    const state = await t.invoke<RecoveryState>('privacy:recovery');
    expect(state).toMatchObject({ cause: 'newer', keptFile: expect.stringMatching(/\.newer-\d+$/) });
    const kept = new BetterSqlite3(join(dir, state!.keptFile), { readonly: true });
    expect(kept.pragma('user_version', { simple: true })).toBe(9999);
    expect((kept.prepare('SELECT count(*) FROM orders').pluck().get() as number) > 0).toBe(true);
    kept.close();
    expect(await t.invoke('privacy:startFresh')).toEqual({ keptFile: state!.keptFile });
    expect(await t.invoke('privacy:recovery')).toBeNull();
    expect(readdirSync(dir)).toContain(state!.keptFile);
  });
});
