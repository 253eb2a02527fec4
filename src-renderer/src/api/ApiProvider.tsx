import {
  createContext,
  useContext,
  useLayoutEffect,
  useState,
  type ReactElement,
  type ReactNode,
} from 'react';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ApiClient } from './client';
import { EventHub } from './eventHub';
import { noteFirstCommit } from './firstPaint';

interface ApiContextValue {
  api: ApiClient;
  hub: EventHub;
}

const ApiContext = createContext<ApiContextValue | null>(null);

export function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('Channel queries need an ApiProvider');
  return value;
}

/** Mutations that handle their own failure say so with `meta: { silent: true }`. */
declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { silent?: boolean };
  }
}

/**
 * Main is on this machine: a failed call is shown at once with a way to retry instead of being retried in
 * the background, and main's events (not focus or timers) say when data changed.
 */
export function createQueryClient(onMutationError: (error: unknown) => void): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
      mutations: { retry: false },
    },
    mutationCache: new MutationCache({
      onError: (error, _input, _context, mutation) => {
        if (!mutation.meta?.silent) onMutationError(error);
      },
    }),
  });
}

/**
 * The renderer's data layer: the API client, TanStack Query's cache, and the one subscription per main event
 * that invalidates the queries listening to it. Failed writes are reported through `onMutationError`.
 */
export function ApiProvider(props: {
  api: ApiClient;
  onMutationError: (error: unknown) => void;
  /** Tests pass their own client to inspect the cache. */
  queryClient?: QueryClient;
  children: ReactNode;
}): ReactElement {
  const { api, onMutationError, children } = props;
  const [value] = useState(() => {
    const queryClient = props.queryClient ?? createQueryClient(onMutationError);
    return { api, queryClient, hub: new EventHub(api, queryClient) };
  });
  // Its first commit is the window's first screen (the opening gates are in by then, app/opening.ts).
  useLayoutEffect(() => noteFirstCommit(), []);
  return (
    <QueryClientProvider client={value.queryClient}>
      <ApiContext.Provider value={value}>{children}</ApiContext.Provider>
    </QueryClientProvider>
  );
}
