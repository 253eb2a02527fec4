import { type ContractSlice, noInput } from '../channel';
import {
  syncCancelInputSchema,
  syncCancelResultSchema,
  syncHistoryInputSchema,
  syncHistorySchema,
  syncProgressSchema,
  syncQuarantineInputSchema,
  syncQuarantineSchema,
  syncRunInputSchema,
  syncRunResultSchema,
  syncStatusSchema,
  syncSummarySchema,
} from '../sync';

export const syncSlice = {
  title: 'Sync',
  channels: {
    'sync:run': {
      input: syncRunInputSchema,
      output: syncRunResultSchema,
      summary:
        'Sync now: one Account, or every active shop and ads Account. Joins a run already under way instead of starting a second one.',
      writes: true,
    },
    'sync:cancel': {
      input: syncCancelInputSchema,
      output: syncCancelResultSchema,
      summary:
        'Cancel running syncs (one Account or all); each stops between pages and resumes from its cursor next time.',
      writes: true,
    },
    'sync:status': {
      input: noInput,
      output: syncStatusSchema,
      summary:
        'Per Account: idle, running (with progress per resource), offline or error; when data was last synced.',
      writes: false,
    },
    'sync:summary': {
      input: noInput,
      output: syncSummarySchema,
      summary:
        'How many orders, products, creators, collaborations, conversations and ad campaigns are synced locally.',
      writes: false,
    },
    'sync:history': {
      input: syncHistoryInputSchema,
      output: syncHistorySchema,
      summary:
        'Past SyncRuns, newest first, with pages, rows inserted and updated, duration and outcome per resource.',
      writes: false,
    },
    'sync:quarantine': {
      input: syncQuarantineInputSchema,
      output: syncQuarantineSchema,
      summary:
        'The records one run kept aside or stored in part, with their TikTok JSON (personal values masked), for a bug report.',
      writes: false,
    },
  },
  events: {
    'sync:progress': { payload: syncProgressSchema, summary: 'Progress of one resource of a running sync.' },
    'sync:statusChanged': {
      payload: syncStatusSchema,
      summary: 'Sync status changed (a run started, ended or went offline).',
    },
  },
} as const satisfies ContractSlice;
