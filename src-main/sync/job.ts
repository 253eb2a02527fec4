import type { Database } from 'better-sqlite3';
import { AppError, isAppError } from '@shared/errors';
import type { SyncResource } from '@shared/sync';
import type { Logger } from '../log/logger';
import type { RejectedRecord } from '../tiktok/records';
import type { CursorStore } from './store/cursors';
import { syncTexts } from './texts';

/** What one job (one resource of one shop or advertiser) gets from the engine. */
export interface JobEnv {
  db: Database;
  accountId: string;
  /** Shop id or advertiser id. */
  scope: string;
  resource: SyncResource;
  signal: AbortSignal;
  now: () => number;
  logger: Logger;
  cursors: CursorStore;
  /**
   * Runs `call` with the Account's token; after a token rejection, reports it once and retries. Transient
   * failures were already retried inside the HTTP core: a job never wraps a second retry loop around a call
   * (errors-and-limits.md), so what reaches it is final for this run.
   */
  withToken<T>(call: (token: string) => Promise<T>): Promise<T>;
  /** Cumulative figures of this job so far (committed pages only); `total` when the API gave one. */
  progress(p: JobProgress): void;
  /** Tunables (overlap windows, look-back), already defaulted. */
  options: JobOptions;
  /** Rebuilds the rollup days this scope's writes marked dirty (between pages, never inside one). */
  refreshRollups(): Promise<void>;
  /**
   * Keeps records that could not be read in full (records.ts) with the run; call inside the page's
   * transaction. A record kept aside makes the resource end `partial`.
   */
  quarantine(records: readonly RejectedRecord[]): void;
}

export interface JobOptions {
  /** Orders are re-read from this long before the newest update time seen (late-indexed updates). */
  orderOverlapSec: number;
  /** First sync of orders: how far back (undefined = everything the API has). */
  orderLookbackDays: number | undefined;
  /** First sync of ad reports: how many days back. */
  adReportLookbackDays: number;
  /** Days of ad metrics re-read every sync because TikTok's numbers settle late. */
  adReportRereadDays: number;
  /** Results product search pages through before refusing (12052180). */
  productSearchCap: number;
}

export const defaultJobOptions: JobOptions = {
  orderOverlapSec: 600,
  orderLookbackDays: undefined,
  adReportLookbackDays: 180,
  adReportRereadDays: 3,
  productSearchCap: 10_000,
};

export interface JobProgress {
  pages: number;
  rows: number;
  inserted: number;
  updated: number;
  total: number | null;
}

export interface Counts {
  inserted: number;
  updated: number;
}

export interface JobResult extends Counts {
  pages: number;
  rows: number;
}

export type Job = (env: JobEnv) => Promise<JobResult>;

export function emptyResult(): JobResult {
  return { pages: 0, rows: 0, inserted: 0, updated: 0 };
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new AppError('CANCELLED', syncTexts.cancelled());
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError(signal);
}

/** 12052180: product search refuses to page past 10,000 results (docs/tiktok-api/shop-conventions.md). */
export function isSearchTooDeep(err: unknown): boolean {
  return isAppError(err) && err.details?.remoteCode === 12052180;
}

/** TikTok rejects a page token from another query or one that went stale; the pass then restarts. */
export function isStalePageToken(err: unknown): boolean {
  return isAppError(err) && err.code === 'REMOTE' && /page_token/i.test(err.message);
}

export interface PagedStep<S, P> {
  fetch(state: S): Promise<P>;
  /** The state that fetches the page after `page`, or null when `page` was the last. */
  next(state: S, page: P): S | null;
  rows(page: P): number;
  total?(page: P): number | null;
  /** Records of the page that could not be read in full: kept aside in the page's transaction. */
  rejected?(page: P): readonly RejectedRecord[];
  /** Writes the page and its cursor; runs inside one transaction. */
  write(page: P, state: S, next: S | null): Counts;
}

/**
 * A long pass rebuilds its dirty rollup days this often, so dashboards follow a first sync as it goes. By
 * time, not pages: each rebuild re-reads whole days, and at local-disk speed every 100 pages cost the
 * benchmark ~0.5 s of rebuilding the same day again and again.
 */
const ROLLUP_REFRESH_MS = 5_000;

/**
 * The page loop every job uses: the next page is requested before the current one is written (the HTTP
 * round trip overlaps the SQLite write), each page is written with its cursor in one transaction, and a
 * cancel is honoured between pages — never inside a transaction.
 */
export async function pagedLoop<S, P>(env: JobEnv, initial: S, step: PagedStep<S, P>): Promise<JobResult> {
  const result = emptyResult();
  let total: number | null = null;
  let state = initial;
  let lastRefresh = env.now();
  throwIfAborted(env.signal);
  let pending = step.fetch(state);
  for (;;) {
    const page = await pending;
    const next = step.next(state, page);
    if (next !== null && !env.signal.aborted) {
      pending = step.fetch(next);
      // Marks the prefetch as handled: if it fails while this page is written, the error surfaces on the
      // next await instead of as an unhandled rejection.
      pending.catch(() => undefined);
      // Node puts the request on the socket in a later tick; the write below is synchronous, so without this
      // hop the server would only see the prefetch after the write and the two would never overlap.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const counts = env.db
      .transaction(() => {
        const aside = step.rejected?.(page) ?? [];
        if (aside.length > 0) env.quarantine(aside);
        return step.write(page, state, next);
      })
      .immediate();
    result.pages += 1;
    result.rows += step.rows(page);
    result.inserted += counts.inserted;
    result.updated += counts.updated;
    if (total === null && step.total) total = step.total(page);
    env.progress({ ...result, total });
    if (next === null) return result;
    if (env.now() - lastRefresh >= ROLLUP_REFRESH_MS) {
      await env.refreshRollups();
      lastRefresh = env.now();
    }
    throwIfAborted(env.signal);
    state = next;
  }
}
