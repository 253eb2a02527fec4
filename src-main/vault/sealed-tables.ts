import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { integrityError, openWithKey, packSealed, sealWithKey, unpackSealed } from './crypto';

export type SqlId = string | number | bigint;

/**
 * A table outside `secrets` that keeps sealed values, one `packSealed()` BLOB per column (NULL = no value),
 * e.g. creator contact details. Registering it makes `Vault.rotateKey()` re-encrypt those columns in the
 * same transaction as the secrets.
 */
export interface SealedTableRegistration {
  table: string;
  /** A column that identifies the row uniquely (the primary key). */
  idColumn: string;
  columns: readonly string[];
  /** The associated data the value was sealed with, e.g. `creator:${id}:${column}`. */
  aadOf(id: SqlId, column: string): string;
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Names are spliced into SQL, so they must be plain identifiers that really exist in the schema. */
export function validateRegistration(db: Database, reg: SealedTableRegistration): void {
  const names = [reg.table, reg.idColumn, ...reg.columns];
  if (reg.columns.length === 0 || !names.every((n) => identifier.test(n))) {
    throw new AppError('INTERNAL', `Sealed table registration for "${reg.table}" has invalid names.`);
  }
  const existing = new Set(
    db
      .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
      .all(reg.table)
      .map((r) => r.name),
  );
  const missing = [reg.idColumn, ...reg.columns].filter((c) => !existing.has(c));
  if (missing.length > 0) {
    throw new AppError('INTERNAL', `Table "${reg.table}" has no column(s) ${missing.join(', ')}.`);
  }
}

export function hasSealedData(db: Database, reg: SealedTableRegistration): boolean {
  const anyNotNull = reg.columns.map((c) => `"${c}" IS NOT NULL`).join(' OR ');
  return db.prepare(`SELECT EXISTS (SELECT 1 FROM "${reg.table}" WHERE ${anyNotNull})`).pluck().get() === 1;
}

interface KeyRef {
  keyId: string;
  key: Buffer;
}

/** Re-seals every value of one registered table; runs inside the caller's rotation transaction. */
export function reencryptTable(db: Database, reg: SealedTableRegistration, from: KeyRef, to: KeyRef): number {
  const cols = reg.columns.map((c) => `"${c}"`).join(', ');
  const anyNotNull = reg.columns.map((c) => `"${c}" IS NOT NULL`).join(' OR ');
  const rows = db
    .prepare(`SELECT "${reg.idColumn}" AS __id, ${cols} FROM "${reg.table}" WHERE ${anyNotNull}`)
    .safeIntegers(true)
    .all() as Record<string, unknown>[];
  let count = 0;
  for (const column of reg.columns) {
    const update = db.prepare(`UPDATE "${reg.table}" SET "${column}" = ? WHERE "${reg.idColumn}" = ?`);
    for (const row of rows) {
      const value = row[column];
      const id = row.__id as SqlId;
      if (value === null || value === undefined) continue;
      if (!(value instanceof Uint8Array)) {
        throw new AppError('INTERNAL', `${reg.table}.${column} of row ${String(id)} is not a sealed value.`);
      }
      const sealed = unpackSealed(value);
      const aad = reg.aadOf(id, column);
      if (sealed.keyId !== from.keyId) throw integrityError(`${reg.table}.${column} of row ${String(id)}`);
      let plaintext: Buffer;
      try {
        plaintext = openWithKey(from.key, sealed, aad);
      } catch {
        throw integrityError(`${reg.table}.${column} of row ${String(id)}`);
      }
      update.run(packSealed(sealWithKey(to.key, to.keyId, plaintext, aad)), id);
      plaintext.fill(0);
      count++;
    }
  }
  return count;
}
