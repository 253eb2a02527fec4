import { Worker } from 'node:worker_threads';
import { AppError } from '@shared/errors';
import type { Logger } from '../../log/logger';
import type { TokenSource } from '../../tiktok/token-source';
import type { RunContext, RunResult } from '../engine';
import { syncTexts } from '../texts';
import type { EngineSettings } from '../engine-deps';
import type { RunExecutor } from '../executor';
import {
  errorData,
  type FromWorker,
  fromErrorData,
  type SyncWorkerInit,
  type SyncWorkerSpec,
  type TokenAsk,
  type ToWorker,
} from './protocol';

interface Pending {
  run: RunContext;
  resolve: (r: RunResult) => void;
  reject: (err: Error) => void;
}

interface Running {
  worker: Worker;
  post(m: ToWorker): void;
  exited: Promise<void>;
}

export interface WorkerExecutorOptions {
  spec: SyncWorkerSpec;
  /** The database file the worker opens its own connection to. */
  dbFile: string;
  settings: EngineSettings;
  tokenSource: TokenSource;
  logger: Logger;
}

/**
 * Runs SyncRuns in the sync worker (entry.ts), started on the first run and kept for the next ones (its
 * rate-limit buckets carry over). Progress calls are replayed on the run's RunProgress here, token
 * requests are answered from the TokenSource here, and the worker's log lines go to this thread's logger.
 * A worker that dies fails the runs it had; the next run starts a new one.
 */
export function workerExecutor(options: WorkerExecutorOptions): RunExecutor {
  const { logger } = options;
  const pending = new Map<string, Pending>();
  let current: Running | null = null;

  const answer = async (w: Running, id: number, q: TokenAsk): Promise<void> => {
    try {
      const token =
        q.kind === 'access'
          ? await options.tokenSource.accessToken(q.accountId)
          : await options.tokenSource.reportAuthFailure(q.accountId, q.kind, q.message);
      w.post({ type: 'token', id, token });
    } catch (err) {
      w.post({ type: 'tokenFailed', id, error: errorData(err) });
    }
  };

  const relayLog = (line: string): void => {
    try {
      const { level, msg, time: _time, ...rest } = JSON.parse(line) as Record<string, unknown>;
      const label = logger.levels.labels[Number(level)] ?? 'info';
      const child = logger.child({ thread: 'sync-worker' });
      const method = (child as unknown as Record<string, (o: object, m?: string) => void>)[label];
      method?.call(child, rest, typeof msg === 'string' ? msg : undefined);
    } catch {
      logger.warn('unreadable log line from the sync worker');
    }
  };

  const failAll = (err: Error): void => {
    for (const [runId, p] of pending) {
      pending.delete(runId);
      p.reject(err);
    }
  };

  const start = (): Running => {
    const init: SyncWorkerInit = {
      dbFile: options.dbFile,
      settings: options.settings,
      logLevel: logger.level,
    };
    const worker = new Worker(options.spec.url, {
      workerData: init,
      ...(options.spec.execArgv ? { execArgv: options.spec.execArgv } : {}),
      ...(options.spec.env ? { env: options.spec.env } : {}),
    });
    const running: Running = {
      worker,
      post: (m) => worker.postMessage(m),
      exited: new Promise((resolve) => worker.once('exit', () => resolve())),
    };
    worker.on('message', (m: FromWorker) => {
      switch (m.type) {
        case 'progress': {
          const progress = pending.get(m.runId)?.run.progress;
          if (!progress) return;
          const { call } = m;
          if (call.method === 'setScopes') progress.setScopes(...call.args);
          else if (call.method === 'start') progress.start(...call.args);
          else if (call.method === 'update') progress.update(...call.args);
          else progress.end(...call.args);
          return;
        }
        case 'token':
          void answer(running, m.id, m.ask);
          return;
        case 'log':
          relayLog(m.line);
          return;
        case 'done':
        case 'crashed': {
          const p = pending.get(m.runId);
          pending.delete(m.runId);
          if (m.type === 'done') p?.resolve(m.result);
          else p?.reject(fromErrorData(m.error));
          return;
        }
        case 'closed':
          return;
      }
    });
    worker.on('error', (err) => {
      logger.error({ err }, 'the sync worker failed');
      if (current === running) current = null;
      failAll(new AppError('INTERNAL', syncTexts.workerStopped()));
    });
    worker.once('exit', (code) => {
      if (current === running) current = null;
      if (pending.size > 0) {
        logger.error({ code }, 'the sync worker exited with runs under way');
        failAll(new AppError('INTERNAL', syncTexts.workerStopped()));
      }
    });
    return running;
  };

  return {
    execute(run) {
      const w = (current ??= start());
      return new Promise<RunResult>((resolve, reject) => {
        pending.set(run.runId, { run, resolve, reject });
        w.post({
          type: 'run',
          runId: run.runId,
          account: run.account,
          resources: run.resources,
          scopes: run.scopes,
        });
        const signal = run.controller.signal;
        const abort = (): void =>
          w.post({ type: 'abort', runId: run.runId, reason: errorData(signal.reason) });
        if (signal.aborted) abort();
        else signal.addEventListener('abort', abort, { once: true });
      });
    },
    async close() {
      const w = current;
      current = null;
      if (!w) return;
      w.post({ type: 'close' });
      const timeout = setTimeout(() => void w.worker.terminate(), 5_000);
      await w.exited;
      clearTimeout(timeout);
    },
  };
}
