import { listConversations, listMessages, type Message } from '../../tiktok/shop/conversations';
import type { Page } from '../../tiktok/shop/data-call';
import { type JobResult, pagedLoop } from '../job';
import type { ConversationWithMessages } from '../store/conversations';
import type { ShopJobEnv } from './env';

/**
 * Conversations and their new messages (creator replies). Messages come newest first, so each
 * conversation is read only back to the newest message already stored. Re-running is harmless: messages
 * are immutable and inserted once.
 */
export function conversationsJob(env: ShopJobEnv): Promise<JobResult> {
  return pagedLoop<string, Page<ConversationWithMessages>>(env, '', {
    fetch: (pageToken) =>
      env.withToken(async (token) => {
        const ctx = env.api(token);
        const page = await listConversations(ctx, { pageToken });
        const items: ConversationWithMessages[] = [];
        for (const conversation of page.items) {
          const known = env.writers.conversations.lastIndex(conversation.conversationId);
          const messages: Message[] = [];
          let messageToken = '';
          for (;;) {
            const m = await listMessages(ctx, conversation.conversationId, { pageToken: messageToken });
            const fresh = m.items.filter((x) => x.conversationIndex > known);
            messages.push(...fresh);
            if (!m.nextPageToken || fresh.length < m.items.length) break;
            messageToken = m.nextPageToken;
          }
          items.push({ conversation, messages });
        }
        return { ...page, items };
      }),
    next: (_, page) => page.nextPageToken || null,
    rows: (page) => page.items.length,
    write: (page, _, next) => {
      const now = env.now();
      const counts = env.writers.conversations.write(env.accountId, env.scope, page.items, now);
      if (next === null) env.cursors.save(env.accountId, env.scope, env.resource, { lastRunAt: now }, now);
      return counts;
    },
  });
}
