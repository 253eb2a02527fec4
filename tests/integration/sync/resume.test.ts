import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { listOrders, summariseOrders } from '../../../src-main/orders/list';
import { listProducts } from '../../../src-main/products/list';
import { financeCutoff, purgeAccount } from '../../../src-main/privacy/account-purge';
import { searchOrders } from '../../../src-main/tiktok/shop/orders';
import type { SyncProgress } from '../../../src-shared/sync';
import {
  connectShop,
  count,
  recomputedOrderDays,
  SHOP_ACCOUNT,
  startWorld,
  storedOrderDays,
  type SyncWorld,
  TestTokenSource,
} from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor } from '../../helpers/sync-service';
import { makeTempDir } from '../../helpers/tmp';

/** Cancel, crash and resume at `demo` scale (20,000 orders, so each shop has ~100 pages). */

let world: SyncWorld;
let totalOrders = 0;

beforeAll(async () => {
  world = await startWorld({ scale: 'demo', config: { shopQps: 100_000 } });
  const shops = await connectShop(world);
  const token = await world.tokens.accessToken(SHOP_ACCOUNT);
  for (const s of shops) {
    const page = await searchOrders(
      {
        app: {
          apiBase: world.profile.shopApiBase,
          appKey: world.profile.shop.appKey,
          appSecret: world.profile.shop.appSecret,
        },
        accessToken: token,
        cipher: s.cipher,
      },
      { pageSize: 1 },
    );
    totalOrders += page.totalCount ?? 0;
  }
}, 60_000);
afterAll(async () => world.close());

async function fresh(): Promise<{ w: SyncWorld; cleanup: () => void }> {
  const tmp = makeTempDir();
  const db = openDatabase(`${tmp.dir}/t.db`);
  const w: SyncWorld = {
    ...world,
    db,
    dbFile: `${tmp.dir}/t.db`,
    tokens: new TestTokenSource(db, world.info),
  };
  await connectShop(w);
  return { w, cleanup: () => (db.close(), tmp.cleanup()) };
}

const ordersInserted = (w: ReturnType<typeof syncServiceFor>): number =>
  w.service
    .history({ limit: 50 })
    .runs.flatMap((r) => r.resources)
    .filter((r) => r.resource === 'orders')
    .reduce((n, r) => n + r.inserted, 0);

describe('cancel, crash and resume', () => {
  it('a cancelled sync keeps whole pages and resumes from its cursor without duplicates', async () => {
    const { w, cleanup } = await fresh();
    try {
      let cancelled = false;
      const t = syncServiceFor(w, {
        limits: { shopQps: 100_000 },
        emit: (event, payload) => {
          const p = payload as SyncProgress;
          if (event === 'sync:progress' && p.resource === 'orders' && p.pagesDone >= 20 && !cancelled) {
            cancelled = true;
            void t.service.cancel({ accountId: SHOP_ACCOUNT });
          }
        },
      });
      await syncAndWait(t, { resources: ['orders'] });
      const first = t.service.history({ limit: 1 }).runs[0]!;
      expect(first.outcome).toBe('cancelled');
      const partial = count(w.db, 'orders');
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(totalOrders);
      expect(storedOrderDays(w.db)).toEqual(recomputedOrderDays(w.db));
      const cursors = w.db
        .prepare(`SELECT cursor FROM sync_cursors WHERE resource = 'orders'`)
        .pluck()
        .all() as string[];
      expect(cursors.some((c) => (JSON.parse(c) as { pass: unknown }).pass !== null)).toBe(true);

      await syncAndWait(t, { resources: ['orders'] });
      expect(t.service.history({ limit: 1 }).runs[0]!.outcome).toBe('ok');
      expect(count(w.db, 'orders')).toBe(totalOrders);
      // Every order was inserted exactly once over the two runs: the resumed pass did not start over.
      expect(ordersInserted(t)).toBe(totalOrders);
      expect(storedOrderDays(w.db)).toEqual(recomputedOrderDays(w.db));
    } finally {
      cleanup();
    }
  }, 60_000);

  it('concurrent triggers coalesce into one run per Account', async () => {
    const { w, cleanup } = await fresh();
    try {
      const t = syncServiceFor(w, { limits: { shopQps: 100_000 } });
      const a = await t.service.run({ resources: ['products'] });
      const b = await t.service.run({ accountId: SHOP_ACCOUNT });
      expect(a.coalesced).toBe(false);
      expect(b).toEqual({ started: a.started, coalesced: true, offline: false });
      expect(t.service.status().accounts[0]).toMatchObject({ state: 'running', runId: a.started[0] });
      await t.service.whenIdle();
      expect(t.service.history({ limit: 10 }).runs).toHaveLength(1);
      expect(t.service.status().accounts[0]).toMatchObject({ state: 'idle', lastOutcome: 'ok' });
    } finally {
      cleanup();
    }
  });

  it('offline: nothing is fetched and the status says so', async () => {
    const { w, cleanup } = await fresh();
    try {
      const t = syncServiceFor(w, { isOnline: async () => false });
      expect(await t.service.run({})).toEqual({ started: [], coalesced: false, offline: true });
      expect(w.tokens.accessTokenCalls).toBe(0);
      expect(t.service.status()).toMatchObject({ online: false, accounts: [{ state: 'offline' }] });
    } finally {
      cleanup();
    }
  });

  it('a process killed with SIGKILL mid-sync resumes without duplicates and leaves an intact database', async () => {
    const { w, cleanup } = await fresh();
    try {
      const token = await w.tokens.accessToken(SHOP_ACCOUNT);
      const child = spawn(
        'npx',
        [
          'tsx',
          '--tsconfig',
          'tsconfig.node.json',
          'tests/integration/sync/child-sync.ts',
          JSON.stringify({
            dbFile: w.dbFile,
            profile: w.profile,
            accountId: SHOP_ACCOUNT,
            accessToken: token,
          }),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'], cwd: process.cwd() },
      );
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // `npx tsx` runs the script in a grandchild; the script reports its own pid so that process is the
      // one killed, exactly as a crash would take it down.
      let pages = 0;
      let pid = 0;
      let killed = false;
      for await (const line of createInterface({ input: child.stdout! })) {
        if (line === 'DONE') break;
        if (line.startsWith('PID ')) {
          pid = Number(line.slice(4));
          continue;
        }
        const p = JSON.parse(line) as SyncProgress;
        pages = Math.max(pages, p.pagesDone);
        if (pages >= 30 && pid > 0) {
          process.kill(pid, 'SIGKILL');
          killed = true;
          break;
        }
      }
      expect(killed).toBe(true);
      await exited;
      const partial = count(w.db, 'orders');
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(totalOrders);
      expect(w.db.pragma('integrity_check', { simple: true })).toBe('ok');
      // The killed sync left the days it wrote marked dirty; starting the sync service again rebuilds them,
      // and the rollups then match the raw rows: no half-written page survived.
      expect(count(w.db, 'rollup_dirty')).toBeGreaterThan(0);
      const t = syncServiceFor(w, { limits: { shopQps: 100_000 } });
      expect(count(w.db, 'rollup_dirty')).toBe(0);
      expect(storedOrderDays(w.db)).toEqual(recomputedOrderDays(w.db));

      const interrupted = t.service.history({ limit: 1 }).runs[0]!;
      expect(interrupted).toMatchObject({ outcome: 'failed' });
      expect(interrupted.error).toEqual({ key: 'sync.errors.interrupted', params: {} });
      await syncAndWait(t, { resources: ['orders'] });
      expect(t.service.history({ limit: 1 }).runs[0]!.outcome).toBe('ok');
      expect(count(w.db, 'orders')).toBe(totalOrders);
      const inserted = t.service.history({ limit: 1 }).runs[0]!.resources.reduce((n, r) => n + r.inserted, 0);
      expect(inserted).toBe(totalOrders - partial);
      expect(storedOrderDays(w.db)).toEqual(recomputedOrderDays(w.db));
      expect(w.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      cleanup();
    }
  }, 60_000);

  it("SIGKILLed 6 times inside a page's write transaction, the database stays intact and whole pages only", async () => {
    const { w, cleanup } = await fresh();
    try {
      const token = await w.tokens.accessToken(SHOP_ACCOUNT);
      // The fewest lines each order had when a kill left it stored: a torn page shows fewer than at the end.
      const seenLines = new Map<string, number>();
      let previous = new Set<string>();
      // A fixed seed, so a failure can be replayed: each round dies at a line of the first ~12 pages left.
      let seed = 15;
      const nextLine = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), 1 + (seed % 2400));
      for (let round = 0; round < 6; round++) {
        const killAtLine = nextLine();
        const { killedInTransaction } = await syncChild(w, token, { killAtLine });
        expect(killedInTransaction, `round ${round}: killed at line ${killAtLine}`).toBe(true);
        // integrity_check runs on a connection opened after the crash, as the app opens one at start-up. Not on
        // this test's own connection: SQLite's FTS5 integrity check reuses the index structure a connection
        // cached when it last read order_search, without noticing the other process's commits since, and so
        // reports order_search malformed while the file is fine (tests/unit/db/fts5-stale-check.test.ts).
        const reopened = openDatabase(w.dbFile);
        try {
          expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
          // Queries are not affected by that: the long-lived connection (as the app's own, while the sync
          // worker writes) finds what a new one finds.
          const word = reopened
            .prepare(`SELECT product_name FROM order_lines ORDER BY rowid DESC LIMIT 1`)
            .pluck()
            .get() as string;
          const search = word.split(' ')[0]!;
          expect(summariseOrders(w.db, { search }, Date.now()).count).toBe(
            summariseOrders(reopened, { search }, Date.now()).count,
          );
        } finally {
          reopened.close();
        }
        // Only whole pages: every stored order with lines has its search row (some sandbox orders have none,
        // as TikTok's can), and all its lines (checked at the end).
        expect(
          w.db
            .prepare(
              `SELECT count(*) FROM orders o WHERE EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.order_id)
                 AND NOT EXISTS (SELECT 1 FROM order_search s WHERE s.rowid = o.rowid)`,
            )
            .pluck()
            .get(),
        ).toBe(0);
        const lines = w.db
          .prepare(
            'SELECT o.order_id, count(l.order_id) FROM orders o LEFT JOIN order_lines l USING (order_id) GROUP BY o.order_id',
          )
          .raw()
          .all() as Array<[string, number]>;
        for (const [id, n] of lines) seenLines.set(id, Math.min(n, seenLines.get(id) ?? n));
        // Nothing a finished page committed is lost by a later kill.
        const ids = new Set(lines.map(([id]) => id));
        for (const id of previous) expect(ids.has(id)).toBe(true);
        previous = ids;
      }
      expect(previous.size).toBeGreaterThan(0);
      // The app starting again finishes the sync: every order once, rollups equal to the raw rows.
      const t = syncServiceFor(w, { limits: { shopQps: 100_000 } });
      await syncAndWait(t, { resources: ['orders'] });
      expect(t.service.history({ limit: 1 }).runs[0]!.outcome).toBe('ok');
      expect(count(w.db, 'orders')).toBe(totalOrders);
      const linesNow = w.db.prepare('SELECT count(*) FROM order_lines WHERE order_id = ?').pluck();
      const torn = [...seenLines].filter(([id, n]) => linesNow.get(id) !== n);
      expect(torn, 'orders a kill left with only some of their lines').toEqual([]);
      expect(storedOrderDays(w.db)).toEqual(recomputedOrderDays(w.db));
      expect(w.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      cleanup();
    }
  }, 240_000);

  it('orders and products are listed from the local database alone; purge deletes them', async () => {
    const { w, cleanup } = await fresh();
    try {
      const t = syncServiceFor(w, { limits: { shopQps: 100_000 } });
      await syncAndWait(t, { resources: ['products', 'orders'] });
      const shopId = w.db
        .prepare('SELECT shop_id FROM shops ORDER BY shop_id LIMIT 1')
        .pluck()
        .get() as string;

      let seen = 0;
      let cursor: string | undefined;
      let prev = Number.POSITIVE_INFINITY;
      for (;;) {
        const page = listOrders(w.db, { limit: 500, cursor }, Date.now());
        for (const o of page.items) {
          expect(o.createTime).toBeLessThanOrEqual(prev);
          prev = o.createTime;
        }
        seen += page.items.length;
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen).toBe(totalOrders);
      expect(summariseOrders(w.db, {}, Date.now()).count).toBe(totalOrders);

      const one = listOrders(w.db, { shopId, limit: 1 }, Date.now()).items[0]!;
      expect(one.total.amountMinor).toBeTypeOf('number');
      expect(listOrders(w.db, { search: one.orderId }, Date.now()).items.map((o) => o.orderId)).toEqual([
        one.orderId,
      ]);
      const byTitle = one.lines[0]?.productName.slice(0, 6);
      if (byTitle)
        expect(listOrders(w.db, { search: byTitle, limit: 5 }, Date.now()).items.length).toBeGreaterThan(0);

      const products = listProducts(w.db, { limit: 50 });
      expect(products.total).toBe(count(w.db, 'products'));
      const p = products.items[0]!;
      expect(
        listProducts(w.db, { search: p.title.slice(0, 5) }).items.some((x) => x.productId === p.productId),
      ).toBe(true);
      expect(listProducts(w.db, { search: '%_\\' }).total).toBe(0);

      await t.service.stopAccount(SHOP_ACCOUNT);
      const purged = purgeAccount(w.db, SHOP_ACCOUNT, financeCutoff(Date.now(), 5), Date.now());
      expect(purged.deleted.orders).toBe(totalOrders);
      for (const table of [
        'orders',
        'order_lines',
        'products',
        'product_skus',
        'order_days',
        'product_days',
        'sync_cursors',
      ])
        expect(count(w.db, table), table).toBe(0);
      // Finance records kept for their retention period keep the (anonymised) Account and its run history.
      expect(t.service.history({ limit: 5 }).runs.length > 0).toBe(purged.account === 'anonymised');
    } finally {
      cleanup();
    }
  });
});

/**
 * Runs `child-sync.ts` (orders of the shop Account into the world's database) in a process of its own, which
 * SIGKILLs itself in the middle of inserting order line `killAtLine` (see there). Resolves when the process
 * is gone; `killedInTransaction` is false when it finished first or was not inside a transaction.
 */
async function syncChild(
  w: SyncWorld,
  accessToken: string,
  options: { killAtLine: number },
): Promise<{ killedInTransaction: boolean }> {
  // Node itself with tsx's loader, not `npx tsx` (two processes more to start six times).
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'tests/integration/sync/child-sync.ts',
      JSON.stringify({
        dbFile: w.dbFile,
        profile: w.profile,
        accountId: SHOP_ACCOUNT,
        accessToken,
        ...options,
      }),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: process.cwd(),
      env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.node.json' },
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let killedInTransaction = false;
  // The stream ends when the killed process's end of the pipe closes.
  for await (const line of createInterface({ input: child.stdout! }))
    if (line.startsWith('KILL ')) killedInTransaction = line.endsWith(' true');
  await exited;
  return { killedInTransaction };
}
