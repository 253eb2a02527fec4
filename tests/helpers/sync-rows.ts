import { openDatabase, type Database } from '../../src-main/db/connection';
import type { Order } from '../../src-main/tiktok/shop/orders';

/** An in-memory database with one shop Account, for writer-level tests. */
export function memoryDbWithAccount(accountId = 'acct-1', shopId = 'shop-1'): Database {
  const db = openDatabase(':memory:');
  const now = Date.now();
  db.prepare(
    `INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
     VALUES (?, 'shop', 'active', ?, 'Test', ?, ?)`,
  ).run(accountId, `r-${accountId}`, now, now);
  db.prepare(
    `INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES (?, ?, 'Shop', 'US', 'USD', 'c')`,
  ).run(shopId, accountId);
  return db;
}

/**
 * A plausible normalised order; `i` varies ids, time and amounts. Orders come one every 7 minutes and draw
 * from 40 products, so a page of 100 spans about half a day, like a page of a sync sorted by time.
 */
export function makeOrder(i: number, over: Partial<Order> = {}): Order {
  const day = Date.UTC(2026, 0, 1) + i * 7 * 60_000;
  const lines = Array.from({ length: 1 + (i % 3) }, (_, l) => ({
    lineId: `L${i}-${l}`,
    productId: `P${(i * 3 + l) % 40}`,
    productName: `Product ${(i * 3 + l) % 40}`,
    skuId: `S${(i * 3 + l) % 40}`,
    skuName: 'Default',
    sellerSku: null,
    currency: 'USD',
    originalPriceMinor: 1000 + l,
    salePriceMinor: 900 + l,
    sellerDiscountMinor: 100,
    platformDiscountMinor: 0,
    displayStatus: 'COMPLETED',
    packageStatus: 'DELIVERED',
    cancelled: false,
  }));
  const sum = lines.reduce((n, l) => n + l.salePriceMinor, 0);
  return {
    orderId: `O${String(i).padStart(6, '0')}`,
    status: 'COMPLETED',
    currency: 'USD',
    createTime: day,
    updateTime: day + 3_600_000,
    paidTime: day + 60_000,
    buyerUserId: `B${i}`,
    shippingType: 'TIKTOK',
    trackingNumber: null,
    cancelReason: null,
    rtsSlaTime: day + 3 * 86_400_000,
    ttsSlaTime: day + 7 * 86_400_000,
    rtsTime: null,
    collectionTime: null,
    deliveryTime: null,
    cancelTime: null,
    isSampleOrder: false,
    shippingProvider: null,
    deliveryOption: null,
    cancellationInitiator: null,
    totalMinor: sum + 499,
    subTotalMinor: sum,
    originalTotalMinor: sum + 100 * lines.length,
    shippingFeeMinor: 499,
    sellerDiscountMinor: 100 * lines.length,
    platformDiscountMinor: 0,
    taxMinor: 0,
    lines,
    ...over,
  };
}
