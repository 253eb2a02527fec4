import { z } from 'zod';
import { toMinorUnits } from '../../core/money';
import { secondsToMs } from '../../core/time';
import { idKey, readRecords } from '../records';
import { type Page, type ShopDataContext, shopCall } from './data-call';
import { pageToken, unixSeconds } from './schemas';

/** Affiliate orders with per-SKU commissions (docs/tiktok-api/affiliate.md, `POST /affiliate_seller/202410/orders/search`). */

const amount = z.object({ amount: z.string(), currency: z.string() });

const skuSchema = z.object({
  product_id: z.string(),
  quantity: z.number().int().default(1),
  price: amount,
  creator_username: z.string().optional(),
  content_type: z.string().optional(),
  content_id: z.string().optional(),
  target_collaboration_id: z.string().optional(),
  open_collaboration_id: z.string().optional(),
  commission_rate: z.string().optional(),
  estimated_paid_commission: amount.optional(),
  actual_paid_commission: amount.optional(),
  refunded_quantity: z.number().int().default(0),
});

const orderSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  create_time: unixSeconds,
  delivery_time: unixSeconds.optional(),
  skus: z.array(skuSchema).default([]),
});

const searchData = z.object({
  next_page_token: pageToken,
  total_count: z.number().int().optional(),
  orders: z.array(z.unknown()).default([]),
});

/** Attribution details; the order, its SKUs, prices and commissions are essential. */
const optionalFields = [
  'delivery_time',
  'creator_username',
  'content_type',
  'content_id',
  'target_collaboration_id',
  'open_collaboration_id',
  'commission_rate',
] as const;

export interface AffiliateOrderSku {
  productId: string;
  quantity: number;
  currency: string;
  priceMinor: number;
  creatorHandle: string | null;
  contentType: string | null;
  contentId: string | null;
  targetCollaborationId: string | null;
  openCollaborationId: string | null;
  /** Hundredths of a percent (1000 = 10.00%). */
  commissionRateBp: number | null;
  estCommissionMinor: number;
  actualCommissionMinor: number;
  refundedQuantity: number;
}

export interface AffiliateOrder {
  orderId: string;
  status: string;
  createTime: number;
  deliveryTime: number | null;
  skus: AffiliateOrderSku[];
}

const minor = (a: { amount: string; currency: string } | undefined): number =>
  a ? toMinorUnits(a.amount, a.currency) : 0;

export async function searchAffiliateOrders(
  ctx: ShopDataContext,
  q: { createTimeGe?: number; pageSize?: number; pageToken?: string },
): Promise<Page<AffiliateOrder>> {
  const body: Record<string, number> = {};
  if (q.createTimeGe !== undefined) body.create_time_ge = q.createTimeGe;
  const data = await shopCall(ctx, 'affiliate.orders', {
    method: 'POST',
    path: '/affiliate_seller/202410/orders/search',
    query: { page_size: q.pageSize ?? 100, page_token: q.pageToken || undefined },
    body,
    data: searchData,
  });
  const read = readRecords(data.orders, { schema: orderSchema, key: idKey(), optional: optionalFields });
  return {
    rejected: read.rejected,
    items: read.items.map((o) => ({
      orderId: o.id,
      status: o.status,
      createTime: o.create_time * 1000,
      deliveryTime: secondsToMs(o.delivery_time),
      skus: o.skus.map((s) => ({
        productId: s.product_id,
        quantity: s.quantity,
        currency: s.price.currency,
        priceMinor: minor(s.price),
        creatorHandle: s.creator_username || null,
        contentType: s.content_type || null,
        contentId: s.content_id || null,
        targetCollaborationId: s.target_collaboration_id || null,
        openCollaborationId: s.open_collaboration_id || null,
        commissionRateBp:
          s.commission_rate && /^\d+$/.test(s.commission_rate) ? Number(s.commission_rate) : null,
        estCommissionMinor: minor(s.estimated_paid_commission),
        actualCommissionMinor: minor(s.actual_paid_commission),
        refundedQuantity: s.refunded_quantity,
      })),
    })),
    nextPageToken: data.next_page_token,
    totalCount: data.total_count ?? null,
  };
}
