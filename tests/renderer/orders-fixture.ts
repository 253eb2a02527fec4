import type { OrdersListInput, OrdersPage, OrderView } from '@shared/orders';

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

export function order(n: number, shopId = 'shop-1'): OrderView {
  return {
    orderId: `o-${String(n).padStart(4, '0')}`,
    shopId,
    status: 'COMPLETED',
    createTime: 1_700_000_000_000 - n * 60_000,
    updateTime: 1_700_000_000_000,
    total: usd(1000 + n),
    subTotal: usd(1000 + n),
    shippingFee: usd(0),
    tax: usd(0),
    sellerDiscount: usd(0),
    platformDiscount: usd(0),
    refund: usd(0),
    units: 1,
    shipBy: null,
    late: false,
    affiliate: false,
    sample: false,
    lines: [],
    match: null,
  };
}

/** orders:list over an in-memory table, keyset-paged the way main pages it (cursor = last id shown). */
export function ordersChannel(all: readonly OrderView[]) {
  return (input: OrdersListInput): OrdersPage => {
    const rows = all.filter((o) => !input.shopId || o.shopId === input.shopId);
    const start = input.cursor ? rows.findIndex((o) => o.orderId === input.cursor) + 1 : 0;
    const limit = input.limit ?? 50;
    const page = rows.slice(start, start + limit);
    const more = start + limit < rows.length;
    return { items: page, nextCursor: more ? (page.at(-1)?.orderId ?? null) : null, total: rows.length };
  };
}
