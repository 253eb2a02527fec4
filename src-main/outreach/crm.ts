import type { Database } from 'better-sqlite3';
import { type CreatorStage, type StageCause, stageRank } from '@shared/creators';
import type { CreatorSelection } from '@shared/creator-lists';
import type { Logger } from '../log/logger';

/**
 * What outreach needs from the creator CRM. The composition root passes the CreatorsService, which has
 * these members; outreach does not import the CRM (module-edges.mjs), it only names what it calls.
 */
export interface OutreachCrm {
  blocklist: Blocklist;
  stages: {
    move(creatorId: number, to: CreatorStage, cause: StageCause, ref: string | null, now: number): boolean;
  };
  creatorOf(id: number): number;
  selectionIds(selection: CreatorSelection): number[];
  indexer: { refresh(ids: Iterable<number>, now: number): void };
  extensions: {
    register(
      name: string,
      extension: { facts?(db: Database, recordIds: readonly number[]): { lastContactedAt?: number | null } },
    ): () => void;
  };
}

/** Which Creators the merchant blocked (the CRM's blocklist; canonical ids), and since when. */
export interface Blocklist {
  blockedAmong(creatorIds: readonly number[]): Set<number>;
  entry?(creatorId: number): { reason: string; blockedAt: number } | null;
}

/** A Delivery TikTok took: the creator was contacted by this action, `ref` is the collaboration or message id. */
export interface SentContact {
  creatorId: number | null;
  action: 'invite' | 'message';
  ref: string | null;
}

/** The pipeline stage an action reaches, and the cause the CRM records for it. */
const reached: Record<SentContact['action'], { stage: CreatorStage; cause: StageCause }> = {
  invite: { stage: 'invited', cause: 'invitation' },
  message: { stage: 'contacted', cause: 'message' },
};

/**
 * Moves contacted creators along the CRM's pipeline, as synced events do (creators/stages.ts `advance`):
 * forward only, never out of `blocked`, and not out of `declined` (only an acceptance does that). The moved
 * creators are re-indexed at once so "last contacted" and the stage show in the Creators table.
 */
export function pipelineMover(
  crm: OutreachCrm,
  db: Database,
  logger: Logger,
  changed?: (creatorIds: number[]) => void,
): (sent: readonly SentContact[], now: number) => void {
  const stageOf = db.prepare('SELECT stage FROM creators WHERE id = ?').pluck();
  return (sent, now) => {
    const touched = new Set<number>();
    try {
      db.transaction(() => {
        for (const s of sent) {
          if (s.creatorId === null) continue;
          const id = crm.creatorOf(s.creatorId);
          const current = stageOf.get(id) as CreatorStage | undefined;
          const target = reached[s.action];
          touched.add(id);
          if (!current || current === 'blocked' || current === 'declined') continue;
          if (stageRank(current) >= stageRank(target.stage)) continue;
          crm.stages.move(id, target.stage, target.cause, s.ref, now);
        }
      })();
      if (touched.size === 0) return;
      crm.indexer.refresh(touched, now);
      changed?.([...touched]);
    } catch (err) {
      // The Delivery is sent whatever the CRM does: a failed stage move must never make it look unsent.
      logger.warn({ err, creators: touched.size }, 'outreach could not move creators along the pipeline');
    }
  };
}

/** "Last contacted" in the CRM: the newest Delivery TikTok took for any of the Creator's records. */
export function lastContactedFacts(
  db: Database,
  recordIds: readonly number[],
): { lastContactedAt: number | null } {
  if (recordIds.length === 0) return { lastContactedAt: null };
  const at = db
    .prepare(
      `SELECT max(sent_at) FROM deliveries WHERE state = 'sent'
         AND creator_id IN (${recordIds.map(() => '?').join(',')})`,
    )
    .pluck()
    .get(...recordIds) as number | null;
  return { lastContactedAt: at };
}
