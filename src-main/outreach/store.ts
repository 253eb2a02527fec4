import type { Database } from 'better-sqlite3';
import {
  type DeliveryCounts,
  type DeliveryReason,
  type DeliveryState,
  deliveryStates,
  type MessageType,
  type OutreachAction,
  type OutreachStatus,
} from '@shared/outreach';
import type { SendWindow } from './calendar';
import { SequenceAdvance } from './followups';

/** Rows of the outreach tables and the statements the queue and the service share (migration 017). */

/** What an Outreach was created with, frozen: later template edits do not change a running Outreach. */
export interface OutreachSettings {
  products: Array<{ productId: string; commissionBp: number }>;
  freeSample: { hasFreeSample: boolean; approvalExempt: boolean };
  sellerEmail: string | null;
  /** The rendered invitation text (one per batch: it has no creator variables). */
  invitationText: string | null;
  /** Invitation end, UTC epoch ms. */
  invitationEndAt: number | null;
  startAt: number;
  window: SendWindow | null;
  timeZone: string;
  dailyCap: number | null;
  ratePerMinute: number;
  weeklyPool: number | null;
  /** Days each follow-up waits after the step before it (absent in Outreaches created before follow-ups). */
  followUps?: Array<{ afterDays: number }>;
}

export interface OutreachRow {
  id: number;
  uid: string;
  accountId: string;
  shopId: string;
  name: string;
  action: OutreachAction;
  status: OutreachStatus;
  pauseReason: 'user' | 'quota' | 'auth' | null;
  pauseDetail: string | null;
  resumeAt: number | null;
  settings: OutreachSettings;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface DeliveryRow {
  id: number;
  outreachId: number;
  creatorId: number | null;
  creatorOpenId: string;
  creatorHandle: string | null;
  action: 'invite' | 'message';
  /** 0: the first contact; n: the nth follow-up message. */
  step: number;
  idempotencyKey: string;
  state: DeliveryState;
  text: string | null;
  /** What a message sends (TEXT for invitations and Deliveries from before message types). */
  msgType: MessageType;
  imageSha256: string | null;
  /** TikTok's content as committed with `sending` (a product card's from creation). */
  content: string | null;
  batchNo: number | null;
  solo: boolean;
  conversationId: string | null;
  remoteId: string | null;
  reason: DeliveryReason | null;
  reasonDetail: string | null;
  attempts: number;
  /** Times "Retry failed" sent it back to the queue, and when last. */
  retries: number;
  retriedAt: number | null;
  nextAttemptAt: number;
  sendingAt: number | null;
  sentAt: number | null;
  updatedAt: number;
}

const outreachColumns = `id, uid, account_id AS accountId, shop_id AS shopId, name, action, status,
  pause_reason AS pauseReason, pause_detail AS pauseDetail, resume_at AS resumeAt, settings,
  created_at AS createdAt, started_at AS startedAt, finished_at AS finishedAt`;

export const deliveryColumns = `id, outreach_id AS outreachId, creator_id AS creatorId,
  creator_open_id AS creatorOpenId, creator_handle AS creatorHandle, action, step, idempotency_key AS idempotencyKey, state, text,
  msg_type AS msgType, image_sha256 AS imageSha256, content, batch_no AS batchNo,
  solo, conversation_id AS conversationId, remote_id AS remoteId, reason, reason_detail AS reasonDetail,
  attempts, retries, retried_at AS retriedAt, next_attempt_at AS nextAttemptAt, sending_at AS sendingAt, sent_at AS sentAt, updated_at AS updatedAt`;

type RawOutreach = Omit<OutreachRow, 'settings'> & { settings: string };
type RawDelivery = Omit<DeliveryRow, 'solo'> & { solo: number };

export function toOutreach(raw: RawOutreach): OutreachRow {
  return { ...raw, settings: JSON.parse(raw.settings) as OutreachSettings };
}

export function toDelivery(raw: RawDelivery): DeliveryRow {
  return { ...raw, solo: raw.solo === 1 };
}

export class OutreachStore {
  private readonly sequences: SequenceAdvance;

  constructor(readonly db: Database) {
    this.sequences = new SequenceAdvance(db);
  }

  outreach(id: number): OutreachRow | undefined {
    const raw = this.db.prepare(`SELECT ${outreachColumns} FROM outreaches WHERE id = ?`).get(id) as
      RawOutreach | undefined;
    return raw && toOutreach(raw);
  }

  outreaches(where = '1', ...params: unknown[]): OutreachRow[] {
    return (
      this.db
        .prepare(`SELECT ${outreachColumns} FROM outreaches WHERE ${where} ORDER BY id DESC`)
        .all(...params) as RawOutreach[]
    ).map(toOutreach);
  }

  deliveries(where: string, ...params: unknown[]): DeliveryRow[] {
    return (
      this.db
        .prepare(`SELECT ${deliveryColumns} FROM deliveries WHERE ${where}`)
        .all(...params) as RawDelivery[]
    ).map(toDelivery);
  }

  counts(outreachId: number): DeliveryCounts {
    const counts = Object.fromEntries(deliveryStates.map((s) => [s, 0])) as DeliveryCounts;
    const rows = this.db
      .prepare('SELECT state, count(*) AS n FROM deliveries WHERE outreach_id = ? GROUP BY state')
      .all(outreachId) as Array<{ state: DeliveryState; n: number }>;
    for (const r of rows) counts[r.state] = r.n;
    return counts;
  }

  setStatus(
    id: number,
    status: OutreachStatus,
    now: number,
    pause: { reason: 'user' | 'quota' | 'auth'; detail?: string; resumeAt?: number } | null = null,
  ): void {
    this.db
      .prepare(
        `UPDATE outreaches SET status = ?, pause_reason = ?, pause_detail = ?, resume_at = ?,
           started_at = CASE WHEN ? = 'running' THEN coalesce(started_at, ?) ELSE started_at END,
           finished_at = CASE WHEN ? IN ('finished', 'cancelled') THEN ? ELSE NULL END,
           updated_at = ? WHERE id = ?`,
      )
      .run(
        status,
        pause?.reason ?? null,
        pause?.detail ?? null,
        pause?.resumeAt ?? null,
        status,
        now,
        status,
        now,
        now,
        id,
      );
  }

  /** Moves Deliveries to a new state with the columns given; `from` guards against a concurrent change. */
  move(
    ids: readonly number[],
    from: readonly DeliveryState[],
    to: DeliveryState,
    now: number,
    set: Partial<{
      reason: DeliveryReason | null;
      reasonDetail: string | null;
      remoteId: string | null;
      nextAttemptAt: number;
      sentAt: number | null;
      solo: boolean;
    }> = {},
  ): number {
    if (ids.length === 0) return 0;
    const cols: string[] = ['state = ?', 'updated_at = ?'];
    const vals: unknown[] = [to, now];
    const map: Record<string, string> = {
      reason: 'reason',
      reasonDetail: 'reason_detail',
      remoteId: 'remote_id',
      nextAttemptAt: 'next_attempt_at',
      sentAt: 'sent_at',
      solo: 'solo',
    };
    for (const [k, v] of Object.entries(set)) {
      cols.push(`${map[k]} = ?`);
      vals.push(typeof v === 'boolean' ? (v ? 1 : 0) : v);
    }
    const stmt = this.db.prepare(
      `UPDATE deliveries SET ${cols.join(', ')} WHERE id = ? AND state IN (${from.map(() => '?').join(',')})`,
    );
    let n = 0;
    this.db.transaction(() => {
      const moved: number[] = [];
      for (const id of ids) {
        const changes = stmt.run(...vals, id, ...from).changes;
        n += changes;
        if (changes > 0) moved.push(id);
      }
      // A message settled: the next step of its follow-up sequence is scheduled or skipped with it.
      if (to === 'sent' || to === 'failed' || to === 'skipped') this.sequences.after(moved, now);
    })();
    return n;
  }
}
