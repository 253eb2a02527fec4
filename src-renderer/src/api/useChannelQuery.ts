import { useEffect, useRef } from 'react';
import {
  hashKey,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type QueryObserverSuccessResult,
  type UseMutationResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '@shared/contract';
import type { AppError } from '@shared/errors';
import { useApiContext } from './ApiProvider';
import { takeArrived, takeEarly } from './early';
import { isMainUnreachable } from './errors';
import { useFirstPaintDone } from './firstPaint';

/** The cache key of one channel call: the channel first, so `[channel]` matches every input of it. */
export function channelKey<C extends Channel>(channel: C, input?: ChannelInput<C>): QueryKey {
  return input === undefined ? [channel] : [channel, input];
}

/** Folds an event's payload into the cached answer. Must not depend on being called once per event. */
export type EventUpdater<C extends Channel, E extends EventName> = (
  payload: EventPayload<E>,
  current: ChannelOutput<C> | undefined,
) => ChannelOutput<C> | undefined;

export type EventUpdaters<C extends Channel> = { [E in EventName]?: EventUpdater<C, E> };

export interface ChannelQueryOptions<C extends Channel> {
  /** Main events after which the answer is fetched again (any fetch still in flight is dropped). */
  invalidateOn?: readonly EventName[];
  /**
   * Main events whose payload updates the answer in place, without a fetch. An answer fetched while such an
   * event arrived is older than it and is dropped.
   */
  updateOn?: EventUpdaters<C>;
  enabled?: boolean;
  /**
   * True for a read that only decorates the shell: it is asked once the window's first screen has been
   * painted (`firstPaint.ts`), so the opening page's answer goes first. Another reader of the same call that
   * is not deferred still asks at once.
   */
  deferred?: boolean;
  /**
   * False to see a failed fetch even when an earlier answer is cached. By default, when main cannot be
   * reached, the last answer stays on screen (the page's one notice says it may be out of date) instead of
   * turning into an error or an empty page; only the reader of `sync:status`, which notices main is gone,
   * opts out.
   */
  keepWhenUnreachable?: boolean;
}

/** Registers `key` with the window's event hub for as long as the calling component is mounted. */
export function useInvalidateOn(events: readonly EventName[] | undefined, key: QueryKey): void {
  const { hub } = useApiContext();
  const hash = hashKey(key);
  const eventsHash = (events ?? []).join(',');
  useEffect(
    () => (eventsHash ? hub.track(eventsHash.split(',') as EventName[], key) : undefined),
    // `key` is identified by its hash: a new array with the same content is the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hub, hash, eventsHash],
  );
}

function useUpdateOn<C extends Channel>(updaters: EventUpdaters<C> | undefined, key: QueryKey): void {
  const { api, hub } = useApiContext();
  const queryClient = useQueryClient();
  const hash = hashKey(key);
  const eventsHash = Object.keys(updaters ?? {}).join(',');
  // Updaters are usually inline functions: read the latest ones, subscribe once per event list.
  const latest = useRef(updaters);
  useEffect(() => {
    latest.current = updaters;
  });
  useEffect(() => {
    if (!eventsHash) return undefined;
    const stops = (eventsHash.split(',') as EventName[]).map((event) =>
      api.on(event, (payload) => {
        const update = latest.current?.[event] as
          ((p: typeof payload, c: ChannelOutput<C> | undefined) => ChannelOutput<C> | undefined) | undefined;
        if (!update) return;
        const current = queryClient.getQueryData<ChannelOutput<C>>(key);
        hub.bumpVersion(hash);
        const next = update(payload, current);
        // Nothing cached and the event alone does not make an answer: the first answer is still on its way
        // and may be older than this event (they travel on different connections); the query function sees
        // the version move and asks again.
        if (next === undefined) return;
        queryClient.setQueryData<ChannelOutput<C>>(key, next);
      }),
    );
    return () => {
      for (const stop of stops) stop();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, hub, queryClient, hash, eventsHash]);
}

/**
 * Reads one channel through TanStack Query: cached per input, fetched again after `invalidateOn` events,
 * answers for an input the reader has left never shown. Failures are not toasted: show them with
 * `<LoadFailed>` where the data would be.
 *
 * ```ts
 * const shops = useChannelQuery('accounts:list', undefined, { invalidateOn: ['accounts:changed'] });
 * ```
 */
export function useChannelQuery<C extends Channel>(
  channel: C,
  input?: ChannelInput<C>,
  options: ChannelQueryOptions<C> = {},
): UseQueryResult<ChannelOutput<C>, AppError> {
  const { api, hub } = useApiContext();
  const queryClient = useQueryClient();
  const key = channelKey(channel, input);
  useInvalidateOn(options.invalidateOn, key);
  useUpdateOn(options.updateOn, key);
  const painted = useFirstPaintDone(options.deferred ?? false);
  const result = useQuery<ChannelOutput<C>, AppError>({
    queryKey: key,
    // Asked for as the bundle started and already in (early.ts): the first render has it.
    initialData: () => takeArrived(channel, input)?.value,
    queryFn: async () => {
      const hash = hashKey(key);
      const invoke = api.invoke as (c: C, i?: ChannelInput<C>) => Promise<ChannelOutput<C>>;
      // An `updateOn` event that arrived while this call was in flight is newer than its answer: keep the
      // cached answer it updated, or, with none cached yet, ask again (a few times at most, so a stream of
      // events cannot keep the query from ever answering).
      for (let attempt = 1; ; attempt++) {
        const seen = hub.version(hash);
        const answer = await ((attempt === 1 ? takeEarly(api, channel, input) : null) ??
          invoke(channel, input));
        const overtaken = hub.version(hash) !== seen;
        const current = overtaken ? queryClient.getQueryData<ChannelOutput<C>>(key) : undefined;
        if (current !== undefined) return current;
        if (!overtaken) return answer;
        if (attempt === 3) {
          // Still overtaken: show this answer now and ask once more right after, so the events that
          // arrived meanwhile are never lost for good (a change dialog stayed at "Sending" otherwise).
          setTimeout(() => void queryClient.invalidateQueries({ queryKey: key, exact: true }), 0);
          return answer;
        }
      }
    },
    enabled: (options.enabled ?? true) && painted,
  });
  // Read from the cache, not from `result`: touching the result's fields here would make every reader
  // re-render only when those fields change (TanStack tracks which fields a component reads).
  const state = queryClient.getQueryState<ChannelOutput<C>, AppError>(key);
  if (
    (options.keepWhenUnreachable ?? true) &&
    state?.status === 'error' &&
    state.data !== undefined &&
    isMainUnreachable(state.error)
  ) {
    // The cached answer, as if the failed refetch had not happened.
    const kept: QueryObserverSuccessResult<ChannelOutput<C>, AppError> = {
      ...result,
      data: state.data,
      error: null,
      isError: false,
      isSuccess: true,
      isLoadingError: false,
      isRefetchError: false,
      isPending: false,
      isLoading: false,
      isPlaceholderData: false,
      status: 'success',
    };
    return kept;
  }
  return result;
}

export interface ChannelMutationOptions<C extends Channel> {
  /** Channels whose cached answers this write makes stale (every input of each). */
  invalidates?: readonly Channel[];
  onSuccess?: (output: ChannelOutput<C>, input: ChannelInput<C>) => void;
  /** The caller shows the failure itself; otherwise it is toasted. */
  silent?: boolean;
}

/**
 * Writes through one channel. A failure is toasted (unless `silent`); success invalidates `invalidates`.
 *
 * ```ts
 * const sync = useChannelMutation('sync:run');
 * sync.mutate({ trigger: 'manual' });
 * ```
 */
export function useChannelMutation<C extends Channel>(
  channel: C,
  options: ChannelMutationOptions<C> = {},
): UseMutationResult<ChannelOutput<C>, AppError, ChannelInput<C>> {
  const { api } = useApiContext();
  const queryClient = useQueryClient();
  return useMutation<ChannelOutput<C>, AppError, ChannelInput<C>>({
    mutationKey: [channel],
    mutationFn: (input) =>
      (api.invoke as (c: C, i?: ChannelInput<C>) => Promise<ChannelOutput<C>>)(channel, input),
    meta: { silent: options.silent ?? false },
    onSuccess: async (output, input) => {
      options.onSuccess?.(output, input);
      await Promise.all(
        (options.invalidates ?? []).map((c) => queryClient.invalidateQueries({ queryKey: [c] })),
      );
    },
  });
}
