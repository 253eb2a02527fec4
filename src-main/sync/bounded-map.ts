export interface BoundedMapOptions {
  /** No further call starts once it is aborted; the calls running are awaited, then its reason is thrown. */
  signal?: AbortSignal;
  /**
   * `stop` (the default): after the first failure no further call starts, since its results would be
   * thrown away (a page that will not be written). `keepGoing`: every item still gets its call, for callers
   * whose calls stand on their own (the engine's scopes, each recording its own failures); the first error
   * is thrown once all have finished.
   */
  onFailure?: 'stop' | 'keepGoing';
}

/**
 * `fn` over every item with at most `limit` calls in flight; the results come back in the items' order, so
 * what is written from them does not depend on which call answered first.
 *
 * Whatever ends it early (a failure, an abort), the calls already running are awaited, so none is left
 * making requests for work that will not be used, and then the first error is thrown.
 */
export async function boundedMap<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  options: BoundedMapOptions = {},
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`limit must be a positive integer, got ${limit}`);
  const { signal, onFailure = 'stop' } = options;
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  let stopped = false;
  let firstError: unknown;
  const worker = async (): Promise<void> => {
    while (!stopped && next < items.length) {
      if (signal?.aborted) {
        if (!failed) firstError = signal.reason ?? new Error('aborted');
        failed = true;
        stopped = true;
        return;
      }
      const i = next++;
      try {
        results[i] = await fn(items[i] as T, i);
      } catch (err) {
        if (!failed) {
          failed = true;
          firstError = err;
        }
        if (onFailure === 'stop') stopped = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed) throw firstError;
  return results;
}
