import type { Database } from 'better-sqlite3';
import type { DeliveryReason } from '@shared/outreach';
import type { Logger } from '../log/logger';
import { callWithAccount } from '../accounts/with-token';
import { backoffDelay, type BackoffPolicy } from '../tiktok/backoff';
import type { WriteResult } from '../tiktok/http-core';
import type { ShopDataContext } from '../tiktok/shop/data-call';
import type { ShopAppCredentials } from '../tiktok/shop/request';
import { collaborationCreators } from '../tiktok/shop/collaborations';
import { listMessages } from '../tiktok/shop/conversations';
import { uploadMessageImage } from '../tiktok/shop/message-images';
import {
  createInvitation,
  findInvitationByName,
  findSentMessage,
  messageContent,
  openConversation,
  sendMessage,
  textContent,
} from '../tiktok/shop/outreach';
import type { TokenBucket } from '../tiktok/token-bucket';
import type { TokenSource } from '../tiktok/token-source';
import { localDayBounds, nextOpen, weekStart } from './calendar';
import type { Blocklist, SentContact } from './crm';
import { firstStepKey, repliedSince, SequenceAdvance, StoredReplies } from './followups';
import { PoolLedger } from './pool';
import { classifyRefusal, type Refusal } from './refusals';
import { type DeliveryRow, type OutreachRow, OutreachStore } from './store';

/**
 * The durable outreach queue (docs/outreach.md). Every request is preceded by a committed `sending` state;
 * a request whose answer was lost leaves its Deliveries `maybe_sent`, and those are reconciled by reading
 * TikTok (the batch's collaboration by its deterministic name, the conversation's latest messages) before
 * anything is sent again. Refusals are handled as TikTok documents them (refusals.ts).
 */

export const batchLimit = 50;
const retryPolicy: BackoffPolicy = { maxAttempts: 8, baseMs: 2_000, maxMs: 300_000 };
/** A reconcile read that keeps failing is retried at this pace; the Delivery stays `maybe_sent`. */
const reconcilePolicy: BackoffPolicy = { maxAttempts: 1_000, baseMs: 1_000, maxMs: 60_000 };
/** How often scheduled follow-ups are checked against the replies the conversation sync stored. */
const replySweepMs = 30_000;

export interface OutreachQueueDeps {
  db: Database;
  tokens: TokenSource;
  app: ShopAppCredentials;
  now: () => number;
  logger: Logger;
  /** Called after each change to an Outreach's Deliveries (progress events). */
  onProgress?: (outreachId: number) => void;
  /** TikTok's rate limit buckets per shop and API (shared with sync). */
  bucket?: (shopId: string, api: string) => TokenBucket | undefined;
  random?: () => number;
  /** Called when a contacting request takes its place in the shop's pace (the bench measures the rate). */
  onPaced?: (shopId: string, at: number) => void;
  /** The CRM's blocklist, asked again right before each request (a creator blocked after the plan). */
  blocklist?: Blocklist;
  /** Deliveries TikTok took (the CRM moves their creators along the pipeline). */
  onSent?: (sent: readonly SentContact[], now: number) => void;
}

/** What one step of one Outreach did: `idle` = nothing to do until `wakeAt` (null: nothing at all). */
type Step = { kind: 'worked' } | { kind: 'idle'; wakeAt: number | null };

export class OutreachQueue {
  readonly store: OutreachStore;
  private readonly pool: PoolLedger;
  private readonly replies: StoredReplies;
  private readonly sequences: SequenceAdvance;
  private replySweepAt = 0;
  private replySweepFrom = 0;
  /** Per shop: when the next contacting request may go, for the Outreach's configured rate. */
  private readonly slots = new Map<string, number>();
  private wake: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private stopping: AbortController | null = null;

  constructor(private readonly deps: OutreachQueueDeps) {
    this.store = new OutreachStore(deps.db);
    this.pool = new PoolLedger(deps.db);
    this.replies = new StoredReplies(deps.db);
    this.sequences = new SequenceAdvance(deps.db);
  }

  /**
   * After a crash: a Delivery found `sending` may or may not have gone out. None is resent before it is
   * reconciled.
   */
  recover(): number {
    return this.deps.db
      .prepare(
        `UPDATE deliveries SET state = 'maybe_sent', next_attempt_at = 0, updated_at = ? WHERE state = 'sending'`,
      )
      .run(this.deps.now()).changes;
  }

  /** Starts the background loop (idempotent). */
  start(): void {
    if (this.running) return;
    this.recover();
    const stop = new AbortController();
    this.stopping = stop;
    this.running = this.loop(stop.signal).finally(() => {
      this.running = null;
    });
  }

  /** New work (an Outreach started or resumed): stop waiting. */
  poke(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopping?.abort();
    this.poke();
    await this.running;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let wakeAt: number | null;
      try {
        wakeAt = await this.pass();
      } catch (err) {
        this.deps.logger.error({ err }, 'outreach queue pass failed');
        wakeAt = this.deps.now() + 5_000;
      }
      if (signal.aborted) break;
      if (wakeAt !== null && wakeAt <= this.deps.now()) continue;
      const wait = wakeAt === null ? 60_000 : Math.min(60_000, wakeAt - this.deps.now());
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, wait);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /** Runs passes until no Outreach has work before `until` (tests, the chaos child). */
  async drain(options: { until?: number; sleep?: (ms: number) => Promise<void> } = {}): Promise<void> {
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    for (;;) {
      const wakeAt = await this.pass();
      if (wakeAt === null) return;
      const now = this.deps.now();
      if (options.until !== undefined && wakeAt > options.until) return;
      if (wakeAt > now) await sleep(wakeAt - now);
    }
  }

  /**
   * One round over the Outreaches that have work: each does one step. Returns when the next step is due
   * (now when something was done), or null when no Outreach has anything left to do.
   */
  async pass(): Promise<number | null> {
    const now = this.deps.now();
    this.sweepReplies(now);
    // A quota pause ends at TikTok's reset.
    for (const o of this.store.outreaches(
      `status = 'paused' AND pause_reason = 'quota' AND resume_at <= ?`,
      now,
    )) {
      this.store.setStatus(o.id, 'running', now);
      this.deps.onProgress?.(o.id);
    }
    let wakeAt: number | null = null;
    const due = (t: number | null): void => {
      if (t !== null) wakeAt = wakeAt === null ? t : Math.min(wakeAt, t);
    };
    const active = this.store.outreaches(
      `status = 'running' OR id IN (SELECT DISTINCT outreach_id FROM deliveries
                                    WHERE state IN ('sending', 'maybe_sent'))`,
    );
    for (const o of active.reverse()) {
      const step = await this.step(o);
      due(step.kind === 'worked' ? this.deps.now() : step.wakeAt);
    }
    for (const o of this.store.outreaches(`status = 'paused' AND pause_reason = 'quota'`)) due(o.resumeAt);
    return wakeAt;
  }

  private context(o: OutreachRow, token: string): ShopDataContext {
    const cipher = this.deps.db
      .prepare('SELECT cipher FROM shops WHERE shop_id = ? AND account_id = ?')
      .pluck()
      .get(o.shopId, o.accountId) as string | undefined;
    if (cipher === undefined) throw new Error(`shop ${o.shopId} is no longer connected`);
    return {
      app: this.deps.app,
      accessToken: token,
      cipher,
      bucket: (api) => this.deps.bucket?.(o.shopId, api),
      logger: this.deps.logger,
      now: this.deps.now,
    };
  }

  private call<T>(o: OutreachRow, fn: (ctx: ShopDataContext) => Promise<T>): Promise<T> {
    return callWithAccount(this.deps.tokens, o.accountId, (token) => fn(this.context(o, token)));
  }

  private async step(o: OutreachRow): Promise<Step> {
    const now = this.deps.now();
    // 1. Whatever may have gone out is settled before anything new is sent.
    const unsettled = this.store.deliveries(
      `outreach_id = ? AND state IN ('sending', 'maybe_sent') ORDER BY next_attempt_at, id LIMIT 1`,
      o.id,
    )[0];
    if (unsettled) {
      if (unsettled.nextAttemptAt > now) {
        if (o.status !== 'running') return { kind: 'idle', wakeAt: unsettled.nextAttemptAt };
      } else {
        await this.reconcile(o, unsettled);
        return { kind: 'worked' };
      }
    }
    if (o.status !== 'running') return { kind: 'idle', wakeAt: null };

    // 2. May this Outreach send now?
    const s = o.settings;
    const gate = Math.max(
      s.startAt,
      nextOpen(now, s.window, s.timeZone),
      this.slots.get(o.shopId) ?? 0,
      this.nextQueuedAt(o.id),
    );
    const remaining = this.store.db
      .prepare(
        `SELECT count(*) FROM deliveries WHERE outreach_id = ? AND state IN ('queued', 'sending', 'maybe_sent')`,
      )
      .pluck()
      .get(o.id) as number;
    if (remaining === 0) {
      this.store.setStatus(o.id, 'finished', now);
      this.deps.onProgress?.(o.id);
      return { kind: 'idle', wakeAt: null };
    }
    if (unsettled) return { kind: 'idle', wakeAt: unsettled.nextAttemptAt };
    if (gate > now) return { kind: 'idle', wakeAt: gate };
    let capLeft = Number.POSITIVE_INFINITY;
    if (s.dailyCap !== null) {
      const day = localDayBounds(now, s.timeZone);
      const today = this.store.db
        .prepare(
          `SELECT count(*) FROM deliveries WHERE outreach_id = ? AND sending_at >= ? AND sending_at < ?
             AND state IN ('sent', 'sending', 'maybe_sent')`,
        )
        .pluck()
        .get(o.id, day.start, day.end) as number;
      capLeft = s.dailyCap - today;
      if (capLeft <= 0) return { kind: 'idle', wakeAt: nextOpen(day.end, s.window, s.timeZone) };
    }

    // 3. The next request: a batch of invitations first, then messages.
    const picked = this.pickInvitations(o, now, Math.min(batchLimit, capLeft));
    if (picked === 'pool') return this.pauseForPool(o, now);
    const invites = this.dropBlocked(o, picked);
    if (invites.length < picked.length && invites.length === 0) return { kind: 'worked' };
    if (invites.length > 0) {
      this.takeSlot(o, now);
      await this.sendInvitations(o, invites);
      return { kind: 'worked' };
    }
    const message = this.store.deliveries(
      `outreach_id = ? AND action = 'message' AND state = 'queued' AND next_attempt_at <= ? ORDER BY id LIMIT 1`,
      o.id,
      now,
    )[0];
    if (message) {
      if (this.dropBlocked(o, [message]).length === 0) return { kind: 'worked' };
      if (message.step > 0 && (await this.stopFollowUp(o, message))) return { kind: 'worked' };
      if (!this.pool.fits(o, [message.creatorOpenId], now)) return this.pauseForPool(o, now);
      this.takeSlot(o, now);
      await this.sendMessage(o, message);
      return { kind: 'worked' };
    }
    return { kind: 'idle', wakeAt: this.nextQueuedAt(o.id) || null };
  }

  /**
   * Follow-ups whose creator replied, as the conversation sync stored it, stop before they are due (the
   * Outreach's table says so at once); a batch every `replySweepMs`, going round all scheduled ones.
   */
  sweepReplies(now: number, force = false): void {
    if (!force && now < this.replySweepAt) return;
    this.replySweepAt = now + replySweepMs;
    const { replied, last } = this.replies.repliedScheduled(this.replySweepFrom);
    this.replySweepFrom = last;
    if (replied.length === 0) return;
    const touched = new Set<number>();
    this.store.db.transaction(() => {
      for (const f of replied) {
        this.sequences.skipFrom(firstStepKey(f.key, f.step), f.step, 'replied', now);
        touched.add(f.outreachId);
      }
    })();
    for (const id of touched) this.deps.onProgress?.(id);
  }

  /**
   * Right before a follow-up: did the creator reply since the first message? The synced conversation is
   * asked first, then TikTok itself (the sync may be minutes behind). A reply stops the rest of the
   * sequence. Returns true when the follow-up is not to be sent (stopped, or the read was refused).
   */
  private async stopFollowUp(o: OutreachRow, d: DeliveryRow): Promise<boolean> {
    const now = this.deps.now();
    const first = firstStepKey(d.idempotencyKey, d.step);
    const start = this.replies.sequenceStart(d.idempotencyKey, d.step);
    const stop = (reason: 'replied' | 'previous_step'): true => {
      this.store.db.transaction(() => this.sequences.skipFrom(first, d.step, reason, now))();
      this.deps.onProgress?.(o.id);
      return true;
    };
    if (!start || start.firstMessageId === null || d.conversationId === null) return stop('previous_step');
    if (this.replies.replied(start)) return stop('replied');
    const conversationId = d.conversationId;
    let page: Awaited<ReturnType<typeof listMessages>>;
    try {
      page = await this.call(o, (ctx) => listMessages(ctx, conversationId, {}));
    } catch (err) {
      this.refused(o, [d], classifyRefusal(err, this.deps.now()), 'queued');
      return true;
    }
    const own = new Set(
      this.store.db
        .prepare(
          `SELECT remote_id FROM deliveries WHERE conversation_id = @cid AND action = 'message' AND remote_id IS NOT NULL
           UNION ALL SELECT remote_id FROM inbox_replies WHERE conversation_id = @cid AND remote_id IS NOT NULL`,
        )
        .pluck()
        .all({ cid: conversationId }) as string[],
    );
    const full = page.nextPageToken !== '';
    return repliedSince(page.items, start.firstMessageId, own, full) ? stop('replied') : false;
  }

  /**
   * A creator blocked after the Outreach was created is skipped right before the request, never contacted:
   * the blocklist is asked again for every batch and message. Returns the Deliveries still to send.
   */
  private dropBlocked(o: OutreachRow, deliveries: DeliveryRow[]): DeliveryRow[] {
    const blocklist = this.deps.blocklist;
    if (!blocklist || deliveries.length === 0) return deliveries;
    const blocked = blocklist.blockedAmong(
      deliveries.flatMap((d) => (d.creatorId === null ? [] : [d.creatorId])),
    );
    if (blocked.size === 0) return deliveries;
    const now = this.deps.now();
    const keep: DeliveryRow[] = [];
    this.store.db.transaction(() => {
      for (const d of deliveries) {
        if (d.creatorId === null || !blocked.has(d.creatorId)) {
          keep.push(d);
          continue;
        }
        this.store.move([d.id], ['queued'], 'skipped', now, {
          reason: 'blocklisted',
          reasonDetail: blocklist.entry?.(d.creatorId)?.reason ?? null,
        });
      }
    })();
    this.deps.onProgress?.(o.id);
    return keep;
  }

  /** Earliest retry time of a queued Delivery (0 when one is due now or none waits). */
  private nextQueuedAt(outreachId: number): number {
    const t = this.store.db
      .prepare(`SELECT min(next_attempt_at) FROM deliveries WHERE outreach_id = ? AND state = 'queued'`)
      .pluck()
      .get(outreachId) as number | null;
    return t !== null && t > this.deps.now() ? t : 0;
  }

  private takeSlot(o: OutreachRow, now: number): void {
    const interval = 60_000 / o.settings.ratePerMinute;
    const slot = this.slots.get(o.shopId) ?? now;
    // Catch up at most one interval after an idle spell, so the rate holds over any minute.
    this.slots.set(o.shopId, Math.max(slot, now - interval) + interval);
    this.deps.onPaced?.(o.shopId, now);
  }

  private pauseForPool(o: OutreachRow, now: number): Step {
    const resumeAt = weekStart(now) + 7 * 86_400_000;
    this.store.setStatus(o.id, 'paused', now, {
      reason: 'quota',
      detail: 'weekly_pool',
      resumeAt,
    });
    this.deps.onProgress?.(o.id);
    return { kind: 'idle', wakeAt: resumeAt };
  }

  private pickInvitations(o: OutreachRow, now: number, limit: number): DeliveryRow[] | 'pool' {
    const queued = this.store.deliveries(
      `outreach_id = ? AND action = 'invite' AND state = 'queued' AND next_attempt_at <= ?
       ORDER BY solo DESC, id LIMIT ?`,
      o.id,
      now,
      batchLimit,
    );
    if (queued.length === 0) return [];
    const first = queued[0] as DeliveryRow;
    const candidates = first.solo ? [first] : queued.filter((d) => !d.solo).slice(0, limit);
    const fitting = this.pool.largestFit(o, candidates, now);
    return fitting.length === 0 ? 'pool' : fitting;
  }

  private batchName(o: OutreachRow, batchNo: number): { name: string; keyword: string } {
    const keyword = `SM-${o.uid}-${batchNo}`;
    return { name: `${o.name.slice(0, 60)} · ${keyword}`, keyword };
  }

  private async sendInvitations(o: OutreachRow, batch: DeliveryRow[]): Promise<void> {
    const now = this.deps.now();
    const s = o.settings;
    const db = this.store.db;
    // Commit `sending`, the batch number and its name before the request leaves.
    const batchNo = db.transaction(() => {
      const no =
        ((db.prepare('SELECT max(batch_no) FROM outreach_batches WHERE outreach_id = ?').pluck().get(o.id) as
          number | null) ?? 0) + 1;
      db.prepare(
        'INSERT INTO outreach_batches (outreach_id, batch_no, name, created_at) VALUES (?, ?, ?, ?)',
      ).run(o.id, no, this.batchName(o, no).name, now);
      const mark = db.prepare(
        `UPDATE deliveries SET state = 'sending', batch_no = ?, attempts = attempts + 1, sending_at = ?,
           updated_at = ? WHERE id = ? AND state = 'queued'`,
      );
      for (const d of batch) mark.run(no, now, now, d.id);
      return no;
    })();
    const ids = batch.map((d) => d.id);
    this.deps.onProgress?.(o.id);
    let result: WriteResult<{
      collaborationId: string;
      conflicts: Array<{ openId: string; productId: string }>;
    }>;
    try {
      result = await this.call(o, (ctx) =>
        createInvitation(ctx, {
          name: this.batchName(o, batchNo).name,
          message: s.invitationText ?? '',
          endTime: Math.floor((s.invitationEndAt ?? now + 30 * 86_400_000) / 1000),
          products: s.products.map((p) => ({ id: p.productId, commissionBp: p.commissionBp })),
          creatorOpenIds: batch.map((d) => d.creatorOpenId),
          sellerEmail: s.sellerEmail ?? '',
          freeSample: s.freeSample,
        }),
      );
    } catch (err) {
      this.refused(o, batch, classifyRefusal(err, this.deps.now()), 'sending');
      return;
    }
    if (result.kind === 'unknown') {
      this.store.move(ids, ['sending'], 'maybe_sent', this.deps.now(), { nextAttemptAt: 0 });
      this.deps.onProgress?.(o.id);
      return;
    }
    this.settleBatch(o, batch, batchNo, result.value.collaborationId, (d) => {
      const refused = new Set(
        result.value.conflicts.filter((c) => c.openId === d.creatorOpenId).map((c) => c.productId),
      );
      return s.products.every((p) => refused.has(p.productId));
    });
  }

  /** The batch's collaboration exists: its creators are invited; `conflicted` ones were already invited. */
  private settleBatch(
    o: OutreachRow,
    batch: DeliveryRow[],
    batchNo: number,
    collaborationId: string,
    conflicted: (d: DeliveryRow) => boolean,
  ): void {
    const now = this.deps.now();
    const db = this.store.db;
    const skipped = batch.filter(conflicted).map((d) => d.id);
    const sent = batch.filter((d) => !conflicted(d));
    db.transaction(() => {
      db.prepare(
        'UPDATE outreach_batches SET collaboration_id = ? WHERE outreach_id = ? AND batch_no = ?',
      ).run(collaborationId, o.id, batchNo);
      this.store.move(skipped, ['sending', 'maybe_sent'], 'skipped', now, { reason: 'already_invited' });
      this.store.move(
        sent.map((d) => d.id),
        ['sending', 'maybe_sent'],
        'sent',
        now,
        { remoteId: collaborationId, sentAt: now },
      );
      this.pool.record(
        o,
        sent.map((d) => d.creatorOpenId),
        now,
      );
    })();
    this.deps.onSent?.(
      sent.map((d) => ({ creatorId: d.creatorId, action: 'invite' as const, ref: collaborationId })),
      now,
    );
    this.deps.onProgress?.(o.id);
  }

  private async sendMessage(o: OutreachRow, d: DeliveryRow): Promise<void> {
    let conversationId = d.conversationId;
    if (conversationId === null) {
      try {
        conversationId = await this.call(o, (ctx) => openConversation(ctx, d.creatorOpenId));
      } catch (err) {
        this.refused(o, [d], classifyRefusal(err, this.deps.now()), 'queued');
        return;
      }
      this.store.db
        .prepare('UPDATE deliveries SET conversation_id = ? WHERE id = ?')
        .run(conversationId, d.id);
    }
    const content = await this.contentOf(o, d);
    if (content === null) return;
    const now = this.deps.now();
    // Committed before the request, with the exact content: a crash from here on leaves a row to
    // reconcile, and reconciliation looks for that content.
    const marked = this.store.db
      .prepare(
        `UPDATE deliveries SET state = 'sending', content = ?, attempts = attempts + 1, sending_at = ?,
           updated_at = ? WHERE id = ? AND state = 'queued'`,
      )
      .run(content, now, now, d.id).changes;
    if (marked === 0) return;
    this.deps.onProgress?.(o.id);
    const cid = conversationId;
    let result: WriteResult<string>;
    try {
      result = await this.call(o, (ctx) => sendMessage(ctx, cid, d.msgType, content));
    } catch (err) {
      this.refused(o, [d], classifyRefusal(err, this.deps.now()), 'sending');
      return;
    }
    if (result.kind === 'unknown') {
      this.store.move([d.id], ['sending'], 'maybe_sent', this.deps.now(), { nextAttemptAt: 0 });
    } else {
      this.markMessageSent(o, d, result.value);
    }
    this.deps.onProgress?.(o.id);
  }

  /**
   * TikTok's content for a message Delivery, by its type (docs/outreach.md, "Message types"); null when it
   * cannot go now (the Delivery was put back, skipped or refused here).
   */
  private async contentOf(o: OutreachRow, d: DeliveryRow): Promise<string | null> {
    switch (d.msgType) {
      case 'TEXT':
        return textContent(d.text ?? '');
      case 'PRODUCT_CARD':
        return d.content;
      case 'TARGET_COLLABORATION_CARD':
        return this.collaborationCard(o, d);
      case 'IMAGE': {
        try {
          const image = await this.uploadedImage(o, d.imageSha256 ?? '');
          return messageContent({ type: 'IMAGE', ...image });
        } catch (err) {
          this.refused(o, [d], classifyRefusal(err, this.deps.now()), 'queued');
          return null;
        }
      }
    }
  }

  /**
   * A collaboration card carries the invitation this Outreach sent the same creator: it waits while that
   * invitation is on its way, and is skipped (`previous_step`) when it never went out.
   */
  private collaborationCard(o: OutreachRow, d: DeliveryRow): string | null {
    const now = this.deps.now();
    const inviteKey = `${firstStepKey(d.idempotencyKey, d.step).replace(/:message$/, '')}:invite`;
    const invite = this.store.db
      .prepare('SELECT state, remote_id AS remoteId FROM deliveries WHERE idempotency_key = ?')
      .get(inviteKey) as { state: string; remoteId: string | null } | undefined;
    if (invite?.state === 'sent' && invite.remoteId !== null)
      return messageContent({ type: 'TARGET_COLLABORATION_CARD', collaborationId: invite.remoteId });
    if (invite && ['queued', 'sending', 'maybe_sent'].includes(invite.state)) {
      this.store.move([d.id], ['queued'], 'queued', now, { nextAttemptAt: now + 60_000 });
      return null;
    }
    this.store.db.transaction(() =>
      this.store.move([d.id], ['queued'], 'skipped', now, { reason: 'previous_step' }),
    )();
    this.deps.onProgress?.(o.id);
    return null;
  }

  /**
   * The picture's URL at TikTok: uploaded once per Account and reused (uploading again reaches nobody, so
   * a lost upload answer is simply asked again; docs/tiktok-api/outreach.md).
   */
  private async uploadedImage(
    o: OutreachRow,
    sha256: string,
  ): Promise<{ url: string; width: number; height: number }> {
    const db = this.store.db;
    const known = db
      .prepare('SELECT url, width, height FROM message_image_uploads WHERE account_id = ? AND sha256 = ?')
      .get(o.accountId, sha256) as { url: string; width: number; height: number } | undefined;
    if (known) return known;
    const file = db
      .prepare('SELECT file_name AS fileName, mime, bytes FROM message_image_files WHERE sha256 = ?')
      .get(sha256) as { fileName: string; mime: string; bytes: Buffer } | undefined;
    if (!file) throw new Error(`message image ${sha256} is missing`);
    const up = await this.call(o, (ctx) => uploadMessageImage(ctx, file));
    db.prepare(
      `INSERT INTO message_image_uploads (account_id, sha256, url, width, height, uploaded_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, sha256) DO UPDATE SET url = excluded.url, width = excluded.width,
         height = excluded.height, uploaded_at = excluded.uploaded_at`,
    ).run(o.accountId, sha256, up.url, up.width, up.height, this.deps.now());
    return up;
  }

  private markMessageSent(o: OutreachRow, d: DeliveryRow, messageId: string): void {
    const now = this.deps.now();
    this.store.db.transaction(() => {
      this.store.move([d.id], ['sending', 'maybe_sent'], 'sent', now, { remoteId: messageId, sentAt: now });
      this.pool.record(o, [d.creatorOpenId], now);
    })();
    this.deps.onSent?.([{ creatorId: d.creatorId, action: 'message', ref: messageId }], now);
  }

  /** A definite refusal: nothing was done at TikTok, so the queue may act on it directly. */
  private refused(
    o: OutreachRow,
    deliveries: DeliveryRow[],
    refusal: Refusal,
    from: 'queued' | 'sending',
  ): void {
    const now = this.deps.now();
    const ids = deliveries.map((d) => d.id);
    const states = from === 'sending' ? (['sending'] as const) : (['queued'] as const);
    const fail = (reason: DeliveryReason, detail: string | null, to: 'failed' | 'skipped' = 'failed') =>
      this.store.move(ids, states, to, now, { reason, reasonDetail: detail });
    const requeue = (at: number, solo?: boolean) =>
      this.store.db.transaction(() => {
        this.store.move(ids, states, 'queued', now, { nextAttemptAt: at, ...(solo ? { solo } : {}) });
        // The request did nothing: it does not count as an attempt.
        if (from === 'sending')
          for (const id of ids)
            this.store.db.prepare('UPDATE deliveries SET attempts = attempts - 1 WHERE id = ?').run(id);
      })();
    switch (refusal.kind) {
      case 'already_invited':
        fail('already_invited', null, 'skipped');
        break;
      case 'quota':
        requeue(0);
        if (refusal.weekly) this.pool.exhausted(o, now);
        this.store.setStatus(o.id, 'paused', now, {
          reason: 'quota',
          detail: refusal.message,
          resumeAt: refusal.resumeAt,
        });
        break;
      case 'sensitive_words':
        fail('sensitive_words', refusal.message);
        break;
      case 'privacy':
        fail('privacy', refusal.message, 'skipped');
        for (const d of deliveries) this.pool.rememberPrivacy(o, d.creatorOpenId, now);
        break;
      case 'region_mismatch':
      case 'creator': {
        // A refusal of a batch names no creator: send each alone so it lands on the right Delivery.
        if (deliveries.length > 1) {
          requeue(0, true);
          break;
        }
        if (refusal.kind === 'region_mismatch') fail('region_mismatch', refusal.message, 'skipped');
        else fail(refusal.reason, refusal.message);
        break;
      }
      case 'retry': {
        const attempts = Math.max(...deliveries.map((d) => d.attempts)) + (from === 'sending' ? 1 : 0);
        if (attempts >= retryPolicy.maxAttempts) {
          fail('too_many_attempts', refusal.message);
        } else {
          requeue(now + backoffDelay(attempts, retryPolicy, this.deps.random));
          // Attempts count here: the request was tried and may be tried only so often.
          if (from === 'sending')
            for (const id of ids)
              this.store.db.prepare('UPDATE deliveries SET attempts = attempts + 1 WHERE id = ?').run(id);
        }
        break;
      }
      case 'auth':
        requeue(0);
        this.store.setStatus(o.id, 'paused', now, { reason: 'auth', detail: refusal.message });
        break;
    }
    this.deps.logger.info(
      { outreachId: o.id, deliveries: ids.length, refusal: refusal.kind },
      'outreach request refused',
    );
    this.deps.onProgress?.(o.id);
  }

  /** Asks TikTok whether a `maybe_sent` Delivery (and its batch) went out, and settles it either way. */
  private async reconcile(o: OutreachRow, d: DeliveryRow): Promise<void> {
    const now = this.deps.now();
    try {
      if (d.action === 'invite' && d.batchNo !== null) {
        const batch = this.store.deliveries(
          `outreach_id = ? AND batch_no = ? AND state IN ('sending', 'maybe_sent')`,
          o.id,
          d.batchNo,
        );
        const { name, keyword } = this.batchName(o, d.batchNo);
        const collaborationId = await this.call(o, (ctx) => findInvitationByName(ctx, name, keyword));
        if (collaborationId === null) {
          // Never created: the batch goes back to the queue and is sent again (as a new batch).
          this.store.move(
            batch.map((x) => x.id),
            ['sending', 'maybe_sent'],
            'queued',
            now,
            { nextAttemptAt: 0 },
          );
        } else {
          const invited = new Set(
            (await this.call(o, (ctx) => collaborationCreators(ctx, collaborationId))).creators.map(
              (c) => c.openId,
            ),
          );
          // Created: whoever TikTok left out was a conflict (already invited to these products).
          this.settleBatch(o, batch, d.batchNo, collaborationId, (x) => !invited.has(x.creatorOpenId));
        }
      } else if (d.action === 'message' && d.conversationId !== null && d.sendingAt !== null) {
        const messageId = await this.findSentMessage(o, d);
        if (messageId === null)
          this.store.move([d.id], ['sending', 'maybe_sent'], 'queued', now, { nextAttemptAt: 0 });
        else this.markMessageSent(o, d, messageId);
      } else {
        // `sending` is only ever committed once the conversation is known; nothing can have gone out.
        this.store.move([d.id], ['sending', 'maybe_sent'], 'queued', now, { nextAttemptAt: 0 });
      }
    } catch (err) {
      const retryAt = now + backoffDelay(Math.min(d.attempts, 10), reconcilePolicy, this.deps.random);
      this.store.move([d.id], ['sending', 'maybe_sent'], 'maybe_sent', now, {
        nextAttemptAt: retryAt,
        reasonDetail: err instanceof Error ? err.message : String(err),
      });
      this.deps.logger.warn({ outreachId: o.id, deliveryId: d.id, err }, 'outreach reconcile failed');
    }
    this.deps.onProgress?.(o.id);
  }

  /**
   * The seller's message with this Delivery's exact content, sent since it was committed to be sent (a
   * day's slack for clock skew) and not already claimed by another Delivery.
   */
  private findSentMessage(o: OutreachRow, d: DeliveryRow): Promise<string | null> {
    const claimed = this.store.db.prepare(
      `SELECT 1 FROM deliveries WHERE remote_id = ? AND action = 'message' AND id <> ?`,
    );
    const since = Math.floor(((d.sendingAt ?? 0) - 86_400_000) / 1000) * 1000;
    // Rows committed before message types kept only their text.
    const sent = { type: d.msgType, content: d.content ?? textContent(d.text ?? '') };
    return this.call(o, (ctx) =>
      findSentMessage(ctx, d.conversationId ?? '', sent, since, (id) => claimed.get(id, d.id) !== undefined),
    );
  }
}
