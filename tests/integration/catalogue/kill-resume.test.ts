import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fromMinorUnits } from '../../../src-main/core/money';
import {
  type CatalogueWorld,
  editableProducts,
  sandboxWrites,
  startCatalogueWorld,
} from '../../helpers/catalogue-world';
import { admin, SHOP_ACCOUNT } from '../../helpers/sync-fixtures';

let w: CatalogueWorld;
beforeEach(async () => {
  w = await startCatalogueWorld({ reconcileDelayMs: 300 });
});
afterEach(async () => w.close());

it('a process killed with SIGKILL mid-batch resumes, and every SKU reaches TikTok exactly once', async () => {
  const skus = [...(await editableProducts(w)).values()].flat();
  const items = skus.map((s) => ({
    skuId: s.sku_id,
    price: fromMinorUnits(s.price_minor + 111, s.currency),
  }));
  // Slow answers so the kill lands while requests are in flight, and every third answer lost after the write.
  await admin(w.world.info, 'POST', '/faults', {
    latencyMs: 150,
    commitThenGatewayTimeoutEveryN: 3,
    pathContains: '/prices/update',
  });
  const child = spawn(
    'npx',
    [
      'tsx',
      '--tsconfig',
      'tsconfig.node.json',
      'tests/helpers/child-catalogue.ts',
      JSON.stringify({
        dbFile: w.world.dbFile,
        profile: w.world.profile,
        accessToken: await w.world.tokens.accessToken(SHOP_ACCOUNT),
        items,
        reconcileDelayMs: 300,
      }),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], cwd: process.cwd() },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let pid = 0;
  let killed = false;
  for await (const line of createInterface({ input: child.stdout! })) {
    if (line === 'DONE') break;
    if (line.startsWith('PID ')) {
      pid = Number(line.slice(4));
      continue;
    }
    const { counts } = JSON.parse(line) as { counts: Record<string, number> };
    if ((counts.done ?? 0) >= 2 && pid > 0) {
      process.kill(pid, 'SIGKILL');
      killed = true;
      break;
    }
  }
  expect(killed).toBe(true);
  await exited;
  const open = () =>
    w.world.db
      .prepare(`SELECT COUNT(*) FROM catalogue_writes WHERE state IN ('queued', 'sending', 'unknown')`)
      .pluck()
      .get() as number;
  expect(open()).toBeGreaterThan(0);

  // The next start reads back what the killed process had in flight before sending anything.
  for (let i = 0; i < 100 && open() > 0; i++) {
    await w.catalogue.queue.kick();
    if (open() > 0) await new Promise((r) => setTimeout(r, 100));
  }
  const states = w.world.db.prepare('SELECT state, COUNT(*) AS n FROM catalogue_writes GROUP BY state').all();
  expect(states).toEqual([{ state: 'done', n: skus.length }]);
  const writes = await sandboxWrites(w.world, 'product.price');
  const perProduct = new Map<string, number>();
  for (const x of writes) perProduct.set(x.detail.productId, (perProduct.get(x.detail.productId) ?? 0) + 1);
  expect([...perProduct.values()].every((n) => n === 1)).toBe(true);
  expect(perProduct.size).toBe(new Set(skus.map((s) => s.product_id)).size);
  const stored = w.world.db.prepare('SELECT price_minor FROM product_skus WHERE sku_id = ?').pluck();
  for (const s of skus) expect(stored.get(s.sku_id)).toBe(s.price_minor + 111);
}, 60_000);
