import type { Database } from '../db/connection';
import { deleteUnreferencedCreators } from '../creators/retention';
import { quoteId, readSchema } from './schema';

/**
 * Finance and payment records: kept for the finance retention period from their own date even after the
 * rest of an Account's data is deleted (tax records), then deleted. Only "delete all my data" removes them
 * sooner. Each names the column that dates a row and how that column stores time.
 */
export const financeTables = {
  finance_statements: { column: 'statement_time', kind: 'epochMs' },
  finance_days: { column: 'day', kind: 'isoDay' },
} as const satisfies Record<string, { column: string; kind: 'epochMs' | 'isoDay' }>;

/**
 * Tables with an `account_id` whose rows an Account purge does not delete by that column: the Accounts
 * themselves (deleted or anonymised last), SyncRun history (counts and durations, kept while the Account row
 * is; its error texts are cleared) and the activity log (deleted by `account_id` explicitly, below).
 */
const handledApart = new Set(['accounts', 'sync_runs', 'activity_log', ...Object.keys(financeTables)]);

export interface AccountPurgeResult {
  /** Rows deleted per table (tables with none left out); rows deleted by cascade are not counted. */
  deleted: Record<string, number>;
  /** Finance and payment rows still kept for the finance retention period. */
  financeKept: number;
  /** `deleted`: the Account row is gone; `anonymised`: it stays, nameless, for the finance rows kept. */
  account: 'deleted' | 'anonymised';
}

/** The first day (`YYYY-MM-DD`, UTC) and epoch ms still inside the finance retention period. */
export function financeCutoff(now: number, years: number): { ms: number; day: string } {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return { ms: d.getTime(), day: d.toISOString().slice(0, 10) };
}

/** Deletes finance rows of `accountId` dated before the cutoff; returns how many went. */
export function deleteOldFinance(
  db: Database,
  accountId: string,
  cutoff: { ms: number; day: string },
): number {
  let n = 0;
  for (const [table, { column, kind }] of Object.entries(financeTables)) {
    n += db
      .prepare(`DELETE FROM ${quoteId(table)} WHERE account_id = ? AND ${quoteId(column)} < ?`)
      .run(accountId, kind === 'epochMs' ? cutoff.ms : cutoff.day).changes;
  }
  return n;
}

export function financeRowsOf(db: Database, accountId: string): number {
  let n = 0;
  for (const table of Object.keys(financeTables))
    n += db
      .prepare(`SELECT count(*) FROM ${quoteId(table)} WHERE account_id = ?`)
      .pluck()
      .get(accountId) as number;
  return n;
}

/**
 * Deletes one Account's data, driven from the schema: every table with an `account_id` (children follow
 * through ON DELETE CASCADE), the Account's activity entries, then the creators nothing keeps any more (the
 * merchant's own CRM data — notes, tags, stages, lists, contacts, score overrides — keeps a creator, see
 * src-main/creators/retention.ts). Finance rows younger than the cutoff stay; while any do, the Account row
 * stays too (their foreign key needs it) with its name, remote id, permissions and SyncRun error texts
 * blanked; once none do, the Account row is deleted and its SyncRun history with it. Runs in one transaction.
 */
export function purgeAccount(
  db: Database,
  accountId: string,
  cutoff: { ms: number; day: string },
  now: number,
): AccountPurgeResult {
  return db
    .transaction((): AccountPurgeResult => {
      const deleted: Record<string, number> = {};
      const count = (table: string, n: number) => {
        if (n > 0) deleted[table] = (deleted[table] ?? 0) + n;
      };
      for (const t of readSchema(db)) {
        if (handledApart.has(t.name) || !t.columns.includes('account_id')) continue;
        count(
          t.name,
          db.prepare(`DELETE FROM ${quoteId(t.name)} WHERE account_id = ?`).run(accountId).changes,
        );
      }
      const oldFinance = deleteOldFinance(db, accountId, cutoff);
      if (oldFinance > 0) deleted.finance = oldFinance;
      count(
        'activity_log',
        db.prepare('DELETE FROM activity_log WHERE account_id = ?').run(accountId).changes,
      );
      count('creators', deleteUnreferencedCreators(db));
      const financeKept = financeRowsOf(db, accountId);
      if (financeKept > 0) {
        anonymiseAccount(db, accountId, now);
        return { deleted, financeKept, account: 'anonymised' };
      }
      db.prepare('DELETE FROM accounts WHERE id = ?').run(accountId);
      return { deleted, financeKept: 0, account: 'deleted' };
    })
    .immediate();
}

/**
 * Keeps the row the finance records hang on, with nothing that says whose it was: the remote id becomes the
 * row's own id (unique, so reconnecting the same seller, advertiser or identity makes a new Account), the
 * name is blanked, and SyncRun error texts (which can quote shop names) are cleared. `disconnected_at` set
 * and `data_deletion_at` null hide it from the Accounts list.
 */
export function anonymiseAccount(db: Database, accountId: string, now: number): void {
  db.prepare(
    `UPDATE accounts SET remote_id = 'purged:' || id, display_name = '', scopes = '[]', status = 'revoked',
       status_reason = NULL, access_expires_at = NULL, authorization_expires_at = NULL,
       disconnected_at = COALESCE(disconnected_at, ?), data_deletion_at = NULL, updated_at = ?
     WHERE id = ?`,
  ).run(now, now, accountId);
  db.prepare('UPDATE sync_runs SET error = NULL WHERE account_id = ?').run(accountId);
  db.prepare(
    'UPDATE sync_run_resources SET error = NULL WHERE run_id IN (SELECT id FROM sync_runs WHERE account_id = ?)',
  ).run(accountId);
}
