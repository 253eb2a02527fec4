import type { Database } from 'better-sqlite3';
import type { CreatorPerformance } from '@shared/creator-detail';
import type { CreatorExtensions } from './extensions';

/**
 * This merchant's results with a Creator, per currency: affiliate GMV net of refunds, orders, units,
 * commission (actual once TikTok settled the order, estimated before), free-sample costs (from the samples
 * module), and profit = net GMV − product cost − commission − sample cost and shipping.
 *
 * Product costs are entered per SKU (catalogue module, `product_costs`), but affiliate orders name only the
 * product: a unit is costed at the average cost (plus shipping cost) of the product's SKUs that have one, in
 * the order's currency. Units without any known cost are left out of the cost and reported as coverage.
 */

const group = 'SELECT id FROM creators WHERE canonical_id = ?';

function hasTable(db: Database, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(name) === 1;
}

interface Line {
  currency: string;
  orders: number;
  units: number;
  refunded: number;
  net_gmv: number;
  est: number;
  actual: number;
  commission: number;
  costed_units: number;
  product_cost: number;
}

export function creatorPerformance(
  db: Database,
  extensions: CreatorExtensions,
  creatorId: number,
  recordIds: readonly number[],
): CreatorPerformance[] {
  const costs = hasTable(db, 'product_costs');
  const unitCost = costs
    ? `(SELECT AVG(COALESCE(pc.cost_minor, 0) + COALESCE(pc.shipping_cost_minor, 0)) FROM product_costs pc
         WHERE pc.product_id = k.product_id AND pc.currency = k.currency)`
    : 'NULL';
  const rows = db
    .prepare(
      `WITH lines AS (
         SELECT o.order_id, o.status, k.currency, k.quantity, k.refunded_quantity, k.price_minor,
                k.est_commission_minor, k.actual_commission_minor, ${unitCost} AS unit_cost
         FROM affiliate_orders o JOIN affiliate_order_skus k ON k.order_id = o.order_id
         WHERE o.creator_id IN (${group}))
       SELECT currency, COUNT(DISTINCT order_id) AS orders, SUM(quantity) AS units,
              SUM(refunded_quantity) AS refunded,
              SUM(price_minor * (quantity - refunded_quantity)) AS net_gmv,
              SUM(est_commission_minor) AS est, SUM(actual_commission_minor) AS actual,
              SUM(CASE WHEN status = 'COMPLETED' THEN actual_commission_minor ELSE est_commission_minor END) AS commission,
              SUM(CASE WHEN unit_cost IS NOT NULL THEN quantity - refunded_quantity ELSE 0 END) AS costed_units,
              CAST(ROUND(SUM(COALESCE(unit_cost, 0) * (quantity - refunded_quantity))) AS INTEGER) AS product_cost
       FROM lines GROUP BY currency ORDER BY SUM(price_minor * quantity) DESC`,
    )
    .all(creatorId) as Line[];

  const samples = new Map<string, { cost: number; shipping: number }>();
  for (const ext of extensions.all()) {
    for (const s of ext.sampleCosts?.(db, recordIds) ?? []) {
      const cur = samples.get(s.currency) ?? { cost: 0, shipping: 0 };
      samples.set(s.currency, { cost: cur.cost + s.costMinor, shipping: cur.shipping + s.shippingMinor });
    }
  }
  const currencies = [...new Set([...rows.map((r) => r.currency), ...samples.keys()])];
  return currencies.map((currency) => {
    const r = rows.find((x) => x.currency === currency);
    const s = samples.get(currency) ?? { cost: 0, shipping: 0 };
    const m = (amountMinor: number): { amountMinor: number; currency: string } => ({ amountMinor, currency });
    const kept = r ? r.units - r.refunded : 0;
    const costed = r?.costed_units ?? 0;
    const known = kept === 0 || costed > 0;
    const productCost = r?.product_cost ?? 0;
    return {
      currency,
      gmv: m(r?.net_gmv ?? 0),
      orders: r?.orders ?? 0,
      units: r?.units ?? 0,
      refundedUnits: r?.refunded ?? 0,
      estimatedCommission: m(r?.est ?? 0),
      actualCommission: m(r?.actual ?? 0),
      sampleCost: m(s.cost),
      sampleShipping: m(s.shipping),
      productCost: known ? m(productCost) : null,
      profit: known ? m((r?.net_gmv ?? 0) - productCost - (r?.commission ?? 0) - s.cost - s.shipping) : null,
      costCoverageBp: kept > 0 ? Math.round((costed / kept) * 10_000) : 10_000,
    };
  });
}
