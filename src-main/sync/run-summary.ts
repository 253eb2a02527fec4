import type { ActivityParams } from '@shared/activity';
import type { SyncRun } from '@shared/sync';

/**
 * The activity-log line of a finished run: the Account, the outcome, how long it took, and per resource the
 * rows it added or changed (`rows.<resource>`, only those above zero), which the renderer turns into
 * "20,000 orders and 300 products synced".
 */
export function runSummaryParams(run: SyncRun, accountName: string): ActivityParams {
  const params: ActivityParams = {
    account: accountName,
    outcome: run.outcome,
    trigger: run.trigger,
    durationMs: run.finishedAt === null ? null : run.finishedAt - run.startedAt,
  };
  const rows = new Map<string, number>();
  for (const r of run.resources) rows.set(r.resource, (rows.get(r.resource) ?? 0) + r.inserted + r.updated);
  for (const [resource, count] of rows) if (count > 0) params[`rows.${resource}`] = count;
  return params;
}
