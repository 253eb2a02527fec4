import type { RetentionReport } from '@shared/privacy';
import type { Settings } from '@shared/settings';
import type { Database } from '../db/connection';
import { deleteOldFinance, financeCutoff, financeRowsOf } from './account-purge';

export const DAY_MS = 86_400_000;

/** The retention rules as the settings hold them. */
export type RetentionRules = Pick<
  Settings,
  'activityRetentionDays' | 'accountDataRetentionDays' | 'financeRetentionYears'
>;

/** Activity entries older than the rule's days. */
export function purgeOldActivity(db: Database, now: number, days: number): number {
  return db.prepare('DELETE FROM activity_log WHERE at < ?').run(now - days * DAY_MS).changes;
}

/**
 * Accounts whose other data is gone and whose finance rows were kept: drops the finance rows that have
 * aged out, and the Account row (with its SyncRun history) once none are left.
 */
export function purgeAgedFinance(
  db: Database,
  now: number,
  years: number,
): Pick<RetentionReport, 'financeRecords' | 'accountsForgotten'> {
  const cutoff = financeCutoff(now, years);
  const kept = db
    .prepare(
      `SELECT id FROM accounts WHERE status = 'revoked' AND disconnected_at IS NOT NULL
         AND data_deletion_at IS NULL`,
    )
    .pluck()
    .all() as string[];
  let financeRecords = 0;
  let accountsForgotten = 0;
  for (const id of kept) {
    db.transaction(() => {
      financeRecords += deleteOldFinance(db, id, cutoff);
      if (financeRowsOf(db, id) === 0) {
        db.prepare('DELETE FROM accounts WHERE id = ?').run(id);
        accountsForgotten += 1;
      }
    }).immediate();
  }
  return { financeRecords, accountsForgotten };
}
