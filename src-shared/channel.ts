import { z } from 'zod';

/**
 * One channel of the contract. `writes` marks channels that change state (settings, the database, the vault,
 * TikTok): the activity log, request logging and a future read-only automation token rely on it.
 */
export interface ChannelDef {
  input: z.ZodType;
  output: z.ZodType;
  summary: string;
  writes: boolean;
}

export interface EventDef {
  payload: z.ZodType;
  summary: string;
}

/** Each domain's slice of the contract: its channels and the events it emits. */
export interface ContractSlice {
  /** Heading in docs/API.md. */
  title: string;
  channels: Record<string, ChannelDef>;
  events: Record<string, EventDef>;
}

export const noInput = z.object({}).strict();
