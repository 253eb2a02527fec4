import type { Database } from 'better-sqlite3';
import type { Freshness, SourceKind } from '@shared/analytics';

/** The sync resource each figure's source comes from. */
const resourceOf: Record<SourceKind, string> = {
  orders: 'orders',
  affiliate: 'affiliate_orders',
  finance: 'finance_statements',
  ads: 'ad_report_days',
};

/**
 * When each source last synced successfully for the selected shops (orders, affiliate, finance) and
 * advertisers (ads): the oldest of them, since a figure is only as fresh as its stalest scope. `only`
 * narrows it to the sources a page shows.
 */
export function freshness(
  db: Database,
  shopIds: string[],
  advertiserIds: string[],
  now: number,
  syncIntervalMinutes: number,
  only?: readonly SourceKind[],
): Freshness {
  const rows = db
    .prepare(
      `SELECT r.resource, r.scope, MAX(s.finished_at) AS at
       FROM sync_run_resources r JOIN sync_runs s ON s.id = r.run_id
       WHERE r.outcome = 'ok' AND r.resource IN ('orders', 'affiliate_orders', 'finance_statements', 'ad_report_days')
       GROUP BY r.resource, r.scope`,
    )
    .all() as Array<{ resource: string; scope: string; at: number | null }>;
  const last = new Map(rows.map((r) => [`${r.resource}|${r.scope}`, r.at]));
  const kinds = (Object.keys(resourceOf) as SourceKind[]).filter((k) => !only || only.includes(k));
  const sources = kinds.flatMap((source) => {
    const scopes = source === 'ads' ? advertiserIds : shopIds;
    if (scopes.length === 0) return [];
    const times = scopes.map((s) => last.get(`${resourceOf[source]}|${s}`) ?? null);
    const lastSyncedAt = times.some((t) => t === null) ? null : Math.min(...(times as number[]));
    return [{ source, lastSyncedAt }];
  });
  const known = sources.map((s) => s.lastSyncedAt).filter((t): t is number => t !== null);
  const stale =
    (known.length > 0 && known.length < sources.length) ||
    known.some((t) => now - t > syncIntervalMinutes * 60_000);
  return { sources, syncIntervalMinutes, stale };
}
