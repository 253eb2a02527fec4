import { AppError, type AppErrorShape } from '@shared/errors';
import type { SyncResource } from '@shared/sync';
import type { EngineSettings } from '../engine-deps';
import type { AccountRow, ProgressSink, RunResult } from '../engine';
import type { AdvertiserScope, ShopScope } from '../jobs/env';

/**
 * Messages between the sync service (the thread that answers IPC) and the sync worker (the thread that
 * runs SyncRuns). Both ends are this codebase, in one process, so the shapes are types, not schemas.
 */

/** How the sync worker is started: its entry file (built `sync-worker.js`, or the TS source under tsx). */
export interface SyncWorkerSpec {
  url: URL;
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
}

/** `workerData` of the sync worker. */
export interface SyncWorkerInit {
  dbFile: string;
  settings: EngineSettings;
  logLevel: string;
}

/**
 * An Error as it crosses the thread boundary (structured clone keeps no class): an AppError as its shape
 * (code, English message, text key and params), anything else as its message.
 */
export type ErrorData = AppErrorShape | { code?: undefined; message: string };

export function errorData(err: unknown): ErrorData {
  if (err instanceof AppError) return err.toShape();
  return { message: err instanceof Error ? err.message : String(err) };
}

export function fromErrorData(e: ErrorData): Error {
  return e.code ? AppError.fromShape(e) : new Error(e.message);
}

/** One ProgressSink call, replayed on the service's RunProgress. */
export type ProgressCall = {
  [K in keyof ProgressSink]: { method: K; args: Parameters<ProgressSink[K]> };
}[keyof ProgressSink];

export type TokenAsk =
  { kind: 'access'; accountId: string } | { kind: 'expired' | 'revoked'; accountId: string; message: string };

export type ToWorker =
  | {
      type: 'run';
      runId: string;
      account: AccountRow;
      resources: SyncResource[];
      scopes: Array<ShopScope | AdvertiserScope>;
    }
  | { type: 'abort'; runId: string; reason: ErrorData }
  | { type: 'token'; id: number; token: string }
  | { type: 'tokenFailed'; id: number; error: ErrorData }
  | { type: 'close' };

export type FromWorker =
  | { type: 'progress'; runId: string; call: ProgressCall }
  | { type: 'token'; id: number; ask: TokenAsk }
  | { type: 'log'; line: string }
  | { type: 'done'; runId: string; result: RunResult }
  | { type: 'crashed'; runId: string; error: ErrorData }
  | { type: 'closed' };
