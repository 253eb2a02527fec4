import type { Database, Statement } from 'better-sqlite3';
import { addDays, regionTimeZone, zonedDayStart } from '@shared/time';

/**
 * Daily rollups (ARCHITECTURE §9): `order_days` and `product_days` sum orders and their lines per shop and
 * shop-local day (the shop region's calendar, `regionTimeZone`), `ad_days` sums AdReportDays per advertiser
 * and advertiser-local day (as TikTok reports them).
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

/**
 * One day of one scope: deletes its rollup rows and inserts them again from the raw rows. A `zoned` rebuild
 * selects raw rows by time between the shop's local midnights; the others select by the stored day text.
 */
interface DayRebuild {
  zoned: boolean;
  clear: Statement[];
  fill: Statement[];
}

const orderSums = (col: string): string => `SUM(CASE WHEN status != 'CANCELLED' THEN ${col} ELSE 0 END)`;

function prepareRebuilds(db: Database): Record<RollupKind, DayRebuild> {
  return {
    orders: {
      zoned: true,
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
          INSERT INTO product_days (shop_id, day, product_id, currency, account_id, units, gross_minor,
            refunded_units, refunds_minor)
          SELECT @scope, @day, l.product_id, l.currency, @account, SUM(l.cancelled = 0),
            SUM(CASE WHEN l.cancelled = 0 THEN l.sale_price_minor ELSE 0 END), SUM(l.cancelled),
            SUM(CASE WHEN l.cancelled != 0 THEN l.sale_price_minor ELSE 0 END)
          FROM orders o JOIN order_lines l ON l.order_id = o.order_id
          WHERE o.shop_id = @scope AND o.create_time >= @start AND o.create_time < @end
            AND o.status != 'CANCELLED'
          GROUP BY l.product_id, l.currency`),
      ],
    },
    ads: {
      zoned: false,
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
  private readonly region: Statement<[string], string>;

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
    this.region = db.prepare<[string], string>('SELECT region FROM shops WHERE shop_id = ?').pluck();
  }

  /** The time zone whose calendar days a shop's rollups use (UTC for a shop not stored, which cannot sync). */
  shopZone(shopId: string): string {
    return regionTimeZone(this.region.get(shopId) ?? '');
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
        if (days.length === 0) return 0;
        const { clear, fill, zoned } = this.rebuilds[kind];
        const zone = zoned ? this.shopZone(scope) : 'UTC';
        for (const d of days) {
          const start = zonedDayStart(d.day, zone);
          const end = zonedDayStart(addDays(d.day, 1), zone);
          for (const s of clear) s.run({ scope, day: d.day });
          for (const s of fill) s.run({ scope, day: d.day, account: d.account_id, start, end });
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
