import type { Database } from 'better-sqlite3';
import type { SyncSummary } from '@shared/sync';

const tables = {
  orders: 'orders',
  products: 'products',
  creators: 'creators',
  collaborations: 'collaborations',
  conversations: 'conversations',
  adCampaigns: 'ad_campaigns',
} as const satisfies Record<keyof SyncSummary['counts'], string>;

/** Row counts of the synced tables (offline; what the placeholder pages say is already here). */
export function syncSummary(db: Database): SyncSummary {
  const counts = Object.fromEntries(
    Object.entries(tables).map(([key, table]) => [
      key,
      db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number,
    ]),
  ) as SyncSummary['counts'];
  return { counts };
}
