import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError, errorTextOf } from '@shared/errors';
import type { Translatable } from '@shared/texts';
import {
  type AccountSyncStatus,
  type SyncHistory,
  syncHistoryInputSchema,
  type SyncHistoryInput,
  type SyncQuarantine,
  syncQuarantineInputSchema,
  type SyncQuarantineInput,
  type SyncOutcome,
  type SyncProgress,
  type SyncRunInput,
  syncRunInputSchema,
  type SyncRunResult,
  type SyncStatus,
} from '@shared/sync';
import type { Logger } from '../log/logger';
import type { Profile } from '../profile/profile';
import type { TokenSource } from '../tiktok/token-source';
import { type AccountRow, resourcesFor, scopeId, scopesOf } from './engine';
import { createEngineDeps, type EngineSettings } from './engine-deps';
import { inlineExecutor, type RunExecutor } from './executor';
import { RunProgress } from './progress';
import { syncTexts } from './texts';
import { workerExecutor } from './worker/host';
import type { SyncWorkerSpec } from './worker/protocol';

export interface SyncEvents {
  'sync:progress': SyncProgress;
  'sync:statusChanged': SyncStatus;
}
export type SyncEmit = <E extends keyof SyncEvents>(event: E, payload: SyncEvents[E]) => void;

export interface SyncServiceOptions extends Omit<EngineSettings, 'profile'> {
  db: Database;
  tokenSource: TokenSource;
  profile: Profile;
  logger: Logger;
  now?: () => number;
  emit: SyncEmit;
  /** Checked before every run; when false nothing is fetched and the status is `offline`. */
  isOnline?: () => Promise<boolean>;
  /** Called when a run has ended and its history row is final (the app writes the activity log line). */
  onRunFinished?: (run: { runId: string; accountId: string }) => void;
  /** Secure storage is locked: no token can be read, so a run is refused with LOCKED instead of failing. */
  isLocked?: () => boolean;
  /**
   * Run SyncRuns in the sync worker (a thread of their own, ARCHITECTURE §2) rather than on this thread.
   * The worker keeps its own clock (`now` then only stamps the service's own rows).
   */
  worker?: SyncWorkerSpec;
}

export interface SyncService {
  run(input?: SyncRunInput): Promise<SyncRunResult>;
  cancel(input?: { accountId?: string }): Promise<{ cancelled: string[] }>;
  status(): SyncStatus;
  history(input: SyncHistoryInput): SyncHistory;
  /** The records one run could not read in full, with their raw JSON (personal values masked). */
  quarantine(input: SyncQuarantineInput): SyncQuarantine;
  /** Cancels the Account's running sync and waits for it to stop (called when an Account is revoked). */
  stopAccount(accountId: string): Promise<void>;
  /** Resolves when the given runs (default: all running) have finished. */
  whenIdle(runIds?: readonly string[]): Promise<void>;
  /**
   * Cancels every run and refuses new ones (`CONFLICT`) until `resume`, so nothing writes while "delete all
   * my data" or a restore replaces the rows. Resolves once the runs have stopped.
   */
  pause(): Promise<void>;
  resume(): void;
  close(): Promise<void>;
}

interface ActiveRun {
  runId: string;
  accountId: string;
  controller: AbortController;
  progress: RunProgress;
  done: Promise<void>;
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { db, logger } = options;
  const now = options.now ?? Date.now;
  const settings: EngineSettings = {
    profile: options.profile,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.jobOptions ? { jobOptions: options.jobOptions } : {}),
    ...(options.scopeConcurrency ? { scopeConcurrency: options.scopeConcurrency } : {}),
  };
  const deps = createEngineDeps(db, settings, options.tokenSource, logger.child({ module: 'sync' }), now);
  const { runs, writers } = deps;
  const executor: RunExecutor = options.worker
    ? workerExecutor({
        spec: options.worker,
        dbFile: db.name,
        settings,
        tokenSource: options.tokenSource,
        logger: deps.logger,
      })
    : inlineExecutor(deps);
  const active = new Map<string, ActiveRun>();
  const lastErrorCode = new Map<string, string | null>();
  let online = true;
  let closed = false;
  let paused = false;

  const interrupted = runs.markInterrupted(now());
  if (interrupted > 0) deps.logger.info({ interrupted }, 'marked interrupted sync runs');
  // Days a crashed or killed sync marked dirty but did not get to rebuild.
  const rebuilt = deps.writers.rollups.refreshAll();
  if (rebuilt > 0) deps.logger.info({ days: rebuilt }, 'rebuilt rollups left dirty');

  const accountRows = (): AccountRow[] =>
    db
      .prepare(
        `SELECT id, provider, status, display_name FROM accounts WHERE provider IN ('shop', 'ads') ORDER BY connected_at, id`,
      )
      .all() as AccountRow[];

  const status = (): SyncStatus => {
    const last = runs.lastOutcomes();
    return {
      online,
      accounts: accountRows().map((a): AccountSyncStatus => {
        const run = active.get(a.id);
        const l = last.get(a.id);
        const offline = !online || lastErrorCode.get(a.id) === 'OFFLINE';
        const state = run
          ? 'running'
          : offline
            ? 'offline'
            : a.status !== 'active' || l?.outcome === 'failed' || l?.outcome === 'partial'
              ? 'error'
              : 'idle';
        return {
          accountId: a.id,
          provider: a.provider,
          displayName: a.display_name,
          state,
          accountStatus: a.status,
          runId: run?.runId ?? null,
          progress: run ? run.progress.snapshot() : [],
          lastSuccessAt: l?.lastSuccessAt ?? null,
          lastOutcome: l?.outcome ?? null,
          lastError: l?.error ?? null,
        };
      }),
    };
  };

  const emitStatus = (): void => {
    try {
      options.emit('sync:statusChanged', status());
    } catch (err) {
      deps.logger.warn({ err }, 'sync status listener failed');
    }
  };

  const start = (
    account: AccountRow,
    resources: ReturnType<typeof resourcesFor>,
    trigger: string,
  ): ActiveRun => {
    const runId = randomUUID();
    const scopes = scopesOf(db, account);
    const controller = new AbortController();
    const progress = new RunProgress(
      account.id,
      runId,
      resources,
      scopes.map(scopeId),
      (p) => options.emit('sync:progress', p),
      now,
    );
    runs.create(runId, account.id, trigger, resources, now());
    const entry: ActiveRun = { runId, accountId: account.id, controller, progress, done: Promise.resolve() };
    entry.done = (async () => {
      let outcome: SyncOutcome = 'failed';
      let error: Translatable | null = null;
      try {
        const r = await executor.execute({ runId, account, resources, scopes, controller, progress });
        outcome = r.outcome;
        error = r.error;
        lastErrorCode.set(account.id, r.errorCode);
      } catch (err) {
        deps.logger.error({ err, accountId: account.id }, 'sync run crashed');
        error = errorTextOf(err);
      } finally {
        runs.finish(runId, outcome, error, now());
        active.delete(account.id);
        deps.logger.info({ accountId: account.id, runId, outcome }, 'sync run finished');
        emitStatus();
        try {
          options.onRunFinished?.({ runId, accountId: account.id });
        } catch (err) {
          deps.logger.warn({ err }, 'sync run-finished listener failed');
        }
      }
    })();
    active.set(account.id, entry);
    return entry;
  };

  const service: SyncService = {
    async run(input = {}) {
      if (closed) throw new AppError('CONFLICT', syncTexts.shuttingDown());
      if (paused) throw new AppError('CONFLICT', syncTexts.paused());
      const q = syncRunInputSchema.parse(input);
      if (options.isLocked?.()) throw new AppError('LOCKED', syncTexts.locked());
      const all = accountRows();
      if (q.accountId && !all.some((a) => a.id === q.accountId))
        throw new AppError('NOT_FOUND', syncTexts.noSyncableAccount());
      if (options.isOnline) {
        const was = online;
        online = await options.isOnline();
        if (!online) {
          if (was) emitStatus();
          return { started: [], coalesced: false, offline: true };
        }
      }
      const targets = all.filter((a) => (q.accountId ? a.id === q.accountId : true));
      const started: string[] = [];
      let coalesced = false;
      for (const account of targets) {
        // Expired and revoked Accounts are never fetched: the user has to reconnect them first.
        if (account.status !== 'active') continue;
        const running = active.get(account.id);
        if (running) {
          coalesced = true;
          started.push(running.runId);
          continue;
        }
        const resources = resourcesFor(account.provider, q.resources);
        if (resources.length === 0) continue;
        started.push(start(account, resources, q.trigger).runId);
      }
      if (started.length > 0) emitStatus();
      return { started, coalesced, offline: false };
    },

    async cancel(input = {}) {
      const cancelled: string[] = [];
      for (const run of active.values()) {
        if (input.accountId && run.accountId !== input.accountId) continue;
        run.controller.abort(new AppError('CANCELLED', syncTexts.cancelled()));
        cancelled.push(run.runId);
      }
      return { cancelled };
    },

    status,

    history(input) {
      return runs.history(syncHistoryInputSchema.parse(input));
    },

    quarantine(input) {
      const { runId } = syncQuarantineInputSchema.parse(input);
      return { runId, records: writers.quarantine.withRaw(runId) };
    },

    async stopAccount(accountId) {
      const run = active.get(accountId);
      if (!run) return;
      run.controller.abort(new AppError('CONFLICT', syncTexts.accountGone()));
      await run.done;
    },

    async whenIdle(runIds) {
      const waiting = [...active.values()].filter((r) => !runIds || runIds.includes(r.runId));
      await Promise.all(waiting.map((r) => r.done));
    },

    async pause() {
      paused = true;
      await service.cancel();
      await service.whenIdle();
    },

    resume() {
      paused = false;
    },

    async close() {
      closed = true;
      await service.cancel();
      await service.whenIdle();
      await executor.close();
    },
  };
  return service;
}
