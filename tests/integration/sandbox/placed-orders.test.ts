import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SandboxHandle } from '../../../src-main/sandbox/index';
import { admin, adminJson, allPages, sandboxNow, shop, shopAuthorize, shopsOf, start } from './helpers';

/**
 * `POST /admin/orders/place` (an order placed at a chosen instant, e.g. a US evening) and `GET /admin/orders`
 * (a shop's orders as Search Orders serves them): the placed order reaches the app the way every order does —
 * in Search Orders by create and by update time and in Get Order Detail — and the admin listing is
 * byte-for-byte what the Shop API served, so an e2e test can sum the sandbox's own data.
 */

let sb: SandboxHandle;
let token: string;
let us: { id: string; cipher: string };

const orderShape = z
  .object({
    id: z.string(),
    create_time: z.number(),
    update_time: z.number(),
    status: z.string(),
    user_id: z.string(),
    payment: z.object({ total_amount: z.string(), currency: z.string() }).loose(),
    line_items: z.array(z.object({ sale_price: z.string() }).loose()),
  })
  .loose();
type Order = z.output<typeof orderShape>;
const listing = z.object({ total: z.number(), orders: z.array(orderShape) });

async function adminOrders(shopId: string): Promise<z.output<typeof listing>> {
  const all: Order[] = [];
  for (let offset = 0; ; offset += 25) {
    const page = await adminJson(
      sb.info,
      'GET',
      `/orders?shopId=${shopId}&offset=${offset}&limit=25`,
      listing,
    );
    all.push(...page.orders);
    if (page.orders.length < 25) return { total: page.total, orders: all };
  }
}

async function searched(body: Record<string, unknown>, sortField = 'create_time'): Promise<Order[]> {
  return (
    await allPages(
      (pageToken) =>
        shop(sb.info, '/order/202309/orders/search', {
          token,
          cipher: us.cipher,
          body,
          query: {
            page_size: '50',
            sort_field: sortField,
            sort_order: 'ASC',
            ...(pageToken ? { page_token: pageToken } : {}),
          },
        }),
      'orders',
      orderShape,
    )
  ).items;
}

beforeAll(async () => {
  sb = await start({ config: { shopQps: 100_000 } });
  token = (await shopAuthorize(sb.info)).access_token;
  const shops = await shopsOf(sb.info, token);
  us = shops.find((s) => s.region === 'US')!;
});
afterAll(async () => sb?.close());

describe('an order placed through the admin API', () => {
  it('is served like every order, and the admin listing is what Search Orders serves', async () => {
    const before = await adminOrders(us.id);
    // 04:00 UTC two days ago: the evening before in Los Angeles.
    const now = await sandboxNow(sb.info);
    const placedAt = now - (now % 86_400) - 2 * 86_400 + 4 * 3_600;
    const place = async (createTime: number) =>
      (
        await adminJson(
          sb.info,
          'POST',
          '/orders/place',
          z.object({ ok: z.literal(true), orderId: z.string() }),
          { shopId: us.id, createTime, status: 'COMPLETED' },
        )
      ).orderId;
    // Three orders (the dataset's order count then crosses a multiple of three, which buyer ids once hung
    // on), two of them at the same second.
    const placed = { orderId: await place(placedAt) };
    const twin = await place(placedAt);
    const dayBefore = await place(placedAt - 86_400);

    const after = await adminOrders(us.id);
    expect(after.total).toBe(before.total + 3);
    const mine = after.orders.find((o) => o.id === placed.orderId);
    expect(mine).toMatchObject({ create_time: placedAt, status: 'COMPLETED', payment: { currency: 'USD' } });
    expect(mine!.line_items.length).toBeGreaterThan(0);
    // Filed in create-time order (the twin after the first), and no other order changed (buyers included).
    const ids = after.orders.map((o) => o.id);
    expect(ids.indexOf(twin)).toBe(ids.indexOf(placed.orderId) + 1);
    expect(ids.indexOf(dayBefore)).toBeLessThan(ids.indexOf(placed.orderId));
    const times = after.orders.map((o) => o.create_time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const ours = new Set([placed.orderId, twin, dayBefore]);
    expect(after.orders.filter((o) => !ours.has(o.id))).toEqual(before.orders);

    // Search Orders (by create time and by update time) and Get Order Detail serve it, with the same JSON.
    expect(await searched({})).toEqual(after.orders);
    const byUpdate = await searched({ update_time_ge: placedAt, update_time_lt: now + 1 }, 'update_time');
    expect(byUpdate.map((o) => o.id)).toContain(placed.orderId);
    const window = await searched({ create_time_ge: placedAt, create_time_lt: placedAt + 1 });
    expect(window.map((o) => o.id)).toContain(placed.orderId);
    const detail = await shop(sb.info, '/order/202309/orders', {
      token,
      cipher: us.cipher,
      query: { ids: placed.orderId },
    });
    expect((detail.json.data as { orders: unknown[] }).orders).toEqual([mine]);

    // A reset takes it away again.
    expect((await admin(sb.info, 'POST', '/reset')).status).toBe(200);
    expect(await adminOrders(us.id)).toEqual(before);
  });

  it('refuses an order in the future or for an unknown shop, and changes nothing', async () => {
    const before = await adminOrders(us.id);
    const now = await sandboxNow(sb.info);
    const future = await admin(sb.info, 'POST', '/orders/place', { shopId: us.id, createTime: now + 3_600 });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.json)).toContain('createTime');
    const unknown = await admin(sb.info, 'POST', '/orders/place', { shopId: 'nope', createTime: now - 60 });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.json)).toContain('shopId');
    const typo = await admin(sb.info, 'POST', '/orders/place', { shopId: us.id, createdAt: now - 60 });
    expect(typo.status).toBe(400);
    expect(await adminOrders(us.id)).toEqual(before);
    expect((await admin(sb.info, 'GET', '/orders?shopId=nope')).status).toBe(400);
  });
});
