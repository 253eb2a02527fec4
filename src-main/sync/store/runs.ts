import type { Database } from 'better-sqlite3';
import type { SyncHistory, SyncOutcome, SyncResource, SyncRun } from '@shared/sync';
import { parseStoredText, storeText, type Translatable } from '@shared/texts';
import { syncTexts } from '../texts';
import type { QuarantineStore } from './quarantine';

/** SyncRun history: one row per run, one per (run, scope, resource). */

export type ResourceOutcome = 'running' | 'ok' | 'partial' | 'failed' | 'cancelled' | 'skipped';

export interface ResourceRecord {
  pages: number;
  inserted: number;
  updated: number;
  durationMs: number;
  outcome: ResourceOutcome;
  error: Translatable | null;
}

/** `error` columns hold a stored text (key + params as JSON), never English. */
interface RunRow {
  id: string;
  account_id: string;
  trigger: string;
  started_at: number;
  finished_at: number | null;
  outcome: SyncRun['outcome'];
  error: string | null;
}

interface ResourceRow {
  run_id: string;
  scope: string;
  resource: SyncResource;
  pages: number;
  inserted: number;
  updated: number;
  duration_ms: number;
  outcome: ResourceOutcome;
  error: string | null;
  scope_name: string | null;
}

export class RunStore {
  constructor(
    private readonly db: Database,
    private readonly quarantine: QuarantineStore,
  ) {}

  create(id: string, accountId: string, trigger: string, resources: readonly string[], now: number): void {
    this.db
      .prepare(
        `INSERT INTO sync_runs (id, account_id, trigger, resources, started_at, outcome) VALUES (?, ?, ?, ?, ?, 'running')`,
      )
      .run(id, accountId, trigger, JSON.stringify(resources), now);
  }

  recordResource(runId: string, scope: string, resource: SyncResource, r: ResourceRecord): void {
    this.db
      .prepare(
        `INSERT INTO sync_run_resources (run_id, scope, resource, pages, inserted, updated, duration_ms, outcome, error)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (run_id, scope, resource) DO UPDATE SET pages = excluded.pages, inserted = excluded.inserted,
           updated = excluded.updated, duration_ms = excluded.duration_ms, outcome = excluded.outcome, error = excluded.error`,
      )
      .run(
        runId,
        scope,
        resource,
        r.pages,
        r.inserted,
        r.updated,
        r.durationMs,
        r.outcome,
        storeText(r.error),
      );
  }

  finish(id: string, outcome: SyncOutcome, error: Translatable | null, now: number): void {
    this.db
      .prepare('UPDATE sync_runs SET outcome = ?, error = ?, finished_at = ? WHERE id = ?')
      .run(outcome, storeText(error), now, id);
  }

  /** Runs still `running` at start-up were cut short by a crash or a kill: their cursors say where to resume. */
  markInterrupted(now: number): number {
    const message = storeText(syncTexts.interrupted());
    this.db
      .prepare(`UPDATE sync_run_resources SET outcome = 'cancelled', error = ? WHERE outcome = 'running'`)
      .run(message);
    return this.db
      .prepare(
        `UPDATE sync_runs SET outcome = 'failed', error = ?, finished_at = ? WHERE outcome = 'running'`,
      )
      .run(message, now).changes;
  }

  history(q: { accountId?: string; limit: number; before?: number }): SyncHistory {
    const where: string[] = [];
    const args: Array<string | number> = [];
    if (q.accountId) {
      where.push('account_id = ?');
      args.push(q.accountId);
    }
    if (q.before !== undefined) {
      where.push('started_at < ?');
      args.push(q.before);
    }
    const runs = this.db
      .prepare(
        `SELECT id, account_id, trigger, started_at, finished_at, outcome, error FROM sync_runs
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY started_at DESC, id DESC LIMIT ?`,
      )
      .all(...args, q.limit + 1) as RunRow[];
    const more = runs.length > q.limit;
    const page = runs.slice(0, q.limit);
    const byRun = new Map<string, ResourceRow[]>();
    if (page.length > 0) {
      const rows = this.db
        .prepare(
          `SELECT r.*, COALESCE(s.name, a.name, c.display_name) AS scope_name
           FROM sync_run_resources r
           LEFT JOIN shops s ON s.shop_id = r.scope
           LEFT JOIN advertisers a ON a.advertiser_id = r.scope
           LEFT JOIN accounts c ON c.id = r.scope
           WHERE r.run_id IN (${page.map(() => '?').join(',')}) ORDER BY r.rowid`,
        )
        .all(...page.map((r) => r.id)) as ResourceRow[];
      for (const r of rows) {
        const list = byRun.get(r.run_id) ?? [];
        list.push(r);
        byRun.set(r.run_id, list);
      }
    }
    const aside = this.quarantine.forRuns(page.map((r) => r.id));
    return {
      runs: page.map((r) => ({
        id: r.id,
        accountId: r.account_id,
        trigger: r.trigger,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        outcome: r.outcome,
        error: parseStoredText(r.error),
        resources: (byRun.get(r.id) ?? []).map((x) => ({
          scope: x.scope,
          scopeName: x.scope_name,
          resource: x.resource,
          pages: x.pages,
          inserted: x.inserted,
          updated: x.updated,
          durationMs: x.duration_ms,
          outcome: x.outcome,
          error: parseStoredText(x.error),
          quarantined: (aside.get(r.id) ?? [])
            .filter((q) => q.scope === x.scope && q.resource === x.resource)
            .map((q) => ({ id: q.id, recordKey: q.recordKey, issues: q.issues, stored: q.stored })),
        })),
      })),
      nextBefore: more ? (page.at(-1)?.started_at ?? null) : null,
    };
  }

  /** Last finished run and last successful finish per Account, for status(). */
  lastOutcomes(): Map<
    string,
    { outcome: SyncOutcome; error: Translatable | null; lastSuccessAt: number | null }
  > {
    const rows = this.db
      .prepare(
        `SELECT r.account_id, r.outcome, r.error,
           (SELECT MAX(finished_at) FROM sync_runs s WHERE s.account_id = r.account_id AND s.outcome IN ('ok','partial')) AS last_success
         FROM sync_runs r
         WHERE r.rowid = (SELECT rowid FROM sync_runs x WHERE x.account_id = r.account_id AND x.outcome != 'running'
                          ORDER BY x.started_at DESC LIMIT 1)`,
      )
      .all() as Array<{
      account_id: string;
      outcome: SyncOutcome;
      error: string | null;
      last_success: number | null;
    }>;
    return new Map(
      rows.map((r) => [
        r.account_id,
        { outcome: r.outcome, error: parseStoredText(r.error), lastSuccessAt: r.last_success },
      ]),
    );
  }
}
