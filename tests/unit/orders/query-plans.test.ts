import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { encodeCursor } from '../../../src-main/db/keyset';
import { pageSql } from '../../../src-main/orders/list';
import { buildOrderQuery } from '../../../src-main/orders/order-query';
import { productsPageSql } from '../../../src-main/products/list';
import type { OrderFilters, OrderSort } from '../../../src-shared/orders';
import { memoryDbWithAccount } from '../../helpers/sync-rows';

/**
 * Every list query of the Orders and Products pages walks an index, the rowid key or a search index, and
 * (but for product search, which sorts only its matches) returns rows in index order with no sort step:
 * that is what keeps a 1M-order shop instant (docs/orders.md). Checked on EXPLAIN QUERY PLAN, first page
 * and next pages alike.
 */

let db: Database;
beforeAll(() => {
  db = memoryDbWithAccount();
});
afterAll(() => db.close());

const now = Date.UTC(2026, 2, 1);
const desc = (by: OrderSort['by']): OrderSort => ({ by, desc: true });

const orderShapes: Array<[string, OrderFilters, OrderSort, boolean?]> = [
  ['newest first', {}, desc('created')],
  ['oldest first', {}, { by: 'created', desc: false }],
  ['one shop', { shopId: 'shop-1' }, desc('created')],
  ['status and dates', { status: ['COMPLETED'], from: now - 90 * 86_400_000, to: now }, desc('created')],
  ['dates only', { from: now - 90 * 86_400_000, to: now }, desc('created')],
  ['several statuses', { status: ['COMPLETED', 'DELIVERED'] }, desc('created')],
  ['awaiting shipment', { awaitingShipment: true }, desc('created')],
  ['late by ship-by time', { late: true }, { by: 'sla', desc: false }],
  ['late, newest first', { late: true }, desc('created')],
  ['sample orders', { sample: true }, desc('created')],
  ['affiliate and refunded', { affiliate: true, refunded: true }, desc('created')],
  ['not affiliate', { affiliate: false }, desc('created')],
  ['by total', {}, desc('total')],
  ['by total in a shop', { shopId: 'shop-1' }, desc('total')],
  ['product words', { search: 'soy candle' }, desc('created')],
  [
    'product words in a shop, last 90 days',
    { search: 'candle', shopId: 'shop-1', from: now - 90 * 86_400_000 },
    desc('created'),
  ],
  ['exact order id', { search: '576460100000000013' }, desc('created'), true],
];

function plan(sql: string, args: unknown[]): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map(
    (r) => r.detail,
  );
}

describe('Orders list query plans', () => {
  for (const [name, filters, sort, exactId] of orderShapes) {
    it(name, () => {
      const q = buildOrderQuery(filters, sort, now, { exactId: exactId === true });
      for (const cursor of [undefined, encodeCursor(q.sortColumn === null ? null : 1_000, 12_345)]) {
        const { sql, args } = pageSql(q, cursor, 51);
        const steps = plan(sql, args);
        const ordersStep = steps.find((s) => / o( |$)/.test(s) || s.includes(' s VIRTUAL TABLE'))!;
        expect(ordersStep, steps.join(' | ')).toMatch(
          /USING (INDEX|COVERING INDEX|INTEGER PRIMARY KEY)|VIRTUAL TABLE/,
        );
        expect(
          steps.filter((s) => /^SCAN o$/.test(s)),
          steps.join(' | '),
        ).toEqual([]);
        expect(
          steps.some((s) => s.includes('TEMP B-TREE')),
          steps.join(' | '),
        ).toBe(false);
      }
    });
  }
});

describe('Products list query plans', () => {
  const shapes: Array<[string, Parameters<typeof productsPageSql>[0], boolean]> = [
    ['newest first', {}, false],
    ['one shop', { shopId: 'shop-1' }, false],
    ['by price', { sort: { by: 'price', desc: false } }, false],
    ['by stock', { sort: { by: 'inventory', desc: false } }, false],
    ['by title', { sort: { by: 'title', desc: false } }, false],
    ['recently updated', { sort: { by: 'updated', desc: true } }, false],
    ['low stock', { lowStock: true, lowStockBelow: 5 }, false],
    ['status', { status: 'ACTIVATE' }, false],
    // A search sorts only its matches (a few products), after finding them through indexes.
    ['search', { search: 'candle' }, true],
  ];
  for (const [name, input, sorts] of shapes) {
    it(name, () => {
      for (const cursor of [undefined, encodeCursor(1_000, 7)]) {
        const { sql, args } = productsPageSql({ ...input, ...(cursor ? { cursor } : {}) });
        const steps = plan(sql, args);
        expect(
          steps.filter((s) => /^SCAN (p|s|s2|p2|p3|p4|k)$/.test(s)),
          steps.join(' | '),
        ).toEqual([]);
        if (!sorts)
          expect(
            steps.some((s) => s.includes('TEMP B-TREE')),
            steps.join(' | '),
          ).toBe(false);
        if (input.search) expect(steps.some((s) => s.includes('product_search VIRTUAL TABLE'))).toBe(true);
      }
    });
  }
});
