import type { Database, Statement } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { type CreatorStage, type StageCause, stageRank } from '@shared/creators';
import type { CreatorFacts } from './extensions';
import { creatorTexts } from './texts';

/**
 * The pipeline: new → contacted → invited → accepted → sample sent → posted → active, or declined / blocked.
 * The merchant moves a creator anywhere by hand; synced events only ever move one forward. Every move is a
 * row in `creator_stage_moves` with its cause and what caused it.
 */

export interface StageEvidence {
  stage: CreatorStage;
  cause: StageCause;
  ref: string | null;
  at: number;
}

const group = 'SELECT id FROM creators WHERE canonical_id = ?';

export class StageMoves {
  private readonly current: Statement<[number], { stage: CreatorStage; stage_changed_at: number | null }>;
  private readonly lastCause: Statement<[number], { cause: string }>;
  private readonly setStage: Statement<[CreatorStage, number, number]>;
  private readonly record: Statement;
  private readonly evidence: Array<{
    stage: CreatorStage;
    cause: StageCause;
    query: Statement<[number, number], { ref: string | null; at: number }>;
  }>;

  constructor(private readonly db: Database) {
    this.current = db.prepare(
      'SELECT stage, stage_changed_at FROM creators WHERE id = ? AND canonical_id = id',
    );
    this.lastCause = db.prepare(
      'SELECT cause FROM creator_stage_moves WHERE creator_id = ? ORDER BY moved_at DESC, id DESC LIMIT 1',
    );
    this.setStage = db.prepare('UPDATE creators SET stage = ?, stage_changed_at = ? WHERE id = ?');
    this.record = db.prepare(`
      INSERT INTO creator_stage_moves (creator_id, from_stage, to_stage, cause, ref, moved_at) VALUES (?, ?, ?, ?, ?, ?)`);
    const q = (sql: string): Statement<[number, number], { ref: string | null; at: number }> =>
      db.prepare(sql);
    // Strongest first: the first one found decides.
    this.evidence = [
      {
        stage: 'active',
        cause: 'affiliate_order',
        // A cancelled order sold nothing: it is no sign the creator is active.
        query: q(`SELECT order_id AS ref, create_time AS at FROM affiliate_orders
                  WHERE creator_id IN (${group}) AND create_time > ? AND status <> 'CANCELLED'
                  ORDER BY create_time DESC LIMIT 1`),
      },
      {
        stage: 'posted',
        cause: 'content',
        query: q(`SELECT cc.collaboration_id AS ref, COALESCE(c.update_time, c.start_time, c.synced_at) AS at
                  FROM collaboration_creators cc JOIN collaborations c ON c.collaboration_id = cc.collaboration_id
                  WHERE cc.creator_id IN (${group}) AND cc.content_product_count > 0
                    AND COALESCE(c.update_time, c.start_time, c.synced_at) > ? ORDER BY at DESC LIMIT 1`),
      },
      {
        stage: 'accepted',
        cause: 'showcase',
        query: q(`SELECT cc.collaboration_id AS ref, COALESCE(c.update_time, c.start_time, c.synced_at) AS at
                  FROM collaboration_creators cc JOIN collaborations c ON c.collaboration_id = cc.collaboration_id
                  WHERE cc.creator_id IN (${group}) AND cc.accepted = 1
                    AND COALESCE(c.update_time, c.start_time, c.synced_at) > ? ORDER BY at DESC LIMIT 1`),
      },
      {
        stage: 'invited',
        cause: 'invitation',
        query: q(`SELECT cc.collaboration_id AS ref, COALESCE(c.start_time, c.synced_at) AS at
                  FROM collaboration_creators cc JOIN collaborations c ON c.collaboration_id = cc.collaboration_id
                  WHERE cc.creator_id IN (${group}) AND COALESCE(c.start_time, c.synced_at) > ?
                  ORDER BY at DESC LIMIT 1`),
      },
      {
        stage: 'contacted',
        cause: 'reply',
        query: q(`SELECT m.message_id AS ref, m.create_time AS at FROM messages m
                  JOIN conversations c ON c.conversation_id = m.conversation_id
                  WHERE c.creator_id IN (${group}) AND m.from_creator = 1 AND m.create_time > ?
                  ORDER BY m.create_time DESC LIMIT 1`),
      },
      {
        stage: 'contacted',
        cause: 'message',
        query: q(`SELECT m.message_id AS ref, m.create_time AS at FROM messages m
                  JOIN conversations c ON c.conversation_id = m.conversation_id
                  WHERE c.creator_id IN (${group}) AND m.from_creator = 0 AND m.create_time > ?
                  ORDER BY m.create_time DESC LIMIT 1`),
      },
    ];
  }

  /**
   * Moves a Creator (its canonical record) to `to`, recording why. No-op (false) when already there.
   * Callers run it inside their transaction and mark the creator dirty.
   */
  move(creatorId: number, to: CreatorStage, cause: StageCause, ref: string | null, now: number): boolean {
    const cur = this.current.get(creatorId);
    if (!cur) throw new AppError('NOT_FOUND', creatorTexts.creatorNotFound({ id: creatorId }));
    if (cur.stage === to) return false;
    this.setStage.run(to, now, creatorId);
    this.record.run(creatorId, cur.stage, to, cause, ref, now);
    return true;
  }

  /** The furthest stage synced events (and other modules' facts) show for a Creator, after `since`. */
  strongestEvidence(creatorId: number, facts: CreatorFacts, since: number): StageEvidence | null {
    const fromFacts: StageEvidence[] = [];
    if (facts.samplePostedAt != null && facts.samplePostedAt > since) {
      fromFacts.push({ stage: 'posted', cause: 'sample', ref: null, at: facts.samplePostedAt });
    }
    if (facts.sampleSentAt != null && facts.sampleSentAt > since) {
      fromFacts.push({ stage: 'sample_sent', cause: 'sample', ref: null, at: facts.sampleSentAt });
    }
    let best: StageEvidence | null = null;
    for (const e of this.evidence) {
      if (best && stageRank(best.stage) >= stageRank(e.stage)) break;
      const row = e.query.get(creatorId, since);
      if (row) best = { stage: e.stage, cause: e.cause, ref: row.ref, at: row.at };
    }
    for (const f of fromFacts) if (!best || stageRank(f.stage) > stageRank(best.stage)) best = f;
    return best;
  }

  /**
   * Moves a Creator forward when synced events show it got further. Never backward, never out of `blocked`,
   * out of `declined` only when the creator accepted or did more since. After a move by hand, only events
   * newer than that move count: the merchant's decision is not undone by old history.
   */
  advance(creatorId: number, facts: CreatorFacts, now: number): boolean {
    const cur = this.current.get(creatorId);
    if (!cur || cur.stage === 'blocked') return false;
    const last = this.lastCause.get(creatorId)?.cause;
    const since =
      (last === 'manual' || last === 'bulk') && cur.stage_changed_at !== null ? cur.stage_changed_at : 0;
    const e = this.strongestEvidence(creatorId, facts, since);
    if (!e || stageRank(e.stage) <= stageRank(cur.stage)) return false;
    if (cur.stage === 'declined' && stageRank(e.stage) < stageRank('accepted')) return false;
    return this.move(creatorId, e.stage, e.cause, e.ref, now);
  }
}
