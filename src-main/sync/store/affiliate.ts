import type { Database, Statement } from 'better-sqlite3';
import { zonedDay } from '@shared/time';
import type { AffiliateOrder } from '../../tiktok/shop/affiliate-orders';
import { etag } from '../etag';
import type { Counts } from '../job';
import type { CreatorStore } from './creators';
import type { RollupStore } from './rollups';

export class AffiliateOrderWriter {
  private readonly selectTag: Statement<[string], { etag: string; create_time: number }>;
  private readonly upsert: Statement;
  private readonly deleteSkus: Statement<[string]>;
  private readonly insertSku: Statement;

  constructor(
    db: Database,
    private readonly creators: CreatorStore,
    private readonly rollups: RollupStore,
  ) {
    this.selectTag = db.prepare('SELECT etag, create_time FROM affiliate_orders WHERE order_id = ?');
    this.upsert = db.prepare(`
      INSERT INTO affiliate_orders (order_id, account_id, shop_id, status, create_time, delivery_time, creator_id,
        creator_handle, currency, gmv_minor, est_commission_minor, actual_commission_minor, etag, synced_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (order_id) DO UPDATE SET account_id = excluded.account_id, shop_id = excluded.shop_id,
        status = excluded.status, create_time = excluded.create_time, delivery_time = excluded.delivery_time,
        creator_id = excluded.creator_id, creator_handle = excluded.creator_handle, currency = excluded.currency,
        gmv_minor = excluded.gmv_minor, est_commission_minor = excluded.est_commission_minor,
        actual_commission_minor = excluded.actual_commission_minor, etag = excluded.etag,
        synced_at = excluded.synced_at`);
    this.deleteSkus = db.prepare('DELETE FROM affiliate_order_skus WHERE order_id = ?');
    this.insertSku = db.prepare(`
      INSERT INTO affiliate_order_skus (order_id, idx, product_id, quantity, currency, price_minor, content_type,
        content_id, target_collaboration_id, open_collaboration_id, commission_rate_bp, est_commission_minor,
        actual_commission_minor, refunded_quantity)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  write(accountId: string, shopId: string, orders: readonly AffiliateOrder[], now: number): Counts {
    let inserted = 0;
    let updated = 0;
    const zone = this.rollups.shopZone(shopId);
    const dirtyDays = new Set<string>();
    for (const o of orders) {
      const tag = etag(o);
      const old = this.selectTag.get(o.orderId);
      if (old?.etag === tag) continue;
      if (old) {
        this.deleteSkus.run(o.orderId);
        dirtyDays.add(zonedDay(old.create_time, zone));
        updated++;
      } else inserted++;
      dirtyDays.add(zonedDay(o.createTime, zone));
      const handle = o.skus.find((s) => s.creatorHandle)?.creatorHandle ?? null;
      const creatorId = handle
        ? this.creators.resolve({ handle }, { accountId, shopId, source: 'affiliate_order' }, now)
        : null;
      const sum = (f: (s: AffiliateOrder['skus'][number]) => number): number =>
        o.skus.reduce((n, s) => n + f(s), 0);
      this.upsert.run(
        o.orderId,
        accountId,
        shopId,
        o.status,
        o.createTime,
        o.deliveryTime,
        creatorId,
        handle,
        o.skus[0]?.currency ?? null,
        sum((s) => s.priceMinor * s.quantity),
        sum((s) => s.estCommissionMinor),
        sum((s) => s.actualCommissionMinor),
        tag,
        now,
      );
      o.skus.forEach((s, i) =>
        this.insertSku.run(
          o.orderId,
          i,
          s.productId,
          s.quantity,
          s.currency,
          s.priceMinor,
          s.contentType,
          s.contentId,
          s.targetCollaborationId,
          s.openCollaborationId,
          s.commissionRateBp,
          s.estCommissionMinor,
          s.actualCommissionMinor,
          s.refundedQuantity,
        ),
      );
    }
    this.rollups.markDirty('affiliate', accountId, shopId, dirtyDays);
    return { inserted, updated };
  }
}
