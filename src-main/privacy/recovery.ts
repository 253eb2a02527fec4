import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isAppError } from '@shared/errors';
import { type RecoveryState, recoveryStateSchema } from '@shared/privacy';
import { type Database, openDatabase } from '../db/connection';
import type { Logger } from '../log/logger';

const stateFile = (dataDir: string) => join(dataDir, 'recovery.json');

/** SQLite's answers for a file that is not a database or whose structure is damaged. */
const corruptCodes = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT_INDEX',
  'SQLITE_CORRUPT_VTAB',
]);

type Cause = NonNullable<RecoveryState>['cause'];

function causeOf(err: unknown): Cause {
  if (isAppError(err) && err.code === 'CONFLICT') return 'newer';
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && corruptCodes.has(code)) return 'corrupt';
  throw err;
}

/**
 * Opens the data folder's database. One SQLite cannot read, or one a newer ShopMesh wrote, is never deleted
 * or overwritten: it is moved aside (with its WAL) as `shopmesh.db.unreadable-<ms>` / `.newer-<ms>`, a fresh
 * database opens in its place, and the recovery state (kept in `recovery.json` until the merchant chooses)
 * makes the app show the recovery screen: restore a backup or start fresh. Any other error is thrown.
 */
export function openOrRecover(
  file: string,
  dataDir: string,
  now: number,
  logger: Logger,
): { db: Database; recovery: RecoveryState } {
  try {
    return { db: openDatabase(file), recovery: readRecovery(dataDir) };
  } catch (err) {
    const cause = causeOf(err);
    const kept = `${file}.${cause === 'corrupt' ? 'unreadable' : 'newer'}-${now}`;
    renameSync(file, kept);
    for (const side of ['-wal', '-shm']) if (existsSync(file + side)) renameSync(file + side, kept + side);
    const recovery = { cause, keptFile: basename(kept), at: now };
    writeFileSync(stateFile(dataDir), JSON.stringify(recovery), { mode: 0o600 });
    logger.error(
      { cause, keptFile: recovery.keptFile },
      'database could not be opened; kept aside, started fresh',
    );
    return { db: openDatabase(file), recovery };
  }
}

export function readRecovery(dataDir: string): RecoveryState {
  const path = stateFile(dataDir);
  if (!existsSync(path)) return null;
  try {
    return recoveryStateSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return null;
  }
}

export function clearRecovery(dataDir: string): void {
  rmSync(stateFile(dataDir), { force: true });
}
