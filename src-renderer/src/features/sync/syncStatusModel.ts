import type { AccountSyncStatus, SyncProgress, SyncStatus } from '@shared/sync';

/** Folds one `sync:progress` event into the last known status (a new run id starts a fresh list). */
export function applyProgress(status: SyncStatus, event: SyncProgress): SyncStatus {
  let changed = false;
  const accounts = status.accounts.map((account) => {
    if (account.accountId !== event.accountId) return account;
    changed = true;
    const sameRun = account.runId === event.runId;
    const base = sameRun ? account.progress : account.progress.filter((p) => p.runId === event.runId);
    const index = base.findIndex((p) => p.resource === event.resource);
    const progress = index === -1 ? [...base, event] : base.map((p, i) => (i === index ? event : p));
    const running = event.state === 'running' || event.state === 'queued';
    return {
      ...account,
      runId: event.runId,
      progress,
      state: running && account.state !== 'offline' ? 'running' : account.state,
    } satisfies AccountSyncStatus;
  });
  return changed ? { ...status, accounts } : status;
}

export interface RunTotals {
  /** Resources finished (done, failed or cancelled) of all listed for the run. */
  resourcesDone: number;
  resourceCount: number;
  rowsDone: number;
  /** The longest ETA among running resources (they run side by side), null when unknown. */
  etaMs: number | null;
}

export function runTotals(account: AccountSyncStatus): RunTotals {
  const current = account.progress.filter((p) => p.runId === account.runId);
  let etaMs: number | null = null;
  for (const p of current)
    if (p.state === 'running' && p.etaMs !== null) etaMs = Math.max(etaMs ?? 0, p.etaMs);
  return {
    resourcesDone: current.filter((p) => p.state !== 'queued' && p.state !== 'running').length,
    resourceCount: current.length,
    rowsDone: current.reduce((sum, p) => sum + p.rowsDone, 0),
    etaMs,
  };
}

/** The newest successful sync among `accounts`, or null when none has synced yet. */
export function latestSuccess(accounts: readonly AccountSyncStatus[]): number | null {
  let latest: number | null = null;
  for (const account of accounts)
    if (account.lastSuccessAt !== null) latest = Math.max(latest ?? 0, account.lastSuccessAt);
  return latest;
}

export function needsReconnect(account: AccountSyncStatus): boolean {
  return account.accountStatus === 'expired' || account.accountStatus === 'revoked';
}
