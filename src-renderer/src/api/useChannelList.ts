import { useCallback, useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput, EventName } from '@shared/contract';
import type { AppError } from '@shared/errors';
import { useApiContext } from './ApiProvider';
import { takeArrived, takeEarly } from './early';
import { isMainUnreachable } from './errors';
import { channelKey, useInvalidateOn } from './useChannelQuery';

type Cursor = string | number;

/** How a keyset-paged channel pages: the input field that takes the cursor, and where its answer has it. */
export interface Paging<C extends Channel, T> {
  cursorParam: 'cursor' | 'before';
  items(page: ChannelOutput<C>): readonly T[];
  /** Where the next page starts; null on the last page. */
  next(page: ChannelOutput<C>): Cursor | null;
  /** Rows matching the query, when the channel says. */
  total?(page: ChannelOutput<C>): number | null;
}

/** `{ items, nextCursor, total }` answers taking `cursor` (orders, products, and lists built like them). */
export const cursorPaging = {
  cursorParam: 'cursor' as const,
  next: (page: { nextCursor: string | null }) => page.nextCursor,
  total: (page: { total: number | null }) => page.total,
};

/** `{ nextBefore }` answers taking `before` (activity log, sync history). */
export const beforePaging = {
  cursorParam: 'before' as const,
  next: (page: { nextBefore: number | null }) => page.nextBefore,
};

/** What a list page needs from a keyset-paged query. */
export interface KeysetList<T> {
  /** Every loaded row, in order, each id once even when pages overlap. */
  items: T[];
  total: number | null;
  /** The first page is on its way and nothing is shown yet. */
  loading: boolean;
  /** Something is being fetched: the first page, a new query's answer, a refresh, or more rows. */
  busy: boolean;
  /** The first page failed, so the list is unknown rather than empty. */
  error: AppError | null;
  hasMore: boolean;
  /** Why the last "more" page failed (`loadMore` tries it again), null when it did not. */
  moreError: AppError | null;
  /** When the first page of what is shown was fetched (epoch ms), null before. */
  loadedAt: number | null;
  /** Fetches the next page unless one is on its way or there is none (safe to call on every scroll). */
  loadMore(): void;
  /** Starts again from the first page, keeping the rows shown until it arrives. */
  reload(): void;
}

interface FetchedPage<C extends Channel> {
  page: ChannelOutput<C>;
  fetchedAt: number;
}

/**
 * A keyset-paged channel as an infinite query: a new `input` (filters, search, sort) starts from the first
 * page while the previous rows stay on screen; `loadMore` appends the next page.
 *
 * ```ts
 * const list = useChannelList('orders:list', { limit: 100, shopId }, {
 *   ...cursorPaging,
 *   items: (page) => page.items,
 *   getId: (order) => order.orderId,
 * });
 * ```
 */
export function useChannelList<C extends Channel, T>(
  channel: C,
  input: Omit<ChannelInput<C>, 'cursor' | 'before'>,
  options: Paging<C, T> & {
    getId: (item: T) => string;
    invalidateOn?: readonly EventName[];
    enabled?: boolean;
  },
): KeysetList<T> {
  const { api } = useApiContext();
  const queryClient = useQueryClient();
  const { cursorParam, getId } = options;
  const key = useMemo(() => [...channelKey(channel, input as ChannelInput<C>), 'pages'], [channel, input]);
  useInvalidateOn(options.invalidateOn, key);

  const { next } = options;
  const query = useInfiniteQuery<
    FetchedPage<C>,
    AppError,
    InfiniteData<FetchedPage<C>, Cursor | null>,
    typeof key,
    Cursor | null
  >({
    queryKey: key,
    initialPageParam: null,
    // A first page asked for as the bundle started (early.ts): in already, the first render shows it.
    initialData: () => {
      const arrived = takeArrived(channel, input as ChannelInput<C>);
      return arrived
        ? { pages: [{ page: arrived.value, fetchedAt: Date.now() }], pageParams: [null] }
        : undefined;
    },
    queryFn: async ({ pageParam }) => {
      const pageInput = { ...input, ...(pageParam === null ? {} : { [cursorParam]: pageParam }) };
      const invoke = api.invoke as (c: C, i: ChannelInput<C>) => Promise<ChannelOutput<C>>;
      const early = pageParam === null ? takeEarly(api, channel, pageInput as ChannelInput<C>) : null;
      return { page: await (early ?? invoke(channel, pageInput as ChannelInput<C>)), fetchedAt: Date.now() };
    },
    getNextPageParam: (last) => next(last.page),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });

  const { items: itemsOf, total: totalOf } = options;
  const pages = query.data?.pages;
  const items = useMemo(() => {
    const seen = new Set<string>();
    const all: T[] = [];
    for (const { page } of pages ?? [])
      for (const item of itemsOf(page)) {
        const id = getId(item);
        if (seen.has(id)) continue;
        seen.add(id);
        all.push(item);
      }
    return all;
    // The accessors are stable in practice (module-level or inline pure functions of the page).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pages]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    // `cancelRefetch: false`: a page already on its way is joined, not cancelled and asked for again.
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage({ cancelRefetch: false });
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const reload = useCallback(() => {
    // Only the first page is fetched again: re-reading every page already scrolled through would cost a
    // call each, and the reader who asked for new data is looking at the top.
    queryClient.setQueryData<InfiniteData<FetchedPage<C>, Cursor | null>>(key, (data) =>
      data ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
    );
    void queryClient.invalidateQueries({ queryKey: key, exact: true });
  }, [queryClient, key]);

  const first = pages?.[0];
  return {
    items,
    total: first && totalOf ? totalOf(first.page) : null,
    loading: query.isPending,
    busy: query.isFetching,
    // Main unreachable with pages on screen: they stay (the page's notice says so) instead of an error.
    error:
      query.isError &&
      !query.isFetchNextPageError &&
      !(pages?.length && !query.isPlaceholderData && isMainUnreachable(query.error))
        ? query.error
        : null,
    hasMore: hasNextPage,
    moreError: query.isFetchNextPageError ? query.error : null,
    loadedAt: first?.fetchedAt ?? null,
    loadMore,
    reload,
  };
}
