import { hashKey } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '@shared/contract';
import type { ApiClient } from './client';

/**
 * Answers asked for as the bundle starts, before React renders: the app lock's status, the settings and the
 * opening page's first rows travel while the rest of the bundle is still evaluated, instead of one after
 * another as each gate renders and asks (`creators.table.firstRows.ms`, docs/creators.md). The first query
 * for the same call takes its answer, once: an answer already in is that query's initial data, so the first
 * render has it; one still on its way is awaited by the query instead of asking again. A failed early answer
 * is never used: the query asks main itself.
 */

interface Early {
  answer: Promise<unknown>;
  arrived: { value: unknown } | null;
}

const asked = new Map<string, Early>();
const keyOf = (channel: Channel, input: unknown): string => hashKey([channel, input ?? {}]);

type Invoke<C extends Channel> = (channel: C, input?: ChannelInput<C>) => Promise<ChannelOutput<C>>;

/**
 * Asks now; the returned answer (undefined when it failed: the query's to retry, never unhandled) is for the
 * opening's gates and for tests.
 */
export function askEarly<C extends Channel>(
  api: ApiClient,
  channel: C,
  input?: ChannelInput<C>,
): Promise<ChannelOutput<C> | undefined> {
  const key = keyOf(channel, input);
  const early: Early = { answer: (api.invoke as Invoke<C>)(channel, input), arrived: null };
  early.answer.then(
    (value) => {
      early.arrived = { value };
    },
    () => {
      if (asked.get(key) === early) asked.delete(key);
    },
  );
  asked.set(key, early);
  return (early.answer as Promise<ChannelOutput<C>>).catch(() => undefined);
}

/** The early answer to this call if it is already in; taken, so any later query asks main. */
export function takeArrived<C extends Channel>(
  channel: C,
  input: ChannelInput<C> | undefined,
): { value: ChannelOutput<C> } | null {
  const key = keyOf(channel, input);
  const early = asked.get(key);
  if (!early?.arrived) return null;
  asked.delete(key);
  return early.arrived as { value: ChannelOutput<C> };
}

/** The early answer to this call, in or on its way (taken), or null when none was asked for. */
export function takeEarly<C extends Channel>(
  api: ApiClient,
  channel: C,
  input: ChannelInput<C> | undefined,
): Promise<ChannelOutput<C>> | null {
  const key = keyOf(channel, input);
  const early = asked.get(key);
  if (!early) return null;
  asked.delete(key);
  return (early.answer as Promise<ChannelOutput<C>>).catch(() => (api.invoke as Invoke<C>)(channel, input));
}
