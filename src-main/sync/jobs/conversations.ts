import type { RejectedRecord } from '../../tiktok/records';
import {
  canonicalIndex,
  compareIndex,
  listConversations,
  listMessages,
  type Message,
} from '../../tiktok/shop/conversations';
import type { Page } from '../../tiktok/shop/data-call';
import { type JobResult, pagedLoop } from '../job';
import type { ConversationWithMessages } from '../store/conversations';
import type { ShopJobEnv } from './env';

/** A rejected message's index when its raw JSON has a readable one. */
function rawIndex(raw: unknown): string | null {
  const v =
    raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).conversation_index : null;
  if (typeof v === 'string' && /^\d+$/.test(v)) return canonicalIndex(v);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v);
  return null;
}

/**
 * Conversations and their new messages (creator replies). Messages come newest first, so each
 * conversation is read only back to the newest message already stored. Re-running is harmless: messages
 * are immutable and inserted once. Indexes are decimal text above 2^53, compared with compareIndex.
 */
export function conversationsJob(env: ShopJobEnv): Promise<JobResult> {
  return pagedLoop<string, Page<ConversationWithMessages>>(env, '', {
    fetch: (pageToken) =>
      env.withToken(async (token) => {
        const ctx = env.api(token);
        const page = await listConversations(ctx, { pageToken });
        const items: ConversationWithMessages[] = [];
        const rejected: RejectedRecord[] = [...page.rejected];
        for (const conversation of page.items) {
          const known = env.writers.conversations.lastIndex(conversation.conversationId);
          const isNew = (index: string): boolean => compareIndex(index, known) > 0;
          const messages: Message[] = [];
          let messageToken = '';
          for (;;) {
            const m = await listMessages(ctx, conversation.conversationId, { pageToken: messageToken });
            const fresh = m.items.filter((x) => isNew(x.conversationIndex));
            messages.push(...fresh);
            // An unreadable message already behind the stored ones was reported when it was new.
            rejected.push(
              ...m.rejected.filter((r) => {
                const index = rawIndex(r.raw);
                return index === null || isNew(index);
              }),
            );
            if (!m.nextPageToken || fresh.length < m.items.length) break;
            messageToken = m.nextPageToken;
          }
          items.push({ conversation, messages });
        }
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
