import type { Database, Statement } from 'better-sqlite3';

/**
 * Daily rollups kept by the same transaction that writes the raw rows (ARCHITECTURE §9). Writers collect
 * signed deltas for a page in memory ("remove the old contribution, add the new one") and apply them once
 * per key, so a page of 100 orders costs a handful of rollup upserts rather than hundreds.
 */
export class DeltaMap<K extends readonly (string | number)[]> {
  private readonly map = new Map<string, { key: K; values: number[] }>();

  constructor(private readonly width: number) {}

  add(key: K, values: readonly number[], sign: 1 | -1): void {
    const id = key.join('\u0000');
    let entry = this.map.get(id);
    if (!entry) {
      entry = { key, values: new Array<number>(this.width).fill(0) };
      this.map.set(id, entry);
    }
    for (let i = 0; i < this.width; i++) entry.values[i]! += sign * (values[i] ?? 0);
  }

  /** Calls `apply` for every key whose delta is not all zeros. */
  flush(apply: (key: K, values: number[]) => void): void {
    for (const { key, values } of this.map.values()) if (values.some((v) => v !== 0)) apply(key, values);
    this.map.clear();
  }
}

/** Adds one key's deltas: `run(...keyColumns, ...valueColumns)` in the order given to additiveUpsert. */
export interface AdditiveUpsert {
  run(...params: unknown[]): void;
}

/**
 * `INSERT … ON CONFLICT DO UPDATE SET c = c + excluded.c` for the given key and value columns; a row whose
 * shop moved to another Account takes the new account_id. Nearly always the row already belongs to this
 * Account: that statement leaves account_id out of the SET, which spares its index entry and foreign-key
 * check on every upsert (~30% of a rollup write); only when it changes nothing does the second one run.
 */
export function additiveUpsert(
  db: Database,
  table: string,
  keyColumns: readonly string[],
  valueColumns: readonly string[],
): AdditiveUpsert {
  const cols = [...keyColumns, ...valueColumns];
  const head = `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})
     ON CONFLICT (${keyColumns.filter((c) => c !== 'account_id').join(', ')}) DO UPDATE SET
     ${valueColumns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
  const moved: Statement = db.prepare(`${head}, account_id = excluded.account_id`);
  if (!keyColumns.includes('account_id')) return { run: (...params) => void moved.run(...params) };
  const same: Statement = db.prepare(`${head} WHERE account_id = excluded.account_id`);
  return {
    run: (...params) => {
      if (same.run(...params).changes === 0) moved.run(...params);
    },
  };
}
