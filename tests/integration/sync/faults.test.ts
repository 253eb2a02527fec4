import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import {
  admin,
  connectShop,
  count,
  recomputedOrderDays,
  recomputedProductDays,
  SHOP_ACCOUNT,
  startWorld,
  storedOrderDays,
  storedProductDays,
  type SyncWorld,
  TestTokenSource,
} from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor, type TestSync } from '../../helpers/sync-service';
import { shopSnapshot } from '../../helpers/sync-snapshot';
import { makeTempDir } from '../../helpers/tmp';

/**
 * Every injected fault ends in a completed run, or in a run that a second, clean run completes; either way
 * the data equals a fault-free sync of the same sandbox: no duplicate, missing or half-written rows.
 */

let world: SyncWorld;
let reference: Record<string, unknown>;
const shopResources = ['products', 'orders', 'finance_statements', 'affiliate_orders'] as const;

beforeAll(async () => {
  world = await startWorld();
  // A fault-free sync into a separate database is the reference picture.
  const tmp = makeTempDir();
  const db = openDatabase(`${tmp.dir}/ref.db`);
  const ref = { ...world, db, tokens: new TestTokenSource(db, world.info) };
  await connectShop(ref);
  await syncAndWait(syncServiceFor(ref), { resources: [...shopResources] });
  reference = shopSnapshot(db);
  db.close();
  tmp.cleanup();
});
afterAll(async () => world.close());

function expectConsistent(w: SyncWorld): void {
  expect(shopSnapshot(w.db)).toEqual(reference);
  expect(storedOrderDays(w.db)).toEqual(recomputedOrderDays(w.db));
  expect(storedProductDays(w.db)).toEqual(recomputedProductDays(w.db));
  expect(w.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(w.db.pragma('foreign_key_check')).toEqual([]);
}

/** A fresh database with the shop connected, against the shared sandbox. */
async function freshDb(): Promise<{ w: SyncWorld; cleanup: () => void }> {
  const tmp = makeTempDir();
  const db = openDatabase(`${tmp.dir}/t.db`);
  const w: SyncWorld = { ...world, db, tokens: new TestTokenSource(db, world.info) };
  await connectShop(w);
  return { w, cleanup: () => (db.close(), tmp.cleanup()) };
}

async function withFault(fault: Record<string, unknown>, body: (w: SyncWorld, t: TestSync) => Promise<void>) {
  const { w, cleanup } = await freshDb();
  try {
    await admin(world.info, 'POST', '/faults', fault);
    await body(w, syncServiceFor(w));
  } finally {
    await admin(world.info, 'DELETE', '/faults');
    await admin(world.info, 'POST', '/reset');
    cleanup();
  }
}

const lastRun = (t: TestSync) => t.service.history({ limit: 1 }).runs[0]!;

describe('sync under injected faults', () => {
  it.each([
    ['429 bursts', { rateLimitEveryN: 2, families: ['shop-api'] }],
    ['5xx errors', { serverErrorEveryN: 3, families: ['shop-api'] }],
    ['latency', { latencyMs: 400, families: ['shop-api'] }],
    ['malformed pages', { malformedJsonEveryN: 3, families: ['shop-api'] }],
    ['dropped connections', { dropConnectionEveryN: 3, families: ['shop-api'] }],
  ] as Array<[string, Record<string, unknown>]>)(
    '%s: the run completes with the same data as a clean one',
    async (_, fault) => {
      await withFault(fault, async (w, t) => {
        await syncAndWait(t, { resources: [...shopResources] });
        const run = lastRun(t);
        expect(run.outcome, JSON.stringify(run)).toBe('ok');
        const injected = (await admin(world.info, 'GET', '/faults')) as { injected: Record<string, number> };
        expect(
          Object.values(injected.injected).reduce((a, b) => a + b, 0) + (fault.latencyMs ? 1 : 0),
        ).toBeGreaterThan(0);
        expectConsistent(w);
      });
    },
  );

  it('a page that stays malformed fails only its resource; the next run resumes and completes', async () => {
    await withFault({ malformedJsonEveryN: 1, pathContains: '/orders/search' }, async (w, t) => {
      await syncAndWait(t, { resources: [...shopResources] });
      const run = lastRun(t);
      expect(run.outcome).toBe('partial');
      expect(run.resources.find((r) => r.resource === 'orders')).toMatchObject({ outcome: 'failed' });
      expect(run.resources.find((r) => r.resource === 'orders')?.error).toMatchObject({
        key: 'tiktok.errors.notJson',
      });
      expect(count(w.db, 'orders')).toBe(0);
      await admin(world.info, 'DELETE', '/faults');
      await syncAndWait(t, { resources: [...shopResources] });
      expect(lastRun(t).outcome).toBe('ok');
      expectConsistent(w);
    });
  });

  it('an access token that expires mid-run is refreshed once and the run completes', async () => {
    await withFault({ latencyMs: 150, pathContains: '/finance/' }, async (w) => {
      let expired = false;
      const t = syncServiceFor(w, {
        emit: (event, payload) => {
          const p = payload as { resource?: string; state?: string };
          if (event === 'sync:progress' && p.resource === 'orders' && p.state === 'done' && !expired) {
            expired = true;
            void admin(world.info, 'POST', '/tokens/expire', { provider: 'shop' });
          }
        },
      });
      await syncAndWait(t, { resources: [...shopResources] });
      expect(expired).toBe(true);
      expect(lastRun(t).outcome).toBe('ok');
      // Both shops hit the expired token; the TokenSource heard about it once.
      expect(w.tokens.reports).toEqual([{ accountId: SHOP_ACCOUNT, kind: 'expired' }]);
      expectConsistent(w);
    });
  });

  it('a token revoked mid-run stops the Account cleanly; it is not fetched again', async () => {
    await withFault({ latencyMs: 150, pathContains: '/finance/' }, async (w) => {
      let revoked = false;
      const t = syncServiceFor(w, {
        emit: (event, payload) => {
          const p = payload as { resource?: string; state?: string };
          if (event === 'sync:progress' && p.resource === 'orders' && p.state === 'done' && !revoked) {
            revoked = true;
            void admin(world.info, 'POST', '/tokens/revoke', { provider: 'shop' });
          }
        },
      });
      await syncAndWait(t, { resources: [...shopResources] });
      const run = lastRun(t);
      expect(run.outcome).toBe('failed');
      expect(run.error).toEqual({ key: 'accounts.statusReason.revoked', params: {} });
      expect(run.resources.filter((r) => r.resource === 'affiliate_orders').map((r) => r.outcome)).toEqual([
        'skipped',
        'skipped',
      ]);
      expect(w.db.prepare('SELECT status FROM accounts WHERE id = ?').pluck().get(SHOP_ACCOUNT)).toBe(
        'revoked',
      );
      // What was written before the revocation is whole: orders complete, rollups consistent.
      expect(count(w.db, 'orders')).toBe(60);
      expect(storedOrderDays(w.db)).toEqual(recomputedOrderDays(w.db));
      const calls = w.tokens.accessTokenCalls;
      const again = await t.service.run({});
      expect(again.started).toEqual([]);
      expect(w.tokens.accessTokenCalls).toBe(calls);
      expect(t.service.status().accounts[0]).toMatchObject({ state: 'error', accountStatus: 'revoked' });
    });
  });
});
