import { isAppError } from '@shared/errors';
import type { SyncTrigger } from '@shared/sync';
import type { RoundOutcome } from './scheduler';
import type { SyncService } from './service';
import { syncTexts } from './texts';

/** The scheduler's `sync` dependency: one round over every Account, summarised as ok / failed / offline. */
export async function syncRound(service: SyncService, trigger: SyncTrigger): Promise<RoundOutcome> {
  let r;
  try {
    r = await service.run({ trigger });
  } catch (error) {
    // Locked storage is not a failing sync: nothing can be fetched until the merchant unlocks, and
    // unlocking starts a round of its own.
    if (isAppError(error) && error.code === 'LOCKED') return 'ok';
    // Neither is a pause while "delete all my data" or a restore runs: the next round syncs as usual.
    if (isAppError(error) && error.key === syncTexts.paused().key) return 'ok';
    throw error;
  }
  if (r.offline) return 'offline';
  await service.whenIdle(r.started);
  const runs = service
    .history({ limit: Math.min(200, Math.max(1, r.started.length * 2)) })
    .runs.filter((x) => r.started.includes(x.id));
  const accounts = new Set(runs.map((x) => x.accountId));
  if (service.status().accounts.some((a) => accounts.has(a.accountId) && a.state === 'offline'))
    return 'offline';
  return runs.some((x) => x.outcome === 'failed' || x.outcome === 'partial') ? 'failed' : 'ok';
}
