import type { Database } from '../../src-main/db/connection';
import { memoryDbWithAccount } from './sync-rows';

export interface TestSku {
  skuId: string;
  sellerSku: string | null;
  priceMinor: number;
  warehouses?: Array<{ warehouseId: string; quantity: number }>;
}

/** Adds a product with its SKUs straight into the synced tables (no sandbox involved). */
export function addProduct(
  db: Database,
  p: {
    productId: string;
    shopId?: string;
    accountId?: string;
    title?: string;
    status?: string;
    skus: TestSku[];
  },
): void {
  const shopId = p.shopId ?? 'shop-1';
  const currency =
    (db.prepare('SELECT currency FROM shops WHERE shop_id = ?').pluck().get(shopId) as string | undefined) ??
    'USD';
  const prices = p.skus.map((s) => s.priceMinor);
  const stock = (s: TestSku) =>
    (s.warehouses ?? [{ warehouseId: 'W1', quantity: 10 }]).reduce((n, w) => n + w.quantity, 0);
  db.prepare(
    `INSERT INTO products (product_id, account_id, shop_id, title, status, currency, min_price_minor, max_price_minor,
       inventory, sku_count, create_time, update_time, etag, synced_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 'e', 1)`,
  ).run(
    p.productId,
    p.accountId ?? 'acct-1',
    shopId,
    p.title ?? `Product ${p.productId}`,
    p.status ?? 'ACTIVATE',
    currency,
    Math.min(...prices),
    Math.max(...prices),
    p.skus.reduce((n, s) => n + stock(s), 0),
    p.skus.length,
  );
  const insert = db.prepare(
    `INSERT INTO product_skus (sku_id, product_id, seller_sku, currency, price_minor, inventory, warehouses)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of p.skus)
    insert.run(
      s.skuId,
      p.productId,
      s.sellerSku,
      currency,
      s.priceMinor,
      stock(s),
      JSON.stringify(s.warehouses ?? [{ warehouseId: 'W1', quantity: 10 }]),
    );
}

/** One account, a US (USD) and a JP (JPY) shop, three products; the JP shop reuses a seller SKU. */
export function catalogueDb(): Database {
  const db = memoryDbWithAccount('acct-1', 'shop-1');
  db.prepare(
    `INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('shop-jp', 'acct-1', 'Tokyo', 'JP', 'JPY', 'c2')`,
  ).run();
  addProduct(db, {
    productId: 'P1',
    title: 'Soy Candle',
    skus: [
      { skuId: 'S1', sellerSku: 'CANDLE-S', priceMinor: 1299 },
      { skuId: 'S2', sellerSku: 'CANDLE-L', priceMinor: 1999 },
    ],
  });
  addProduct(db, {
    productId: 'P2',
    title: '=HYPERLINK("x")',
    skus: [{ skuId: 'S3', sellerSku: 'MUG', priceMinor: 899 }],
  });
  addProduct(db, {
    productId: 'P3',
    shopId: 'shop-jp',
    title: 'Soy Candle JP',
    skus: [{ skuId: 'S4', sellerSku: 'CANDLE-S', priceMinor: 1500 }],
  });
  return db;
}
