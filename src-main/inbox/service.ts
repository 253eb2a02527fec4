import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { InboxConversation, InboxReplyState } from '@shared/inbox';
import type { ShopApi } from '../creators/shop-api';
import type { Logger } from '../log/logger';
import { markConversationsRead, markReadLimit } from '../tiktok/shop/conversations';
import { findSentText, sendText } from '../tiktok/shop/outreach';
import { InboxQueries, type ListQuery } from './queries';
import { inboxTexts } from './texts';

export interface InboxDeps {
  db: Database;
  /** Shop API calls with the shop's Account token (the CRM's ShopApi: buckets, reconnect checks). */
  api: Pick<ShopApi, 'call'>;
  logger: Logger;
  now: () => number;
  emitChanged: (conversationIds: string[]) => void;
}

interface ReplyRow {
  id: number;
  conversationId: string;
  shopId: string;
  text: string;
  state: InboxReplyState;
  remoteId: string | null;
  reasonDetail: string | null;
  sendingAt: number;
}

const replyColumns = `id, conversation_id AS conversationId, shop_id AS shopId, text, state, remote_id AS remoteId,
  reason_detail AS reasonDetail, sending_at AS sendingAt`;

/** Clock skew allowed between ShopMesh and TikTok when a lost reply is looked for among the newest messages. */
const skewMs = 86_400_000;

/**
 * The inbox (docs/inbox.md): reads from the synced conversations, and the two writes a merchant makes
 * there. A quick reply is committed `sending` with the caller's key before the request; a lost answer
 * makes it `maybe_sent` and the conversation is read back (the seller's message with exactly that text,
 * not claimed by another send) before anyone may send it again: `sent`, or `not_sent` when it did not go
 * out. Marking read is safe to repeat, so it is simply asked again when TikTok reports a failure.
 */
export class InboxService {
  readonly queries: InboxQueries;
  private readonly reconciling = new Set<number>();

  constructor(private readonly deps: InboxDeps) {
    this.queries = new InboxQueries(deps.db);
  }

  list(q: ListQuery) {
    return this.queries.list(q);
  }

  counts() {
    return this.queries.counts();
  }

  private conversation(conversationId: string): InboxConversation {
    const c = this.queries.conversation(conversationId);
    if (!c) throw new AppError('NOT_FOUND', inboxTexts.conversationNotFound());
    return c;
  }

  messages(input: { conversationId: string; cursor?: string; limit: number }) {
    const conversation = this.conversation(input.conversationId);
    // A reply whose answer was lost is settled in the background; the view refreshes on `inbox:changed`.
    for (const r of this.replies(`conversation_id = ? AND state = 'maybe_sent'`, input.conversationId))
      void this.reconcile(r);
    return { conversation, ...this.queries.messages(input.conversationId, input.cursor, input.limit) };
  }

  private replies(where: string, ...params: unknown[]): ReplyRow[] {
    return this.deps.db
      .prepare(`SELECT ${replyColumns} FROM inbox_replies WHERE ${where} ORDER BY id`)
      .all(...params) as ReplyRow[];
  }

  private set(
    id: number,
    state: InboxReplyState,
    extra: { remoteId?: string; reasonDetail?: string | null; sentAt?: number } = {},
  ): void {
    this.deps.db
      .prepare(
        `UPDATE inbox_replies SET state = ?, remote_id = COALESCE(?, remote_id), reason_detail = ?,
           sent_at = COALESCE(?, sent_at), updated_at = ? WHERE id = ?`,
      )
      .run(
        state,
        extra.remoteId ?? null,
        extra.reasonDetail ?? null,
        extra.sentAt ?? null,
        this.deps.now(),
        id,
      );
  }

  private answer(id: number) {
    const r = this.replies('id = ?', id)[0] as ReplyRow;
    return { state: r.state, messageId: r.remoteId, reasonDetail: r.reasonDetail };
  }

  async reply(input: { conversationId: string; text: string; templateId?: number; key: string }) {
    const conv = this.conversation(input.conversationId);
    const existing = this.replies('idempotency_key = ?', input.key)[0];
    if (existing) {
      if (existing.text !== input.text || existing.conversationId !== input.conversationId)
        throw new AppError('CONFLICT', inboxTexts.replyKeyReused());
      if (existing.state === 'maybe_sent') await this.reconcile(existing);
      return this.answer(existing.id);
    }
    const now = this.deps.now();
    const id = Number(
      this.deps.db
        .prepare(
          `INSERT INTO inbox_replies (account_id, shop_id, conversation_id, idempotency_key, template_id, text,
             state, sending_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'sending', ?, ?)`,
        )
        .run(
          conv.accountId,
          conv.shopId,
          conv.conversationId,
          input.key,
          input.templateId ?? null,
          input.text,
          now,
          now,
        ).lastInsertRowid,
    );
    this.deps.emitChanged([conv.conversationId]);
    try {
      const result = await this.deps.api.call(conv.shopId, (ctx) =>
        sendText(ctx, conv.conversationId, input.text),
      );
      if (result.kind === 'done') {
        this.set(id, 'sent', { remoteId: result.value, sentAt: this.deps.now() });
      } else {
        this.set(id, 'maybe_sent');
        await this.reconcile(this.replies('id = ?', id)[0] as ReplyRow);
      }
    } catch (err) {
      // A definite refusal (TikTok said no, or the shop needs reconnecting): nothing went out.
      this.set(id, 'failed', { reasonDetail: err instanceof Error ? err.message : String(err) });
      this.deps.emitChanged([conv.conversationId]);
      throw err;
    }
    this.deps.emitChanged([conv.conversationId]);
    return this.answer(id);
  }

  /** Reads the conversation back for a reply whose answer was lost; a failed read leaves it `maybe_sent`. */
  private async reconcile(r: ReplyRow): Promise<void> {
    if (this.reconciling.has(r.id)) return;
    this.reconciling.add(r.id);
    try {
      const claimed = this.deps.db.prepare(
        `SELECT 1 FROM inbox_replies WHERE remote_id = @m AND id <> @id
         UNION ALL SELECT 1 FROM deliveries WHERE remote_id = @m AND action = 'message'`,
      );
      const found = await this.deps.api.call(r.shopId, (ctx) =>
        findSentText(ctx, r.conversationId, r.text, r.sendingAt - skewMs, (m) =>
          Boolean(claimed.get({ m, id: r.id })),
        ),
      );
      if (found === null) this.set(r.id, 'not_sent');
      else this.set(r.id, 'sent', { remoteId: found, sentAt: this.deps.now() });
      this.deps.emitChanged([r.conversationId]);
    } catch (err) {
      this.deps.logger.warn({ err, replyId: r.id }, 'inbox reply could not be reconciled yet');
    } finally {
      this.reconciling.delete(r.id);
    }
  }

  /** At start-up: a reply left `sending` by a crash may have gone out; it is settled by reading back. */
  recover(): void {
    this.deps.db
      .prepare(`UPDATE inbox_replies SET state = 'maybe_sent', updated_at = ? WHERE state = 'sending'`)
      .run(this.deps.now());
    for (const r of this.replies(`state = 'maybe_sent'`)) void this.reconcile(r);
  }

  async markRead(conversationIds: readonly string[]): Promise<{ read: string[]; failed: string[] }> {
    const byShop = new Map<string, string[]>();
    const failed: string[] = [];
    for (const id of new Set(conversationIds)) {
      const c = this.queries.conversation(id);
      if (!c) {
        failed.push(id);
        continue;
      }
      byShop.set(c.shopId, [...(byShop.get(c.shopId) ?? []), id]);
    }
    const read: string[] = [];
    let firstError: unknown = null;
    for (const [shopId, ids] of byShop) {
      for (let i = 0; i < ids.length; i += markReadLimit) {
        const chunk = ids.slice(i, i + markReadLimit);
        try {
          const r = await this.deps.api.call(shopId, (ctx) => markConversationsRead(ctx, chunk));
          const refused = new Set(r.failed);
          for (const id of chunk) (refused.has(id) ? failed : read).push(id);
        } catch (err) {
          firstError ??= err;
          failed.push(...chunk);
        }
      }
    }
    if (read.length > 0) {
      const mark = this.deps.db.prepare(
        'UPDATE conversations SET unread_count = 0 WHERE conversation_id = ?',
      );
      this.deps.db.transaction(() => {
        for (const id of read) mark.run(id);
      })();
      this.deps.emitChanged(read);
    }
    // Nothing could be marked because of one error (offline, the shop needs reconnecting): say why.
    if (read.length === 0 && firstError !== null) throw firstError;
    return { read, failed };
  }
}
