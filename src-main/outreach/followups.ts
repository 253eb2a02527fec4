import type { Database, Statement } from 'better-sqlite3';
import type { DeliveryState } from '@shared/outreach';
import { compareIndex } from '../tiktok/shop/conversations';

/**
 * Follow-up sequences (docs/outreach.md "Follow-ups"): "after N days without a reply, send the next
 * template". Each follow-up is a message Delivery with its own idempotency key and `step` (1…4), created
 * with the Outreach and rendered then, so it is checked before anything is queued and sent by the same
 * queue within the same rate, daily cap, send window and weekly pool.
 *
 * A follow-up waits (`next_attempt_at` = `waitingForPrevious`) until the step before it is settled: sent →
 * it is due `afterDays` later; failed or skipped → it is skipped too, and so are the steps after it. A
 * creator's reply since the first message stops the rest of the sequence, whether the conversation sync
 * stored it or the queue reads it from TikTok right before sending.
 */

/** `next_attempt_at` of a follow-up whose previous step has not gone out yet: later than any real time. */
export const waitingForPrevious = 8_640_000_000_000_000;

const day = 86_400_000;

/** The idempotency key of step `step` (≥ 1) of a creator's message sequence, from the first message's key. */
export function followUpKey(firstKey: string, step: number): string {
  return `${firstKey}:${step}`;
}

/** The first message's key, from the key of any step of its sequence. */
export function firstStepKey(key: string, step: number): string {
  return step === 0 ? key : key.slice(0, key.length - `:${step}`.length);
}

interface Settled {
  key: string;
  step: number;
  state: DeliveryState;
  reason: string | null;
  sentAt: number | null;
  conversationId: string | null;
  settings: string;
}

/**
 * Called in the transaction that settles message Deliveries: schedules or skips the next step of each
 * sequence, and on down the chain when a step is skipped.
 */
export class SequenceAdvance {
  private readonly settled: Statement<[number], Settled>;
  private readonly next: Statement<[string], { id: number; step: number }>;
  private readonly schedule: Statement<[number, string | null, number, number]>;
  private readonly skip: Statement<[string, number, number]>;

  constructor(db: Database) {
    this.settled = db.prepare(
      `SELECT d.idempotency_key AS key, d.step, d.state, d.reason, d.sent_at AS sentAt,
              d.conversation_id AS conversationId, o.settings
         FROM deliveries d JOIN outreaches o ON o.id = d.outreach_id
        WHERE d.id = ? AND d.action = 'message'`,
    );
    this.next = db.prepare(`SELECT id, step FROM deliveries WHERE idempotency_key = ? AND state = 'queued'`);
    this.schedule = db.prepare(
      `UPDATE deliveries SET next_attempt_at = ?, conversation_id = ?, updated_at = ? WHERE id = ?`,
    );
    this.skip = db.prepare(
      `UPDATE deliveries SET state = 'skipped', reason = ?, updated_at = ? WHERE id = ?`,
    );
  }

  /** Deliveries `ids` just reached a final state. */
  after(ids: readonly number[], now: number): void {
    for (const id of ids) {
      const d = this.settled.get(id);
      if (!d) continue;
      const first = firstStepKey(d.key, d.step);
      const next = this.next.get(followUpKey(first, d.step + 1));
      if (!next) continue;
      if (d.state === 'sent' && d.sentAt !== null) {
        const afterDays = afterDaysOf(d.settings, next.step);
        this.schedule.run(d.sentAt + afterDays * day, d.conversationId, now, next.id);
      } else if (d.state === 'failed' || d.state === 'skipped' || d.state === 'cancelled') {
        this.skipFrom(first, next.step, d.reason === 'replied' ? 'replied' : 'previous_step', now);
      }
    }
  }

  /** Skips step `from` and every later queued step of the sequence. */
  skipFrom(firstKey: string, from: number, reason: 'replied' | 'previous_step', now: number): number[] {
    const skipped: number[] = [];
    for (let step = from; ; step++) {
      const d = this.next.get(followUpKey(firstKey, step));
      if (!d) break;
      this.skip.run(reason, now, d.id);
      skipped.push(d.id);
    }
    return skipped;
  }
}

function afterDaysOf(settings: string, step: number): number {
  const parsed = JSON.parse(settings) as { followUps?: Array<{ afterDays: number }> };
  return parsed.followUps?.[step - 1]?.afterDays ?? 1;
}

/** What the queue needs to know about a follow-up's sequence before sending it. */
export interface SequenceStart {
  /** The first message of the sequence: TikTok's message id, and when it was committed to be sent. */
  firstMessageId: string | null;
  firstSendingAt: number | null;
  conversationId: string | null;
}

/**
 * A creator's reply as the conversation sync stored it: a message from the creator after the first
 * message of the sequence (by index when the first message was synced too, else by time).
 */
export class StoredReplies {
  private readonly start: Statement<[string], SequenceStart>;
  private readonly indexOf: Statement<[string], string>;
  private readonly replyAfterIndex: Statement<[{ conv: string; idx: string }], { one: number }>;
  private readonly replyAfterTime: Statement<[string, number], { one: number }>;
  private readonly scheduled: Statement<
    [number, number, number],
    { id: number; key: string; step: number; outreachId: number }
  >;

  constructor(db: Database) {
    this.start = db.prepare(
      `SELECT remote_id AS firstMessageId, sending_at AS firstSendingAt, conversation_id AS conversationId
         FROM deliveries WHERE idempotency_key = ? AND state = 'sent'`,
    );
    this.indexOf = db
      .prepare('SELECT conversation_index FROM messages WHERE message_id = ?')
      .pluck() as Statement<[string], string>;
    // Indexes are decimal text: the longer is the larger, equal lengths compare as text.
    this.replyAfterIndex = db.prepare(
      `SELECT 1 AS one FROM messages WHERE conversation_id = @conv AND from_creator = 1
          AND (length(conversation_index) > length(@idx)
               OR (length(conversation_index) = length(@idx) AND conversation_index > @idx))
        LIMIT 1`,
    );
    this.replyAfterTime = db.prepare(
      `SELECT 1 AS one FROM messages WHERE conversation_id = ? AND from_creator = 1 AND create_time >= ? LIMIT 1`,
    );
    this.scheduled = db.prepare(
      `SELECT id, idempotency_key AS key, step, outreach_id AS outreachId FROM deliveries
        WHERE state = 'queued' AND step > 0 AND next_attempt_at < ? AND id > ?
          AND outreach_id IN (SELECT id FROM outreaches WHERE status IN ('running', 'paused'))
        ORDER BY id LIMIT ?`,
    );
  }

  sequenceStart(key: string, step: number): SequenceStart | null {
    return this.start.get(firstStepKey(key, step)) ?? null;
  }

  /** Whether the sync stored a reply of the creator since the sequence's first message. */
  replied(s: SequenceStart): boolean {
    if (s.conversationId === null || s.firstSendingAt === null) return false;
    const index = s.firstMessageId === null ? undefined : this.indexOf.get(s.firstMessageId);
    // Before the first message itself is synced, its send time stands in for its place.
    return index !== undefined
      ? this.replyAfterIndex.get({ conv: s.conversationId, idx: index }) !== undefined
      : this.replyAfterTime.get(s.conversationId, s.firstSendingAt) !== undefined;
  }

  /**
   * Scheduled follow-ups whose creator replied in the synced conversations, a batch at a time from
   * `afterId` (the caller goes round: `last` is where the next batch starts, 0 when it wrapped).
   */
  repliedScheduled(
    afterId: number,
    limit = 500,
  ): { replied: Array<{ id: number; key: string; step: number; outreachId: number }>; last: number } {
    const batch = this.scheduled.all(waitingForPrevious, afterId, limit);
    return {
      replied: batch.filter((f) => {
        const s = this.sequenceStart(f.key, f.step);
        return s !== null && this.replied(s);
      }),
      last: batch.length < limit ? 0 : (batch.at(-1)?.id ?? 0),
    };
  }
}

/** A message of a conversation as TikTok lists it (newest first), reduced to what the reply check needs. */
export interface ListedMessage {
  messageId: string;
  conversationIndex: string;
  senderId: string | null;
}

/**
 * Whether the creator wrote since the sequence's first message, from the conversation's newest messages
 * read right before a follow-up. The seller's side is known from the first message's sender; messages
 * ShopMesh sent itself (`ownIds`) never count. When the first message is no longer on the newest page, the
 * page is full of later messages: TikTok lets no more than about five reach a creator who has not replied,
 * so the creator has.
 */
export function repliedSince(
  page: readonly ListedMessage[],
  firstMessageId: string,
  ownIds: ReadonlySet<string>,
  pageFull: boolean,
): boolean {
  const first = page.find((m) => m.messageId === firstMessageId);
  if (!first) return pageFull;
  return page.some(
    (m) =>
      compareIndex(m.conversationIndex, first.conversationIndex) > 0 &&
      !ownIds.has(m.messageId) &&
      (first.senderId === null || m.senderId !== first.senderId),
  );
}
