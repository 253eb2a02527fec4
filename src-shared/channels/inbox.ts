import { type ContractSlice, noInput } from '../channel';
import {
  inboxChangedSchema,
  inboxCountsSchema,
  inboxListInputSchema,
  inboxListSchema,
  inboxMarkReadInputSchema,
  inboxMarkReadSchema,
  inboxMessagesInputSchema,
  inboxMessagesSchema,
  inboxReplyInputSchema,
  inboxReplySchema,
} from '../inbox';

export const inboxSlice = {
  title: 'Inbox',
  channels: {
    'inbox:list': {
      input: inboxListInputSchema,
      output: inboxListSchema,
      summary:
        'Creator conversations of every connected shop, latest message first, as synced: unread counts, the last message, optionally only unread ones, one shop or a creator search. Works offline.',
      writes: false,
    },
    'inbox:counts': {
      input: noInput,
      output: inboxCountsSchema,
      summary: 'Unread creator messages across shops, and per shop.',
      writes: false,
    },
    'inbox:messages': {
      input: inboxMessagesInputSchema,
      output: inboxMessagesSchema,
      summary:
        "One conversation's messages, oldest first within a page, with the quick replies sent from ShopMesh and where each stands.",
      writes: false,
    },
    'inbox:reply': {
      input: inboxReplyInputSchema,
      output: inboxReplySchema,
      summary:
        'Send a text reply to a creator. Once per key: a lost answer is reconciled by reading the conversation back, never sent again blind (state maybe_sent until known, not_sent when it did not go out).',
      writes: true,
    },
    'inbox:markRead': {
      input: inboxMarkReadInputSchema,
      output: inboxMarkReadSchema,
      summary:
        'Mark conversations read at TikTok (20 per request) and here; the ones TikTok could not mark stay unread.',
      writes: true,
    },
  },
  events: {
    'inbox:changed': {
      payload: inboxChangedSchema,
      summary:
        'Conversations changed from ShopMesh (a reply sent, marked read); synced changes come with sync events.',
    },
  },
} as const satisfies ContractSlice;
