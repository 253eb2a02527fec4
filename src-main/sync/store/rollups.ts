import type { Database, Statement } from 'better-sqlite3';
import { addDays, regionTimeZone, zonedDay, zonedDayStart } from '@shared/time';
import {
  advertiserRollups,
  type DayRebuild,
  prepareRebuilds,
  type RollupKind,
  shopRollups,
} from './rollup-sql';

export type { RollupKind } from './rollup-sql';

/**
 * Daily rollups (ARCHITECTURE §9): per shop and shop-local day (the shop region's calendar,
 * `regionTimeZone`) `order_days`, `product_days`, `affiliate_days`, `creator_days` and `finance_days`; per
 * advertiser and advertiser-local day (as TikTok reports them) `ad_days` and `ad_campaign_days`. The SQL of
 * each is in rollup-sql.ts.
 *
 * A writer does not touch the rollups: in the same transaction as its page it marks the (scope, day)
 * pairs it changed as dirty, and `refresh` later rebuilds those days from the raw rows in one set-based
 * statement each. Keeping sums up to date row by row cost as much as writing the orders themselves (a page
 * of 100 orders touches ~150 product-day rows scattered over the day's b-tree pages); rebuilding a day
 * reads it once, in index order, however many pages dirtied it, and can never drift from the raw rows.
 * Dirty marks survive a crash with the page that made them, so a later refresh finishes the job.
 */

/**
 * From this many rebuilt days on, a month is recounted from all its days rather than kept by difference:
 * taking a day away and adding it back upserts every item of the day twice, recounting reads a month of
 * day rows once (~30 days), and an upsert costs several reads.
 */
const WHOLE_MONTH_DAYS = 4;

interface DirtyDay {
  day: string;
  account_id: string;
}

export class RollupStore {
  private readonly mark: Statement<[string, string, string, string]>;
  private readonly dirtyIn: Statement<[string, string, string, string], DirtyDay>;
  private readonly months: Statement<[string, string], string>;
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
    this.dirtyIn = db.prepare(
      `SELECT day, account_id FROM rollup_dirty WHERE rollup = ? AND scope = ? AND day > ? AND day < ?
       ORDER BY day`,
    );
    this.months = db
      .prepare<[string, string], string>(
        `SELECT DISTINCT substr(day, 1, 7) FROM rollup_dirty WHERE rollup = ? AND scope = ? ORDER BY 1`,
      )
      .pluck();
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

  /**
   * Rebuilds every dirty day of one rollup of one scope, one transaction per month of dirty days; returns
   * the days rebuilt. A first sync dirties a whole history (a year of a big shop's days): rebuilt in one
   * transaction it held the write lock for seconds on a loaded machine, past the app's 5 s busy timeout
   * (`lists:addMembers` failed with "database is locked" during a first sync). A month is at most 31 days.
   */
  refresh(kind: RollupKind, scope: string): number {
    let days = 0;
    for (const month of this.dirtyMonths(kind, scope)) days += this.refreshMonth(kind, scope, month);
    return days;
  }

  /**
   * `refresh` for a job running beside the app: after each month's transaction it waits for `pause()`, so
   * a write of the app's connection, retrying on its busy timeout, finds the lock free.
   */
  async refreshYielding(kind: RollupKind, scope: string, pause: () => Promise<void>): Promise<number> {
    let days = 0;
    for (const month of this.dirtyMonths(kind, scope)) {
      days += this.refreshMonth(kind, scope, month);
      await pause();
    }
    return days;
  }

  /** The months (`YYYY-MM`) with dirty days of one rollup of one scope, oldest first. */
  private dirtyMonths(kind: RollupKind, scope: string): string[] {
    return this.months.all(kind, scope);
  }

  /** Rebuilds the dirty days of one month in one transaction. */
  private refreshMonth(kind: RollupKind, scope: string, month: string): number {
    return this.db
      .transaction(() => {
        const days = this.dirtyIn.all(kind, scope, `${month}-00`, `${month}-99`);
        if (days.length === 0) return 0;
        const { clear, fill, zoned, months } = this.rebuilds[kind];
        const zone = zoned ? this.shopZone(scope) : 'UTC';
        // Months with many days rebuilt are recounted whole after their days (rollup-sql.ts MonthStatements).
        const perMonth = new Map<string, number>();
        for (const d of days) perMonth.set(d.day.slice(0, 7), (perMonth.get(d.day.slice(0, 7)) ?? 0) + 1);
        const whole = new Set([...perMonth].filter(([, n]) => n >= WHOLE_MONTH_DAYS).map(([m]) => m));
        for (const d of days) {
          const start = zonedDayStart(d.day, zone);
          const end = zonedDayStart(addDays(d.day, 1), zone);
          const byDifference = !whole.has(d.day.slice(0, 7));
          if (byDifference) for (const m of months) m.subtract.run({ scope, day: d.day });
          for (const s of clear) s.run({ scope, day: d.day });
          for (const s of fill) s.run({ scope, day: d.day, account: d.account_id, start, end });
          if (byDifference)
            for (const m of months) {
              m.add.run({ scope, day: d.day });
              m.prune.run({ scope, day: d.day });
            }
          this.unmark.run(kind, scope, d.day);
        }
        for (const month of whole)
          for (const m of months) {
            m.clearMonth.run({ scope, month });
            m.fillMonth.run({ scope, month });
          }
        return days.length;
      })
      .immediate();
  }

  /** Rebuilds the dirty days of every rollup of a shop or an advertiser. */
  refreshScope(type: 'shop' | 'advertiser', scope: string): number {
    let days = 0;
    for (const kind of type === 'shop' ? shopRollups : advertiserRollups) days += this.refresh(kind, scope);
    return days;
  }

  /** `refreshScope` beside the app: `pause()` after each month's transaction (see `refreshYielding`). */
  async refreshScopeYielding(
    type: 'shop' | 'advertiser',
    scope: string,
    pause: () => Promise<void>,
  ): Promise<number> {
    let days = 0;
    for (const kind of type === 'shop' ? shopRollups : advertiserRollups)
      days += await this.refreshYielding(kind, scope, pause);
    return days;
  }

  /** Rebuilds everything still dirty, e.g. days a crashed sync left behind. */
  refreshAll(): number {
    let days = 0;
    for (const { rollup, scope } of this.dirtyScopes.all()) days += this.refresh(rollup, scope);
    return days;
  }

  /**
   * Marks every day between a scope's first and last raw row dirty for `kind`, after deleting the scope's
   * rows of that rollup (a day without raw rows rebuilds to nothing). Call `refresh` after.
   */
  markAll(kind: RollupKind, scope: string): void {
    const r = this.rebuilds[kind];
    this.db
      .transaction(() => {
        const span = r.span.get({ scope });
        const col = kind === 'ads' ? 'advertiser_id' : 'shop_id';
        for (const t of r.tables) this.db.prepare(`DELETE FROM ${t} WHERE ${col} = ?`).run(scope);
        if (!span || span.first === null || span.last === null || span.account === null) return;
        const zone = r.zoned ? this.shopZone(scope) : 'UTC';
        const dayOf = (v: number | string): string => (typeof v === 'number' ? zonedDay(v, zone) : v);
        const last = dayOf(span.last);
        for (let day = dayOf(span.first); day <= last; day = addDays(day, 1))
          this.mark.run(kind, scope, day, span.account);
      })
      .immediate();
  }

  /** Drops every rollup row and rebuilds all of them from the raw rows (`analytics:rebuild`); returns the days. */
  rebuildAll(): number {
    // `costs` is part of the orders rebuild.
    for (const kind of [...shopRollups, ...advertiserRollups].filter((k) => k !== 'costs'))
      for (const scope of this.rebuilds[kind].scopes.all()) this.markAll(kind, scope);
    return this.refreshAll();
  }
}
