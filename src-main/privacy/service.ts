import { AppError } from '@shared/errors';
import type { EraseReport, RetentionReport, RetentionStatus } from '@shared/privacy';
import type { AccountsService } from '../accounts/service';
import type { ActivityLog } from '../activity/activity-log';
import type { Database } from '../db/connection';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings-service';
import { type AccountPurgeResult, financeCutoff, purgeAccount } from './account-purge';
import { type EraseDeps, eraseEverything } from './erase';
import { DAY_MS, purgeAgedFinance, purgeOldActivity } from './retention';
import { privacyTexts } from './texts';

export interface PrivacyServiceDeps {
  db: Database;
  settings: SettingsService;
  accounts: AccountsService;
  activity: ActivityLog;
  events: EventBus;
  logger: Logger;
  now: () => number;
  /** What "delete all my data" needs beyond the above (the vault, the data folder's files). */
  erase: Omit<EraseDeps, 'db' | 'settings' | 'accounts' | 'events' | 'logger'>;
}

const total = (r: AccountPurgeResult): number => Object.values(r.deleted).reduce((a, b) => a + b, 0);

/**
 * Privacy by design: the retention rules (docs/privacy.md), run at start-up and daily and shown in Settings.
 * What a run deleted is logged and put in the activity log as counts, never as what the rows held.
 */
export class PrivacyService {
  private lastRun: RetentionReport | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Rows deleted by Account purges since the current retention run started (disconnect "now" logs its own). */
  private purgedRows = 0;
  private erasing = false;

  constructor(private readonly deps: PrivacyServiceDeps) {
    // Every Account purge (disconnect "delete now", the 90-day rule) goes through the schema-driven purge.
    deps.accounts.hooks.registerPurge('account data', (accountId, db) => {
      const result = purgeAccount(db, accountId, this.financeCutoff(), deps.now());
      this.purgedRows += total(result);
      deps.logger.info(
        {
          rows: total(result),
          tables: result.deleted,
          financeKept: result.financeKept,
          account: result.account,
        },
        'account data deleted',
      );
      // Counts only: the Account's name went with its entries.
      deps.activity.record('account.dataDeleted', { rows: total(result), financeKept: result.financeKept });
    });
    // A shorter or longer account rule moves the dates already scheduled, then applies at once.
    deps.settings.onChange((value, changed) => {
      if (changed.includes('accountDataRetentionDays')) this.reschedule(value.accountDataRetentionDays);
      if (changed.some((k) => k.endsWith('RetentionDays') || k === 'financeRetentionYears')) this.runSafely();
    });
  }

  /** The days after disconnection or revocation that an Account's data is kept (the Accounts service asks). */
  accountDataRetentionMs(): number {
    return this.deps.settings.get().accountDataRetentionDays * DAY_MS;
  }

  /** Applies every rule now. Counts go to the log and, when anything went, to the activity log. */
  runRetention(): RetentionReport {
    const { db, settings, accounts, logger } = this.deps;
    const rules = settings.get();
    const now = this.deps.now();
    const activityEntries = purgeOldActivity(db, now, rules.activityRetentionDays);
    this.purgedRows = 0;
    let purgedAccounts = 0;
    for (const row of accounts.repo.dueForPurge(now)) {
      try {
        accounts.purgeAccountData(row.id);
        purgedAccounts += 1;
      } catch (err) {
        // The others still go; this one is tried again at the next run.
        logger.error({ err, accountId: row.id }, 'scheduled data deletion failed');
      }
    }
    const finance = purgeAgedFinance(db, now, rules.financeRetentionYears);
    const report: RetentionReport = {
      at: now,
      activityEntries,
      accounts: purgedAccounts,
      accountRows: this.purgedRows,
      ...finance,
    };
    this.lastRun = report;
    const { at: _at, ...counts } = report;
    if (Object.values(counts).some((n) => n > 0)) {
      logger.info(counts, 'retention run deleted data');
      this.deps.activity.record('privacy.retentionRan', counts);
      if (purgedAccounts > 0 || finance.accountsForgotten > 0) this.deps.events.emit('accounts:changed', {});
    }
    return report;
  }

  status(): RetentionStatus {
    const scheduled = this.deps.db
      .prepare(
        `SELECT id AS accountId, display_name AS name, data_deletion_at AS dataDeletionAt FROM accounts
          WHERE data_deletion_at IS NOT NULL ORDER BY data_deletion_at`,
      )
      .all() as RetentionStatus['scheduled'];
    const financeKept = this.deps.db
      .prepare(
        `SELECT (SELECT count(*) FROM finance_statements f JOIN accounts a ON a.id = f.account_id
                  WHERE a.disconnected_at IS NOT NULL AND a.data_deletion_at IS NULL)`,
      )
      .pluck()
      .get() as number;
    return { lastRun: this.lastRun, scheduled, financeKept };
  }

  /** "Delete all my data" (erase.ts); one at a time. The app is back at its first run afterwards. */
  async eraseAll(): Promise<EraseReport> {
    if (this.erasing) throw new AppError('CONFLICT', privacyTexts.eraseRunning());
    this.erasing = true;
    try {
      const { db, settings, accounts, events, logger } = this.deps;
      return await eraseEverything({ ...this.deps.erase, db, settings, accounts, events, logger });
    } finally {
      this.lastRun = null;
      this.erasing = false;
    }
  }

  /** Runs the rules now and then daily while the app runs (the timer does not keep the process alive). */
  start(intervalMs = DAY_MS): void {
    if (this.timer) return;
    this.runSafely();
    this.timer = setInterval(() => this.runSafely(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private runSafely(): void {
    try {
      this.runRetention();
    } catch (err) {
      this.deps.logger.error({ err }, 'retention run failed');
    }
  }

  private financeCutoff() {
    return financeCutoff(this.deps.now(), this.deps.settings.get().financeRetentionYears);
  }

  private reschedule(days: number): void {
    // Only the rule changed, not when the Account went: each date moves to (disconnection or revocation) + days.
    const moved = this.deps.db
      .prepare(
        `UPDATE accounts SET data_deletion_at = COALESCE(disconnected_at, updated_at) + ?
          WHERE data_deletion_at IS NOT NULL`,
      )
      .run(days * DAY_MS).changes;
    if (moved > 0) this.deps.events.emit('accounts:changed', {});
  }
}
