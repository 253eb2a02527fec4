import type { Database } from '../db/connection';
import type { Logger } from '../log/logger';
import type { RetirementReason } from './types';

export type RetiredListener = (accountId: string, reason: RetirementReason) => void;
/** Deletes one Account's rows from the caller's tables. Runs inside the purge transaction: no async work. */
export type PurgeHook = (accountId: string, db: Database) => void;
/** Told after a purge committed: background work over what the purge changed can start. */
export type PurgedListener = (accountId: string) => void;

/**
 * The seams other modules plug into. The sync engine listens for retirements (to stop that Account's jobs)
 * and registers its tables for purging (so "delete my data" reaches everything synced for the Account).
 */
export class AccountHooks {
  private readonly retired = new Set<RetiredListener>();
  private readonly purges = new Map<string, PurgeHook>();
  private readonly purged = new Set<PurgedListener>();

  constructor(private readonly logger: Logger) {}

  onAccountRetired(listener: RetiredListener): () => void {
    this.retired.add(listener);
    return () => this.retired.delete(listener);
  }

  /** `name` identifies the hook (one per module); registering the same name again replaces it. */
  registerPurge(name: string, hook: PurgeHook): () => void {
    this.purges.set(name, hook);
    return () => this.purges.delete(name);
  }

  onPurged(listener: PurgedListener): () => void {
    this.purged.add(listener);
    return () => this.purged.delete(listener);
  }

  notifyRetired(accountId: string, reason: RetirementReason): void {
    for (const listener of this.retired) {
      try {
        listener(accountId, reason);
      } catch (err) {
        // One broken listener must not keep the others (or the caller) from learning about it.
        this.logger.error({ err, accountId, reason }, 'account retirement listener failed');
      }
    }
  }

  notifyPurged(accountId: string): void {
    for (const listener of this.purged) {
      try {
        listener(accountId);
      } catch (err) {
        // The purge is committed; a listener that fails only delays its own follow-up work.
        this.logger.error({ err, accountId }, 'account purge listener failed');
      }
    }
  }

  /** Call inside a transaction: a failing hook aborts the whole purge. */
  runPurges(accountId: string, db: Database): void {
    for (const hook of this.purges.values()) hook(accountId, db);
  }
}
