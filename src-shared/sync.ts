import { idInputSchema } from './ids';
import { z } from 'zod';
import { translatableSchema } from './texts';
import { errorIssueSchema } from './errors';

/**
 * Sync schemas (issue 5); their channels are in `channels/sync.ts`:
 *   channels: 'sync:run', 'sync:cancel', 'sync:status', 'sync:history'
 *   events:   'sync:progress' (syncProgressSchema), 'sync:statusChanged' (syncStatusSchema)
 */

/**
 * `shops` and `advertisers` belong to the Account (what its grant reaches) and run first; the others run
 * once per shop or advertiser.
 */
export const accountResources = ['shops', 'advertisers'] as const;
export const shopResources = [
  'shops',
  'products',
  'orders',
  'finance_statements',
  'affiliate_orders',
  'collaborations',
  'conversations',
  'sample_applications',
] as const;
export const adsResources = ['advertisers', 'ad_campaigns', 'ad_groups', 'ads', 'ad_report_days'] as const;
/** In the order a run executes them: catalogue before sales, entities before their metrics. */
export const syncResources = [...shopResources, ...adsResources] as const;
export const syncResourceSchema = z.enum(syncResources);
export type SyncResource = z.infer<typeof syncResourceSchema>;
export type AccountResource = (typeof accountResources)[number];
export const isAccountResource = (r: SyncResource): r is AccountResource =>
  (accountResources as readonly string[]).includes(r);

export const syncOutcomes = ['ok', 'partial', 'failed', 'cancelled'] as const;
export const syncOutcomeSchema = z.enum(syncOutcomes);
export type SyncOutcome = z.infer<typeof syncOutcomeSchema>;

/** Why a run started: `connect` is the first sync of a newly connected Account, `unlock` follows unlocking. */
export const syncTriggers = [
  'manual',
  'schedule',
  'resume',
  'online',
  'tray',
  'api',
  'connect',
  'unlock',
] as const;
export const syncTriggerSchema = z.enum(syncTriggers);
export type SyncTrigger = z.infer<typeof syncTriggerSchema>;

// ---- sync:run -------------------------------------------------------------------------------------------
export const syncRunInputSchema = z
  .object({
    /** Omit to sync every active shop and ads Account. */
    accountId: idInputSchema.optional(),
    /** Omit for every resource of the Account's provider. */
    resources: z.array(syncResourceSchema).min(1).optional(),
    trigger: syncTriggerSchema.default('manual'),
  })
  .strict();
export type SyncRunInput = z.input<typeof syncRunInputSchema>;

export const syncRunResultSchema = z.object({
  /** Ids of the runs now under way for the requested Accounts (new ones and ones already running). */
  started: z.array(z.string()),
  /** True when at least one requested Account was already syncing and the request joined that run. */
  coalesced: z.boolean(),
  /** True when nothing started because the network is down; status() shows `offline`. */
  offline: z.boolean(),
});
export type SyncRunResult = z.infer<typeof syncRunResultSchema>;

// ---- sync:cancel ----------------------------------------------------------------------------------------
export const syncCancelInputSchema = z.object({ accountId: idInputSchema.optional() }).strict();
export const syncCancelResultSchema = z.object({ cancelled: z.array(z.string()) });

// ---- sync:progress (event) ------------------------------------------------------------------------------
export const resourceStates = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const resourceStateSchema = z.enum(resourceStates);

export const syncProgressSchema = z.object({
  accountId: z.string(),
  runId: z.string(),
  resource: syncResourceSchema,
  /** Summed over the Account's shops or advertisers. */
  pagesDone: z.number().int().nonnegative(),
  rowsDone: z.number().int().nonnegative(),
  /** Rows expected in this run when the API reported a total, else null. */
  total: z.number().int().nonnegative().nullable(),
  etaMs: z.number().int().nonnegative().nullable(),
  state: resourceStateSchema,
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

// ---- sync:status ----------------------------------------------------------------------------------------
export const accountSyncStates = ['idle', 'running', 'offline', 'error'] as const;

export const accountSyncStatusSchema = z.object({
  accountId: z.string(),
  provider: z.enum(['shop', 'ads']),
  displayName: z.string(),
  /** `error` also covers an Account that needs reconnecting (accountStatus tells which). */
  state: z.enum(accountSyncStates),
  accountStatus: z.enum(['active', 'expired', 'revoked']),
  runId: z.string().nullable(),
  progress: z.array(syncProgressSchema),
  /** UTC epoch ms of the end of the last run with outcome ok (or partial), null if never. */
  lastSuccessAt: z.number().int().nullable(),
  lastOutcome: syncOutcomeSchema.nullable(),
  /** A text the UI translates. */
  lastError: translatableSchema.nullable(),
});
export type AccountSyncStatus = z.infer<typeof accountSyncStatusSchema>;

export const syncStatusSchema = z.object({
  online: z.boolean(),
  accounts: z.array(accountSyncStatusSchema),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

// ---- sync:summary ---------------------------------------------------------------------------------------
/** How much synced data the local database holds, for pages whose own views are not built yet. */
export const syncSummarySchema = z.object({
  counts: z.object({
    orders: z.number().int().nonnegative(),
    products: z.number().int().nonnegative(),
    creators: z.number().int().nonnegative(),
    collaborations: z.number().int().nonnegative(),
    conversations: z.number().int().nonnegative(),
    adCampaigns: z.number().int().nonnegative(),
  }),
});
export type SyncSummary = z.infer<typeof syncSummarySchema>;

// ---- sync:history ---------------------------------------------------------------------------------------
export const syncHistoryInputSchema = z
  .object({
    accountId: idInputSchema.optional(),
    limit: z.number().int().min(1).max(200).default(20),
    /** `startedAt` of the last run of the previous page (runs are newest first). */
    before: z.number().int().optional(),
  })
  .strict();
export type SyncHistoryInput = z.input<typeof syncHistoryInputSchema>;

/** The JSON kinds a record issue names (`recordIssueSchema.expected` / `received`). */
export const jsonKinds = [
  'string',
  'number',
  'boolean',
  'object',
  'array',
  'null',
  'missing',
  'other',
] as const;
export const jsonKindSchema = z.enum(jsonKinds);
export type JsonKind = z.infer<typeof jsonKindSchema>;

/**
 * What was wrong with one field of a record: `message` is the validator's English (for the bug report and
 * the log); a wrong or missing value also carries the kinds expected and received, which the UI translates.
 */
export const recordIssueSchema = errorIssueSchema.extend({
  expected: jsonKindSchema.optional(),
  received: jsonKindSchema.optional(),
});
export type RecordIssue = z.infer<typeof recordIssueSchema>;

/**
 * A record a sync could not read in full (docs/sync.md, "Records kept aside"). `stored: false`: kept aside,
 * not stored, and the resource ended `partial`; `true`: stored without the non-essential fields in `issues`.
 */
export const quarantinedRecordSchema = z.object({
  id: z.number().int(),
  /** The record's id as TikTok sent it, when it could be found. */
  recordKey: z.string().nullable(),
  issues: z.array(recordIssueSchema),
  stored: z.boolean(),
});
export type QuarantinedRecord = z.infer<typeof quarantinedRecordSchema>;

export const syncRunResourceSchema = z.object({
  /** Shop id, advertiser id, or the Account id for `shops` / `advertisers`. */
  scope: z.string(),
  /** The shop's, advertiser's or Account's name as stored now; null once it is gone. */
  scopeName: z.string().nullable(),
  resource: syncResourceSchema,
  pages: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  durationMs: z.number().int(),
  /** `partial`: finished, with records kept aside (`quarantined`). */
  outcome: z.enum(['running', 'ok', 'partial', 'failed', 'cancelled', 'skipped']),
  /** A text the UI translates. */
  error: translatableSchema.nullable(),
  quarantined: z.array(quarantinedRecordSchema),
});

export const syncRunSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  trigger: z.string(),
  startedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
  outcome: z.enum(['running', ...syncOutcomes]),
  /** A text the UI translates. */
  error: translatableSchema.nullable(),
  resources: z.array(syncRunResourceSchema),
});
export type SyncRun = z.infer<typeof syncRunSchema>;

export const syncHistorySchema = z.object({
  runs: z.array(syncRunSchema),
  /** Pass as `before` for the next (older) page; null when there is none. */
  nextBefore: z.number().int().nullable(),
});
export type SyncHistory = z.infer<typeof syncHistorySchema>;

// ---- sync:quarantine -----------------------------------------------------------------------------------
export const syncQuarantineInputSchema = z.object({ runId: idInputSchema }).strict();
export type SyncQuarantineInput = z.input<typeof syncQuarantineInputSchema>;

export const syncQuarantineSchema = z.object({
  runId: z.string(),
  records: z.array(
    quarantinedRecordSchema.extend({
      scope: z.string(),
      resource: syncResourceSchema,
      /** UTC epoch ms when the sync met the record. */
      createdAt: z.number().int(),
      /** TikTok's JSON for the record, personal values masked, as text. */
      raw: z.string(),
    }),
  ),
});
export type SyncQuarantine = z.infer<typeof syncQuarantineSchema>;

// ---- money ------------------------------------------------------------------------------------------------
export const moneySchema = z.object({ amountMinor: z.number().int(), currency: z.string() });
export type Money = z.infer<typeof moneySchema>;

// The Orders and Products channels' schemas live in `orders.ts` and `catalogue.ts`.
