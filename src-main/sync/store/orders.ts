import type { Database, Statement } from 'better-sqlite3';
import type { Order } from '../../tiktok/shop/orders';
import { etag } from '../etag';
import type { Counts } from '../job';
import { utcDay } from '../time';
import { additiveUpsert, type AdditiveUpsert, DeltaMap } from './rollups';

/**
 * Orders, their lines and the order_days / product_days rollups. Idempotent: an order whose normalised
 * content is unchanged is skipped; a changed one replaces its lines and moves its rollup contribution.
 */

const orderDayValues = [
  'orders',
  'cancelled_orders',
  'units',
  'gross_minor',
  'refunds_minor',
  'seller_discount_minor',
  'platform_discount_minor',
  'tax_minor',
  'shipping_minor',
] as const;

interface StoredOrder {
  order_id: string;
  status: string;
  currency: string;
  create_time: number;
  total_minor: number;
  units: number;
  refund_minor: number;
  seller_discount_minor: number;
  platform_discount_minor: number;
  tax_minor: number;
  shipping_fee_minor: number;
  etag: string;
}

interface StoredLine {
  product_id: string;
  currency: string;
  sale_price_minor: number;
  cancelled: number;
}

/** An order's contribution to its order_days row (the rollup is a plain sum of these). */
export function orderDayContribution(o: {
  status: string;
  units: number;
  totalMinor: number;
  refundMinor: number;
  sellerDiscountMinor: number;
  platformDiscountMinor: number;
  taxMinor: number;
  shippingFeeMinor: number;
}): number[] {
  if (o.status === 'CANCELLED') return [0, 1, 0, 0, 0, 0, 0, 0, 0];
  return [
    1,
    0,
    o.units,
    o.totalMinor,
    o.refundMinor,
    o.sellerDiscountMinor,
    o.platformDiscountMinor,
    o.taxMinor,
    o.shippingFeeMinor,
  ];
}

type DayKey = [shopId: string, day: string, currency: string];
type ProductDayKey = [shopId: string, day: string, productId: string, currency: string];

export class OrderWriter {
  private readonly selectOld: Statement<[string], StoredOrder>;
  private readonly selectOldLines: Statement<[string], StoredLine>;
  private readonly upsert: Statement;
  private readonly deleteLines: Statement<[string]>;
  private readonly insertLine: Statement;
  private readonly upsertDay: AdditiveUpsert;
  private readonly upsertProductDay: AdditiveUpsert;

  constructor(db: Database) {
    // One lookup per page rather than per order: the ids arrive as a JSON array.
    this.selectOld = db.prepare(
      `SELECT order_id, status, currency, create_time, total_minor, units, refund_minor, seller_discount_minor,
              platform_discount_minor, tax_minor, shipping_fee_minor, etag
       FROM orders WHERE order_id IN (SELECT value FROM json_each(?))`,
    );
    this.selectOldLines = db.prepare(
      'SELECT product_id, currency, sale_price_minor, cancelled FROM order_lines WHERE order_id = ?',
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
    this.upsertDay = additiveUpsert(
      db,
      'order_days',
      ['shop_id', 'day', 'currency', 'account_id'],
      orderDayValues,
    );
    this.upsertProductDay = additiveUpsert(
      db,
      'product_days',
      ['shop_id', 'day', 'product_id', 'currency', 'account_id'],
      ['units', 'gross_minor'],
    );
  }

  /** Writes one page; call inside a transaction. */
  write(accountId: string, shopId: string, orders: readonly Order[], now: number): Counts {
    const days = new DeltaMap<DayKey>(orderDayValues.length);
    const productDays = new DeltaMap<ProductDayKey>(2);
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
        days.add(
          [shopId, utcDay(old.create_time), old.currency],
          orderDayContribution({
            status: old.status,
            units: old.units,
            totalMinor: old.total_minor,
            refundMinor: old.refund_minor,
            sellerDiscountMinor: old.seller_discount_minor,
            platformDiscountMinor: old.platform_discount_minor,
            taxMinor: old.tax_minor,
            shippingFeeMinor: old.shipping_fee_minor,
          }),
          -1,
        );
        if (old.status !== 'CANCELLED') {
          for (const l of this.selectOldLines.all(o.orderId)) {
            if (l.cancelled) continue;
            productDays.add(
              [shopId, utcDay(old.create_time), l.product_id, l.currency],
              [1, l.sale_price_minor],
              -1,
            );
          }
        }
        this.deleteLines.run(o.orderId);
        updated++;
      } else {
        inserted++;
      }
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
      const day = utcDay(o.createTime);
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
        if (!l.cancelled && o.status !== 'CANCELLED')
          productDays.add([shopId, day, l.productId, l.currency], [1, l.salePriceMinor], 1);
      }
      days.add([shopId, day, o.currency], orderDayContribution({ ...o, units, refundMinor }), 1);
    }
    days.flush((k, v) => this.upsertDay.run(...k, accountId, ...v));
    productDays.flush((k, v) => this.upsertProductDay.run(...k, accountId, ...v));
    return { inserted, updated };
  }
}
