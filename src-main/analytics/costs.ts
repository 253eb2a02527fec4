import type { Database, Statement } from 'better-sqlite3';
import type { RollupStore } from '../sync/store/rollups';

/**
 * Keeps `cost_days` in step with the product costs the user enters (catalogue, `product_costs`). A change
 * of costs changes the cost of every day already sold, so when a shop's costs differ from what its
 * `cost_days` were built with (count and newest change), that shop's cost rollup is rebuilt before the
 * dashboard reads it. New orders are costed by the orders rebuild itself.
 */
export class CostWatcher {
  private readonly built = new Map<string, string>();
  private readonly stamp: Statement<[string], { n: number; at: number | null }>;
  private readonly costed: Statement<[string], number>;

  constructor(
    db: Database,
    private readonly rollups: RollupStore,
  ) {
    this.stamp = db.prepare(
      'SELECT COUNT(*) AS n, MAX(updated_at) AS at FROM product_costs WHERE shop_id = ?',
    );
    this.costed = db
      .prepare<[string], number>('SELECT 1 FROM cost_days WHERE shop_id = ? AND costed_units > 0 LIMIT 1')
      .pluck();
  }

  /** Rebuilds the cost rollup of each shop whose costs changed since it was last built by this process. */
  ensure(shopIds: readonly string[]): void {
    for (const shop of shopIds) {
      const s = this.stamp.get(shop);
      const key = `${s?.n ?? 0}|${s?.at ?? ''}`;
      const before = this.built.get(shop);
      // At start-up the rollup may predate costs entered (or removed) in an earlier session.
      const unchanged =
        before === key || (before === undefined && (s?.n ?? 0) === 0 && this.costed.get(shop) === undefined);
      if (unchanged) {
        this.built.set(shop, key);
        continue;
      }
      this.rollups.markAll('costs', shop);
      this.rollups.refresh('costs', shop);
      this.built.set(shop, key);
    }
  }
}
