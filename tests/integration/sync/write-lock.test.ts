import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShopmeshApp } from '../../../src-main/app';
import { type Database, openDatabase } from '../../../src-main/db/connection';
import { OrderWriter } from '../../../src-main/sync/store/orders';
import { RollupStore } from '../../../src-main/sync/store/rollups';
import { makeTestApp } from '../../helpers/app';
import { recomputedOrderDays, storedOrderDays } from '../../helpers/sync-fixtures';
import { makeOrder } from '../../helpers/sync-rows';

/**
 * "database is locked" in lists:addMembers during a first sync: the sync worker's connection held the write
 * lock past the app's 5 s busy timeout while it rebuilt a whole history of rollup days in one transaction.
 * The rebuild now commits month by month and leaves the lock free between months; a write of the app that
 * still meets the lock gets BUSY with a translated text and can be sent again. Both are checked on state (a
 * refresh held between two months, a transaction held open), with the app's busy timeout at 0 so that a
 * lock in the way fails at once instead of after a wait.
 */
let app: ShopmeshApp | undefined;
let cleanup: (() => Promise<void>) | undefined;
let worker: Database | undefined;
afterEach(async () => {
  worker?.close();
  worker = undefined;
  await cleanup?.();
  app = undefined;
});

async function appWithCreatorAndList(): Promise<{ listId: number; creatorId: number; file: string }> {
  const made = await makeTestApp();
  ({ app, cleanup } = made);
  const now = Date.now();
  const creatorId = app.creators.resolve(
    { openId: 'lock-1', handle: 'lock_test', nickname: 'Lock Test' },
    { origin: 'manual', now },
  )!.creatorId;
  const list = await app.router.invoke('lists:create', { name: 'Launch', kind: 'static' });
  if (!list.ok) throw new Error(list.error.message);
  app.db.pragma('busy_timeout = 0');
  return { listId: (list.result as { id: number }).id, creatorId, file: join(made.dataDir, 'shopmesh.db') };
}

const addMembers = (listId: number, creatorId: number) =>
  app!.router.invoke('lists:addMembers', { listId, selection: { ids: [creatorId] } });

describe('the sync worker and the app writing at once', () => {
  it('a rollup rebuild of many months lets a lists:addMembers in between two months', async () => {
    const { listId, creatorId, file } = await appWithCreatorAndList();
    worker = openDatabase(file);
    const now = Date.now();
    worker
      .prepare(
        `INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
         VALUES ('acct-1', 'shop', 'active', 'r-1', 'Test', ?, ?)`,
      )
      .run(now, now);
    worker
      .prepare(
        `INSERT INTO shops (shop_id, account_id, name, region, currency, cipher)
         VALUES ('shop-1', 'acct-1', 'Shop', 'US', 'USD', 'c')`,
      )
      .run();
    const rollups = new RollupStore(worker);
    const writer = new OrderWriter(worker, rollups);
    // A first sync's history: orders every three days over six months, their days all dirty.
    const orders = Array.from({ length: 60 }, (_, i) =>
      makeOrder(i, { createTime: Date.UTC(2026, 0, 2) + i * 3 * 86_400_000 }),
    );
    worker.transaction(() => writer.write('acct-1', 'shop-1', orders, now))();
    const dirty = (): number => worker!.prepare('SELECT COUNT(*) FROM rollup_dirty').pluck().get() as number;
    const before = dirty();

    let paused!: () => void;
    const atFirstPause = new Promise<void>((resolve) => (paused = resolve));
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    let pauses = 0;
    const refresh = rollups.refreshYielding('orders', 'shop-1', async () => {
      if (pauses++ === 0) {
        paused();
        await resumed;
      }
    });
    await atFirstPause;
    // Between two months of the rebuild: part of it done, the lock free for the app.
    expect(dirty()).toBeGreaterThan(0);
    expect(dirty()).toBeLessThan(before);
    const added = await addMembers(listId, creatorId);
    expect(added).toEqual({ ok: true, result: { changed: 1 } });
    resume();
    expect(await refresh).toBe(orders.length);
    expect(pauses).toBe(6);
    expect(dirty()).toBe(0);
    expect(storedOrderDays(worker)).toEqual(recomputedOrderDays(worker));
  });

  it('a write that still meets the lock gets BUSY, translated, and succeeds when sent again', async () => {
    const { listId, creatorId, file } = await appWithCreatorAndList();
    worker = openDatabase(file);
    // A long write of the sync worker, in progress.
    worker.prepare('BEGIN IMMEDIATE').run();
    worker
      .prepare(
        `INSERT INTO rollup_dirty (rollup, scope, day, account_id) VALUES ('orders', 's', '2026-01-01', 'a')`,
      )
      .run();
    const refused = await addMembers(listId, creatorId);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'BUSY',
        message:
          'ShopMesh was busy saving synced data and could not finish this change. Try it again in a moment.',
        key: 'ipc.errors.busy',
        params: {},
      },
    });
    expect(JSON.stringify(refused)).not.toMatch(/SQLITE|database is locked/i);
    worker.prepare('ROLLBACK').run();
    expect(await addMembers(listId, creatorId)).toEqual({ ok: true, result: { changed: 1 } });
  });
});
