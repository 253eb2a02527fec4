import type { Database, Statement } from 'better-sqlite3';
import { retryableFailureReasons } from '@shared/outreach';
import { firstStepKey, followUpKey, waitingForPrevious } from './followups';

/**
 * "Retry failed" (docs/outreach.md, "Retry failed"): failed Deliveries of one Outreach go back to the queue
 * when their reason is one TikTok does not mean as final (`retryableFailureReasons`).
 *
 * Why this contacts nobody twice: a Delivery is `failed` only after a definite refusal (refusals.ts: the
 * request did nothing at TikTok) or after its retries ran out on refusals of that kind; a request whose
 * answer was lost is `maybe_sent`, never `failed`, and stays where it is until reconciliation settles it.
 * The Delivery keeps its row and idempotency key, so it is still the one send of that creator × action,
 * and the queue still commits `sending` before the request and reconciles a lost answer before anything
 * else. Only the `failed` state is moved (guarded in the UPDATE), so a second click finds nothing to do.
 *
 * A failure also skipped what was waiting on it (`previous_step`): the later steps of a message's
 * follow-up sequence, and an invitation's collaboration card with its follow-ups. Those never went out,
 * and come back in line with it.
 */
export class FailedRetry {
  private readonly failed: Statement<[number], Failed>;
  private readonly failedCount: Statement<[number], number>;
  private readonly requeue: Statement<[number, number, number]>;
  private readonly card: Statement<[string], { id: number; state: string; reason: string | null }>;
  private readonly step: Statement<[string], { id: number; state: string; reason: string | null }>;
  private readonly resume: Statement<[number, number, number]>;

  constructor(db: Database) {
    const reasons = retryableFailureReasons.map((r) => `'${r}'`).join(', ');
    this.failed = db.prepare(
      `SELECT id, action, step, idempotency_key AS key FROM deliveries
        WHERE outreach_id = ? AND state = 'failed' AND reason IN (${reasons}) ORDER BY id`,
    );
    this.failedCount = db
      .prepare(
        `SELECT count(*) FROM deliveries WHERE outreach_id = ? AND state = 'failed' AND reason IN (${reasons})`,
      )
      .pluck() as Statement<[number], number>;
    // Attempts start again: the backoff's limit is per retry. The state guard keeps a concurrent change.
    this.requeue = db.prepare(
      `UPDATE deliveries SET state = 'queued', reason = NULL, reason_detail = NULL, attempts = 0,
         next_attempt_at = 0, retries = retries + 1, retried_at = ?, updated_at = ?
       WHERE id = ? AND state = 'failed'`,
    );
    this.card = db.prepare(
      `SELECT id, state, reason FROM deliveries WHERE idempotency_key = ?
         AND msg_type = 'TARGET_COLLABORATION_CARD'`,
    );
    this.step = db.prepare('SELECT id, state, reason FROM deliveries WHERE idempotency_key = ?');
    this.resume = db.prepare(
      `UPDATE deliveries SET state = 'queued', reason = NULL, next_attempt_at = ?, updated_at = ?
       WHERE id = ? AND state = 'skipped' AND reason = 'previous_step'`,
    );
  }

  /** Failed Deliveries a retry would send again. */
  count(outreachId: number): number {
    return this.failedCount.get(outreachId) ?? 0;
  }

  /** Moves them back to `queued`, with what their failure skipped; call inside a transaction. */
  run(outreachId: number, now: number): { requeued: number; resumed: number } {
    let requeued = 0;
    let resumed = 0;
    const resumeSequence = (firstKey: string, from: number): void => {
      for (let n = from; ; n++) {
        const d = this.step.get(followUpKey(firstKey, n));
        if (!d || d.state !== 'skipped' || d.reason !== 'previous_step') return;
        // A follow-up waits for the step before it to go out again.
        resumed += this.resume.run(waitingForPrevious, now, d.id).changes;
      }
    };
    for (const d of this.failed.all(outreachId)) {
      if (this.requeue.run(now, now, d.id).changes === 0) continue;
      requeued++;
      if (d.action === 'message') {
        resumeSequence(firstStepKey(d.key, d.step), d.step + 1);
        continue;
      }
      // An invitation's key is `<uid>:<creator>:invite`; its creator's message is `<uid>:<creator>:message`.
      const messageKey = d.key.replace(/:invite$/, ':message');
      const card = this.card.get(messageKey);
      if (card && card.state === 'skipped' && card.reason === 'previous_step') {
        resumed += this.resume.run(0, now, card.id).changes;
        resumeSequence(messageKey, 1);
      }
    }
    return { requeued, resumed };
  }
}

interface Failed {
  id: number;
  action: 'invite' | 'message';
  step: number;
  key: string;
}
