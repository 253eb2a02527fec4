import { z } from 'zod';
import type { Page, ShopDataContext } from '../../tiktok/shop/data-call';
import { type Counts, isSearchTooDeep, isStalePageToken, type JobResult, pagedLoop } from '../job';
import type { ShopJobEnv } from './env';

/**
 * The incremental pattern of the Shop searches: a "pass" reads every page of one query (`since` = a lower
 * time bound in Unix seconds), and the cursor remembers the pass's page token after each committed page
 * so a cancelled or crashed pass continues where it stopped. When the pass ends, `highWater` (the newest
 * time seen) moves forward and the next pass starts from it.
 *
 * A search that cannot page past a cap (product search: 10,000 results, 12052180) is read in time windows:
 * when the first page of a window reports more matches than the cap, the window is halved until it fits,
 * and the pass moves on window by window up to now.
 */

const passSchema = z.object({
  since: z.number().int().nullable(),
  /** Exclusive upper bound of the current window (seconds); null = up to now. */
  until: z.number().int().nullable().default(null),
  pageToken: z.string(),
  maxSeen: z.number().int().nullable(),
  /** Our clock (Unix seconds) when the pass started. */
  startedAt: z.number().int(),
});
export const passCursorSchema = z.object({
  highWater: z.number().int().nullable(),
  /** When the last complete pass started (Unix seconds), null before the first. */
  lastPassStart: z.number().int().nullable().default(null),
  pass: passSchema.nullable(),
});
export type PassState = z.infer<typeof passSchema>;
export type PassCursor = z.infer<typeof passCursorSchema>;

export interface PassSpec<T> {
  /** Where a new pass starts, given the stored high-water mark (seconds; null = from the beginning). */
  since(highWater: number | null, lastPassStart: number | null): number | null;
  /** `firstPass`: no pass has completed yet (no high-water mark), so this one reads everything. */
  fetch(ctx: ShopDataContext, state: PassState, firstPass: boolean): Promise<Page<T>>;
  /** The item's time in Unix seconds, the one the query filters on. */
  timeOf(item: T): number;
  write(items: readonly T[], now: number): Counts;
  /** Most results the search pages through; `fetch` must then honour `state.until`. */
  maxResults?: number;
}

/** One fetched page and the pass state (window) it was fetched with. */
interface Fetched<T> {
  page: Page<T>;
  state: PassState;
}

const maxOf = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.max(a, b);

export function loadPassCursor(env: ShopJobEnv): PassCursor {
  return (
    env.cursors.load(env.accountId, env.scope, env.resource, passCursorSchema) ?? {
      highWater: null,
      lastPassStart: null,
      pass: null,
    }
  );
}

export function runPass<T>(env: ShopJobEnv, spec: PassSpec<T>): Promise<JobResult> {
  const cursor = loadPassCursor(env);
  const start: PassState = cursor.pass ?? {
    since: spec.since(cursor.highWater, cursor.lastPassStart),
    until: null,
    pageToken: '',
    maxSeen: null,
    startedAt: Math.floor(env.now() / 1000),
  };
  const firstPass = cursor.highWater === null;
  const pageMax = (page: Page<T>): number | null =>
    page.items.reduce<number | null>((m, item) => maxOf(m, spec.timeOf(item)), null);

  /**
   * Fetches one page. A page token TikTok no longer accepts restarts the current window from its first
   * page; so does one past the search's cap (a pass saved before windows existed), when the restarted
   * window is one the cap makes us split. Otherwise the refusal stands: restarting would only loop.
   */
  const fetchOne = async (s: PassState): Promise<Fetched<T>> => {
    const get = (state: PassState): Promise<Page<T>> =>
      env.withToken((token) => spec.fetch(env.api(token), state, firstPass));
    try {
      return { page: await get(s), state: s };
    } catch (err) {
      const tooDeep = isSearchTooDeep(err);
      if (!s.pageToken || !(tooDeep || isStalePageToken(err))) throw err;
      const restart = { ...s, pageToken: '' };
      const page = await get(restart);
      if (tooDeep && (spec.maxResults === undefined || (page.totalCount ?? 0) <= spec.maxResults)) throw err;
      env.logger.warn(
        { resource: env.resource, scope: env.scope },
        'page token refused; restarting the window',
      );
      return { page, state: restart };
    }
  };

  /** Fetches a page; at the start of a window whose matches exceed the cap, halves the window first. */
  const fetchFitting = async (s: PassState): Promise<Fetched<T>> => {
    let { page, state } = await fetchOne(s);
    const total = page.totalCount;
    const cap = spec.maxResults;
    while (cap !== undefined && state.pageToken === '' && (page.totalCount ?? 0) > cap) {
      const from = state.since ?? 0;
      const to = state.until ?? Math.floor(env.now() / 1000) + 1;
      if (to - from <= 1) {
        // More than the cap within one second: nothing narrower to ask for; read what TikTok returns.
        env.logger.warn(
          { resource: env.resource, scope: env.scope, second: from, matches: page.totalCount },
          'more results in one second than the search can return',
        );
        break;
      }
      ({ page, state } = await fetchOne({ ...state, until: from + Math.floor((to - from) / 2) }));
    }
    // Progress shows the whole pass: the first page's count before any narrowing.
    return { page: page.totalCount === total ? page : { ...page, totalCount: total }, state };
  };

  return pagedLoop<PassState, Fetched<T>>(env, start, {
    fetch: fetchFitting,
    next: (_, { page, state }) => {
      const maxSeen = maxOf(state.maxSeen, pageMax(page));
      if (page.nextPageToken) return { ...state, pageToken: page.nextPageToken, maxSeen };
      // The window is done; the next one starts where it ended and reaches up to now.
      if (state.until !== null) return { ...state, since: state.until, until: null, pageToken: '', maxSeen };
      return null;
    },
    rows: ({ page }) => page.items.length,
    total: ({ page }) => page.totalCount,
    rejected: ({ page }) => page.rejected,
    write: ({ page, state }, _, next) => {
      const now = env.now();
      const counts = spec.write(page.items, now);
      const saved: PassCursor = next
        ? { ...cursor, pass: next }
        : {
            highWater: maxOf(cursor.highWater, maxOf(state.maxSeen, pageMax(page))),
            lastPassStart: state.startedAt,
            pass: null,
          };
      env.cursors.save(env.accountId, env.scope, env.resource, saved, now);
      return counts;
    },
  });
}
