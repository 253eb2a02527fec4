import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { orderDetail } from '../../../src-main/orders/detail';
import { listOrders, summariseOrders } from '../../../src-main/orders/list';
import { OrdersService } from '../../../src-main/orders/orders-service';
import { ftsQuery } from '../../../src-main/orders/order-query';
import { expandPrefix } from '../../../src-main/orders/search-terms';
import { createWriters } from '../../../src-main/sync/store/writers';
import type { Order } from '../../../src-main/tiktok/shop/orders';
import type { OrdersListInput } from '../../../src-shared/orders';
import { makeOrder, memoryDbWithAccount } from '../../helpers/sync-rows';

/**
 * The Orders list against a reference computed in plain TypeScript from the same orders: every filter and
 * sort, paged with a small page size so the keyset cursor is crossed many times (ties included: several
 * orders share a creation second and a total).
 */

const now = Date.UTC(2026, 0, 3, 12);
const statuses = [
  'AWAITING_SHIPMENT',
  'COMPLETED',
  'CANCELLED',
  'IN_TRANSIT',
  'PARTIALLY_SHIPPING',
  'DELIVERED',
];
let db: Database;
const orders: Array<Order & { shopId: string; affiliate: boolean; refund: boolean }> = [];

beforeAll(() => {
  db = memoryDbWithAccount('acct-1', 'shop-1');
  db.prepare(
    `INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('shop-2', 'acct-1', 'GB', 'GB', 'GBP', 'c')`,
  ).run();
  const writers = createWriters(db);
  for (let i = 0; i < 400; i++) {
    // Pairs of orders share a creation second; totals repeat every 25 orders.
    const base = makeOrder(Math.floor(i / 2));
    const shopId = i % 3 === 0 ? 'shop-2' : 'shop-1';
    const currency = shopId === 'shop-2' ? 'GBP' : 'USD';
    const refund = i % 9 === 0;
    const o = {
      ...base,
      orderId: `5764601${String(i * 17).padStart(11, '0')}`,
      status: statuses[i % statuses.length]!,
      currency,
      totalMinor: 1000 + (i % 25) * 10,
      rtsSlaTime: i % 11 === 0 ? null : base.createTime + (i % 7) * 86_400_000,
      isSampleOrder: i % 13 === 0,
      lines: base.lines.map((l, k) => ({
        ...l,
        lineId: `L${i}-${k}`,
        currency,
        productName: k === 0 && i % 4 === 0 ? 'Soy Candle Lavender' : `Ceramic Mug ${i % 5}`,
        cancelled: refund && k === 0,
      })),
    };
    orders.push({ ...o, shopId, affiliate: i % 5 === 0, refund });
    db.transaction(() => writers.orders.write('acct-1', shopId, [o], now))();
    if (i % 5 === 0)
      db.prepare(
        `INSERT INTO affiliate_orders (order_id, account_id, shop_id, status, create_time, creator_handle, currency,
           gmv_minor, est_commission_minor, actual_commission_minor, etag, synced_at)
         VALUES (?, 'acct-1', ?, 'SETTLED', ?, 'maya.makes', ?, ?, 120, 100, 'e', 0)`,
      ).run(o.orderId, shopId, o.createTime, currency, o.totalMinor);
  }
});
afterAll(() => db.close());

function all(input: OrdersListInput): string[] {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 500; guard++) {
    const page = listOrders(db, { ...input, limit: 7, ...(cursor ? { cursor } : {}) }, now);
    ids.push(...page.items.map((o) => o.orderId));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

const awaiting = (o: (typeof orders)[number]) =>
  o.status === 'AWAITING_SHIPMENT' || o.status === 'PARTIALLY_SHIPPING';
const createdSet = (pick: (o: (typeof orders)[number]) => boolean) =>
  new Set(orders.filter(pick).map((o) => o.orderId));

describe('orders:list', () => {
  it('pages every order newest first, each once', () => {
    const ids = all({});
    expect(ids).toHaveLength(400);
    expect(new Set(ids).size).toBe(400);
    const times = ids.map((id) => orders.find((o) => o.orderId === id)!.createTime);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all({ sort: { by: 'created', desc: false } })).toEqual([...ids].reverse());
  });

  it.each<[string, OrdersListInput, (o: (typeof orders)[number]) => boolean]>([
    ['a shop', { shopId: 'shop-2' }, (o) => o.shopId === 'shop-2'],
    ['one status', { status: ['COMPLETED'] }, (o) => o.status === 'COMPLETED'],
    [
      'two statuses',
      { status: ['COMPLETED', 'CANCELLED'] },
      (o) => ['COMPLETED', 'CANCELLED'].includes(o.status),
    ],
    ['awaiting shipment', { awaitingShipment: true }, awaiting],
    ['late', { late: true }, (o) => awaiting(o) && o.rtsSlaTime !== null && o.rtsSlaTime < now],
    ['refunded', { refunded: true }, (o) => o.refund],
    ['sample', { sample: true }, (o) => o.isSampleOrder],
    ['affiliate', { affiliate: true }, (o) => o.affiliate],
    ['not affiliate', { affiliate: false }, (o) => !o.affiliate],
    [
      'a date range',
      { from: Date.UTC(2026, 0, 1, 6), to: Date.UTC(2026, 0, 1, 18) },
      (o) => o.createTime >= Date.UTC(2026, 0, 1, 6) && o.createTime < Date.UTC(2026, 0, 1, 18),
    ],
    [
      'status, shop and dates',
      { status: ['AWAITING_SHIPMENT'], shopId: 'shop-1', from: Date.UTC(2026, 0, 1) },
      (o) =>
        o.status === 'AWAITING_SHIPMENT' && o.shopId === 'shop-1' && o.createTime >= Date.UTC(2026, 0, 1),
    ],
    [
      'product words',
      { search: 'soy cand' },
      (o) => o.lines.some((l) => l.productName.startsWith('Soy Candle')),
    ],
  ])('filters by %s', (_name, input, pick) => {
    const ids = all(input);
    expect(new Set(ids)).toEqual(createdSet(pick));
    expect(ids).toHaveLength(createdSet(pick).size);
    const times = ids.map((id) => orders.find((o) => o.orderId === id)!.createTime);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('sorts by total and by ship-by time across pages, ties included', () => {
    const totals = all({ sort: { by: 'total', desc: true }, shopId: 'shop-1' }).map(
      (id) => orders.find((o) => o.orderId === id)!.totalMinor,
    );
    expect(totals).toHaveLength(orders.filter((o) => o.shopId === 'shop-1').length);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const sla = all({ awaitingShipment: true, sort: { by: 'sla', desc: false } }).map(
      (id) => orders.find((o) => o.orderId === id)!.rtsSlaTime,
    );
    expect(sla).toHaveLength(orders.filter(awaiting).length);
    // Orders with no ship-by time come first ascending, as SQLite orders NULL.
    const known = sla.filter((v): v is number => v !== null);
    expect(sla.slice(0, sla.length - known.length).every((v) => v === null)).toBe(true);
    expect(known).toEqual([...known].sort((a, b) => a - b));
  });

  it('finds an exact order id directly, and says what a search matched', () => {
    const target = orders[37]!;
    const byId = listOrders(db, { search: target.orderId }, now);
    expect(byId.items.map((o) => o.orderId)).toEqual([target.orderId]);
    expect(byId.items[0]!.match).toEqual({ orderId: true, lineIds: [] });
    const words = listOrders(db, { search: 'lavender', limit: 3 }, now).items;
    expect(words.length).toBeGreaterThan(0);
    for (const o of words) {
      expect(o.match?.orderId).toBe(false);
      expect(o.match?.lineIds).toEqual(
        o.lines.filter((l) => l.productName.includes('Lavender')).map((l) => l.lineId),
      );
    }
    expect(listOrders(db, { search: 'nothing-like-this' }, now).items).toEqual([]);
  });

  it('searches a prefix through the terms it stands for, with the same results as the prefix query', () => {
    // The index's own terms, accents and case as the tokenizer stores them.
    expect(expandPrefix(db, 'cand')).toEqual(['candle']);
    expect(expandPrefix(db, 'CÉRAM')).toEqual(['ceramic']);
    expect(expandPrefix(db, 'zzz')).toBeNull(); // no term: the prefix query answers (nothing)
    expect(expandPrefix(db, 'ca')).toBeNull(); // too short to list: the prefix query answers
    expect(ftsQuery('soy cand', (w) => expandPrefix(db, w))).toBe('"soy" AND "candle"');
    expect(ftsQuery('mug cer', () => ['mug', 'mugs'])).toBe('("mug" OR "mugs") AND ("mug" OR "mugs")');
    expect(ftsQuery('soy cand')).toBe('"soy"* AND "cand"*');
    // "c" and "ca" stay prefix queries; "cer" and "lav" are expanded: all give the reference's orders.
    for (const [search, pick] of [
      ['ca', (o: (typeof orders)[number]) => o.lines.some((l) => /\bca/i.test(l.productName))],
      ['cer', (o: (typeof orders)[number]) => o.lines.some((l) => l.productName.startsWith('Ceramic'))],
      [
        'lav mug',
        (o: (typeof orders)[number]) =>
          o.lines.some((l) => l.productName.includes('Lavender')) &&
          o.lines.some((l) => l.productName.startsWith('Ceramic Mug')),
      ],
    ] as const) {
      expect(new Set(all({ search }))).toEqual(createdSet(pick));
    }
  });

  it('finds a word written after its prefix was first searched (the term cache follows the index)', () => {
    expect(expandPrefix(db, 'terracot')).toBeNull();
    const writers = createWriters(db);
    const base = makeOrder(900);
    const order = {
      ...base,
      orderId: '576460199999999991',
      lines: base.lines.map((l, k) => ({ ...l, lineId: `T-${k}`, productName: 'Terracotta Planter' })),
    };
    db.transaction(() => writers.orders.write('acct-1', 'shop-1', [order], now))();
    expect(expandPrefix(db, 'terracot')).toEqual(['terracotta']);
    expect(listOrders(db, { search: 'terracot' }, now).items.map((o) => o.orderId)).toEqual([order.orderId]);
    db.prepare('DELETE FROM orders WHERE order_id = ?').run(order.orderId);
  });

  it('flags late, affiliate and sample orders', () => {
    const late = listOrders(db, { late: true, limit: 1 }, now).items[0]!;
    expect(late.late).toBe(true);
    expect(late.shipBy).toBeLessThan(now);
    expect(listOrders(db, { affiliate: true, limit: 1 }, now).items[0]!.affiliate).toBe(true);
    expect(listOrders(db, { sample: true, limit: 1 }, now).items[0]!.sample).toBe(true);
  });

  it('refuses a date range that ends before it starts and a cursor it did not make', () => {
    expect(() => listOrders(db, { from: 10_000, to: 5_000 }, now)).toThrow(/ends before it starts/);
    expect(() => listOrders(db, { cursor: 'not-a-cursor' }, now)).toThrow(/cursor is not valid/);
  });
});

describe('orders:summary', () => {
  it('counts the filtered view and totals it per currency, never across currencies', () => {
    const s = summariseOrders(db, { status: ['COMPLETED', 'AWAITING_SHIPMENT'] }, now);
    const picked = orders.filter((o) => o.status === 'COMPLETED' || o.status === 'AWAITING_SHIPMENT');
    expect(s.count).toBe(picked.length);
    for (const currency of ['USD', 'GBP']) {
      const mine = picked.filter((o) => o.currency === currency);
      expect(mine.length).toBeGreaterThan(0);
      expect(s.totals.find((t) => t.currency === currency)).toEqual({
        currency,
        orders: mine.length,
        total: { amountMinor: mine.reduce((n, o) => n + o.totalMinor, 0), currency },
      });
    }
  });
});

describe('orders:detail and orders:export', () => {
  it('groups lines by SKU and shows the affiliate creator and the timeline', () => {
    const o = orders.find((x) => x.affiliate && x.lines.length >= 2)!;
    const d = orderDetail(db, o.orderId, now);
    expect(d.items.reduce((n, i) => n + i.quantity, 0)).toBe(o.lines.length);
    expect(d.affiliate).toMatchObject({ creatorHandle: 'maya.makes', commission: { amountMinor: 100 } });
    expect(d.timeline[0]).toEqual({ step: 'created', at: o.createTime });
    expect(() => orderDetail(db, '1', now)).toThrow(/not in the synced data/);
  });

  it('exports the filtered view with the merchant\u2019s headers, formulas defused', () => {
    const service = new OrdersService({ db, api: undefined as never, now: () => now });
    const out = service.export({ late: true, headers: { orderId: '订单号' } });
    const lines = out.csv.split('\r\n');
    expect(lines[0]!.startsWith('订单号,')).toBe(true);
    expect(out.rows).toBe(
      orders.filter((o) => awaiting(o) && o.rtsSlaTime !== null && o.rtsSlaTime < now).length,
    );
    expect(lines).toHaveLength(out.rows + 1);
    expect(out.truncated).toBe(false);
  });

  it('saves, renames and deletes views; names are unique regardless of case', () => {
    const service = new OrdersService({ db, api: undefined as never, now: () => now });
    const v = service.saveView({ name: 'Late affiliate', filters: { late: true, affiliate: true } });
    expect(service.views().items.map((x) => x.name)).toEqual(['Late affiliate']);
    expect(() => service.saveView({ name: 'late AFFILIATE', filters: {} })).toThrow(/already exists/);
    service.saveView({ id: v.id, name: 'Late creators', filters: { late: true } });
    expect(service.views().items[0]).toMatchObject({ name: 'Late creators', filters: { late: true } });
    expect(service.deleteView({ id: v.id })).toEqual({ deleted: true });
    expect(service.views().items).toEqual([]);
  });
});
