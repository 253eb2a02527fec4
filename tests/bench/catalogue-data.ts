import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database } from '../../src-main/db/connection';
import { latestVersion } from '../../src-main/db/migrations/index';
import { generateDataset } from '../../src-main/sandbox/data/generator';
import { orderFlag } from '../../src-main/sandbox/data/dataset';
import { JsonWriter } from '../../src-main/sandbox/json-writer';
import { writeOrder } from '../../src-main/sandbox/shop/order-json';
import { createWriters } from '../../src-main/sync/store/writers';
import { toMinorUnits } from '../../src-main/core/money';
import { normaliseOrder, orderSchema } from '../../src-main/tiktok/shop/orders';
import type { Product } from '../../src-main/tiktok/shop/products';

/**
 * The `bench` dataset (1M orders, 20k products, two shops) as a synced database, for the Orders and
 * Products page figures. Orders go through the same path as a sync: the sandbox's order JSON, the app's
 * schema and normalisation, and the sync writers (creation-ordered keys, search index, lines). Building
 * it takes a few minutes, so the file is kept in the temp folder per schema version and data day.
 */

const ACCOUNT = 'acct-bench';

export async function catalogueBenchDb(log: (line: string) => void): Promise<{ db: Database; file: string }> {
  const nowSec = Math.floor(Date.now() / 1000);
  const day = new Date(nowSec * 1000).toISOString().slice(0, 10);
  const file = join(tmpdir(), `shopmesh-bench-catalogue-v${latestVersion}-${day}.db`);
  if (existsSync(file)) return { db: openDatabase(file), file };

  const started = performance.now();
  const ds = generateDataset({ scale: 'bench', seed: 20240917, nowSec });
  const building = `${file}.building`;
  rmSync(building, { force: true });
  rmSync(`${building}-wal`, { force: true });
  const db = openDatabase(building);
  db.pragma('synchronous = OFF');
  db.prepare(
    `INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
     VALUES (?, 'shop', 'active', 'bench', 'Bench seller', 0, 0)`,
  ).run(ACCOUNT);
  const shop = db.prepare(
    'INSERT INTO shops (shop_id, account_id, name, region, currency, cipher, seller_type) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const s of ds.shops) shop.run(s.id, ACCOUNT, s.name, s.region, s.currency, s.cipher, s.sellerType);
  const writers = createWriters(db);

  for (const s of ds.shops) {
    const products: Product[] = [];
    for (let k = 0; k < s.productCount; k++) {
      const p = ds.products[s.productStart + k]!;
      products.push({
        productId: p.id,
        title: p.title,
        status: p.status,
        auditStatus: p.status === 'ACTIVATE' ? 'APPROVED' : null,
        listingQualityTier: null,
        hasDraft: false,
        createTime: p.createTime * 1000,
        updateTime: p.updateTime * 1000,
        skus: p.skus.map((sku) => ({
          skuId: sku.id,
          sellerSku: sku.sellerSku,
          currency: s.currency,
          priceMinor: toMinorUnits(sku.price, s.currency),
          inventory: sku.inventory.reduce((n, w) => n + w.quantity, 0),
          warehouses: sku.inventory.map((w) => ({ warehouseId: w.warehouseId, quantity: w.quantity })),
          status: 'NORMAL',
          deactivationSource: null,
        })),
      });
    }
    db.transaction(() => writers.products.write(ACCOUNT, s.id, products, Date.now()))();
  }

  // Orders in creation order per shop, a page of 100 per transaction, as the first sync writes them.
  const affiliate = db.prepare(
    `INSERT INTO affiliate_orders (order_id, account_id, shop_id, status, create_time, currency, gmv_minor,
       est_commission_minor, actual_commission_minor, etag, synced_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', 0)`,
  );
  let done = 0;
  for (const s of ds.shops) {
    const indexes = ds.orders.byCreate[s.index] ?? new Uint32Array(0);
    for (let at = 0; at < indexes.length; at += 100) {
      const page = Array.from(indexes.subarray(at, at + 100));
      const orders = page.map((i) => {
        const w = new JsonWriter();
        writeOrder(w, ds, i);
        return normaliseOrder(orderSchema.parse(JSON.parse(w.bytes().toString('utf8'))));
      });
      db.transaction(() => {
        writers.orders.write(ACCOUNT, s.id, orders, Date.now());
        page.forEach((i, k) => {
          if (!((ds.orders.flags[i] ?? 0) & orderFlag.affiliate)) return;
          const o = orders[k]!;
          affiliate.run(o.orderId, ACCOUNT, s.id, o.status, o.createTime, o.currency, o.totalMinor, 0, 0);
        });
      })();
      done += page.length;
      if (done % 100_000 < 100) log(`  catalogue bench data: ${done} orders`);
    }
  }
  writers.rollups.refreshAll();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(building, file);
  log(`  catalogue bench data built in ${Math.round((performance.now() - started) / 1000)} s`);
  return { db: openDatabase(file), file };
}
