import { z } from 'zod';
import {
  accountsListSchema,
  cancelConnectInputSchema,
  connectInputSchema,
  connectResultSchema,
  connectStartedSchema,
  disconnectInputSchema,
  identityGetSchema,
  vaultStatusSchema,
  vaultUnlockInputSchema,
} from './accounts';
import { activityEntrySchema, activityListInputSchema, activityPageSchema } from './activity';
import { appErrorShapeSchema } from './errors';
import {
  ordersListInputSchema,
  ordersPageSchema,
  productsListInputSchema,
  productsPageSchema,
  syncCancelInputSchema,
  syncCancelResultSchema,
  syncHistoryInputSchema,
  syncHistorySchema,
  syncProgressSchema,
  syncRunInputSchema,
  syncRunResultSchema,
  syncStatusSchema,
} from './sync';
import { profileNames, profileStateSchema, profileUpdateInputSchema } from './profile';
import { settingsPatchSchema, settingsSchema } from './settings';

/**
 * The one contract between renderer, preload, router and the automation API. Every channel is `domain:action`
 * with a zod input and output schema; every TypeScript type on either side is inferred from here.
 */
const noInput = z.object({}).strict();

export const transports = ['electron', 'web'] as const;
export { profileNames };

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  profile: z.enum(profileNames),
  transport: z.enum(transports),
  dataDir: z.string(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

interface ChannelDef {
  input: z.ZodType;
  output: z.ZodType;
  summary: string;
}

export const channels = {
  'app:info': {
    input: noInput,
    output: appInfoSchema,
    summary: 'Version, active endpoint profile, transport and data folder of the running app.',
  },
  'settings:get': {
    input: noInput,
    output: settingsSchema,
    summary: 'The current settings.',
  },
  'settings:update': {
    input: settingsPatchSchema,
    output: settingsSchema,
    summary:
      'Change one or more settings; returns the full settings after the change. Unknown keys are rejected.',
  },
  'activity:list': {
    input: activityListInputSchema,
    output: activityPageSchema,
    summary: 'The activity log, newest first, paginated with `before` (the id of the last entry seen).',
  },
  'accounts:list': {
    input: noInput,
    output: accountsListSchema,
    summary:
      'Connected Accounts (shops, ad accounts, TikTok identity) with their status, and whether the vault is locked.',
  },
  'accounts:connect': {
    input: connectInputSchema,
    output: connectStartedSchema,
    summary:
      'Start connecting an Account: opens the provider consent page in the browser and waits for its redirect. The result arrives as the `accounts:connectResult` event.',
  },
  'accounts:cancelConnect': {
    input: cancelConnectInputSchema,
    output: z.object({ cancelled: z.boolean() }),
    summary: 'Stop waiting for a connection attempt (closes its loopback listener).',
  },
  'accounts:disconnect': {
    input: disconnectInputSchema,
    output: z.object({ accountId: z.string(), dataDeletionAt: z.number().int().nullable() }),
    summary:
      'Revoke an Account at the provider where possible, delete its tokens at once, stop its jobs, and delete its synced data now or after 90 days.',
  },
  'vault:unlock': {
    input: vaultUnlockInputSchema,
    output: vaultStatusSchema,
    summary:
      'Unlock the vault with a passphrase when no system keychain is usable (`canUnlockWithPassphrase` in `accounts:list`). On first run (`firstRun`) the passphrase is chosen and protects a new key; later it must match, else the vault stays locked (`wrong_key`, after a 1 s pause). CONFLICT when already unlocked; VALIDATION when the key lives in the system keychain. The passphrase is never stored, logged or returned.',
  },
  'identity:get': {
    input: noInput,
    output: identityGetSchema,
    summary: 'The signed-in TikTok identity (Login Kit): display name, avatar and counts.',
  },
  'sync:run': {
    input: syncRunInputSchema,
    output: syncRunResultSchema,
    summary:
      'Sync now: one Account, or every active shop and ads Account. Joins a run already under way instead of starting a second one.',
  },
  'sync:cancel': {
    input: syncCancelInputSchema,
    output: syncCancelResultSchema,
    summary:
      'Cancel running syncs (one Account or all); each stops between pages and resumes from its cursor next time.',
  },
  'sync:status': {
    input: noInput,
    output: syncStatusSchema,
    summary:
      'Per Account: idle, running (with progress per resource), offline or error; when data was last synced.',
  },
  'sync:history': {
    input: syncHistoryInputSchema,
    output: syncHistorySchema,
    summary:
      'Past SyncRuns, newest first, with pages, rows inserted and updated, duration and outcome per resource.',
  },
  'orders:list': {
    input: ordersListInputSchema,
    output: ordersPageSchema,
    summary: 'Synced orders from the local database, newest first; works offline.',
  },
  'products:list': {
    input: productsListInputSchema,
    output: productsPageSchema,
    summary: 'Synced products from the local database; works offline.',
  },
  'profile:get': {
    input: noInput,
    output: profileStateSchema,
    summary:
      'The TikTok connection: the running and the chosen endpoint Profile, the production credentials (secrets only as `has…` flags, never their values), what production still lacks, and whether a restart is needed.',
  },
  'profile:update': {
    input: profileUpdateInputSchema,
    output: profileStateSchema,
    summary:
      'Choose sandbox or production for the next start and set production credentials. Secrets are write-only (stored in the vault; `""` clears a field); ports 1024–65535; unknown keys are rejected. Returns the same as `profile:get`.',
  },
} as const satisfies Record<string, ChannelDef>;

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>;

export const channelNames = Object.keys(channels) as Channel[];
export function isChannel(name: string): name is Channel {
  return Object.hasOwn(channels, name);
}

/** Main → renderer notifications. */
export const events = {
  'settings:changed': { payload: settingsSchema, summary: 'Settings changed (from any window or the API).' },
  'activity:added': { payload: activityEntrySchema, summary: 'A new activity-log entry was written.' },
  'accounts:changed': {
    payload: z.object({}),
    summary: 'Accounts were added, changed or removed: list them again.',
  },
  'accounts:connectResult': { payload: connectResultSchema, summary: 'A connection attempt ended.' },
  'sync:progress': { payload: syncProgressSchema, summary: 'Progress of one resource of a running sync.' },
  'sync:statusChanged': {
    payload: syncStatusSchema,
    summary: 'Sync status changed (a run started, ended or went offline).',
  },
  'app:openExternal': {
    payload: z.object({ url: z.string() }),
    summary:
      'Web bridge only: main asks the page to open this URL in a new tab (the desktop app opens the system browser itself).',
  },
} as const satisfies Record<string, { payload: z.ZodType; summary: string }>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['payload']>;
export const eventNames = Object.keys(events) as EventName[];
export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

/** What every transport returns for an invocation. */
export const resultEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorShapeSchema }),
]);
export type ResultEnvelope<T = unknown> =
  { ok: true; result: T } | { ok: false; error: z.infer<typeof appErrorShapeSchema> };

/** The object the preload exposes as `window.shopmesh` and the web transport imitates. */
export interface ShopmeshBridge {
  readonly transport: (typeof transports)[number];
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ResultEnvelope<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
