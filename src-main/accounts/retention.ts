import type { Database } from '../db/connection';
import type { Logger } from '../log/logger';
import type { AccountsRepository } from './repository';
import { DAY_MS } from './types';

export interface RetentionDeps {
  db: Database;
  repo: AccountsRepository;
  now: () => number;
  /** Deletes one Account's data (shops, advertisers, identity, every registered purge hook). */
  purge: (accountId: string) => void;
  logger: Logger;
}

/** Deletes the data of every disconnected Account whose 90 days are up. Returns the purged Account ids. */
export function runRetention(deps: RetentionDeps): string[] {
  const due = deps.repo.dueForPurge(deps.now());
  const purged: string[] = [];
  for (const row of due) {
    try {
      deps.purge(row.id);
      purged.push(row.id);
    } catch (err) {
      // The others still go; this one is retried at the next run.
      deps.logger.error({ err, accountId: row.id }, 'scheduled data deletion failed');
    }
  }
  if (purged.length > 0) deps.logger.info({ count: purged.length }, 'scheduled data deletion ran');
  return purged;
}

export interface RetentionScheduler {
  stop(): void;
}

/** Runs retention now and then once a day while the app runs (timers do not keep the process alive). */
export function scheduleRetention(deps: RetentionDeps, intervalMs = DAY_MS): RetentionScheduler {
  const tick = () => {
    try {
      runRetention(deps);
    } catch (err) {
      deps.logger.error({ err }, 'retention run failed');
    }
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
