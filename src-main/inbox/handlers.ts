import type { inboxSlice } from '@shared/channels/inbox';
import type { HandlersFor } from '../ipc/router';
import type { InboxService } from './service';

export function inboxHandlers(inbox: InboxService): HandlersFor<typeof inboxSlice> {
  return {
    'inbox:list': (input) => inbox.list(input),
    'inbox:counts': () => inbox.counts(),
    'inbox:messages': (input) => inbox.messages(input),
    'inbox:reply': (input) => inbox.reply(input),
    'inbox:markRead': (input) => inbox.markRead(input.conversationIds),
  };
}
