import { z } from 'zod';
import { activityEntrySchema, activityListInputSchema, activityPageSchema } from './activity';
import { appErrorShapeSchema } from './errors';
import { settingsPatchSchema, settingsSchema } from './settings';

/**
 * The one contract between renderer, preload, router and the automation API. Every channel is `domain:action`
 * with a zod input and output schema; every TypeScript type on either side is inferred from here.
 */
const noInput = z.object({}).strict();

export const transports = ['electron', 'web'] as const;
export const profileNames = ['sandbox', 'production', 'custom'] as const;

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
