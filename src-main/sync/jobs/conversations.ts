import type { RejectedRecord } from '../../tiktok/records';
import {
  canonicalIndex,
  compareIndex,
  type Conversation,
  listConversations,
  listMessages,
  type Message,
} from '../../tiktok/shop/conversations';
import type { Page, ShopDataContext } from '../../tiktok/shop/data-call';
import { boundedMap } from '../bounded-map';
import { type JobResult, pagedLoop } from '../job';
import type { ConversationWithMessages } from '../store/conversations';
import type { ShopJobEnv } from './env';

/**
 * Conversations of one list page whose messages are read at the same time. Every call still takes a token
 * from the shop's Get Messages bucket (44/s within TikTok's 50 per API per app and shop,
 * docs/tiktok-api/errors-and-limits.md); the pool only keeps the bucket busy across round trips: at a
 * ~180 ms round trip, 8 readers are about what the bucket lets through, and more would only queue.
 */
export const messageReadsAtOnce = 8;

/** A rejected message's index when its raw JSON has a readable one. */
function rawIndex(raw: unknown): string | null {
  const v =
    raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).conversation_index : null;
  if (typeof v === 'string' && /^\d+$/.test(v)) return canonicalIndex(v);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v);
  return null;
}

interface NewMessages {
  messages: Message[];
  rejected: RejectedRecord[];
}

/**
 * Whether the pages run from newer to older messages, as far as the pages read so far show; null while
 * they cannot tell. TikTok does not state Get Messages' order, only that a higher `conversation_index` is
 * newer (docs/tiktok-api/affiliate.md), so the order is read from the indexes: against the page before
 * when there is one (exact: pages hold disjoint runs of the conversation), else from the first page's own
 * order, taken to be the order its pages run in.
 */
export function pagesRunToOlder(page: readonly Message[], previous: readonly Message[]): boolean | null {
  const first = page[0]?.conversationIndex;
  const last = page[page.length - 1]?.conversationIndex;
  if (first === undefined || last === undefined) return null;
  if (previous.length > 0) {
    const indexes = (ms: readonly Message[]) => ms.map((m) => m.conversationIndex).sort(compareIndex);
    const here = indexes(page);
    const before = indexes(previous);
    if (compareIndex(here[here.length - 1]!, before[0]!) < 0) return true;
    if (compareIndex(here[0]!, before[before.length - 1]!) > 0) return false;
    return null;
  }
  const order = compareIndex(first, last);
  return order === 0 ? null : order > 0;
}

/**
 * A conversation's messages newer than `known`. Get Conversation List says nothing of a conversation's
 * newest message (no index, time or last message; `unread_count` ignores the seller's own messages and
 * drops to 0 once read in Seller Center), so every conversation's first page is asked for
 * (docs/tiktok-api/affiliate.md, "What the list does not say"). Pages are read on until one reaches back to
 * a stored message while the pages are seen to run toward older ones (`pagesRunToOlder`): then every page
 * left is older still. Pages running oldest first, or an order the pages cannot show, are read to the end.
 */
async function readNewMessages(
  ctx: ShopDataContext,
  conversationId: string,
  known: string,
): Promise<NewMessages> {
  const isNew = (index: string): boolean => compareIndex(index, known) > 0;
  const messages: Message[] = [];
  const rejected: RejectedRecord[] = [];
  let messageToken = '';
  let previous: Message[] = [];
  for (;;) {
    const m = await listMessages(ctx, conversationId, { pageToken: messageToken });
    const fresh = m.items.filter((x) => isNew(x.conversationIndex));
    messages.push(...fresh);
    // An unreadable message already behind the stored ones was reported when it was new.
    rejected.push(
      ...m.rejected.filter((r) => {
        const index = rawIndex(r.raw);
        return index === null || isNew(index);
      }),
    );
    if (!m.nextPageToken) break;
    if (fresh.length < m.items.length && pagesRunToOlder(m.items, previous) === true) break;
    if (m.items.length > 0) previous = m.items;
    messageToken = m.nextPageToken;
  }
  return { messages, rejected };
}

/**
 * Conversations and their new messages (creator replies). Where the pages run newest first (the
 * sandbox's default), each conversation is read only back to the newest message already stored; the conversations of a list page
 * are read `messageReadsAtOnce` at a time and written together, in the list's order, in the page's one
 * transaction. A read that fails fails the page: nothing of it is written, and the next run reads its
 * conversations again from what is stored. Re-running is harmless: messages are immutable and inserted
 * once. Indexes are decimal text above 2^53, compared with compareIndex.
 */
export function conversationsJob(env: ShopJobEnv): Promise<JobResult> {
  return pagedLoop<string, Page<ConversationWithMessages>>(env, '', {
    fetch: (pageToken) =>
      env.withToken(async (token) => {
        const ctx = env.api(token);
        const page = await listConversations(ctx, { pageToken });
        const reads = await boundedMap(
          page.items,
          messageReadsAtOnce,
          (c: Conversation) =>
            readNewMessages(ctx, c.conversationId, env.writers.conversations.lastIndex(c.conversationId)),
          { signal: env.signal },
        );
        const items = page.items.map((conversation, i) => ({ conversation, messages: reads[i]!.messages }));
        const rejected = [...page.rejected, ...reads.flatMap((r) => r.rejected)];
        return { ...page, items, rejected };
      }),
    next: (_, page) => page.nextPageToken || null,
    rows: (page) => page.items.length,
    rejected: (page) => page.rejected,
    write: (page, _, next) => {
      const now = env.now();
      const counts = env.writers.conversations.write(env.accountId, env.scope, page.items, now);
      if (next === null) env.cursors.save(env.accountId, env.scope, env.resource, { lastRunAt: now }, now);
      return counts;
    },
  });
}
