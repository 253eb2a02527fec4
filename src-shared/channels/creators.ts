import { z } from 'zod';
import type { ContractSlice } from '../channel';
import { noInput } from '../channel';
import {
  creatorDetailSchema,
  creatorsGetInputSchema,
  creatorsTimelineInputSchema,
  creatorsTimelineSchema,
} from '../creator-detail';
import {
  creatorsBulkInputSchema,
  creatorsBulkResultSchema,
  creatorsExportInputSchema,
  creatorsExportResultSchema,
} from '../creator-lists';
import {
  scoreProgressSchema,
  scoreRulesSchema,
  scoreRulesUseSchema,
  scoreStatusSchema,
} from '../creator-score';
import {
  creatorFacetsSchema,
  creatorNoteSchema,
  creatorsAddNoteInputSchema,
  creatorsChangedSchema,
  creatorsCountInputSchema,
  creatorsCountSchema,
  creatorsDeleteNoteInputSchema,
  creatorsEditNoteInputSchema,
  creatorsMergeInputSchema,
  creatorsMergeResultSchema,
  creatorsPageSchema,
  creatorsSearchInputSchema,
  creatorsSplitInputSchema,
  creatorsSplitResultSchema,
  creatorsUpdateInputSchema,
} from '../creators';

export const creatorsSlice = {
  title: 'Creators',
  channels: {
    'creators:search': {
      input: creatorsSearchInputSchema,
      output: creatorsPageSchema,
      summary:
        'One page of the creators table: full text (prefix; Chinese, Japanese, Korean and Thai by characters), filters, sort on any column, keyset-paged.',
      writes: false,
    },
    'creators:count': {
      input: creatorsCountInputSchema,
      output: creatorsCountSchema,
      summary: 'How many creators a filter matches.',
      writes: false,
    },
    'creators:facets': {
      input: noInput,
      output: creatorFacetsSchema,
      summary:
        'Values the filters offer: regions, categories, currencies, shops and tags present in the data.',
      writes: false,
    },
    'creators:get': {
      input: creatorsGetInputSchema,
      output: creatorDetailSchema,
      summary:
        'One creator in full: records and ids, handles, merges, stats, score breakdown, notes, tags, lists, shops, performance and profit.',
      writes: false,
    },
    'creators:timeline': {
      input: creatorsTimelineInputSchema,
      output: creatorsTimelineSchema,
      summary:
        'What happened with a creator, newest first: collaborations, messages, replies, orders, stage moves, notes, merges, samples.',
      writes: false,
    },
    'creators:update': {
      input: creatorsUpdateInputSchema,
      output: creatorDetailSchema,
      summary: 'Set a creator’s pipeline stage (recorded as a manual move), score override, or tags.',
      writes: true,
    },
    'creators:addNote': {
      input: creatorsAddNoteInputSchema,
      output: creatorNoteSchema,
      summary: 'Add a note to a creator.',
      writes: true,
    },
    'creators:editNote': {
      input: creatorsEditNoteInputSchema,
      output: creatorNoteSchema,
      summary: 'Change the text of a note.',
      writes: true,
    },
    'creators:deleteNote': {
      input: creatorsDeleteNoteInputSchema,
      output: z.object({ creatorId: z.number().int() }),
      summary: 'Delete a note.',
      writes: true,
    },
    'creators:merge': {
      input: creatorsMergeInputSchema,
      output: creatorsMergeResultSchema,
      summary: 'Merge two creators into the one kept; undo with creators:split (docs/creators.md).',
      writes: true,
    },
    'creators:split': {
      input: creatorsSplitInputSchema,
      output: creatorsSplitResultSchema,
      summary:
        'Split a merged record (and what was merged into it) off its creator again, with its own data.',
      writes: true,
    },
    'creators:bulk': {
      input: creatorsBulkInputSchema,
      output: creatorsBulkResultSchema,
      summary:
        'Tag, untag, add to or remove from a list, set the stage, block or unblock a selection: ids, or everything a filter matches minus exceptions.',
      writes: true,
    },
    'creators:export': {
      input: creatorsExportInputSchema,
      output: creatorsExportResultSchema,
      summary: 'A CSV of a selection; private contacts only when asked for.',
      writes: false,
    },
    'creators:scoreRules': {
      input: noInput,
      output: scoreRulesSchema,
      summary: 'The weighted rules the eligibility score is computed from.',
      writes: false,
    },
    'creators:scoreRulesUse': {
      input: noInput,
      output: scoreRulesUseSchema,
      summary:
        "What the category and region rules compare with when no list is typed: the categories of the merchant's products and the regions of their connected shops.",
      writes: false,
    },
    'creators:setScoreRules': {
      input: scoreRulesSchema,
      output: scoreRulesSchema,
      summary:
        'Replace the score rules; every score is recomputed in the background (creators:scoreProgress).',
      writes: true,
    },
    'creators:scoreStatus': {
      input: noInput,
      output: scoreStatusSchema,
      summary: 'Whether a score recompute is running and how far it got.',
      writes: false,
    },
  },
  events: {
    'creators:changed': {
      payload: creatorsChangedSchema,
      summary: 'Creators changed (an edit, a bulk action, a merge, a sync): open views refetch.',
    },
    'creators:scoreProgress': {
      payload: scoreProgressSchema,
      summary: 'Progress of a background re-index or re-score.',
    },
  },
} as const satisfies ContractSlice;
