import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { OrderWriter } from '../../../src-main/sync/store/orders';
import { RollupStore } from '../../../src-main/sync/store/rollups';
import {
  count,
  recomputedOrderDays,
  recomputedProductDays,
  storedOrderDays,
  storedProductDays,
} from '../../helpers/sync-fixtures';
import { makeOrder, memoryDbWithAccount } from '../../helpers/sync-rows';

let db: Database;
let writer: OrderWriter;
let rollups: RollupStore;
beforeEach(() => {
  db = memoryDbWithAccount();
  rollups = new RollupStore(db);
  writer = new OrderWriter(db, rollups);
});
afterEach(() => db.close());

const write = (orders: ReturnType<typeof makeOrder>[]) =>
  db.transaction(() => writer.write('acct-1', 'shop-1', orders, Date.now()))();

function expectRollupsConsistent(): void {
  rollups.refresh('orders', 'shop-1');
  expect(storedOrderDays(db)).toEqual(recomputedOrderDays(db));
  expect(storedProductDays(db)).toEqual(recomputedProductDays(db));
}

describe('order writer', () => {
  it('inserts once and counts a replay of the same page as nothing', () => {
    const page = Array.from({ length: 50 }, (_, i) => makeOrder(i));
    expect(write(page)).toEqual({ inserted: 50, updated: 0 });
    expect(write(page)).toEqual({ inserted: 0, updated: 0 });
    expect(count(db, 'orders')).toBe(50);
    expect(count(db, 'order_lines')).toBe(page.reduce((n, o) => n + o.lines.length, 0));
    expectRollupsConsistent();
  });

  it('moves rollup contributions when a re-synced order changes status, amounts and lines', () => {
    const page = Array.from({ length: 30 }, (_, i) => makeOrder(i));
    write(page);
    const changed = [
      makeOrder(3, { status: 'CANCELLED', updateTime: page[3]!.updateTime + 1 }),
      makeOrder(4, { totalMinor: 123_456 }),
      makeOrder(5, {
        lines: page[5]!.lines.map((l, i) =>
          i === 0 ? { ...l, cancelled: true, displayStatus: 'CANCELLED' } : l,
        ),
      }),
      makeOrder(7, { lines: page[7]!.lines.slice(0, 1) }),
      makeOrder(100), // new
    ];
    expect(write(changed)).toEqual({ inserted: 1, updated: 4 });
    expectRollupsConsistent();
    // Changing back restores the original figures exactly.
    write(page.slice(3, 8));
    expectRollupsConsistent();
    const day = db.prepare('SELECT SUM(orders), SUM(cancelled_orders) FROM order_days').raw().get();
    expect(day).toEqual([31, 0]);
  });

  it('keeps rollups right over many random re-syncs', () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const statuses = ['UNPAID', 'AWAITING_SHIPMENT', 'IN_TRANSIT', 'COMPLETED', 'CANCELLED'];
    for (let round = 0; round < 20; round++) {
      const page = Array.from({ length: 25 }, () => {
        const i = rand(60);
        return makeOrder(i, { status: statuses[rand(statuses.length)]!, totalMinor: 1000 + rand(5000) });
      });
      const unique = [...new Map(page.map((o) => [o.orderId, o])).values()];
      write(unique);
      // Rebuilt at irregular moments, as a sync's periodic and end-of-job refreshes fall.
      if (rand(3) === 0) expectRollupsConsistent();
    }
    expectRollupsConsistent();
  });

  it('hands the rollup rows of a shop over to the Account that writes it next', () => {
    write([makeOrder(0)]);
    const now = Date.now();
    db.prepare(
      `INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
       VALUES ('acct-2', 'shop', 'active', 'r-acct-2', 'Other', ?, ?)`,
    ).run(now, now);
    // Same shop, day and products: the existing order_days / product_days rows take the new account_id.
    db.transaction(() => writer.write('acct-2', 'shop-1', [makeOrder(0, { orderId: 'O-other' })], now))();
    rollups.refresh('orders', 'shop-1');
    const owners = (table: string) =>
      db.prepare(`SELECT DISTINCT account_id FROM ${table}`).pluck().all() as string[];
    expect(owners('order_days')).toEqual(['acct-2']);
    expect(owners('product_days')).toEqual(['acct-2']);
    expect(db.prepare('SELECT orders FROM order_days').pluck().get()).toBe(2);
  });

  it('leaves the rollups to the refresh, and a rolled-back page leaves no dirty day behind', () => {
    write([makeOrder(0), makeOrder(1)]);
    expect(count(db, 'order_days')).toBe(0);
    expect(count(db, 'rollup_dirty')).toBe(1);
    expect(rollups.refreshAll()).toBe(1);
    expect(count(db, 'rollup_dirty')).toBe(0);
    expect(db.prepare('SELECT SUM(orders) FROM order_days').pluck().get()).toBe(2);

    expect(() =>
      db.transaction(() => {
        writer.write('acct-1', 'shop-1', [makeOrder(500)], Date.now());
        throw new Error('crash before commit');
      })(),
    ).toThrow('crash before commit');
    expect(count(db, 'rollup_dirty')).toBe(0);
    expect(rollups.refreshAll()).toBe(0);
    expectRollupsConsistent();
  });

  it('counts a change in any one column of the order or of a line as an update, and nothing else', () => {
    const base = makeOrder(1, { paidTime: null, trackingNumber: null });
    write([base]);
    const variants = [
      { ...base, trackingNumber: 'TT1' },
      { ...base, paidTime: base.createTime + 60_000 },
      {
        ...base,
        lines: base.lines.map((l, i) => (i === 0 ? { ...l, productName: `${l.productName}!` } : l)),
      },
      { ...base, lines: [...base.lines, { ...base.lines[0]!, lineId: 'extra' }] },
    ];
    for (const v of variants) {
      expect(write([v])).toEqual({ inserted: 0, updated: 1 });
      expect(write([v])).toEqual({ inserted: 0, updated: 0 });
      expect(write([base])).toEqual({ inserted: 0, updated: 1 });
    }
    expect(count(db, 'order_lines')).toBe(base.lines.length);
    expectRollupsConsistent();
  });
});
