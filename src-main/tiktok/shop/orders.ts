import { z } from 'zod';
import { currencyExponent, toMinorUnitsWithExponent } from '../../core/money';
import { secondsToMs } from '../../core/time';
import { idKey, readRecords } from '../records';
import { type Page, type ShopDataContext, shopCall } from './data-call';
import { moneyText, pageToken, unixSeconds } from './schemas';

/** Order search and its normalisation (docs/tiktok-api/shop-data.md). */

const lineSchema = z.object({
  id: z.string(),
  product_id: z.string(),
  product_name: z.string().default(''),
  sku_id: z.string(),
  sku_name: z.string().optional(),
  seller_sku: z.string().optional(),
  shipping_provider_name: z.string().optional(),
  original_price: moneyText,
  sale_price: moneyText,
  seller_discount: moneyText,
  platform_discount: moneyText,
  currency: z.string().optional(),
  display_status: z.string().optional(),
  package_status: z.string().optional(),
});

export const orderSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  create_time: unixSeconds,
  update_time: unixSeconds,
  paid_time: unixSeconds.optional(),
  user_id: z.string().optional(),
  shipping_type: z.string().optional(),
  tracking_number: z.string().optional(),
  cancel_reason: z.string().optional(),
  rts_sla_time: unixSeconds.optional(),
  tts_sla_time: unixSeconds.optional(),
  rts_time: unixSeconds.optional(),
  collection_time: unixSeconds.optional(),
  delivery_time: unixSeconds.optional(),
  cancel_time: unixSeconds.optional(),
  is_sample_order: z.boolean().optional(),
  shipping_provider: z.string().optional(),
  delivery_option_name: z.string().optional(),
  cancellation_initiator: z.string().optional(),
  payment: z.object({
    currency: z.string().min(3),
    sub_total: moneyText,
    shipping_fee: moneyText,
    seller_discount: moneyText,
    platform_discount: moneyText,
    tax: moneyText,
    original_total_product_price: moneyText,
    total_amount: moneyText,
  }),
  line_items: z.array(lineSchema).default([]),
});

const searchData = z.object({
  next_page_token: pageToken,
  total_count: z.number().int().optional(),
  orders: z.array(z.unknown()).default([]),
});

/**
 * What an order can be stored without (docs/sync.md, "Records kept aside"): ids, status, times and every amount
 * are essential; these describe or annotate.
 */
const optionalFields = [
  'paid_time',
  'user_id',
  'shipping_type',
  'tracking_number',
  'cancel_reason',
  'sku_name',
  'seller_sku',
  'package_status',
] as const;

export interface OrderLine {
  lineId: string;
  productId: string;
  productName: string;
  skuId: string;
  skuName: string | null;
  sellerSku: string | null;
  currency: string;
  originalPriceMinor: number;
  salePriceMinor: number;
  sellerDiscountMinor: number;
  platformDiscountMinor: number;
  displayStatus: string | null;
  packageStatus: string | null;
  /** Cancelled or refunded line (TikTok shows it with display_status CANCELLED). */
  cancelled: boolean;
}

export interface Order {
  orderId: string;
  status: string;
  currency: string;
  createTime: number;
  updateTime: number;
  paidTime: number | null;
  buyerUserId: string | null;
  shippingType: string | null;
  trackingNumber: string | null;
  cancelReason: string | null;
  /** Ship-by time TikTok sets for orders awaiting shipment (`rts_sla_time`), UTC ms. */
  rtsSlaTime: number | null;
  /** Collect-by time (`tts_sla_time`). */
  ttsSlaTime: number | null;
  /** When the seller shipped, the carrier collected, the buyer received, the order was cancelled. */
  rtsTime: number | null;
  collectionTime: number | null;
  deliveryTime: number | null;
  cancelTime: number | null;
  isSampleOrder: boolean;
  /** The order's carrier, or the first line's when the order does not name one. */
  shippingProvider: string | null;
  deliveryOption: string | null;
  cancellationInitiator: string | null;
  totalMinor: number;
  subTotalMinor: number;
  originalTotalMinor: number;
  shippingFeeMinor: number;
  sellerDiscountMinor: number;
  platformDiscountMinor: number;
  taxMinor: number;
  lines: OrderLine[];
}

export function normaliseOrder(o: z.output<typeof orderSchema>): Order {
  const cur = o.payment.currency;
  const exp = currencyExponent(cur);
  const minor = (v: string): number => toMinorUnitsWithExponent(v, exp);
  return {
    orderId: o.id,
    status: o.status,
    currency: cur,
    createTime: o.create_time * 1000,
    updateTime: o.update_time * 1000,
    paidTime: secondsToMs(o.paid_time),
    buyerUserId: o.user_id || null,
    shippingType: o.shipping_type || null,
    trackingNumber: o.tracking_number || null,
    cancelReason: o.cancel_reason || null,
    rtsSlaTime: secondsToMs(o.rts_sla_time),
    ttsSlaTime: secondsToMs(o.tts_sla_time),
    rtsTime: secondsToMs(o.rts_time),
    collectionTime: secondsToMs(o.collection_time),
    deliveryTime: secondsToMs(o.delivery_time),
    cancelTime: secondsToMs(o.cancel_time),
    isSampleOrder: o.is_sample_order === true,
    shippingProvider:
      o.shipping_provider ||
      o.line_items.find((l) => l.shipping_provider_name)?.shipping_provider_name ||
      null,
    deliveryOption: o.delivery_option_name || null,
    cancellationInitiator: o.cancellation_initiator || null,
    totalMinor: minor(o.payment.total_amount),
    subTotalMinor: minor(o.payment.sub_total),
    originalTotalMinor: minor(o.payment.original_total_product_price),
    shippingFeeMinor: minor(o.payment.shipping_fee),
    sellerDiscountMinor: minor(o.payment.seller_discount),
    platformDiscountMinor: minor(o.payment.platform_discount),
    taxMinor: minor(o.payment.tax),
    lines: o.line_items.map((l) => {
      const lc = l.currency || cur;
      const lexp = lc === cur ? exp : currencyExponent(lc);
      return {
        lineId: l.id,
        productId: l.product_id,
        productName: l.product_name,
        skuId: l.sku_id,
        skuName: l.sku_name ?? null,
        sellerSku: l.seller_sku ?? null,
        currency: lc,
        originalPriceMinor: toMinorUnitsWithExponent(l.original_price, lexp),
        salePriceMinor: toMinorUnitsWithExponent(l.sale_price, lexp),
        sellerDiscountMinor: toMinorUnitsWithExponent(l.seller_discount, lexp),
        platformDiscountMinor: toMinorUnitsWithExponent(l.platform_discount, lexp),
        displayStatus: l.display_status ?? null,
        packageStatus: l.package_status ?? null,
        cancelled: l.display_status === 'CANCELLED',
      };
    }),
  };
}

export interface OrderSearch {
  /** Unix seconds, inclusive. */
  updateTimeGe?: number;
  /** Unix seconds, exclusive. */
  updateTimeLt?: number;
  pageSize?: number;
  pageToken?: string;
  /**
   * `update_time` (default) or `create_time`, ascending either way. Order ids grow with creation time, so a
   * first full pass read by creation time appends to the local indexes instead of inserting all over them.
   */
  sortField?: 'update_time' | 'create_time';
}

/** One page of orders, oldest first (by update time unless asked otherwise). */
export async function searchOrders(ctx: ShopDataContext, q: OrderSearch): Promise<Page<Order>> {
  const body: Record<string, number> = {};
  if (q.updateTimeGe !== undefined) body.update_time_ge = q.updateTimeGe;
  if (q.updateTimeLt !== undefined) body.update_time_lt = q.updateTimeLt;
  const data = await shopCall(ctx, 'order.search', {
    method: 'POST',
    path: '/order/202309/orders/search',
    query: {
      page_size: q.pageSize ?? 100,
      sort_field: q.sortField ?? 'update_time',
      sort_order: 'ASC',
      page_token: q.pageToken || undefined,
    },
    body,
    data: searchData,
  });
  const read = readRecords(data.orders, { schema: orderSchema, key: idKey(), optional: optionalFields });
  return {
    items: read.items.map(normaliseOrder),
    rejected: read.rejected,
    nextPageToken: data.next_page_token,
    totalCount: data.total_count ?? null,
  };
}
