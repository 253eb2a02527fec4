import type { Database, Statement } from 'better-sqlite3';
import type { QuotaStatus } from '@shared/marketplace';
import { DAY_MS, utcDay } from '../core/time';

/**
 * TikTok allows 10,000 marketplace creator searches (and, separately, creator performance reads) per shop
 * per day and answers 45101004 past that (docs/tiktok-api/affiliate-creators-and-samples.md). TikTok does
 * not report what is left, so ShopMesh counts its own requests per shop and UTC day, and trusts a 45101004
 * over its count. Calls made by other apps on the same shop are invisible to this count.
 */
export const DAILY_QUOTA = 10_000;
/** Saved-search refreshes stop while this many searches of the day are left, for the merchant's own searches. */
export const INTERACTIVE_RESERVE = 1_000;

export type QuotaApi = 'search' | 'performance';

export class QuotaLedger {
  private readonly get: Statement<[string, string, string], { used: number; exhausted: number }>;
  private readonly add: Statement<[string, string, string, string, number]>;
  private readonly exhaust: Statement<[string, string, string, string]>;

  constructor(
    db: Database,
    private readonly now: () => number,
  ) {
    this.get = db.prepare(
      'SELECT used, exhausted FROM marketplace_quota WHERE shop_id = ? AND api = ? AND day = ?',
    );
    this.add = db.prepare(`
      INSERT INTO marketplace_quota (shop_id, api, day, account_id, used) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (shop_id, api, day) DO UPDATE SET used = used + excluded.used`);
    this.exhaust = db.prepare(`
      INSERT INTO marketplace_quota (shop_id, api, day, account_id, used, exhausted) VALUES (?, ?, ?, ?, 0, 1)
      ON CONFLICT (shop_id, api, day) DO UPDATE SET exhausted = 1`);
  }

  status(shopId: string, api: QuotaApi): QuotaStatus {
    const now = this.now();
    const row = this.get.get(shopId, api, utcDay(now));
    const used = row?.used ?? 0;
    const exhausted = (row?.exhausted ?? 0) === 1;
    return {
      limit: DAILY_QUOTA,
      used,
      left: exhausted ? 0 : Math.max(0, DAILY_QUOTA - used),
      exhausted,
      resetsAt: (Math.floor(now / DAY_MS) + 1) * DAY_MS,
    };
  }

  /** Counted before the request goes out: a request TikTok received counts even when its answer is lost. */
  spend(shopId: string, accountId: string, api: QuotaApi): void {
    this.add.run(shopId, api, utcDay(this.now()), accountId, 1);
  }

  markExhausted(shopId: string, accountId: string, api: QuotaApi): void {
    this.exhaust.run(shopId, api, utcDay(this.now()), accountId);
  }
}
