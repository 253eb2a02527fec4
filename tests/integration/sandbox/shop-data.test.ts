import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-main/sandbox/index';
import { signShopRequest } from '../../../src-main/sandbox/index';
import { z } from 'zod';
import {
  admin,
  adminJson,
  allPages,
  dataOf,
  jsonOf,
  sandboxNow,
  shop,
  shopAuthorize,
  shopEnvelope,
  shopsOf,
  start,
} from './helpers';
import { order, product, writeLog } from './shapes';

let sb: SandboxHandle;
let token: string;
let us: { id: string; cipher: string };
let gb: { id: string; cipher: string };
beforeAll(async () => {
  sb = await start({ scale: 'tiny' });
  token = (await shopAuthorize(sb.info)).access_token;
  const shops = await shopsOf(sb.info, token);
  us = shops[0]!;
  gb = shops[1]!;
});
afterAll(async () => {
  await sb.close();
});

const money = /^-?\d+\.\d{2}$/;
const orderPage = z.object({ orders: z.array(order), total_count: z.number(), next_page_token: z.string() });
const productPage = z.object({ products: z.array(product) });
/** Update Inventory's per-SKU errors (code 0 overall). */
const inventoryErrors = z.object({
  errors: z
    .array(
      z.object({
        detail: z.object({
          sku_id: z.string(),
          extra_errors: z.array(z.object({ code: z.number() }).loose()).optional(),
        }),
      }),
    )
    .optional(),
});

describe('orders', () => {
  it('search pages return every order exactly once, newest first, with total_count', async () => {
    const { items, pages } = await allPages(
      (pt) =>
        shop(sb.info, '/order/202309/orders/search', {
          token,
          cipher: us.cipher,
          body: {},
          query: { page_size: '7', ...(pt ? { page_token: pt } : {}) },
        }),
      'orders',
      order,
    );
    const first = await shop(sb.info, '/order/202309/orders/search', {
      token,
      cipher: us.cipher,
      body: {},
      query: { page_size: '7' },
    });
    expect(items.length).toBe(dataOf(first, orderPage).total_count);
    expect(new Set(items.map((o) => o.id)).size).toBe(items.length);
    expect(pages).toBe(Math.ceil(items.length / 7));
    const times = items.map((o) => o.create_time);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // The other shop's orders are disjoint.
    const gbOrders = await allPages(
      (pt) =>
        shop(sb.info, '/order/202309/orders/search', {
          token,
          cipher: gb.cipher,
          body: {},
          query: { page_size: '50', ...(pt ? { page_token: pt } : {}) },
        }),
      'orders',
      order,
    );
    expect(gbOrders.items.some((o) => items.some((u) => u.id === o.id))).toBe(false);
    expect(items.length + gbOrders.items.length).toBe(60);
  });

  it('orders are TikTok-shaped: string ids above 2^53, decimal-string money, consistent totals', async () => {
    const r = await shop(sb.info, '/order/202309/orders/search', {
      token,
      cipher: us.cipher,
      body: {},
      query: { page_size: '50' },
    });
    for (const o of dataOf(r, orderPage).orders) {
      expect(typeof o.id).toBe('string');
      expect(BigInt(o.id) > 2n ** 53n).toBe(true);
      expect(Number.isSafeInteger(Number(o.id))).toBe(false);
      for (const k of [
        'sub_total',
        'shipping_fee',
        'tax',
        'total_amount',
        'seller_discount',
        'platform_discount',
      ] as const)
        expect(o.payment[k]).toMatch(money);
      const cents = (s: string) => Math.round(Number(s) * 100);
      expect(cents(o.payment.total_amount)).toBe(
        cents(o.payment.sub_total) + cents(o.payment.shipping_fee) + cents(o.payment.tax),
      );
      expect(o.payment.currency).toBe('USD');
    }
  });

  it('contains an order with no line items', async () => {
    const { items } = await allPages(
      (pt) =>
        shop(sb.info, '/order/202309/orders/search', {
          token,
          cipher: us.cipher,
          body: {},
          query: { page_size: '50', ...(pt ? { page_token: pt } : {}) },
        }),
      'orders',
      order,
    );
    expect(items.some((o) => o.line_items.length === 0)).toBe(true);
  });

  it('filters by status and update time, ascending by update_time', async () => {
    const all = await shop(sb.info, '/order/202309/orders/search', {
      token,
      cipher: us.cipher,
      body: { order_status: 'COMPLETED' },
      query: { page_size: '100' },
    });
    const completed = dataOf(all, orderPage).orders;
    expect(completed.every((o) => o.status === 'COMPLETED')).toBe(true);
    const mid = completed[Math.floor(completed.length / 2)]!.update_time;
    const r = await shop(sb.info, '/order/202309/orders/search', {
      token,
      cipher: us.cipher,
      body: { order_status: 'COMPLETED', update_time_ge: mid },
      query: { page_size: '100', sort_field: 'update_time', sort_order: 'ASC' },
    });
    const page = dataOf(r, orderPage);
    const times = page.orders.map((o) => o.update_time);
    expect(times.every((t) => t >= mid)).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(page.total_count).toBe(times.length);
  });

  it('detail returns requested ids (≤50) and ignores foreign ones', async () => {
    const s = await shop(sb.info, '/order/202309/orders/search', {
      token,
      cipher: us.cipher,
      body: {},
      query: { page_size: '3' },
    });
    const ids = dataOf(s, orderPage).orders.map((o) => o.id);
    const d = await shop(sb.info, '/order/202309/orders', { token, cipher: us.cipher, query: { ids } });
    const detail = z.object({ orders: z.array(order) });
    expect(dataOf(d, detail).orders.map((o) => o.id)).toEqual(ids);
    const foreign = await shop(sb.info, '/order/202309/orders', { token, cipher: gb.cipher, query: { ids } });
    expect(dataOf(foreign, detail).orders).toEqual([]);
    const tooMany = await shop(sb.info, '/order/202309/orders', {
      token,
      cipher: us.cipher,
      query: { ids: Array.from({ length: 51 }, () => ids[0]!) },
    });
    expect(tooMany.json.code).toBe(36009004);
  });

  it('a page token belongs to its query; an unencoded + in it breaks it', async () => {
    const r = await shop(sb.info, '/order/202309/orders/search', {
      token,
      cipher: us.cipher,
      body: {},
      query: { page_size: '5' },
    });
    const pt = dataOf(r, orderPage).next_page_token;
    expect(pt).toMatch(/[+/]/);
    const other = await shop(sb.info, '/order/202309/orders/search', {
      token,
      cipher: us.cipher,
      body: { order_status: 'COMPLETED' },
      query: { page_size: '5', page_token: pt },
    });
    expect(other.json.code).toBe(36009004);
    // Sent raw: `+` decodes to a space on the server, so the signature (over the decoded value) no longer matches.
    const now = await sandboxNow(sb.info);
    const path = '/order/202309/orders/search';
    const query = {
      app_key: sb.info.shop.appKey,
      timestamp: String(now),
      shop_cipher: us.cipher,
      page_size: '5',
      page_token: pt,
    };
    const sign = signShopRequest({ appSecret: sb.info.shop.appSecret, path, query, body: '{}' });
    const raw = `app_key=${query.app_key}&timestamp=${now}&shop_cipher=${us.cipher}&page_size=5&page_token=${pt}&sign=${sign}`;
    const res = await fetch(`${sb.info.shopApiBase}${path}?${raw}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tts-access-token': token },
      body: '{}',
    });
    expect((await jsonOf(res, shopEnvelope)).code).toBe(106001);
  });
});

describe('products', () => {
  it('search pages every product exactly once and rejects page_size outside 1–100', async () => {
    const { items } = await allPages(
      (pt) =>
        shop(sb.info, '/product/202502/products/search', {
          token,
          cipher: us.cipher,
          body: {},
          query: { page_size: '3', ...(pt ? { page_token: pt } : {}) },
        }),
      'products',
      product,
    );
    expect(new Set(items.map((p) => p.id)).size).toBe(items.length);
    expect(items.length).toBe(8);
    expect(items.some((p) => /[^\p{ASCII}]/u.test(p.title))).toBe(true);
    expect(
      (
        await shop(sb.info, '/product/202309/products/search', {
          token,
          cipher: us.cipher,
          body: {},
          query: { page_size: '0' },
        })
      ).json.code,
    ).toBe(36009004);
    expect(
      (await shop(sb.info, '/product/202309/products/search', { token, cipher: us.cipher, body: {} })).json
        .code,
    ).toBe(36009004);
  });

  it('price update changes the detail and is recorded as an accepted write', async () => {
    const s = await shop(sb.info, '/product/202309/products/search', {
      token,
      cipher: us.cipher,
      body: { status: 'ACTIVATE' },
      query: { page_size: '1' },
    });
    const p = dataOf(s, productPage).products[0]!;
    const path = `/product/202309/products/${p.id}/prices/update`;
    const r = await shop(sb.info, path, {
      token,
      cipher: us.cipher,
      body: { skus: [{ id: p.skus[0]!.id, price: { amount: '12.34', currency: 'USD' } }] },
    });
    expect(r.json.code).toBe(0);
    const d = await shop(sb.info, `/product/202309/products/${p.id}`, { token, cipher: us.cipher });
    const updated = dataOf(d, product.extend({ description: z.string() }));
    expect(updated.skus[0]!.price.sale_price).toBe('12.34');
    expect(updated.description).toContain('<p>');
    const writes = await adminJson(sb.info, 'GET', '/writes?kind=product.price', writeLog);
    expect(writes.entries.at(-1)!.detail.productId).toBe(p.id);
    const wrongCurrency = await shop(sb.info, path, {
      token,
      cipher: us.cipher,
      body: { skus: [{ id: p.skus[0]!.id, price: { amount: '1.00', currency: 'GBP' } }] },
    });
    // Update Price's error table: 12052084, currency not available for the shop.
    expect(wrongCurrency.json.code).toBe(12052084);
    const elsewhere = await shop(sb.info, `/product/202309/products/${p.id}`, { token, cipher: gb.cipher });
    expect(elsewhere.json.code).not.toBe(0);
  });

  it('inventory update reports per-SKU errors when a warehouse is missing (code 0 overall)', async () => {
    const s = await shop(sb.info, '/product/202309/products/search', {
      token,
      cipher: us.cipher,
      body: { status: 'ACTIVATE' },
      query: { page_size: '20' },
    });
    const p = dataOf(s, productPage).products[0]!;
    const sku = p.skus[0]!;
    const path = `/product/202309/products/${p.id}/inventory/update`;
    const full = sku.inventory.map((i) => ({ warehouse_id: i.warehouse_id, quantity: 42 }));
    const ok = await shop(sb.info, path, {
      token,
      cipher: us.cipher,
      body: { skus: [{ id: sku.id, inventory: full }] },
    });
    expect(ok.json.code).toBe(0);
    expect(dataOf(ok, inventoryErrors).errors ?? []).toEqual([]);
    const bad = await shop(sb.info, path, {
      token,
      cipher: us.cipher,
      body: { skus: [{ id: sku.id, inventory: [{ warehouse_id: '1', quantity: 5 }] }] },
    });
    expect(bad.json.code).toBe(0);
    expect(dataOf(bad, inventoryErrors).errors?.[0]?.detail.sku_id).toBe(sku.id);
    const zero = await shop(sb.info, path, {
      token,
      cipher: us.cipher,
      body: {
        skus: [{ id: sku.id, inventory: [{ warehouse_id: full[0]!.warehouse_id, quantity: 100_000 }] }],
      },
    });
    // Code 0 overall; the SKU's entry names the warehouse whose quantity is outside 0–99,999.
    expect(zero.json.code).toBe(0);
    expect(dataOf(zero, inventoryErrors).errors?.[0]?.detail.extra_errors?.[0]?.code).toBe(12052055);
  });
});

describe('finance', () => {
  it('statements page once each, ascending, and need sort_field', async () => {
    const { items } = await allPages(
      (pt) =>
        shop(sb.info, '/finance/202309/statements', {
          token,
          cipher: us.cipher,
          query: { sort_field: 'statement_time', page_size: '4', ...(pt ? { page_token: pt } : {}) },
        }),
      'statements',
      z.object({ id: z.string(), statement_time: z.number(), settlement_amount: z.string() }).loose(),
    );
    expect(items.length).toBeGreaterThan(4);
    expect(new Set(items.map((s) => s.id)).size).toBe(items.length);
    const t = items.map((s) => s.statement_time);
    expect([...t].sort((a, b) => a - b)).toEqual(t);
    expect(items[0]!.settlement_amount).toMatch(money);
    expect((await shop(sb.info, '/finance/202309/statements', { token, cipher: us.cipher })).json.code).toBe(
      36009004,
    );
  });
});

describe('clock offset', () => {
  it('jumping the clock is visible through /admin/clock and the timestamp check', async () => {
    const before = await sandboxNow(sb.info);
    await admin(sb.info, 'POST', '/clock', { advanceDays: 3 });
    try {
      const after = await sandboxNow(sb.info);
      expect(after - before).toBeGreaterThanOrEqual(3 * 86_400);
      const stale = await shop(sb.info, '/authorization/202309/shops', { token, timestamp: before });
      expect(stale.json.code).toBe(36009004);
    } finally {
      await admin(sb.info, 'POST', '/clock', { offsetMs: 0 });
    }
  });
});
