import type { Database, Statement } from 'better-sqlite3';
import {
  type CostEntry,
  type ProductCost,
  productCostsInputSchema,
  setCostsInputSchema,
  type SetCostsInput,
} from '@shared/catalogue';
import { AppError, type ErrorIssue } from '@shared/errors';
import type { ActivityLog } from '../activity/activity-log';
import { amountRefusalMessage, parseAmount } from './amounts';
import { type SkuInfo, SkuLookup } from './sku-lookup';
import { catalogueTexts } from './texts';

/**
 * Per-SKU unit cost and shipping cost (table `product_costs`, migration 015), in the shop's currency.
 * Analytics (net contribution) and the CRM (profit per creator) read them through `unitCosts` or by joining
 * `product_costs` on `sku_id` (docs/catalogue.md); only this module writes them.
 */

interface CostRow {
  sku_id: string;
  product_id: string;
  shop_id: string;
  currency: string;
  cost_minor: number | null;
  shipping_cost_minor: number | null;
  source: 'manual' | 'import';
  updated_at: number;
}

export interface UnitCost {
  currency: string;
  costMinor: number | null;
  shippingCostMinor: number | null;
}

/** A cost to write: amounts already checked, in minor units of `sku.currency`; null clears. */
export interface CostWrite {
  sku: SkuInfo;
  costMinor: number | null;
  shippingCostMinor: number | null;
}

function toView(r: CostRow): ProductCost {
  const money = (v: number | null) => (v === null ? null : { amountMinor: v, currency: r.currency });
  return {
    skuId: r.sku_id,
    productId: r.product_id,
    shopId: r.shop_id,
    cost: money(r.cost_minor),
    shippingCost: money(r.shipping_cost_minor),
    source: r.source,
    updatedAt: r.updated_at,
  };
}

const columns = 'sku_id, product_id, shop_id, currency, cost_minor, shipping_cost_minor, source, updated_at';

export class ProductCostStore {
  readonly skus: SkuLookup;
  private readonly byIds: Statement<[string], CostRow>;
  private readonly upsert: Statement;
  private readonly remove: Statement<[string]>;

  constructor(
    private readonly db: Database,
    private readonly activity: ActivityLog,
    private readonly now: () => number,
  ) {
    this.skus = new SkuLookup(db);
    this.byIds = db.prepare(
      `SELECT ${columns} FROM product_costs WHERE sku_id IN (SELECT value FROM json_each(?))`,
    );
    this.upsert = db.prepare(`
      INSERT INTO product_costs (sku_id, product_id, shop_id, account_id, currency, cost_minor,
        shipping_cost_minor, source, updated_at)
      VALUES (@skuId, @productId, @shopId, @accountId, @currency, @cost, @shipping, @source, @at)
      ON CONFLICT (sku_id) DO UPDATE SET product_id = excluded.product_id, shop_id = excluded.shop_id,
        account_id = excluded.account_id, currency = excluded.currency, cost_minor = excluded.cost_minor,
        shipping_cost_minor = excluded.shipping_cost_minor, source = excluded.source,
        updated_at = excluded.updated_at`);
    this.remove = db.prepare('DELETE FROM product_costs WHERE sku_id = ?');
  }

  list(input: unknown): ProductCost[] {
    const q = productCostsInputSchema.parse(input);
    const where: string[] = [];
    const args: string[] = [];
    if (q.shopId) {
      where.push('shop_id = ?');
      args.push(q.shopId);
    }
    if (q.productId) {
      where.push('product_id = ?');
      args.push(q.productId);
    }
    if (q.skuIds) {
      where.push('sku_id IN (SELECT value FROM json_each(?))');
      args.push(JSON.stringify(q.skuIds));
    }
    const rows = this.db
      .prepare<string[], CostRow>(
        `SELECT ${columns} FROM product_costs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY shop_id, product_id, sku_id`,
      )
      .all(...args);
    return rows.map(toView);
  }

  /** Costs of these SKUs, by SKU id (absent when the merchant gave none). For analytics and the CRM. */
  unitCosts(skuIds: readonly string[]): Map<string, UnitCost> {
    const out = new Map<string, UnitCost>();
    for (let i = 0; i < skuIds.length; i += 5000) {
      for (const r of this.byIds.all(JSON.stringify(skuIds.slice(i, i + 5000)))) {
        out.set(r.sku_id, {
          currency: r.currency,
          costMinor: r.cost_minor,
          shippingCostMinor: r.shipping_cost_minor,
        });
      }
    }
    return out;
  }

  stored(skuIds: readonly string[]): Map<string, ProductCost> {
    const out = new Map<string, ProductCost>();
    for (let i = 0; i < skuIds.length; i += 5000) {
      for (const r of this.byIds.all(JSON.stringify(skuIds.slice(i, i + 5000)))) out.set(r.sku_id, toView(r));
    }
    return out;
  }

  /**
   * `products:setCosts`: every entry is checked first; one bad amount or unknown SKU refuses the whole
   * request (VALIDATION naming each item) and nothing is written.
   */
  set(input: SetCostsInput): { changed: number; items: ProductCost[] } {
    const { items } = setCostsInputSchema.parse(input);
    const skus = this.skus.many(items.map((i) => i.skuId));
    const stored = this.stored(items.map((i) => i.skuId));
    const issues: ErrorIssue[] = [];
    const writes: CostWrite[] = [];
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const sku = skus.get(item.skuId);
      if (!sku) {
        issues.push({
          path: `items.${index}.skuId`,
          message: `SKU ${item.skuId} is not in the synced catalogue`,
        });
        return;
      }
      if (seen.has(item.skuId)) {
        issues.push({ path: `items.${index}.skuId`, message: `SKU ${item.skuId} is listed twice` });
        return;
      }
      seen.add(item.skuId);
      const before = stored.get(item.skuId);
      const amount = (field: 'cost' | 'shippingCost', text: CostEntry['cost']): number | null | undefined => {
        if (text === undefined) return undefined;
        if (text === null || text.trim() === '') return null;
        const parsed = parseAmount(text, sku.currency);
        if (parsed.ok) return parsed.minor;
        issues.push({
          path: `items.${index}.${field}`,
          message: amountRefusalMessage(parsed.reason, parsed.params),
        });
        return undefined;
      };
      const cost = amount('cost', item.cost);
      const shipping = amount('shippingCost', item.shippingCost);
      writes.push({
        sku,
        costMinor: cost === undefined ? (before?.cost?.amountMinor ?? null) : cost,
        shippingCostMinor: shipping === undefined ? (before?.shippingCost?.amountMinor ?? null) : shipping,
      });
    });
    if (issues.length > 0) {
      const problems = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      throw new AppError('VALIDATION', catalogueTexts.costsNotSaved({ problems }), { issues });
    }
    const changed = this.write(writes, 'manual');
    return { changed, items: [...this.stored(items.map((i) => i.skuId)).values()] };
  }

  /** Writes checked costs in one transaction and logs one activity entry; returns rows changed. */
  write(writes: readonly CostWrite[], source: 'manual' | 'import'): number {
    const at = this.now();
    const changed = this.db
      .transaction(() => {
        let n = 0;
        for (const w of writes) {
          if (w.costMinor === null && w.shippingCostMinor === null) {
            n += this.remove.run(w.sku.skuId).changes;
            continue;
          }
          this.upsert.run({
            skuId: w.sku.skuId,
            productId: w.sku.productId,
            shopId: w.sku.shopId,
            accountId: w.sku.accountId,
            currency: w.sku.currency,
            cost: w.costMinor,
            shipping: w.shippingCostMinor,
            source,
            at,
          });
          n++;
        }
        return n;
      })
      .immediate();
    if (changed > 0) {
      const skus = new Set(writes.map((w) => w.sku.skuId)).size;
      this.activity.record('catalogue.costsUpdated', { count: skus, source });
    }
    return changed;
  }

  /** "Delete my data": the Account's costs go with its synced rows (call inside the purge transaction). */
  purgeAccount(accountId: string): number {
    return this.db.prepare('DELETE FROM product_costs WHERE account_id = ?').run(accountId).changes;
  }
}
