import { AppError } from '@shared/errors';
import type {
  BackupInfo,
  Backups,
  EraseReport,
  ExportResult,
  RecoveryState,
  RetentionReport,
  RetentionStatus,
} from '@shared/privacy';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountsService } from '../accounts/service';
import type { ActivityLog } from '../activity/activity-log';
import type { Database } from '../db/connection';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings-service';
import { type AccountPurgeResult, financeCutoff, purgeAccount } from './account-purge';
import { backupFolder, createBackup, listBackups, pruneBackups } from './backups';
import { type EraseDeps, eraseEverything } from './erase';
import { exportData } from './export';
import { clearRecovery } from './recovery';
import { prepareRestore, restoreInPlace } from './restore';
import { quoteId, readSchema } from './schema';
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
  /** The vault and the data folder's files, for erase, backups, restore and export. */
  erase: Omit<EraseDeps, 'db' | 'settings' | 'accounts' | 'events' | 'logger'>;
  /** Set when the database could not be opened at start-up and a fresh one took its place (recovery.ts). */
  recovery: RecoveryState;
  appVersion: string;
}

/** How often the app checks whether a backup is due (one a day). */
const BACKUP_CHECK_MS = 3_600_000;

const total = (r: AccountPurgeResult): number => Object.values(r.deleted).reduce((a, b) => a + b, 0);

/**
 * Privacy by design (docs/privacy.md): the retention rules (at start-up, daily and from Settings) and the
 * Account purge they share with disconnecting, daily backups with restore and start-up recovery, "export my
 * data" and "delete all my data". What is deleted or exported is logged as counts, never as what rows held.
 */
export class PrivacyService {
  private lastRun: RetentionReport | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Rows deleted by Account purges since the current retention run started (disconnect "now" logs its own). */
  private purgedRows = 0;
  private erasing = false;
  private restoring = false;
  private exporting = false;
  private recoveryState: RecoveryState;
  private backupTimer: NodeJS.Timeout | null = null;
  private backingUp: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: PrivacyServiceDeps) {
    this.recoveryState = deps.recovery;
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
    if (this.restoring) throw new AppError('CONFLICT', privacyTexts.busy());
    // An export being written would leave its archive behind in the emptied folder.
    if (this.exporting) throw new AppError('CONFLICT', privacyTexts.exportRunning());
    this.erasing = true;
    try {
      const { db, settings, accounts, events, logger } = this.deps;
      // A backup being written now would land in the folder after its files are deleted.
      await this.backingUp;
      return await eraseEverything({ ...this.deps.erase, db, settings, accounts, events, logger });
    } finally {
      this.lastRun = null;
      this.recoveryState = null;
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

  /**
   * Takes the daily backup when one is due: now, then checked hourly. Background work, like the scheduled
   * sync: the app starts it unless `backgroundSync` is off (tests and benches back up on demand).
   */
  startBackups(): void {
    if (this.backupTimer) return;
    void this.backupIfDue();
    this.backupTimer = setInterval(() => void this.backupIfDue(), BACKUP_CHECK_MS);
    this.backupTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.backupTimer) clearInterval(this.backupTimer);
    this.timer = null;
    this.backupTimer = null;
    await this.backingUp;
  }

  backups(): Backups {
    const folder = backupFolder(this.deps.erase.dataDir);
    const items = listBackups(folder);
    return { items, totalBytes: items.reduce((n, b) => n + b.sizeBytes, 0), folder };
  }

  /** An online backup now (`db.backup`), then the oldest beyond the kept number go. */
  backupNow(): Promise<BackupInfo> {
    if (this.erasing) return Promise.reject(new AppError('CONFLICT', privacyTexts.busy()));
    const run = this.backingUp.then(async () => {
      const folder = backupFolder(this.deps.erase.dataDir);
      const info = await createBackup(this.deps.db, folder, this.deps.now());
      pruneBackups(folder, this.deps.settings.get().backupsKept);
      this.deps.logger.info({ sizeBytes: info.sizeBytes }, 'database backed up');
      return info;
    });
    this.backingUp = run.catch(() => undefined);
    return run;
  }

  /** Export my data (export.ts), one at a time; progress goes out as `privacy:exportProgress`. */
  async exportData(includeContacts: boolean): Promise<ExportResult> {
    if (this.exporting) throw new AppError('CONFLICT', privacyTexts.exportRunning());
    if (this.erasing || this.restoring) throw new AppError('CONFLICT', privacyTexts.busy());
    this.exporting = true;
    try {
      const result = await exportData({
        db: this.deps.db,
        vault: this.deps.erase.vault,
        folder: join(this.deps.erase.dataDir, 'exports'),
        now: this.deps.now(),
        appVersion: this.deps.appVersion,
        includeContacts,
        settings: this.deps.settings.get(),
        onProgress: (p) => this.deps.events.emit('privacy:exportProgress', p),
      });
      // Counts only: what was exported, never from which Accounts.
      this.deps.activity.record('privacy.exported', {
        files: result.files.length,
        rows: result.files.reduce((n, f) => n + f.rows, 0),
        contacts: result.contactsIncluded,
      });
      return result;
    } finally {
      this.exporting = false;
    }
  }

  /** Whether the start-up check found the database unreadable (and started on a fresh one). */
  recovery(): RecoveryState {
    return this.recoveryState;
  }

  /** The merchant chose to go on with the fresh database; the unreadable file stays where it was moved. */
  startFresh(): { keptFile: string } {
    const state = this.recoveryState;
    if (!state) throw new AppError('CONFLICT', privacyTexts.noRecovery());
    clearRecovery(this.deps.erase.dataDir);
    this.recoveryState = null;
    return { keptFile: state.keptFile };
  }

  /**
   * Restores a backup over the live database: the backup is checked (and migrated) on a copy first, the
   * background work stops (nothing may write between the copy below and the restore), the current database is
   * kept as a `-before-restore` backup (skipped only for the empty stand-in of a recovery), and every row is
   * replaced in one transaction. The vault then reads the restored key record.
   */
  async restore(name: string): Promise<{ restoredFrom: string; previous: string | null }> {
    const { db, logger, events } = this.deps;
    const { dataDir, vault } = this.deps.erase;
    if (this.erasing || this.restoring) throw new AppError('CONFLICT', privacyTexts.busy());
    const folder = backupFolder(dataDir);
    const file = join(folder, name);
    if (!listBackups(folder).some((b) => b.name === name) || !existsSync(file))
      throw new AppError('NOT_FOUND', privacyTexts.backupNotFound({ name }));
    this.restoring = true;
    let copy: string | null = null;
    let stopped = false;
    try {
      copy = prepareRestore(file, dataDir, this.deps.now());
      await this.deps.erase.stopWork();
      stopped = true;
      await this.backingUp;
      const previous =
        this.recoveryState && !holdsMerchantData(db)
          ? null
          : (await createBackup(db, folder, this.deps.now(), '-before-restore')).name;
      const rows = restoreInPlace(db, copy);
      await vault.unlock();
      if (this.recoveryState) {
        clearRecovery(dataDir);
        this.recoveryState = null;
      }
      logger.info({ rows, previous: previous !== null }, 'database restored from a backup');
      events.emit('accounts:changed', {});
      return { restoredFrom: name, previous };
    } finally {
      if (stopped) this.deps.erase.resumeWork();
      if (copy) removeCopy(copy);
      this.restoring = false;
    }
  }

  private async backupIfDue(): Promise<void> {
    // While a recovery is pending the database is an empty stand-in: backing it up could push out the
    // backups the merchant may want to restore. During an erase a new backup would outlive the wipe.
    if (this.recoveryState || this.erasing) return;
    const last = listBackups(backupFolder(this.deps.erase.dataDir)).find((b) => !b.beforeRestore);
    if (last && this.deps.now() - last.createdAt < DAY_MS - BACKUP_CHECK_MS) return;
    try {
      await this.backupNow();
    } catch (err) {
      this.deps.logger.error({ err }, 'daily backup failed');
    }
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

/** Tables that even a fresh, never-used database fills (the ledger, the vault's key record, the log). */
const bookkeeping = new Set(['schema_migrations', 'vault_keys', 'secrets', 'activity_log']);

/** Whether the database holds anything the merchant put there (an Account, a creator, a template…). */
function holdsMerchantData(db: Database): boolean {
  return readSchema(db).some(
    (t) =>
      !bookkeeping.has(t.name) && db.prepare(`SELECT 1 FROM ${quoteId(t.name)} LIMIT 1`).get() !== undefined,
  );
}

function removeCopy(copy: string): void {
  for (const path of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(path, { force: true });
}
