import type { z } from 'zod';
import { accountsSlice } from './channels/accounts';
import { activitySlice } from './channels/activity';
import { analyticsSlice } from './channels/analytics';
import { appSlice, transports } from './channels/app';
import { appLockSlice } from './channels/app-lock';
import { collaborationsSlice } from './channels/collaborations';
import { creatorListsSlice } from './channels/creator-lists';
import { creatorsSlice } from './channels/creators';
import { creatorSourcesSlice } from './channels/creator-sources';
import { inboxSlice } from './channels/inbox';
import { outreachResultsSlice } from './channels/outreach-results';
import { marketplaceSlice } from './channels/marketplace';
import { ordersSlice } from './channels/orders';
import { outreachSlice } from './channels/outreach';
import { privacySlice } from './channels/privacy';
import { productsSlice } from './channels/products';
import { promotionLinksSlice } from './channels/promotion-links';
import { profileSlice } from './channels/profile';
import { samplesSlice } from './channels/samples';
import { settingsSlice } from './channels/settings';
import { syncSlice } from './channels/sync';
import type { ResultEnvelope } from './envelope';
import { profileNames } from './profile';

/**
 * The one contract between renderer, preload, router and the automation API. Every channel is `domain:action`
 * with a zod input and output schema; every TypeScript type on either side is inferred from here. Each domain
 * owns its slice (`channels/<domain>.ts`: channels, their schemas and the events it emits); this file only
 * merges them. A new domain adds its slice to `slices` below, nothing else.
 */
export const slices = [
  appSlice,
  settingsSlice,
  activitySlice,
  accountsSlice,
  profileSlice,
  syncSlice,
  ordersSlice,
  productsSlice,
  promotionLinksSlice,
  creatorsSlice,
  creatorListsSlice,
  analyticsSlice,
  collaborationsSlice,
  creatorSourcesSlice,
  marketplaceSlice,
  samplesSlice,
  outreachSlice,
  outreachResultsSlice,
  inboxSlice,
  privacySlice,
  appLockSlice,
] as const;

export { appInfoSchema, type AppInfo } from './channels/app';
export { transports, profileNames };
export type { ChannelDef, EventDef, ContractSlice } from './channel';

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void
  ? I
  : never;
type Slice = (typeof slices)[number];

/** Every channel of every slice (a test checks that no two slices claim the same name). */
export const channels = Object.assign({}, ...slices.map((s) => s.channels)) as UnionToIntersection<
  Slice['channels']
>;

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>;

export const channelNames = Object.keys(channels) as Channel[];
export function isChannel(name: string): name is Channel {
  return Object.hasOwn(channels, name);
}

/** Main → renderer notifications, merged from the slices like the channels. */
export const events = Object.assign({}, ...slices.map((s) => s.events)) as UnionToIntersection<
  Slice['events']
>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['payload']>;
export const eventNames = Object.keys(events) as EventName[];
export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

export { resultEnvelopeSchema, type ResultEnvelope } from './envelope';

/** The object the preload exposes as `window.shopmesh` and the web transport imitates. */
export interface ShopmeshBridge {
  readonly transport: (typeof transports)[number];
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ResultEnvelope<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
