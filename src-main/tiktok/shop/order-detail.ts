import { z } from 'zod';
import { type ShopDataContext, shopCall } from './data-call';
import { normaliseOrder, type Order, orderSchema } from './orders';

/**
 * Get Order Detail (docs/tiktok-api/shop-catalogue-writes.md, "Reading one order"): one order read now, for
 * "Refresh this order" and for the parts of the order drawer ShopMesh does not keep (the recipient as TikTok
 * shows it, the buyer's note).
 */

const recipientSchema = z.object({
  name: z.string().default(''),
  phone_number: z.string().default(''),
  full_address: z.string().default(''),
  postal_code: z.string().default(''),
  region_code: z.string().default(''),
});

const detailSchema = orderSchema.extend({
  recipient_address: recipientSchema.optional(),
  buyer_message: z.string().optional(),
});

const detailData = z.object({ orders: z.array(detailSchema).default([]) });

export interface Recipient {
  /** As TikTok gives them: masked for orders shipped with TikTok's logistics. */
  name: string;
  phone: string;
  address: string;
  postalCode: string;
  regionCode: string;
}

export interface OrderDetail {
  order: Order;
  /** TikTok omits the address while an order is UNPAID or ON_HOLD. */
  recipient: Recipient | null;
  buyerMessage: string | null;
}

/** The orders among `ids` (at most 50) that belong to this shop; absent ids are simply not returned. */
export async function getOrders(ctx: ShopDataContext, ids: readonly string[]): Promise<OrderDetail[]> {
  const data = await shopCall(ctx, 'order.detail', {
    method: 'GET',
    path: '/order/202507/orders',
    query: { ids: ids.join(',') },
    data: detailData,
  });
  return data.orders.map((o) => ({
    order: normaliseOrder(o),
    recipient: o.recipient_address
      ? {
          name: o.recipient_address.name,
          phone: o.recipient_address.phone_number,
          address: o.recipient_address.full_address,
          postalCode: o.recipient_address.postal_code,
          regionCode: o.recipient_address.region_code,
        }
      : null,
    buyerMessage: o.buyer_message || null,
  }));
}
