import type { Database, Statement } from 'better-sqlite3';
import type { Order } from '../../tiktok/shop/orders';
import { etag } from '../etag';
import type { Counts } from '../job';
import { utcDay } from '../time';
import type { RollupStore } from './rollups';

/**
 * Orders and their lines. Idempotent: an order whose normalised content is unchanged is skipped; a changed
 * one replaces its lines. The UTC days of changed orders are marked dirty so that `order_days` and
 * `product_days` are rebuilt from these rows (rollups.ts).
 */

interface StoredOrder {
  order_id: string;
  create_time: number;
  etag: string;
}

export class OrderWriter {
  private readonly selectOld: Statement<[string], StoredOrder>;
  private readonly upsert: Statement;
  private readonly deleteLines: Statement<[string]>;
  private readonly insertLine: Statement;

  constructor(
    db: Database,
    private readonly rollups: RollupStore,
  ) {
    // One lookup per page rather than per order: the ids arrive as a JSON array.
    this.selectOld = db.prepare(
      `SELECT order_id, create_time, etag FROM orders WHERE order_id IN (SELECT value FROM json_each(?))`,
    );
    this.upsert = db.prepare(`
      INSERT INTO orders (order_id, account_id, shop_id, status, currency, create_time, update_time, paid_time,
        buyer_user_id, shipping_type, tracking_number, cancel_reason, total_minor, sub_total_minor,
        original_total_minor, shipping_fee_minor, seller_discount_minor, platform_discount_minor, tax_minor,
        units, refund_minor, etag, synced_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (order_id) DO UPDATE SET account_id = excluded.account_id, shop_id = excluded.shop_id,
        status = excluded.status, currency = excluded.currency, create_time = excluded.create_time,
        update_time = excluded.update_time, paid_time = excluded.paid_time, buyer_user_id = excluded.buyer_user_id,
        shipping_type = excluded.shipping_type, tracking_number = excluded.tracking_number,
        cancel_reason = excluded.cancel_reason, total_minor = excluded.total_minor,
        sub_total_minor = excluded.sub_total_minor, original_total_minor = excluded.original_total_minor,
        shipping_fee_minor = excluded.shipping_fee_minor, seller_discount_minor = excluded.seller_discount_minor,
        platform_discount_minor = excluded.platform_discount_minor, tax_minor = excluded.tax_minor,
        units = excluded.units, refund_minor = excluded.refund_minor, etag = excluded.etag,
        synced_at = excluded.synced_at`);
    this.deleteLines = db.prepare('DELETE FROM order_lines WHERE order_id = ?');
    this.insertLine = db.prepare(`
      INSERT INTO order_lines (line_id, order_id, product_id, product_name, sku_id, sku_name, seller_sku,
        currency, original_price_minor, sale_price_minor, seller_discount_minor, platform_discount_minor,
        display_status, package_status, cancelled)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  /** Writes one page; call inside a transaction. */
  write(accountId: string, shopId: string, orders: readonly Order[], now: number): Counts {
    const dirtyDays = new Set<string>();
    let inserted = 0;
    let updated = 0;
    const stored = new Map(
      this.selectOld.all(JSON.stringify(orders.map((o) => o.orderId))).map((r) => [r.order_id, r]),
    );
    for (const o of orders) {
      const tag = etag(o);
      const old = stored.get(o.orderId);
      if (old && old.etag === tag) continue;
      if (old) {
        if (old.create_time !== o.createTime) dirtyDays.add(utcDay(old.create_time));
        this.deleteLines.run(o.orderId);
        updated++;
      } else {
        inserted++;
      }
      dirtyDays.add(utcDay(o.createTime));
      let units = 0;
      let refundMinor = 0;
      for (const l of o.lines) {
        if (l.cancelled) refundMinor += l.salePriceMinor;
        else units++;
      }
      this.upsert.run(
        o.orderId,
        accountId,
        shopId,
        o.status,
        o.currency,
        o.createTime,
        o.updateTime,
        o.paidTime,
        o.buyerUserId,
        o.shippingType,
        o.trackingNumber,
        o.cancelReason,
        o.totalMinor,
        o.subTotalMinor,
        o.originalTotalMinor,
        o.shippingFeeMinor,
        o.sellerDiscountMinor,
        o.platformDiscountMinor,
        o.taxMinor,
        units,
        refundMinor,
        tag,
        now,
      );
      for (const l of o.lines) {
        this.insertLine.run(
          l.lineId,
          o.orderId,
          l.productId,
          l.productName,
          l.skuId,
          l.skuName,
          l.sellerSku,
          l.currency,
          l.originalPriceMinor,
          l.salePriceMinor,
          l.sellerDiscountMinor,
          l.platformDiscountMinor,
          l.displayStatus,
          l.packageStatus,
          l.cancelled ? 1 : 0,
        );
      }
    }
    this.rollups.markDirty('orders', accountId, shopId, dirtyDays);
    return { inserted, updated };
  }
}
