import { createHash } from 'node:crypto';
import type { Database } from '../../src-main/db/connection';

/**
 * A digest of every table's rows (FTS5 shadow tables included, the virtual tables themselves left out as
 * they read from those), keyed by table: two equal results mean nothing stored changed.
 */
export function tableChecksums(db: Database): Record<string, string> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const hash = createHash('sha256');
    const rows = db
      .prepare(`SELECT * FROM "${t.replaceAll('"', '""')}"`)
      .raw()
      .iterate() as Iterable<unknown[]>;
    let n = 0;
    for (const row of rows) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
      n += 1;
    }
    out[t] = `${n}:${hash.digest('hex').slice(0, 16)}`;
  }
  return out;
}
