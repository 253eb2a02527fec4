import { createLogger, silentLogger } from '../../src-main/log/logger';
import { createSyncService, type SyncService, type SyncServiceOptions } from '../../src-main/sync/service';
import type { SyncProgress } from '../../src-shared/sync';
import type { SyncWorld } from './sync-fixtures';

export interface TestSync {
  service: SyncService;
  progress: SyncProgress[];
  statusEvents: number;
}

/** A sync service over a test world, recording its events; limits raised so tests are not paced by QPS. */
export function syncServiceFor(world: SyncWorld, extra: Partial<SyncServiceOptions> = {}): TestSync {
  const t: TestSync = { service: undefined as unknown as SyncService, progress: [], statusEvents: 0 };
  t.service = createSyncService({
    db: world.db,
    tokenSource: world.tokens,
    profile: world.profile,
    logger: process.env.SYNC_TEST_LOG ? createLogger({ level: 'warn' }) : silentLogger(),
    emit: (event, payload) => {
      if (event === 'sync:progress') t.progress.push(payload as SyncProgress);
      else t.statusEvents++;
    },
    limits: { shopQps: 40, adsQps: 9 },
    ...extra,
  });
  return t;
}

/** Starts a sync and waits for it; returns the run ids. */
export async function syncAndWait(
  t: TestSync,
  input: Parameters<SyncService['run']>[0] = {},
): Promise<string[]> {
  const r = await t.service.run(input);
  await t.service.whenIdle(r.started);
  return r.started;
}
