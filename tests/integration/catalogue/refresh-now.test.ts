import { afterAll, beforeAll, expect, it } from 'vitest';
import { OrdersService } from '../../../src-main/orders/orders-service';
import { refreshProduct } from '../../../src-main/products/detail';
import {
  type CatalogueWorld,
  editableProducts,
  sandboxCalls,
  startCatalogueWorld,
} from '../../helpers/catalogue-world';
import { admin } from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor } from '../../helpers/sync-service';

/**
 * Issue 13 item 6, "refresh this order/product now": one record is read again from TikTok (the sandbox, real
 * HTTP and signing) with one request, and what changed there shows without a sync.
 */

let w: CatalogueWorld;
beforeAll(async () => {
  w = await startCatalogueWorld();
  await syncAndWait(syncServiceFor(w.world), { resources: ['orders'] });
}, 90_000);
afterAll(async () => w.close());

it('re-reads one product: a price and stock changed at TikTok show at once, with its pictures', async () => {
  const [skus] = [...(await editableProducts(w)).values()];
  const { product_id: productId, sku_id: skuId, warehouses } = skus![0]!;
  const warehouseId = (JSON.parse(warehouses) as Array<{ warehouseId: string }>)[0]!.warehouseId;
  await admin(w.world.info, 'POST', '/products', {
    productId,
    skus: [{ id: skuId, price: '77.70', inventory: [{ warehouse_id: warehouseId, quantity: 4321 }] }],
  });
  const before = (await sandboxCalls(w.world, `/products/${productId}`)).length;

  const detail = await refreshProduct({ db: w.world.db, api: w.catalogue.api, now: Date.now }, productId);

  expect((await sandboxCalls(w.world, `/products/${productId}`)).length).toBe(before + 1);
  const sku = detail.product.skus.find((s) => s.skuId === skuId)!;
  expect(sku.price?.amountMinor).toBe(7770);
  expect(sku.warehouses.find((x) => x.warehouseId === warehouseId)?.quantity).toBe(4321);
  expect(w.world.db.prepare('SELECT price_minor FROM product_skus WHERE sku_id = ?').pluck().get(skuId)).toBe(
    7770,
  );
  expect(detail.images.length).toBeGreaterThan(0);
  expect(detail.mediaFetchedAt).not.toBeNull();
});

it('re-reads one order with Get Order Detail and stores what the drawer shows', async () => {
  const orderId = w.world.db
    .prepare("SELECT order_id FROM orders WHERE status = 'AWAITING_SHIPMENT' LIMIT 1")
    .pluck()
    .get() as string;
  const stored = w.world.db.prepare('SELECT rts_sla_time FROM orders WHERE order_id = ?').pluck();
  const shipBy = stored.get(orderId);
  expect(shipBy).toEqual(expect.any(Number));
  // As an older sync left it: the ship-by time not known yet.
  w.world.db.prepare('UPDATE orders SET rts_sla_time = NULL WHERE order_id = ?').run(orderId);
  const orders = new OrdersService({ db: w.world.db, api: w.catalogue.api, now: Date.now });
  const before = (await sandboxCalls(w.world, '/order/202507/orders')).length;

  const refreshed = await orders.refresh(orderId);

  expect((await sandboxCalls(w.world, '/order/202507/orders')).length).toBe(before + 1);
  expect(stored.get(orderId)).toBe(shipBy);
  expect(refreshed.detail.shipping.shipBy).toBe(shipBy);
  await expect(orders.refresh('5799999999999999999')).rejects.toMatchObject({ code: 'NOT_FOUND' });
});
