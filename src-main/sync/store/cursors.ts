import type { Database, Statement } from 'better-sqlite3';
import type { z } from 'zod';

/**
 * Cursors: where the next sync of one (account, scope, resource) starts. Saved by the job inside the same
 * transaction as the page it describes, so a cursor is never ahead of the data.
 */
export class CursorStore {
  private readonly get: Statement<[string, string, string], { cursor: string }>;
  private readonly put: Statement<[string, string, string, string, number]>;

  constructor(private readonly db: Database) {
    this.get = db.prepare(
      'SELECT cursor FROM sync_cursors WHERE account_id = ? AND scope = ? AND resource = ?',
    );
    this.put = db.prepare(`
      INSERT INTO sync_cursors (account_id, scope, resource, cursor, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (account_id, scope, resource) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at
    `);
  }

  /** The stored cursor, or null when absent or no longer in the shape `schema` expects (start afresh). */
  load<S extends z.ZodType>(
    accountId: string,
    scope: string,
    resource: string,
    schema: S,
  ): z.output<S> | null {
    const row = this.get.get(accountId, scope, resource);
    if (!row) return null;
    let raw: unknown;
    try {
      raw = JSON.parse(row.cursor);
    } catch {
      return null;
    }
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  }

  save(accountId: string, scope: string, resource: string, cursor: unknown, now: number): void {
    this.put.run(accountId, scope, resource, JSON.stringify(cursor), now);
  }
}
