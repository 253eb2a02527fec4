import { z } from 'zod';
import type { Page, ShopDataContext } from '../../tiktok/shop/data-call';
import { type Counts, fetchPage, isStalePageToken, type JobResult, pagedLoop } from '../job';
import type { ShopJobEnv } from './env';

/**
 * The incremental pattern of the Shop searches: a "pass" reads every page of one query (`since` = a lower
 * time bound in Unix seconds), and the cursor remembers the pass's page token after each committed page
 * so a cancelled or crashed pass continues where it stopped. When the pass ends, `highWater` (the newest
 * time seen) moves forward and the next pass starts from it.
 */

const passSchema = z.object({
  since: z.number().int().nullable(),
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
    pageToken: '',
    maxSeen: null,
    startedAt: Math.floor(env.now() / 1000),
  };
  const firstPass = cursor.highWater === null;
  const pageMax = (page: Page<T>): number | null =>
    page.items.reduce<number | null>((m, item) => maxOf(m, spec.timeOf(item)), null);
  return pagedLoop(env, start, {
    fetch: async (s) => {
      try {
        return await fetchPage(env, (token) => spec.fetch(env.api(token), s, firstPass));
      } catch (err) {
        if (!s.pageToken || !isStalePageToken(err)) throw err;
        env.logger.warn(
          { resource: env.resource, scope: env.scope },
          'page token refused; restarting the pass',
        );
        return fetchPage(env, (token) => spec.fetch(env.api(token), { ...s, pageToken: '' }, firstPass));
      }
    },
    next: (s, page) =>
      page.nextPageToken
        ? { ...s, pageToken: page.nextPageToken, maxSeen: maxOf(s.maxSeen, pageMax(page)) }
        : null,
    rows: (page) => page.items.length,
    total: (page) => page.totalCount,
    write: (page, s, next) => {
      const now = env.now();
      const counts = spec.write(page.items, now);
      const saved: PassCursor = next
        ? { ...cursor, pass: next }
        : {
            highWater: maxOf(cursor.highWater, maxOf(s.maxSeen, pageMax(page))),
            lastPassStart: s.startedAt,
            pass: null,
          };
      env.cursors.save(env.accountId, env.scope, env.resource, saved, now);
      return counts;
    },
  });
}
