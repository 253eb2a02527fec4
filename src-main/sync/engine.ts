import type { Database } from 'better-sqlite3';
import { AppError, errorTextOf, isAppError } from '@shared/errors';
import type { Translatable } from '@shared/texts';
import {
  type AccountResource,
  adsResources,
  isAccountResource,
  type SyncOutcome,
  type SyncResource,
  shopResources,
} from '@shared/sync';
import type { Logger } from '../log/logger';
import type { Profile } from '../profile/profile';
import type { RateLimiter } from '../tiktok/token-bucket';
import type { TokenSource } from '../tiktok/token-source';
import { boundedMap } from './bounded-map';
import type { Job, JobEnv, JobOptions, JobProgress, JobResult } from './job';
import { type AccountJobEnv, advertisersJob, shopsJob } from './jobs/account-children';
import { adCampaignsJob, adGroupsJob, adReportDaysJob, adsJob } from './jobs/ads';
import { collaborationsJob } from './jobs/collaborations';
import { conversationsJob } from './jobs/conversations';
import type { AdsJobEnv, AdvertiserScope, ShopJobEnv, ShopScope } from './jobs/env';
import { sampleApplicationsJob } from './jobs/sample-applications';
import { affiliateOrdersJob, ordersJob, productsJob, statementsJob } from './jobs/shop-searches';
import type { RunProgress } from './progress';
import type { CursorStore } from './store/cursors';
import type { RunStore } from './store/runs';
import type { Writers } from './store/writers';
import { tokenHolder } from './token-holder';
import { syncTexts } from './texts';

export interface EngineDeps {
  db: Database;
  tokenSource: TokenSource;
  profile: Profile;
  logger: Logger;
  now: () => number;
  limiter: RateLimiter;
  cursors: CursorStore;
  runs: RunStore;
  writers: Writers;
  options: JobOptions;
  /** Shops (or advertisers) of one Account synced at the same time. */
  scopeConcurrency: number;
}

export interface AccountRow {
  id: string;
  provider: 'shop' | 'ads';
  status: 'active' | 'expired' | 'revoked';
  display_name: string;
}

type ScopeResource<R extends readonly SyncResource[]> = Exclude<R[number], AccountResource>;

const accountJobs: Record<AccountResource, (env: AccountJobEnv) => Promise<JobResult>> = {
  shops: shopsJob,
  advertisers: advertisersJob,
};

const shopJobs: Record<ScopeResource<typeof shopResources>, (env: ShopJobEnv) => ReturnType<Job>> = {
  products: productsJob,
  orders: ordersJob,
  finance_statements: statementsJob,
  affiliate_orders: affiliateOrdersJob,
  collaborations: collaborationsJob,
  conversations: conversationsJob,
  sample_applications: sampleApplicationsJob,
};

const adsJobs: Record<ScopeResource<typeof adsResources>, (env: AdsJobEnv) => ReturnType<Job>> = {
  ad_campaigns: adCampaignsJob,
  ad_groups: adGroupsJob,
  ads: adsJob,
  ad_report_days: adReportDaysJob,
};

/** The resources a run of this Account executes, in dependency order. */
export function resourcesFor(provider: 'shop' | 'ads', requested?: readonly SyncResource[]): SyncResource[] {
  const all: readonly SyncResource[] = provider === 'shop' ? shopResources : adsResources;
  return requested ? all.filter((r) => requested.includes(r)) : [...all];
}

/** Errors after which no other job of the Account should try: the grant is gone, the vault is locked, no network. */
function isAccountLevel(err: unknown): err is AppError {
  return isAppError(err) && ['AUTH_EXPIRED', 'AUTH_REVOKED', 'LOCKED', 'OFFLINE'].includes(err.code);
}

export function scopesOf(db: Database, account: AccountRow): Array<ShopScope | AdvertiserScope> {
  if (account.provider === 'shop') {
    return db
      .prepare('SELECT shop_id AS shopId, cipher, currency FROM shops WHERE account_id = ? ORDER BY shop_id')
      .all(account.id) as ShopScope[];
  }
  return (
    db
      .prepare(
        'SELECT advertiser_id AS advertiserId, currency, timezone FROM advertisers WHERE account_id = ? ORDER BY advertiser_id',
      )
      .all(account.id) as Array<{ advertiserId: string; currency: string | null; timezone: string | null }>
  ).map((a) => ({ ...a, currency: a.currency ?? 'USD' }));
}

export const scopeId = (s: ShopScope | AdvertiserScope): string =>
  'shopId' in s ? s.shopId : s.advertiserId;

/** What the engine reports progress to: the service's RunProgress, or its stand-in in the sync worker. */
export type ProgressSink = Pick<RunProgress, 'setScopes' | 'start' | 'update' | 'end'>;

export interface RunContext {
  runId: string;
  account: AccountRow;
  resources: SyncResource[];
  scopes: Array<ShopScope | AdvertiserScope>;
  controller: AbortController;
  progress: ProgressSink;
}

export interface RunResult {
  outcome: SyncOutcome;
  error: Translatable | null;
  errorCode: string | null;
}

const noop = (): Promise<void> => Promise.resolve();

/**
 * Between two of the sync's own write transactions: a write of the app's connection that met the lock
 * retries on SQLite's busy handler, which sleeps up to 100 ms between tries, so a free lock for a few
 * milliseconds is likely to be found within a few tries (the busy timeout is 5 s).
 */
const yieldTheLock = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, LOCK_YIELD_MS));
const LOCK_YIELD_MS = 20;

/** Runs every requested resource of every shop/advertiser of one Account; records and returns the outcome. */
export async function runAccount(deps: EngineDeps, run: RunContext): Promise<RunResult> {
  const { account, controller } = run;
  const signal = controller.signal;
  const withToken = tokenHolder(deps.tokenSource, account.id);
  const logger = deps.logger.child({ accountId: account.id, runId: run.runId });
  let accountError: AppError | null = null;
  let ok = 0;
  let partial = 0;
  let failed = 0;
  let cancelled = 0;
  let firstError: Translatable | null = null;

  // A failed rebuild keeps its dirty marks, so the next refresh (or the next start) does it again.
  // Month by month, letting the app's own writes in between (store/rollups.ts `refreshYielding`).
  const refreshRollups = async (scope: ShopScope | AdvertiserScope): Promise<void> => {
    try {
      await deps.writers.rollups.refreshScopeYielding(
        'shopId' in scope ? 'shop' : 'advertiser',
        scopeId(scope),
        yieldTheLock,
      );
    } catch (err) {
      logger.warn({ scope: scopeId(scope), err }, 'rollup rebuild failed; retried on the next sync');
    }
  };

  /** Runs one job of one scope (a shop, an advertiser, or the Account itself) and records how it went. */
  const runJob = async (
    id: string,
    resource: SyncResource,
    job: (base: JobEnv) => Promise<JobResult>,
    refresh: () => Promise<void>,
  ): Promise<void> => {
    const started = deps.now();
    if (signal.aborted) {
      deps.runs.recordResource(run.runId, id, resource, {
        pages: 0,
        inserted: 0,
        updated: 0,
        durationMs: 0,
        outcome: accountError ? 'skipped' : 'cancelled',
        error: accountError ? errorTextOf(accountError) : null,
      });
      run.progress.end(resource, id, accountError ? 'failed' : 'cancelled');
      cancelled += accountError ? 0 : 1;
      return;
    }
    deps.runs.recordResource(run.runId, id, resource, {
      pages: 0,
      inserted: 0,
      updated: 0,
      durationMs: 0,
      outcome: 'running',
      error: null,
    });
    run.progress.start(resource, id);
    let last: JobProgress = { pages: 0, rows: 0, inserted: 0, updated: 0, total: null };
    let keptAside = 0;
    const base: JobEnv = {
      db: deps.db,
      accountId: account.id,
      scope: id,
      resource,
      signal,
      now: deps.now,
      logger,
      cursors: deps.cursors,
      withToken,
      options: deps.options,
      refreshRollups: refresh,
      progress: (p) => {
        last = p;
        run.progress.update(resource, id, p);
      },
      quarantine: (records) => {
        deps.writers.quarantine.add(run.runId, account.id, id, resource, records, deps.now());
        keptAside += records.filter((r) => !r.stored).length;
        logger.warn(
          {
            resource,
            scope: id,
            records: records.map((r) => ({ key: r.key, stored: r.stored, issues: r.issues })),
          },
          'records not read in full',
        );
      },
    };
    try {
      const result = await job(base);
      await refresh();
      deps.runs.recordResource(run.runId, id, resource, {
        pages: result.pages,
        inserted: result.inserted,
        updated: result.updated,
        durationMs: deps.now() - started,
        // Everything readable is stored; the history names the records kept aside.
        outcome: keptAside > 0 ? 'partial' : 'ok',
        error: null,
      });
      run.progress.end(resource, id, 'done');
      if (keptAside > 0) partial++;
      else ok++;
    } catch (err) {
      // The pages committed before the failure count: their days are rebuilt like a finished job's.
      await refresh();
      const wasCancel = signal.aborted && !accountError && !isAccountLevel(err);
      const message = isAppError(err) ? err.message : 'Unexpected error while syncing';
      const text = errorTextOf(err);
      if (!isAppError(err) && !wasCancel) logger.error({ err, resource, scope: id }, 'sync job crashed');
      else if (!wasCancel)
        logger.warn(
          { resource, scope: id, code: isAppError(err) ? err.code : undefined, message },
          'sync job failed',
        );
      if (isAccountLevel(err) && !accountError) {
        accountError = err;
        controller.abort(err);
      }
      deps.runs.recordResource(run.runId, id, resource, {
        // Pages committed before the failure or cancel stay committed: count them.
        pages: last.pages,
        inserted: last.inserted,
        updated: last.updated,
        durationMs: deps.now() - started,
        outcome: wasCancel ? 'cancelled' : 'failed',
        error: wasCancel ? null : text,
      });
      run.progress.end(resource, id, wasCancel ? 'cancelled' : 'failed');
      if (wasCancel) cancelled++;
      else {
        failed++;
        firstError ??= text;
      }
    }
  };

  // One bucket per ads app: every advertiser of every ads Account shares TikTok's per-app limit.
  const adsBucket = () => deps.limiter.bucket(`ads|${deps.profile.ads.appId}`);
  const scopeJob = (scope: ShopScope | AdvertiserScope, resource: SyncResource) => (base: JobEnv) =>
    'shopId' in scope
      ? shopJobs[resource as keyof typeof shopJobs]({
          ...base,
          shop: scope,
          writers: deps.writers,
          api: (token) => ({
            app: {
              apiBase: deps.profile.shopApiBase,
              appKey: deps.profile.shop.appKey,
              appSecret: deps.profile.shop.appSecret,
            },
            accessToken: token,
            cipher: scope.cipher,
            bucket: (api) => deps.limiter.bucket(`shop|${deps.profile.shop.appKey}|${scope.shopId}|${api}`),
            signal,
            logger,
            now: deps.now,
          }),
        })
      : adsJobs[resource as keyof typeof adsJobs]({
          ...base,
          advertiser: scope,
          writers: deps.writers,
          api: (token) => ({
            base: deps.profile.adsBase,
            accessToken: token,
            advertiserId: scope.advertiserId,
            currency: scope.currency,
            bucket: adsBucket(),
            signal,
            logger,
          }),
        });

  // First what the grant reaches now; the per-scope jobs then sync that list.
  let scopes = run.scopes;
  for (const resource of run.resources.filter(isAccountResource)) {
    await runJob(
      account.id,
      resource,
      (base) => accountJobs[resource]({ ...base, profile: deps.profile, adsBucket: adsBucket() }),
      noop,
    );
    scopes = scopesOf(deps.db, account);
    run.progress.setScopes(scopes.map(scopeId));
  }
  const scopeResources = run.resources.filter((r) => !isAccountResource(r));
  const runScope = async (scope: ShopScope | AdvertiserScope): Promise<void> => {
    for (const resource of scopeResources)
      await runJob(scopeId(scope), resource, scopeJob(scope, resource), () => refreshRollups(scope));
  };

  // Shops of one Account run side by side (their rate limits are separate buckets). Each scope records its
  // own failures and cancellation, so one failing never keeps the others from running; no signal here, so a
  // cancelled run still passes every scope through runJob, which records it cancelled.
  await boundedMap(scopes, deps.scopeConcurrency, runScope, { onFailure: 'keepGoing' });

  const errorCode = (accountError as AppError | null)?.code ?? null;
  if (accountError) return { outcome: 'failed', error: errorTextOf(accountError), errorCode };
  if (cancelled > 0 && failed === 0) return { outcome: 'cancelled', error: null, errorCode };
  if (failed > 0) return { outcome: ok + partial > 0 ? 'partial' : 'failed', error: firstError, errorCode };
  if (partial > 0) return { outcome: 'partial', error: null, errorCode };
  return { outcome: 'ok', error: null, errorCode };
}

export function cancelledError(): AppError {
  return new AppError('CONFLICT', syncTexts.cancelled());
}
