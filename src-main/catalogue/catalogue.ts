import { userInfo } from 'node:os';
import type { Change } from '@shared/catalogue';
import type { ActivityLog } from '../activity/activity-log';
import type { Database } from '../db/connection';
import type { Logger } from '../log/logger';
import type { Profile } from '../profile/profile';
import type { TokenSource } from '../tiktok/token-source';
import { ChangeStore } from './change-store';
import { CostCsv } from './cost-csv';
import { ProductCostStore } from './costs';
import { CatalogueEdits } from './edits';
import { LocalCatalogue } from './local-apply';
import { ShopApi } from './shop-api';
import { WriteQueue } from './write-queue';

export interface CatalogueDeps {
  db: Database;
  activity: ActivityLog;
  now: () => number;
  logger: Logger;
  tokens: TokenSource;
  profile: Profile;
  isOnline: () => Promise<boolean>;
  /** `products:changeUpdated`. */
  emitChange: (change: Change) => void;
  /** Test seams for the write queue's waits. */
  queue?: { reconcileDelayMs?: number; retryUnknownMs?: number };
}

/** The catalogue domain's services, built once by the composition root. */
export interface Catalogue {
  readonly costs: ProductCostStore;
  readonly costCsv: CostCsv;
  readonly edits: CatalogueEdits;
  readonly changes: ChangeStore;
  readonly queue: WriteQueue;
  readonly api: ShopApi;
  readonly local: LocalCatalogue;
  now(): number;
  /** Resumes what a crash or a kill left in the write queue (reads back before anything is sent). */
  start(): void;
  /** Stops the write queue once its requests in flight are settled (shutdown, erase, restore). */
  close(): Promise<void>;
  /** Starts the write queue again after `close` (an erase or a restore has finished). */
  resume(): void;
}

export function createCatalogue(deps: CatalogueDeps): Catalogue {
  const { db } = deps;
  const logger = deps.logger.child({ module: 'catalogue' });
  const costs = new ProductCostStore(db, deps.activity, deps.now);
  // The activity log says who changed a price: the TikTok identity connected in ShopMesh, else the
  // computer's user.
  const who = (): string => {
    const identity = db.prepare('SELECT display_name FROM identities LIMIT 1').pluck().get() as
      string | undefined;
    if (identity) return identity;
    try {
      return userInfo().username;
    } catch {
      return 'ShopMesh';
    }
  };
  const changes = new ChangeStore(db, deps.now);
  const api = new ShopApi({ db, tokens: deps.tokens, profile: deps.profile, logger, now: deps.now });
  const local = new LocalCatalogue(db);
  const queue = new WriteQueue({
    db,
    store: changes,
    api,
    local,
    activity: deps.activity,
    logger,
    now: deps.now,
    emit: deps.emitChange,
    who,
    ...deps.queue,
  });
  const edits = new CatalogueEdits({
    skus: costs.skus,
    store: changes,
    queue,
    activity: deps.activity,
    isOnline: deps.isOnline,
    who,
  });
  return {
    costs,
    costCsv: new CostCsv(db, costs),
    edits,
    changes,
    queue,
    api,
    local,
    now: deps.now,
    start: () => void queue.kick(),
    close: () => queue.close(),
    resume: () => queue.resume(),
  };
}
