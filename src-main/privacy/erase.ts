import type { EraseReport } from '@shared/privacy';
import { defaultSettings } from '@shared/settings';
import { AppError } from '@shared/errors';
import type { AccountsService } from '../accounts/service';
import type { Database } from '../db/connection';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings-service';
import type { Vault } from '../vault/vault';
import { emptyLogs, removePaths } from './files';
import { privacyTexts } from './texts';
import { wipeDatabase } from './wipe-database';

export interface EraseDeps {
  db: Database;
  vault: Vault;
  settings: SettingsService;
  accounts: AccountsService;
  events: EventBus;
  logger: Logger;
  /**
   * Stops everything that writes in the background — syncs, the outreach queue, the catalogue write queue,
   * the creators index and score worker — and resolves once what each had in flight has landed, so no write
   * can arrive after the wipe (or a restore). New work is refused or held until `resumeWork`.
   */
  stopWork: () => Promise<void>;
  /** Starts the background work again (after the wipe or the restore, whether or not it succeeded). */
  resumeWork: () => void;
  dataDir: string;
  logDir: string;
  /** The log file the logger has open (truncated rather than deleted). */
  logFile: string;
  /** Everything else ShopMesh wrote in the data folder: backups, exports, saved Profile, window state… */
  otherFiles: () => string[];
  /** Electron: the browser's caches and storage (the web bridge has none of its own). */
  clearBrowserData?: () => Promise<void>;
}

/**
 * "Delete all my data": ends every grant at TikTok where an API exists (TikTok Shop has none:
 * docs/tiktok-api/shop-authorization.md), then deletes the database's rows, the settings, the vault's keys in
 * the keychain, the logs, the caches and the backups. The app keeps running and is back at its first run:
 * the database keeps its schema, the vault makes a fresh key, the settings are the defaults.
 */
export async function eraseEverything(deps: EraseDeps): Promise<EraseReport> {
  await deps.stopWork();
  try {
    return await eraseStopped(deps);
  } finally {
    deps.resumeWork();
  }
}

async function eraseStopped(deps: EraseDeps): Promise<EraseReport> {
  const { db, accounts, logger } = deps;
  const rows = db.prepare('SELECT id, provider FROM accounts').all() as Array<{
    id: string;
    provider: string;
  }>;
  let revoked = 0;
  let withoutRevokeApi = 0;
  for (const row of rows) {
    try {
      // Revokes at TikTok (API for Business, Login Kit), deletes the tokens and stops the Account's jobs.
      await accounts.disconnect({ accountId: row.id, deleteData: 'now' });
      if (row.provider === 'shop') withoutRevokeApi += 1;
      else revoked += 1;
    } catch (err) {
      // The local deletion goes on: the grant lapses at TikTok on its own, and its tokens are deleted below.
      logger.warn({ accountId: row.id, err }, 'erase: disconnecting an account failed');
    }
  }
  deps.settings.update({ ...defaultSettings });
  // The vault deletes its keys from the keychain and starts a fresh one; its tables are its own to empty.
  const deletedRows = wipeDatabase(db, new Set(['vault_keys', 'secrets']));
  await deps.vault.reset();
  let files = 0;
  const failed: string[] = [];
  for (const path of deps.otherFiles()) {
    try {
      files += removePaths([path]);
    } catch (err) {
      failed.push(path);
      logger.error({ err }, 'erase: a file could not be deleted');
    }
  }
  files += emptyLogs(deps.logDir, deps.logFile);
  await deps.clearBrowserData?.();
  logger.info({ rows: deletedRows, files, revoked, withoutRevokeApi }, 'all data deleted');
  deps.events.emit('accounts:changed', {});
  if (failed.length > 0) {
    throw new AppError(
      'INTERNAL',
      privacyTexts.eraseIncomplete({ count: failed.length, folder: deps.dataDir }),
    );
  }
  return { revoked, withoutRevokeApi, rows: deletedRows, files };
}
