import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { openDatabase, syncWorkerCacheMiB } from '../../db/connection';
import { redactingHooks } from '../../log/logger';
import type { TokenSource } from '../../tiktok/token-source';
import { type ProgressSink, runAccount } from '../engine';
import { createEngineDeps } from '../engine-deps';
import {
  errorData,
  type FromWorker,
  fromErrorData,
  type ProgressCall,
  type SyncWorkerInit,
  type TokenAsk,
  type ToWorker,
} from './protocol';

/**
 * The sync worker (built as `out/main/sync-worker.js`): runs SyncRuns on a thread of their own, so the
 * thread that answers IPC never waits behind a page's JSON decoding, its SQLite transaction or a rollup
 * rebuild. It has its own connection to the app's database (WAL: the service's reads are never blocked by
 * its writes) and asks the service for access tokens: the vault and the keychain stay on the service's
 * thread. Started by `startSyncWorker` (host.ts); nothing else imports this file.
 */

const port = parentPort;
if (!port) throw new Error('sync worker entry started outside a worker thread');
const init = workerData as SyncWorkerInit;
const post = (m: FromWorker): void => port.postMessage(m);

/**
 * A sync is background work: on Linux this thread runs 10 steps nicer than the process, so when the cores
 * are busy the thread that answers the merchant gets them first and the sync takes what is left (an idle
 * machine still gives the sync all it wants). Linux sets nice per thread, and /proc/thread-self names this
 * one; elsewhere the worker keeps the process's priority.
 */
function lowerThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + 10));
  } catch {
    // Not fatal: the sync then competes with the app's thread as before.
  }
}
lowerThreadPriority();

const db = openDatabase(init.dbFile, { cacheMiB: syncWorkerCacheMiB });
const logger = pino(
  { level: init.logLevel, base: undefined, hooks: redactingHooks },
  { write: (line: string) => post({ type: 'log', line }) },
);

let nextAsk = 0;
const asks = new Map<number, { resolve: (token: string) => void; reject: (err: Error) => void }>();
const ask = (q: TokenAsk): Promise<string> =>
  new Promise((resolve, reject) => {
    const id = ++nextAsk;
    asks.set(id, { resolve, reject });
    post({ type: 'token', id, ask: q });
  });
const tokenSource: TokenSource = {
  accessToken: (accountId) => ask({ kind: 'access', accountId }),
  reportAuthFailure: (accountId, kind, message) => ask({ kind, accountId, message }),
};

const deps = createEngineDeps(db, init.settings, tokenSource, logger, Date.now);
const controllers = new Map<string, AbortController>();

function progressFor(runId: string): ProgressSink {
  const send = (call: ProgressCall): void => post({ type: 'progress', runId, call });
  return {
    setScopes: (...args) => send({ method: 'setScopes', args }),
    start: (...args) => send({ method: 'start', args }),
    update: (...args) => send({ method: 'update', args }),
    end: (...args) => send({ method: 'end', args }),
  };
}

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'run': {
      const controller = new AbortController();
      controllers.set(m.runId, controller);
      const { runId, account, resources, scopes } = m;
      runAccount(deps, { runId, account, resources, scopes, controller, progress: progressFor(runId) })
        .then(
          (result) => post({ type: 'done', runId, result }),
          (err: unknown) => post({ type: 'crashed', runId, error: errorData(err) }),
        )
        .finally(() => controllers.delete(runId));
      return;
    }
    case 'abort':
      controllers.get(m.runId)?.abort(fromErrorData(m.reason));
      return;
    case 'token':
      asks.get(m.id)?.resolve(m.token);
      asks.delete(m.id);
      return;
    case 'tokenFailed':
      asks.get(m.id)?.reject(fromErrorData(m.error));
      asks.delete(m.id);
      return;
    case 'close':
      // The service closes the worker only once its runs have finished.
      db.close();
      post({ type: 'closed' });
      port.close();
      return;
  }
});
