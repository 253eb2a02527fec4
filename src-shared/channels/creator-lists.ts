import { z } from 'zod';
import type { ContractSlice } from '../channel';
import { noInput } from '../channel';
import {
  blocklistAddInputSchema,
  blocklistChangeSchema,
  blocklistListInputSchema,
  blocklistPageSchema,
  blocklistRemoveInputSchema,
  creatorListSchema,
  listsCreateInputSchema,
  listsDeleteInputSchema,
  listsListSchema,
  listsMembersInputSchema,
  listsUpdateInputSchema,
} from '../creator-lists';

export const creatorListsSlice = {
  title: 'Creator lists and blocklist',
  channels: {
    'lists:list': {
      input: noInput,
      output: listsListSchema,
      summary: 'Static lists and saved filters (dynamic lists), with how many creators each holds now.',
      writes: false,
    },
    'lists:create': {
      input: listsCreateInputSchema,
      output: creatorListSchema,
      summary: 'A new static list, or a dynamic one from a saved filter.',
      writes: true,
    },
    'lists:update': {
      input: listsUpdateInputSchema,
      output: creatorListSchema,
      summary: 'Rename a list, or change a dynamic list’s filter.',
      writes: true,
    },
    'lists:delete': {
      input: listsDeleteInputSchema,
      output: z.object({ deleted: z.literal(true) }),
      summary: 'Delete a list (its creators stay).',
      writes: true,
    },
    'lists:addMembers': {
      input: listsMembersInputSchema,
      output: blocklistChangeSchema,
      summary: 'Add a selection of creators to a static list.',
      writes: true,
    },
    'lists:removeMembers': {
      input: listsMembersInputSchema,
      output: blocklistChangeSchema,
      summary: 'Remove a selection of creators from a static list.',
      writes: true,
    },
    'blocklist:list': {
      input: blocklistListInputSchema,
      output: blocklistPageSchema,
      summary: 'Blocked creators, newest first, with reason and date; one blocklist for every shop.',
      writes: false,
    },
    'blocklist:add': {
      input: blocklistAddInputSchema,
      output: blocklistChangeSchema,
      summary: 'Block creators with a reason: outreach never contacts them, in any shop.',
      writes: true,
    },
    'blocklist:remove': {
      input: blocklistRemoveInputSchema,
      output: blocklistChangeSchema,
      summary: 'Unblock creators; each goes back to the stage it had.',
      writes: true,
    },
  },
  events: {},
} as const satisfies ContractSlice;
