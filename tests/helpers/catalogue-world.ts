import type { Change } from '../../src-shared/catalogue';
import { ActivityLog } from '../../src-main/activity/activity-log';
import { type Catalogue, createCatalogue } from '../../src-main/catalogue/catalogue';
import { silentLogger } from '../../src-main/log/logger';
import { admin, connectShop, startWorld, type SyncWorld } from './sync-fixtures';
import { syncAndWait, syncServiceFor } from './sync-service';

export interface CatalogueWorld {
  world: SyncWorld;
  catalogue: Catalogue;
  activity: ActivityLog;
  events: Change[];
  online: { value: boolean };
  close(): Promise<void>;
}

export interface SandboxWrite {
  seq: number;
  kind: string;
  shopId: string;
  answer: string;
  detail: { productId: string; request: { skus: Array<Record<string, unknown>> }; appliedSkuIds?: string[] };
}

/** Every write the sandbox accepted of one kind (`product.price`, `product.inventory`). */
export async function sandboxWrites(world: SyncWorld, kind: string): Promise<SandboxWrite[]> {
  const res = (await admin(world.info, 'GET', `/writes?kind=${kind}`)) as { entries: SandboxWrite[] };
  return res.entries;
}

/** Requests to paths containing `part`, as the sandbox logged them. */
export async function sandboxCalls(
  world: SyncWorld,
  part: string,
): Promise<Array<{ path: string; committed: boolean }>> {
  const res = (await admin(world.info, 'GET', '/requests?limit=5000')) as {
    entries: Array<{ path: string; committed: boolean }>;
  };
  return res.entries.filter((e) => e.path.includes(part));
}

/**
 * The sandbox at `tiny` scale with one shop Account whose products are synced, and the catalogue services
 * over that database talking to the sandbox over real HTTP with real signing.
 */
export async function startCatalogueWorld(
  options: { reconcileDelayMs?: number; scale?: 'tiny' | 'demo' } = {},
): Promise<CatalogueWorld> {
  const world = await startWorld(options.scale ? { scale: options.scale, config: { shopQps: 100_000 } } : {});
  await connectShop(world);
  await syncAndWait(syncServiceFor(world), { resources: ['products'] });
  const activity = new ActivityLog(world.db, Date.now);
  const events: Change[] = [];
  const online = { value: true };
  const catalogue = createCatalogue({
    db: world.db,
    activity,
    now: Date.now,
    logger: silentLogger(),
    tokens: world.tokens,
    profile: world.profile,
    isOnline: async () => online.value,
    emitChange: (c) => events.push(c),
    queue: { reconcileDelayMs: options.reconcileDelayMs ?? 0, retryUnknownMs: 100 },
  });
  return {
    world,
    catalogue,
    activity,
    events,
    online,
    close: async () => {
      await catalogue.close();
      await world.close();
    },
  };
}

export interface SkuRow {
  sku_id: string;
  product_id: string;
  shop_id: string;
  price_minor: number;
  currency: string;
  warehouses: string;
}

/** Live products with at least `minSkus` SKUs, per shop, taken out of any promotion at the sandbox. */
export async function editableProducts(w: CatalogueWorld, minSkus = 1): Promise<Map<string, SkuRow[]>> {
  const rows = w.world.db
    .prepare(
      `SELECT s.sku_id, s.product_id, p.shop_id, s.price_minor, s.currency, s.warehouses
       FROM product_skus s JOIN products p ON p.product_id = s.product_id
       WHERE p.status = 'ACTIVATE' ORDER BY p.shop_id, p.product_id, s.sku_id`,
    )
    .all() as SkuRow[];
  const byProduct = new Map<string, SkuRow[]>();
  for (const r of rows) byProduct.set(r.product_id, [...(byProduct.get(r.product_id) ?? []), r]);
  for (const [id, skus] of byProduct) {
    if (skus.length < minSkus) byProduct.delete(id);
    else await admin(w.world.info, 'POST', '/products', { productId: id, inPromotion: false });
  }
  return byProduct;
}
