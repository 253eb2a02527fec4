import { CreatorsService } from '../../src-main/creators/service';
import type { Database } from '../../src-main/db/connection';
import { silentLogger } from '../../src-main/log/logger';

/** The CRM service with no events, activity or logs: for seeding and indexing generated creators. */
export function quietCrm(
  db: Database,
  now: number,
  options: { fullRebuildFrom?: number } = {},
): CreatorsService {
  return new CreatorsService({
    db,
    logger: silentLogger(),
    now: () => now,
    emitChanged: () => {},
    emitScoreProgress: () => {},
    record: () => {},
    ...options,
  });
}
