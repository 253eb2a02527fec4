import type { Database, Statement } from 'better-sqlite3';
import type { RecordIssue } from '@shared/sync';
import type { SyncResource } from '@shared/sync';
import type { RejectedRecord } from '../../tiktok/records';

/**
 * Records a sync could not read in full, kept with TikTok's JSON and the reason so the merchant can see
 * them in the sync history and send them in a bug report (docs/sync.md, "Records kept aside").
 */

/** Newest rows kept per Account; older ones go when a run adds more. */
const KEEP_PER_ACCOUNT = 500;

/**
 * Values under these keys are personal (a buyer's address, a phone number, a message's text): masked in the
 * kept JSON, which is meant to leave the machine in a bug report. Shapes and types stay, which is what a
 * bug report needs.
 */
const personalKeys =
  /^(name|first_name|last_name|first_name_local_script|last_name_local_script|full_address|address_line[1-4]|address_detail|postal_code|phone_number|phone|email|buyer_email|buyer_message|cpf|cpf_name|tax_id|content|recipient_address|district_info|delivery_preferences)$/;

export function maskPersonal(value: unknown, masked = false): unknown {
  if (Array.isArray(value)) return value.map((v) => maskPersonal(v, masked));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        maskPersonal(v, masked || personalKeys.test(k)),
      ]),
    );
  }
  if (!masked) return value;
  if (typeof value === 'string') return value === '' ? '' : '[masked]';
  if (typeof value === 'number') return 0;
  return value;
}

export interface QuarantinedView {
  id: number;
  scope: string;
  resource: SyncResource;
  recordKey: string | null;
  issues: RecordIssue[];
  stored: boolean;
  createdAt: number;
}

interface Row {
  id: number;
  run_id: string;
  scope: string;
  resource: SyncResource;
  record_key: string | null;
  issues: string;
  raw: string;
  stored: number;
  created_at: number;
}

const view = (r: Row): QuarantinedView => ({
  id: r.id,
  scope: r.scope,
  resource: r.resource,
  recordKey: r.record_key,
  issues: JSON.parse(r.issues) as RecordIssue[],
  stored: r.stored === 1,
  createdAt: r.created_at,
});

export class QuarantineStore {
  private readonly insert: Statement;
  private readonly prune: Statement<[string, string, number]>;
  private readonly byRuns: (runIds: readonly string[]) => Row[];
  private readonly byRun: Statement<[string], Row>;

  constructor(db: Database) {
    this.insert = db.prepare(`
      INSERT INTO sync_quarantine (run_id, account_id, scope, resource, record_key, issues, raw, stored, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.prune = db.prepare(`
      DELETE FROM sync_quarantine WHERE account_id = ? AND id <= (
        SELECT id FROM sync_quarantine WHERE account_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`);
    this.byRuns = (runIds) =>
      db
        .prepare(
          `SELECT * FROM sync_quarantine WHERE run_id IN (${runIds.map(() => '?').join(',')}) ORDER BY id`,
        )
        .all(...runIds) as Row[];
    this.byRun = db.prepare('SELECT * FROM sync_quarantine WHERE run_id = ? ORDER BY id');
  }

  /** Runs inside the page's transaction: the records kept aside commit with the page that had them. */
  add(
    runId: string,
    accountId: string,
    scope: string,
    resource: SyncResource,
    records: readonly RejectedRecord[],
    now: number,
  ): void {
    for (const r of records) {
      this.insert.run(
        runId,
        accountId,
        scope,
        resource,
        r.key,
        JSON.stringify(r.issues),
        JSON.stringify(maskPersonal(r.raw) ?? null),
        r.stored ? 1 : 0,
        now,
      );
    }
    if (records.length > 0) this.prune.run(accountId, accountId, KEEP_PER_ACCOUNT);
  }

  /** Per run, what the history shows (no raw JSON). */
  forRuns(runIds: readonly string[]): Map<string, Array<QuarantinedView>> {
    const out = new Map<string, QuarantinedView[]>();
    if (runIds.length === 0) return out;
    for (const r of this.byRuns(runIds)) {
      const list = out.get(r.run_id) ?? [];
      list.push(view(r));
      out.set(r.run_id, list);
    }
    return out;
  }

  /** One run's records with their (masked) raw JSON, for a bug report. */
  withRaw(runId: string): Array<QuarantinedView & { raw: string }> {
    return this.byRun.all(runId).map((r) => ({ ...view(r), raw: r.raw }));
  }
}
