import type { Database, Statement } from 'better-sqlite3';
import { nextOrderKey, orderKey } from '../../db/order-key';
import type { Order, OrderLine } from '../../tiktok/shop/orders';
import type { Counts } from '../job';
import { zonedDay } from '@shared/time';
import { OrderSearchIndex } from './order-search';
import type { RollupStore } from './rollups';

/**
 * Orders and their lines. Idempotent: an order whose stored row and lines equal what arrived is skipped
 * (not rewritten, not counted); a changed one replaces its lines. The shop-local days of changed orders are marked
 * dirty so that `order_days` and `product_days` are rebuilt from these rows (rollups.ts).
 *
 * Unlike the other writers, orders carry no etag: a first sync brings 100k+ orders that are all new, and
 * hashing each one cost ~10% of the sync. The stored columns are compared directly instead, which only
 * costs anything for orders read again (the overlap window, a resumed page).
 *
 * A new order's rowid is its creation-ordered key (db/order-key.ts) and its lines' text goes into the
 * `order_search` index under that rowid, so the Orders page reads newest first without sorting.
 */

type Value = string | number | null;

const orderColumns = [
  'order_id',
  'account_id',
  'shop_id',
  'status',
  'currency',
  'create_time',
  'update_time',
  'paid_time',
  'buyer_user_id',
  'shipping_type',
  'tracking_number',
  'cancel_reason',
  'total_minor',
  'sub_total_minor',
  'original_total_minor',
  'shipping_fee_minor',
  'seller_discount_minor',
  'platform_discount_minor',
  'tax_minor',
  'units',
  'refund_minor',
  'rts_sla_time',
  'tts_sla_time',
  'rts_time',
  'collection_time',
  'delivery_time',
  'cancel_time',
  'is_sample_order',
  'shipping_provider',
  'delivery_option',
  'cancellation_initiator',
] as const;

const lineColumns = [
  'line_id',
  'order_id',
  'product_id',
  'product_name',
  'sku_id',
  'sku_name',
  'seller_sku',
  'currency',
  'original_price_minor',
  'sale_price_minor',
  'seller_discount_minor',
  'platform_discount_minor',
  'display_status',
  'package_status',
  'cancelled',
] as const;

const CREATE_TIME = orderColumns.indexOf('create_time');

/** The order's row, in `orderColumns` order: what is inserted and what a stored row is compared with. */
function orderRow(accountId: string, shopId: string, o: Order): Value[] {
  let units = 0;
  let refundMinor = 0;
  for (const l of o.lines) {
    if (l.cancelled) refundMinor += l.salePriceMinor;
    else units++;
  }
  return [
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
    o.rtsSlaTime,
    o.ttsSlaTime,
    o.rtsTime,
    o.collectionTime,
    o.deliveryTime,
    o.cancelTime,
    o.isSampleOrder ? 1 : 0,
    o.shippingProvider,
    o.deliveryOption,
    o.cancellationInitiator,
  ];
}

/** A line's row, in `lineColumns` order. */
function lineRow(orderId: string, l: OrderLine): Value[] {
  return [
    l.lineId,
    orderId,
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
  ];
}

const sameRow = (a: readonly Value[], b: readonly Value[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

const isRowidTaken = (err: unknown): boolean =>
  err instanceof Error && (err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY';

export class OrderWriter {
  private readonly selectOld: Statement<[string], Value[]>;
  private readonly selectOldLines: Statement<[string], Value[]>;
  private readonly insert: Statement<Value[]>;
  private readonly update: Statement<Value[]>;
  private readonly rowidOf: Statement<[string], { rowid: number }>;
  private readonly moveRow: Statement<[number, number]>;
  private readonly deleteLines: Statement<[string]>;
  private readonly insertLine: Statement<Value[]>;
  private readonly search: OrderSearchIndex;

  constructor(
    db: Database,
    private readonly rollups: RollupStore,
  ) {
    // One lookup per page rather than per order: the ids arrive as a JSON array.
    this.selectOld = db
      .prepare<[string], Value[]>(
        `SELECT ${orderColumns.join(', ')} FROM orders WHERE order_id IN (SELECT value FROM json_each(?))`,
      )
      .raw();
    // Lines are inserted in the order TikTok lists them, so rowid order is that order.
    this.selectOldLines = db
      .prepare<[string], Value[]>(
        `SELECT ${lineColumns.join(', ')} FROM order_lines WHERE order_id = ? ORDER BY rowid`,
      )
      .raw();
    const params = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
    this.insert = db.prepare(
      `INSERT INTO orders (rowid, ${orderColumns.join(', ')}, synced_at) VALUES (${params(orderColumns.length + 2)})`,
    );
    this.update = db.prepare(`
      UPDATE orders SET ${[...orderColumns.slice(1), 'synced_at'].map((c) => `${c} = ?`).join(', ')}
      WHERE order_id = ?`);
    this.rowidOf = db.prepare('SELECT rowid FROM orders WHERE order_id = ?');
    this.moveRow = db.prepare('UPDATE orders SET rowid = ? WHERE rowid = ?');
    this.search = new OrderSearchIndex(db);
    this.deleteLines = db.prepare('DELETE FROM order_lines WHERE order_id = ?');
    this.insertLine = db.prepare(
      `INSERT INTO order_lines (${lineColumns.join(', ')}) VALUES (${params(lineColumns.length)})`,
    );
  }

  /** Writes one page; call inside a transaction. */
  write(accountId: string, shopId: string, orders: readonly Order[], now: number): Counts {
    const dirtyDays = new Set<string>();
    const zone = this.rollups.shopZone(shopId);
    let inserted = 0;
    let updated = 0;
    const stored = new Map(
      this.selectOld.all(JSON.stringify(orders.map((o) => o.orderId))).map((r) => [r[0], r]),
    );
    for (const o of orders) {
      const row = orderRow(accountId, shopId, o);
      const lines = o.lines.map((l) => lineRow(o.orderId, l));
      const old = stored.get(o.orderId);
      if (old) {
        if (sameRow(old, row)) {
          const oldLines = this.selectOldLines.all(o.orderId);
          if (oldLines.length === lines.length && oldLines.every((l, i) => sameRow(l, lines[i]!))) continue;
        }
        const oldCreate = old[CREATE_TIME];
        this.deleteLines.run(o.orderId);
        this.update.run(...row.slice(1), now, o.orderId);
        let rowid = this.rowidOf.get(o.orderId)?.rowid ?? 0;
        this.search.remove(rowid);
        if (typeof oldCreate === 'number' && oldCreate !== o.createTime) {
          dirtyDays.add(zonedDay(oldCreate, zone));
          rowid = this.place(o, (key) => this.moveRow.run(key, rowid));
        }
        this.search.put(rowid, o.lines);
        updated++;
      } else {
        const rowid = this.place(o, (key) => this.insert.run(key, ...row, now));
        this.search.put(rowid, o.lines);
        inserted++;
      }
      dirtyDays.add(zonedDay(o.createTime, zone));
      for (const l of lines) this.insertLine.run(...l);
    }
    this.rollups.markDirty('orders', accountId, shopId, dirtyDays);
    return { inserted, updated };
  }

  /** Runs `write` with the order's key, or the next free one of the same second when it is taken. */
  private place(o: Order, write: (key: number) => void): number {
    let key = orderKey(o.createTime, o.orderId);
    for (;;) {
      try {
        write(key);
        return key;
      } catch (err) {
        if (!isRowidTaken(err)) throw err;
        key = nextOrderKey(key);
      }
    }
  }
}
