import { money } from '../data/orders';
import { hash } from '../data/rng';
import { encodeId } from '../ids';
import type { Collaboration, SandboxState } from '../state';

/**
 * Affiliate orders that invited creators' content brings (docs/sandbox.md "Behaviour over time"): each sale
 * drawn with an invitation's outcomes (`behaviour.ts`) becomes an order once the clock reaches it, with one
 * SKU attributed to that target collaboration and creator (docs/tiktok-api/affiliate.md "Attribution").
 * They appear in Search Seller Affiliate Orders only; the shop's order search keeps the generated orders.
 */

/** Order indexes far above any generated order's: 3e9 + collaboration·5,000 + creator slot·100 + sale. */
const FIRST_INDEX = 3_000_000_000;
const DAY = 86_400;
/** Delivered three days after the order; commission settles after a 14-day return window [U]. */
const DELIVERED_AFTER = 3 * DAY;
const SETTLED_AFTER = DELIVERED_AFTER + 14 * DAY;

export function collaborationOrderId(
  collab: Pick<Collaboration, 'index'>,
  slot: number,
  sale: number,
): string {
  return encodeId('order', FIRST_INDEX + collab.index * 5_000 + slot * 100 + sale);
}

export interface CollaborationOrder {
  id: string;
  createTime: number;
  collab: Collaboration;
  creatorIndex: number;
  product: Collaboration['products'][number];
  quantity: number;
  cancelled: boolean;
}

/** A shop's collaboration orders created at or before `now`, newest first. */
export function collaborationOrders(
  state: SandboxState,
  shopIndex: number,
  now: number,
): CollaborationOrder[] {
  const out: CollaborationOrder[] = [];
  for (const collab of state.collaborations) {
    if (collab.shopIndex !== shopIndex) continue;
    collab.outcomes.forEach((o, slot) => {
      o.sales.forEach((sale, s) => {
        const product = collab.products[sale.product];
        if (sale.at > now || !product) return;
        out.push({
          id: collaborationOrderId(collab, slot, s),
          createTime: sale.at,
          collab,
          creatorIndex: collab.creatorIndexes[slot] ?? 0,
          product,
          quantity: sale.quantity,
          cancelled: sale.cancelled,
        });
      });
    });
  }
  return out.sort((a, b) => b.createTime - a.createTime || (a.id < b.id ? 1 : -1));
}

/** The order as Search Seller Affiliate Orders 202410 answers it: the same fields as the generated ones. */
export function collaborationOrderJson(state: SandboxState, o: CollaborationOrder, now: number): unknown {
  const ds = state.dataset;
  const shop = ds.shops[o.collab.shopIndex];
  const currency = shop?.currency ?? 'USD';
  const record = state.product(o.product.productIndex);
  const unitCents = Math.round(Number(record?.skus[0]?.price ?? '0') * 100);
  const base = unitCents * o.quantity;
  const commission = Math.round((base * o.product.commissionRate) / 10_000);
  const delivered = !o.cancelled && now >= o.createTime + DELIVERED_AFTER;
  const settled = !o.cancelled && now >= o.createTime + SETTLED_AFTER;
  const amount = (cents: number) => ({ amount: money(cents), currency });
  return {
    id: o.id,
    status: o.cancelled ? 'CANCELLED' : settled ? 'COMPLETED' : 'PROCESSING',
    create_time: o.createTime,
    delivery_time: delivered ? o.createTime + DELIVERED_AFTER : 0,
    skus: [
      {
        product_id: o.product.id,
        quantity: o.quantity,
        price: amount(unitCents),
        creator_username: ds.creators.usernames[o.creatorIndex] ?? '',
        content_type: hash(ds.seed, 97, o.collab.index, o.creatorIndex) % 3 === 0 ? 'LIVE' : 'VIDEO',
        content_id: String(
          7_310_000_000_000_000_000n + BigInt(hash(ds.seed, 98, o.collab.index, o.creatorIndex)),
        ),
        target_collaboration_id: o.collab.id,
        open_collaboration_id: '',
        campaign_id: '',
        commission_rate: String(o.product.commissionRate),
        shop_ads_commission_rate: String(o.product.shopAdsCommissionRate ?? 0),
        estimated_commission_base: amount(base),
        estimated_paid_commission: amount(commission),
        actual_commission_base: amount(settled ? base : 0),
        actual_paid_commission: amount(settled ? commission : 0),
        refunded_quantity: 0,
        returned_quantity: 0,
      },
    ],
  };
}
