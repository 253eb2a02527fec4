import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromMinorUnits } from '../../../src-main/core/money';
import type { Change } from '../../../src-shared/catalogue';
import {
  type CatalogueWorld,
  editableProducts,
  sandboxCalls,
  sandboxWrites,
  type SkuRow,
  startCatalogueWorld,
} from '../../helpers/catalogue-world';
import { admin } from '../../helpers/sync-fixtures';

let w: CatalogueWorld;
beforeEach(async () => {
  w = await startCatalogueWorld();
});
afterEach(async () => w.close());

const price = (minor: number) => fromMinorUnits(minor, 'USD');
const storedPrice = (skuId: string) =>
  w.world.db.prepare('SELECT price_minor FROM product_skus WHERE sku_id = ?').pluck().get(skuId) as number;
const states = (c: Change) => Object.fromEntries(c.items.map((i) => [i.skuId, i.state]));

async function twoProducts(): Promise<[SkuRow[], SkuRow[]]> {
  const products = [...(await editableProducts(w, 1)).values()];
  const multi = products.find((p) => p.length >= 2)!;
  const other = products.find((p) => p !== multi && p[0]!.shop_id !== multi[0]!.shop_id)!;
  return [multi, other];
}

/** Polls `done` (running `step` between looks) until it holds; fails after 20 s with what it waited for. */
async function until(done: () => boolean, step?: () => Promise<unknown>): Promise<void> {
  for (const started = Date.now(); !done();) {
    if (Date.now() - started > 20_000) throw new Error(`still waiting after 20 s for ${done.toString()}`);
    await step?.();
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('price changes through the write queue', () => {
  it('changes prices in two shops, one request per product, and the row, history and activity log agree', async () => {
    const [a, b] = await twoProducts();
    const items = [...a.slice(0, 2), b[0]!].map((s) => ({
      skuId: s.sku_id,
      price: price(s.price_minor + 100),
    }));
    const change = await w.catalogue.edits.updatePrices({ items, label: '+$1', wait: true });
    expect(change.finishedAt).not.toBeNull();
    expect(Object.values(states(change))).toEqual(['done', 'done', 'done']);
    expect(change.canUndo).toBe(true);

    const writes = await sandboxWrites(w.world, 'product.price');
    expect(writes).toHaveLength(2);
    const forA = writes.find((x) => x.detail.productId === a[0]!.product_id)!;
    expect(forA.answer).toBe('sent');
    expect(forA.detail.request).toEqual({
      skus: a.slice(0, 2).map((s) => ({
        id: s.sku_id,
        price: { amount: price(s.price_minor + 100), currency: s.currency },
      })),
    });
    for (const s of [...a.slice(0, 2), b[0]!]) expect(storedPrice(s.sku_id)).toBe(s.price_minor + 100);

    // The product summary follows its SKUs; history holds the synced and the edited price.
    const history = w.world.db
      .prepare('SELECT source, price_minor FROM sku_price_history WHERE sku_id = ? ORDER BY at')
      .all(b[0]!.sku_id);
    expect(history).toEqual([
      { source: 'sync', price_minor: b[0]!.price_minor },
      { source: 'edit', price_minor: b[0]!.price_minor + 100 },
    ]);
    const logged = w.activity.list({ limit: 10, kind: 'catalogue.priceChanged' }).items;
    expect(logged).toHaveLength(3);
    expect(logged.find((e) => e.params.new === price(b[0]!.price_minor + 100))?.params).toMatchObject({
      old: price(b[0]!.price_minor),
      currency: b[0]!.currency,
    });
    expect(w.events.at(-1)?.finishedAt).not.toBeNull();
  });

  it('refuses bad values before any request, each with its reason', async () => {
    const [a] = await twoProducts();
    const sku = a[0]!;
    const review = w.catalogue.edits.review({
      kind: 'price',
      items: [
        { skuId: sku.sku_id, price: 'twelve' },
        { skuId: a[1]!.sku_id, price: '-3' },
      ],
    });
    expect(review.items.map((i) => i.refusal?.reason)).toEqual(['notNumber', 'negative']);
    expect(review.sendable).toBe(0);
    // A value that cannot be sent refuses the whole request; nothing is stored.
    for (const [text, reason] of [
      ['12.999', 'tooManyDecimals'],
      ['0', 'zeroPrice'],
      ['abc', 'notNumber'],
    ] as const) {
      await expect(
        w.catalogue.edits.updatePrices({
          items: [
            { skuId: sku.sku_id, price: text },
            { skuId: a[1]!.sku_id, price: price(a[1]!.price_minor + 1) },
          ],
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION', details: { refusals: [{ skuId: sku.sku_id, reason }] } });
    }
    const warehouseId = (JSON.parse(sku.warehouses) as Array<{ warehouseId: string }>)[0]!.warehouseId;
    for (const quantity of [100_000, -1]) {
      await expect(
        w.catalogue.edits.updateInventory({ items: [{ skuId: sku.sku_id, quantity, warehouseId }] }),
      ).rejects.toMatchObject({ details: { refusals: [{ reason: 'stockRange' }] } });
    }
    await expect(
      w.catalogue.edits.updatePrices({ items: [{ skuId: 'nope', price: '1.00' }] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { refusals: [{ reason: 'unknownSku' }] },
    });
    expect(w.catalogue.edits.changes({}).items).toEqual([]);
    // Unchanged: kept in the change as refused, with the others.
    const same = await w.catalogue.edits.updatePrices({
      items: [{ skuId: sku.sku_id, price: price(sku.price_minor) }],
      wait: true,
    });
    expect(same.items[0]).toMatchObject({ state: 'refused', outcome: { reason: 'noChange' } });
    expect(await sandboxCalls(w.world, '/update')).toEqual([]);
    expect(await sandboxCalls(w.world, '/product/202309/products/')).toEqual([]);
  });

  it('refuses a product that is not live (as synced), and one that TikTok says is not live or in a promotion', async () => {
    const [a, b] = await twoProducts();
    // Not live in the local data: refused without a request.
    w.world.db
      .prepare(`UPDATE products SET status = 'SELLER_DEACTIVATED' WHERE product_id = ?`)
      .run(b[0]!.product_id);
    const local = await w.catalogue.edits.updatePrices({
      items: [{ skuId: b[0]!.sku_id, price: price(b[0]!.price_minor + 5) }],
      wait: true,
    });
    expect(local.items[0]).toMatchObject({ state: 'refused', outcome: { reason: 'productNotActive' } });
    // In a promotion at TikTok: the read before sending finds it; nothing is written.
    await admin(w.world.info, 'POST', '/products', { productId: a[0]!.product_id, inPromotion: true });
    const promo = await w.catalogue.edits.updatePrices({
      items: [{ skuId: a[0]!.sku_id, price: price(a[0]!.price_minor + 5) }],
      wait: true,
    });
    expect(promo.items[0]).toMatchObject({ state: 'refused', outcome: { reason: 'inPromotion' } });
    expect(promo.items[0]!.outcome?.params.promotion).toMatch(/flash deal/);
    expect(await sandboxWrites(w.world, 'product.price')).toEqual([]);
    expect(storedPrice(a[0]!.sku_id)).toBe(a[0]!.price_minor);
  });

  it('shows a value changed at TikTok since the sync and sends nothing until the merchant decides', async () => {
    const [a] = await twoProducts();
    const sku = a[0]!;
    await admin(w.world.info, 'POST', '/products', {
      productId: sku.product_id,
      skus: [{ id: sku.sku_id, price: price(sku.price_minor + 700) }],
    });
    const first = await w.catalogue.edits.updatePrices({
      items: [{ skuId: sku.sku_id, price: price(sku.price_minor + 100) }],
      wait: true,
    });
    expect(first.items[0]).toMatchObject({
      state: 'conflict',
      outcome: { reason: 'remoteChanged' },
      remote: { kind: 'price', price: { amountMinor: sku.price_minor + 700 } },
    });
    expect(await sandboxWrites(w.world, 'product.price')).toEqual([]);
    // The row now shows what TikTok has.
    expect(storedPrice(sku.sku_id)).toBe(sku.price_minor + 700);
    // The merchant saw the remote price and overwrites it on purpose.
    const second = await w.catalogue.edits.updatePrices({
      items: [
        { skuId: sku.sku_id, price: price(sku.price_minor + 100), expected: price(sku.price_minor + 700) },
      ],
      wait: true,
    });
    expect(second.items[0]!.state).toBe('done');
    expect(await sandboxWrites(w.world, 'product.price')).toHaveLength(1);
  });

  it('is refused with OFFLINE and queues nothing when TikTok cannot be reached', async () => {
    const [a] = await twoProducts();
    w.online.value = false;
    await expect(
      w.catalogue.edits.updatePrices({
        items: [{ skuId: a[0]!.sku_id, price: price(a[0]!.price_minor + 1) }],
      }),
    ).rejects.toMatchObject({ code: 'OFFLINE' });
    expect(w.catalogue.edits.changes({}).items).toEqual([]);
  });

  it('undoes the last change once, through the same checks', async () => {
    const [a, b] = await twoProducts();
    const skus = [a[0]!, b[0]!];
    const change = await w.catalogue.edits.updatePrices({
      items: skus.map((s) => ({ skuId: s.sku_id, price: price(s.price_minor + 250) })),
      wait: true,
    });
    const undo = await w.catalogue.edits.undo({ changeId: change.id });
    expect(undo.undoOf).toBe(change.id);
    await w.catalogue.queue.kick();
    const done = w.catalogue.edits.change({ changeId: undo.id });
    expect(Object.values(states(done))).toEqual(['done', 'done']);
    for (const s of skus) expect(storedPrice(s.sku_id)).toBe(s.price_minor);
    expect(await sandboxWrites(w.world, 'product.price')).toHaveLength(4);
    expect(w.catalogue.edits.change({ changeId: change.id })).toMatchObject({
      undoneBy: undo.id,
      canUndo: false,
    });
    await expect(w.catalogue.edits.undo({ changeId: change.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(w.catalogue.edits.undo({ changeId: undo.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('stock changes', () => {
  it("sends every warehouse of the SKU and shows TikTok's per-SKU answer on each SKU", async () => {
    const [a] = await twoProducts();
    const [up, down] = a;
    const upW = JSON.parse(up!.warehouses) as Array<{ warehouseId: string; quantity: number }>;
    const downW = JSON.parse(down!.warehouses) as Array<{ warehouseId: string; quantity: number }>;
    // In a promotion TikTok takes stock increases only: one SKU goes up, the other down.
    await admin(w.world.info, 'POST', '/products', { productId: up!.product_id, inPromotion: true });
    const change = await w.catalogue.edits.updateInventory({
      items: [
        { skuId: up!.sku_id, warehouseId: upW[0]!.warehouseId, quantity: upW[0]!.quantity + 5 },
        { skuId: down!.sku_id, warehouseId: downW[0]!.warehouseId, quantity: 0 },
      ],
      wait: true,
    });
    expect(states(change)).toEqual({ [up!.sku_id]: 'done', [down!.sku_id]: 'failed' });
    const failed = change.items.find((i) => i.skuId === down!.sku_id)!;
    expect(failed.remoteCode).toBe(12052393);
    expect(failed.outcome?.message).toMatch(/below current stock/);
    const [write] = await sandboxWrites(w.world, 'product.inventory');
    expect(write!.detail.appliedSkuIds).toEqual([up!.sku_id]);
    // Every warehouse of each SKU was listed, the untouched ones at their stored quantity.
    const sent = write!.detail.request.skus.find((s) => s.id === up!.sku_id) as {
      inventory: Array<{ warehouse_id: string; quantity: number }>;
    };
    expect(sent.inventory.map((i) => i.warehouse_id)).toEqual(upW.map((x) => x.warehouseId));
    const stored = w.world.db.prepare('SELECT inventory FROM product_skus WHERE sku_id = ?').pluck();
    expect(stored.get(up!.sku_id)).toBe(upW.reduce((n, x) => n + x.quantity, 0) + 5);
    expect(stored.get(down!.sku_id)).toBe(downW.reduce((n, x) => n + x.quantity, 0));
  });
});

describe('lost answers are read back, never sent twice', () => {
  for (const fault of [
    'commitThenGatewayTimeoutEveryN',
    'commitThenServerErrorEveryN',
    'commitThenDropEveryN',
  ]) {
    it(`${fault}: the write happened once, the read-back says so, nothing is sent again`, async () => {
      const [a] = await twoProducts();
      await admin(w.world.info, 'POST', '/faults', { [fault]: 1, pathContains: '/prices/update' });
      const change = await w.catalogue.edits.updatePrices({
        items: [{ skuId: a[0]!.sku_id, price: price(a[0]!.price_minor + 300) }],
        wait: true,
      });
      expect(change.items[0]!.state).toBe('done');
      const writes = await sandboxWrites(w.world, 'product.price');
      expect(writes).toHaveLength(1);
      expect(writes[0]!.answer).not.toBe('sent');
      expect(await sandboxCalls(w.world, '/prices/update')).toHaveLength(1);
      expect(storedPrice(a[0]!.sku_id)).toBe(a[0]!.price_minor + 300);
    });
  }

  it('a connection dropped before TikTok acted is read back as not done and sent once more', async () => {
    await w.close();
    // The read-back waits long enough that clearing the fault below always comes first, even on a loaded CI.
    w = await startCatalogueWorld({ reconcileDelayMs: 1_500 });
    const [a] = await twoProducts();
    await admin(w.world.info, 'POST', '/faults', { dropConnectionEveryN: 1, pathContains: '/prices/update' });
    const change = await w.catalogue.edits.updatePrices({
      items: [{ skuId: a[0]!.sku_id, price: price(a[0]!.price_minor + 40) }],
    });
    const item = () => w.catalogue.edits.change({ changeId: change.id }).items[0]!;
    // Waits on what happened, not on the clock: the first answer is lost (the SKU's outcome is unknown),
    // then the fault is cleared while the queue waits to read the product back.
    await until(() => item().state === 'unknown');
    await admin(w.world.info, 'DELETE', '/faults');
    await until(
      () => w.catalogue.edits.change({ changeId: change.id }).finishedAt !== null,
      () => w.catalogue.queue.kick(),
    );
    const final = w.catalogue.edits.change({ changeId: change.id });
    expect(final.items[0]).toMatchObject({ state: 'done', attempts: 2 });
    expect(await sandboxWrites(w.world, 'product.price')).toHaveLength(1);
  });
});
