import type { Database, Statement } from 'better-sqlite3';
import { DAY_MS, dayStartMs } from '../time';

/**
 * Daily rollups (ARCHITECTURE §9): `order_days` and `product_days` sum orders and their lines per shop and
 * UTC day, `ad_days` sums AdReportDays per advertiser and day.
 *
 * A writer does not touch the rollups: in the same transaction as its page it marks the (scope, day)
 * pairs it changed as dirty, and `refresh` later rebuilds those days from the raw rows in one set-based
 * statement each. Keeping sums up to date row by row cost as much as writing the orders themselves (a page
 * of 100 orders touches ~150 product-day rows scattered over the day's b-tree pages); rebuilding a day
 * reads it once, in index order, however many pages dirtied it, and can never drift from the raw rows.
 * Dirty marks survive a crash with the page that made them, so a later refresh finishes the job.
 */

export type RollupKind = 'orders' | 'ads';

interface DirtyDay {
  scope: string;
  day: string;
  account_id: string;
}

/** One day of one scope: deletes its rollup rows and inserts them again from the raw rows. */
interface DayRebuild {
  clear: Statement[];
  fill: Statement[];
}

const orderSums = (col: string): string => `SUM(CASE WHEN status != 'CANCELLED' THEN ${col} ELSE 0 END)`;

function prepareRebuilds(db: Database): Record<RollupKind, DayRebuild> {
  return {
    orders: {
      clear: [
        db.prepare('DELETE FROM order_days WHERE shop_id = @scope AND day = @day'),
        db.prepare('DELETE FROM product_days WHERE shop_id = @scope AND day = @day'),
      ],
      fill: [
        db.prepare(`
          INSERT INTO order_days (shop_id, day, currency, account_id, orders, cancelled_orders, units, gross_minor,
            refunds_minor, seller_discount_minor, platform_discount_minor, tax_minor, shipping_minor)
          SELECT @scope, @day, currency, @account, SUM(status != 'CANCELLED'), SUM(status = 'CANCELLED'),
            ${orderSums('units')}, ${orderSums('total_minor')}, ${orderSums('refund_minor')},
            ${orderSums('seller_discount_minor')}, ${orderSums('platform_discount_minor')}, ${orderSums('tax_minor')},
            ${orderSums('shipping_fee_minor')}
          FROM orders WHERE shop_id = @scope AND create_time >= @start AND create_time < @end
          GROUP BY currency`),
        db.prepare(`
          INSERT INTO product_days (shop_id, day, product_id, currency, account_id, units, gross_minor)
          SELECT @scope, @day, l.product_id, l.currency, @account, COUNT(*), SUM(l.sale_price_minor)
          FROM orders o JOIN order_lines l ON l.order_id = o.order_id
          WHERE o.shop_id = @scope AND o.create_time >= @start AND o.create_time < @end
            AND o.status != 'CANCELLED' AND l.cancelled = 0
          GROUP BY l.product_id, l.currency`),
      ],
    },
    ads: {
      clear: [db.prepare('DELETE FROM ad_days WHERE advertiser_id = @scope AND day = @day')],
      fill: [
        db.prepare(`
          INSERT INTO ad_days (advertiser_id, day, currency, account_id, spend_minor, impressions, clicks, reach,
            conversions, conversion_value_minor)
          SELECT @scope, @day, currency, @account, SUM(spend_minor), SUM(impressions), SUM(clicks), SUM(reach),
            SUM(conversions), SUM(conversion_value_minor)
          FROM ad_report_days WHERE advertiser_id = @scope AND day = @day
          GROUP BY currency`),
      ],
    },
  };
}

export class RollupStore {
  private readonly mark: Statement<[string, string, string, string]>;
  private readonly dirty: Statement<[string, string], DirtyDay>;
  private readonly dirtyScopes: Statement<[], { rollup: RollupKind; scope: string }>;
  private readonly unmark: Statement<[string, string, string]>;
  private readonly rebuilds: Record<RollupKind, DayRebuild>;

  constructor(private readonly db: Database) {
    // The Account of the last write wins: a shop that moved to another Account takes its rollup rows along.
    this.mark = db.prepare(
      `INSERT INTO rollup_dirty (rollup, scope, day, account_id) VALUES (?, ?, ?, ?)
       ON CONFLICT (rollup, scope, day) DO UPDATE SET account_id = excluded.account_id`,
    );
    this.dirty = db.prepare(
      'SELECT scope, day, account_id FROM rollup_dirty WHERE rollup = ? AND scope = ? ORDER BY day',
    );
    this.dirtyScopes = db.prepare('SELECT DISTINCT rollup, scope FROM rollup_dirty');
    this.unmark = db.prepare('DELETE FROM rollup_dirty WHERE rollup = ? AND scope = ? AND day = ?');
    this.rebuilds = prepareRebuilds(db);
  }

  /** Records that `days` of `scope` changed; call inside the transaction that changed them. */
  markDirty(kind: RollupKind, accountId: string, scope: string, days: Iterable<string>): void {
    for (const day of days) this.mark.run(kind, scope, day, accountId);
  }

  /** Rebuilds every dirty day of one scope in one transaction; returns the number of days rebuilt. */
  refresh(kind: RollupKind, scope: string): number {
    return this.db
      .transaction(() => {
        const days = this.dirty.all(kind, scope);
        const { clear, fill } = this.rebuilds[kind];
        for (const d of days) {
          const start = dayStartMs(d.day);
          for (const s of clear) s.run({ scope, day: d.day });
          for (const s of fill)
            s.run({ scope, day: d.day, account: d.account_id, start, end: start + DAY_MS });
          this.unmark.run(kind, scope, d.day);
        }
        return days.length;
      })
      .immediate();
  }

  /** Rebuilds everything still dirty, e.g. days a crashed sync left behind. */
  refreshAll(): number {
    let days = 0;
    for (const { rollup, scope } of this.dirtyScopes.all()) days += this.refresh(rollup, scope);
    return days;
  }
}
