import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { OrderDetail } from '@shared/orders';
import { linesOf, orderColumns, type OrderRow, toView } from './list';
import { ordersTexts } from './texts';

interface Extra {
  shipping_type: string | null;
  tracking_number: string | null;
  cancel_reason: string | null;
  cancellation_initiator: string | null;
  shipping_provider: string | null;
  delivery_option: string | null;
  tts_sla_time: number | null;
  paid_time: number | null;
  rts_time: number | null;
  collection_time: number | null;
  delivery_time: number | null;
  cancel_time: number | null;
  synced_at: number;
  shop_name: string | null;
  region: string | null;
}

interface AffiliateRow {
  status: string;
  creator_id: number | null;
  creator_handle: string | null;
  currency: string | null;
  est_commission_minor: number;
  actual_commission_minor: number;
  commission_rate_bp: number | null;
}

/** The order drawer: what ShopMesh stored about one order, grouped and ordered for reading. */
export function orderDetail(db: Database, orderId: string, now: number): OrderDetail {
  const row = db
    .prepare(
      `SELECT ${orderColumns}, NULL AS sort_value, o.shipping_type, o.tracking_number, o.cancel_reason,
              o.cancellation_initiator, o.shipping_provider, o.delivery_option, o.tts_sla_time, o.paid_time,
              o.rts_time, o.collection_time, o.delivery_time, o.cancel_time, o.synced_at,
              sh.name AS shop_name, sh.region
       FROM orders o LEFT JOIN shops sh ON sh.shop_id = o.shop_id WHERE o.order_id = ?`,
    )
    .get(orderId) as (OrderRow & Extra) | undefined;
  if (!row) throw new AppError('NOT_FOUND', ordersTexts.notSynced({ orderId }));
  const lines = linesOf(db, [orderId]).get(orderId) ?? [];
  const order = toView(row, lines, now, null, false);

  // TikTok lists one line per unit: group them by SKU to show quantities.
  const bySku = new Map<string, OrderDetail['items'][number]>();
  for (const l of order.lines) {
    const item = bySku.get(l.skuId) ?? {
      skuId: l.skuId,
      productId: l.productId,
      productName: l.productName,
      skuName: l.skuName,
      sellerSku: l.sellerSku,
      quantity: 0,
      cancelled: 0,
      unitPrice: l.salePrice,
      total: { amountMinor: 0, currency: l.salePrice.currency },
    };
    item.quantity += 1;
    if (l.cancelled) item.cancelled += 1;
    else item.total = { ...item.total, amountMinor: item.total.amountMinor + l.salePrice.amountMinor };
    bySku.set(l.skuId, item);
  }

  const aff = db
    .prepare(
      `SELECT a.status, a.creator_id, a.creator_handle, a.currency, a.est_commission_minor, a.actual_commission_minor,
              (SELECT MAX(k.commission_rate_bp) FROM affiliate_order_skus k WHERE k.order_id = a.order_id) AS commission_rate_bp
       FROM affiliate_orders a WHERE a.order_id = ?`,
    )
    .get(orderId) as AffiliateRow | undefined;
  const affMoney = (v: number) => (aff?.currency ? { amountMinor: v, currency: aff.currency } : null);

  const timeline: OrderDetail['timeline'] = [{ step: 'created', at: row.create_time }];
  const steps = [
    ['paid', row.paid_time],
    ['shipped', row.rts_time],
    ['collected', row.collection_time],
    ['delivered', row.delivery_time],
    ['cancelled', row.cancel_time],
  ] as const;
  for (const [step, at] of steps) if (at) timeline.push({ step, at });
  timeline.sort((a, b) => a.at - b.at);
  if ((timeline.at(-1)?.at ?? 0) < row.update_time) timeline.push({ step: 'updated', at: row.update_time });

  return {
    order,
    shopName: row.shop_name,
    shopRegion: row.region,
    items: [...bySku.values()],
    affiliate: aff
      ? {
          creatorHandle: aff.creator_handle,
          creatorId: aff.creator_id,
          commission: aff.actual_commission_minor > 0 ? affMoney(aff.actual_commission_minor) : null,
          estimatedCommission: affMoney(aff.est_commission_minor),
          commissionRateBp: aff.commission_rate_bp,
          status: aff.status,
        }
      : null,
    shipping: {
      carrier: row.shipping_provider,
      trackingNumber: row.tracking_number,
      deliveryOption: row.delivery_option,
      shippingType: row.shipping_type,
      shipBy: order.shipBy ?? row.rts_sla_time ?? null,
      collectBy: row.tts_sla_time,
    },
    timeline,
    cancelReason: row.cancel_reason,
    cancelledBy: row.cancellation_initiator,
    syncedAt: row.synced_at,
  };
}
