import type { ActivityEntry, ActivityKind, ActivityPage, ActivityParams } from '@shared/activity';
import { activityParamsSchema } from '@shared/activity';
import type { ChannelParsedInput } from '@shared/contract';
import type { Database } from '../db/connection';

interface Row {
  id: number;
  at: number;
  kind: string;
  params: string;
}

function toEntry(row: Row): ActivityEntry {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind as ActivityKind,
    params: activityParamsSchema.parse(JSON.parse(row.params)),
  };
}

/** The user-visible history of what the app did. Entries hold display parameters only, never secrets. */
export class ActivityLog {
  private readonly insert;
  private readonly listener = new Set<(entry: ActivityEntry) => void>();

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {
    this.insert = db.prepare<[number, string, string, string | null], Row>(
      'INSERT INTO activity_log (at, kind, params, account_id) VALUES (?, ?, ?, ?) RETURNING id, at, kind, params',
    );
  }

  /**
   * `accountId` names the Account the entry is about (its name is in `params`): the entry is deleted with
   * that Account's data, so a purged Account leaves no name behind.
   */
  record(kind: ActivityKind, params: ActivityParams = {}, accountId?: string): ActivityEntry {
    const row = this.insert.get(this.now(), kind, JSON.stringify(params), accountId ?? null);
    if (!row) throw new Error('activity insert returned no row');
    const entry = toEntry(row);
    for (const l of this.listener) l(entry);
    return entry;
  }

  /**
   * Records an entry, or folds it into the newest entry of the log when that one is of the same kind and at
   * most `windowMs` old (e.g. a merchant trying themes one after another is one settings change, not ten).
   * Listeners hear about the folded entry as if it were new.
   */
  recordMerged(
    kind: ActivityKind,
    params: ActivityParams,
    windowMs: number,
    merge: (earlier: ActivityParams, later: ActivityParams) => ActivityParams,
  ): ActivityEntry {
    const newest = this.db
      .prepare<[], Row>('SELECT id, at, kind, params FROM activity_log ORDER BY id DESC LIMIT 1')
      .get();
    const now = this.now();
    if (!newest || newest.kind !== kind || now - newest.at > windowMs) return this.record(kind, params);
    const merged = merge(toEntry(newest).params, params);
    const row = this.db
      .prepare<[number, string, number], Row>(
        'UPDATE activity_log SET at = ?, params = ? WHERE id = ? RETURNING id, at, kind, params',
      )
      .get(now, JSON.stringify(merged), newest.id);
    if (!row) throw new Error('activity update returned no row');
    const entry = toEntry(row);
    for (const l of this.listener) l(entry);
    return entry;
  }

  onRecord(listener: (entry: ActivityEntry) => void): () => void {
    this.listener.add(listener);
    return () => this.listener.delete(listener);
  }

  list(input: ChannelParsedInput<'activity:list'>): ActivityPage {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (input.kind) {
      where.push('kind = ?');
      args.push(input.kind);
    }
    const total = (
      this.db
        .prepare(
          `SELECT count(*) AS n FROM activity_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`,
        )
        .get(...args) as {
        n: number;
      }
    ).n;
    if (input.before !== undefined) {
      where.push('id < ?');
      args.push(input.before);
    }
    const rows = this.db
      .prepare(
        `SELECT id, at, kind, params FROM activity_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`,
      )
      .all(...args, input.limit + 1) as Row[];
    const page = rows.slice(0, input.limit).map(toEntry);
    const last = page.at(-1);
    return { items: page, nextBefore: rows.length > input.limit && last ? last.id : null, total };
  }
}
