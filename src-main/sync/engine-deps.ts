import type { Database } from 'better-sqlite3';
import type { Logger } from '../log/logger';
import type { Profile } from '../profile/profile';
import { RateLimiter } from '../tiktok/token-bucket';
import type { TokenSource } from '../tiktok/token-source';
import type { EngineDeps } from './engine';
import { defaultJobOptions, type JobOptions } from './job';
import { CursorStore } from './store/cursors';
import { RunStore } from './store/runs';
import { createWriters } from './store/writers';

/** What the engine is built from besides its database, token source and logger: plain data, so a worker can get it. */
export interface EngineSettings {
  profile: Profile;
  /**
   * TikTok's limits in requests per second, which the buckets stay within (errors-and-limits.md): 50 per
   * API per app+shop for TikTok Shop, 10 per app for API for Business (its default tier).
   */
  limits?: { shopQps?: number; adsQps?: number };
  jobOptions?: Partial<JobOptions>;
  /** Shops/advertisers of one Account synced side by side (default 4). */
  scopeConcurrency?: number;
}

/** The engine's dependencies over one database connection (the service's own, or the sync worker's). */
export function createEngineDeps(
  db: Database,
  settings: EngineSettings,
  tokenSource: TokenSource,
  logger: Logger,
  now: () => number,
): EngineDeps {
  const shopQps = settings.limits?.shopQps ?? 50;
  const adsQps = settings.limits?.adsQps ?? 10;
  const limiter = new RateLimiter((key) => (key.startsWith('ads|') ? adsQps : shopQps));
  const writers = createWriters(db);
  return {
    db,
    tokenSource,
    profile: settings.profile,
    logger,
    now,
    limiter,
    cursors: new CursorStore(db),
    // Records a page could not read are kept aside with the run that met them (quarantine).
    runs: new RunStore(db, writers.quarantine),
    writers,
    options: { ...defaultJobOptions, ...settings.jobOptions },
    scopeConcurrency: settings.scopeConcurrency ?? 4,
  };
}
