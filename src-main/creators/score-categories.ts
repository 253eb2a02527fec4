import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { Logger } from '../log/logger';
import { getProduct } from '../tiktok/shop/product-detail';
import type { ShopApi } from './shop-api';

/**
 * What the score's "category match" and "region match" compare creators with: the categories of the
 * merchant's own synced products and the regions of their connected shops (an Account disconnected keeps
 * its rows for history but no longer says what the merchant sells or where).
 *
 * Product search carries no category, so each product is read once with Get Product (its `category_chains`,
 * docs/tiktok-api/shop-data.md "Product categories") and again only when its `update_time` moved.
 */

export interface MerchantCategory {
  id: string;
  name: string;
}

/** Shops of Accounts still connected (a token that needs renewing still counts: the shop is the merchant's). */
const connectedShops = `SELECT s.shop_id FROM shops s JOIN accounts a ON a.id = s.account_id
  WHERE a.disconnected_at IS NULL`;

export function connectedShopRegions(db: Database): string[] {
  return db
    .prepare(`SELECT DISTINCT region FROM shops WHERE shop_id IN (${connectedShops}) ORDER BY region`)
    .pluck()
    .all() as string[];
}

/** Every level of every product's category, once each, by name. */
export function merchantCategories(db: Database): MerchantCategory[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT json_extract(j.value, '$.id') AS id, json_extract(j.value, '$.name') AS name
       FROM product_categories c JOIN products p ON p.product_id = c.product_id, json_each(c.chain) j
       WHERE p.shop_id IN (${connectedShops}) AND p.status <> 'DELETED'
       ORDER BY name COLLATE NOCASE, id`,
    )
    .all() as MerchantCategory[];
  return rows.filter((r) => typeof r.id === 'string' && typeof r.name === 'string');
}

/** A definite refusal by TikTok (a business error code), as opposed to a failure to reach it. */
const refusedProduct = (err: unknown): err is AppError =>
  err instanceof AppError && err.code === 'REMOTE' && err.details?.remoteCode !== undefined;

interface Stale {
  product_id: string;
  shop_id: string;
  update_time: number | null;
}

/** What the score compares with, as one string: a change means every creator's score may change. */
function usedKey(db: Database): string {
  return JSON.stringify([connectedShopRegions(db), merchantCategories(db)]);
}

/**
 * Reads the categories of products not read yet or edited since, one Get Product each, after every sync
 * and Account change; when the categories or regions the score uses are not what they were at the last
 * pass (new products read, a shop connected or disconnected, an Account purged) it makes the score read
 * them again and tells the caller, who re-scores every creator.
 */
export class ProductCategories {
  private running: Promise<boolean> | null = null;
  private again = false;
  private lastKey: string;
  private closed = false;
  private paused = false;

  private get stopped(): boolean {
    return this.closed || this.paused;
  }

  constructor(
    private readonly deps: {
      db: Database;
      api: Pick<ShopApi, 'call'>;
      /** The score's kept context, forgotten when what it holds changed. */
      // Structural, not Pick<ScoreRulesStore>: score-rules reads this module, so naming it here would be a cycle.
      rules: { forgetContext(): void };
      logger: Logger;
      now: () => number;
      /** Products per pass: a first pass over a big catalogue is spread over several syncs. */
      batch?: number;
    },
  ) {
    this.lastKey = usedKey(deps.db);
  }

  /**
   * One pass; asked again while one runs, another follows it (a sync may have stored products the running
   * pass did not see). Resolves true when what the score uses changed.
   */
  refresh(): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let changed = false;
      try {
        do {
          this.again = false;
          await this.pass();
          if (this.stopped) break;
          const key = usedKey(this.deps.db);
          if (key !== this.lastKey) {
            changed = true;
            this.deps.rules.forgetContext();
          }
          this.lastKey = key;
        } while (this.again && !this.stopped);
      } catch (err) {
        this.deps.logger.error({ err }, 'product categories pass failed');
      }
      return changed;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops after the product being read; resolves when no pass touches the database any more. */
  async close(): Promise<void> {
    this.closed = true;
    await this.running;
  }

  /** As `close`, until `resume` ("delete all my data" and a restore stop every background reader). */
  async pause(): Promise<void> {
    this.paused = true;
    await this.running;
  }

  resume(): void {
    this.paused = false;
  }

  private async pass(): Promise<void> {
    const { db, api, logger, now } = this.deps;
    const stale = db
      .prepare(
        `SELECT p.product_id, p.shop_id, p.update_time FROM products p
         LEFT JOIN product_categories c ON c.product_id = p.product_id
         WHERE p.shop_id IN (${connectedShops}) AND p.status <> 'DELETED'
           AND (c.product_id IS NULL OR c.update_time IS NOT p.update_time)
         ORDER BY p.update_time DESC, p.product_id LIMIT ?`,
      )
      .all(this.deps.batch ?? 500) as Stale[];
    const store = db.prepare(
      `INSERT INTO product_categories (product_id, chain, update_time, fetched_at)
       SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM products WHERE product_id = ?)
       ON CONFLICT (product_id) DO UPDATE SET chain = excluded.chain, update_time = excluded.update_time,
         fetched_at = excluded.fetched_at`,
    );
    const failedShops = new Set<string>();
    for (const p of stale) {
      if (this.stopped) return;
      // One shop refusing (token expired, offline) stops that shop's reads for this pass, not the others'.
      if (failedShops.has(p.shop_id)) continue;
      try {
        const detail = await api.call(p.shop_id, (ctx) => getProduct(ctx, p.product_id));
        if (this.stopped) return;
        // The product may have gone (an Account purged) while its detail was read: then nothing is stored.
        store.run(p.product_id, JSON.stringify(detail.categoryChain), p.update_time, now(), p.product_id);
      } catch (err) {
        if (refusedProduct(err)) {
          // TikTok answered about this product (gone, not readable): no category, until it is edited.
          store.run(p.product_id, '[]', p.update_time, now(), p.product_id);
          logger.warn({ productId: p.product_id, code: err.details?.remoteCode }, 'product detail refused');
          continue;
        }
        // Offline, a token to renew, a rate limit that outlasted the retries: that shop waits for the next pass.
        failedShops.add(p.shop_id);
        logger.warn({ err, shopId: p.shop_id }, 'product categories not read; the next sync tries again');
      }
    }
  }
}
