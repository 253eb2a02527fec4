import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BackupInfo } from '@shared/privacy';
import type { Database } from '../db/connection';
import { latestVersion } from '../db/migrations/index';

/** `shopmesh-20260105-031500.db` (UTC), with `-before-restore` for the copy taken before a restore. */
const namePattern = /^shopmesh-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(-before-restore)?\.db$/;

export const backupFolder = (dataDir: string): string => join(dataDir, 'backups');

export function backupName(at: number, suffix = ''): string {
  const iso = new Date(at).toISOString(); // 2026-01-05T03:15:00.000Z
  const stamp = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
  return `shopmesh-${stamp}${suffix}.db`;
}

function timeOf(name: string): number | null {
  const m = namePattern.exec(name);
  if (!m) return null;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

/** The schema version a backup file holds, or null when SQLite cannot read it. */
function versionOf(file: string): number | null {
  try {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Backups in the folder, newest first. Only names ShopMesh writes are listed (and can be restored). */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const items: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const at = timeOf(name);
    if (at === null) continue;
    const file = join(dir, name);
    const version = versionOf(file);
    items.push({
      name,
      createdAt: at,
      sizeBytes: statSync(file).size,
      beforeRestore: name.endsWith('-before-restore.db'),
      restorable: version !== null && version <= latestVersion,
    });
  }
  return items.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

export function isBackupName(name: string): boolean {
  return namePattern.test(name);
}

/**
 * SQLite's online backup of the live database (readers and the sync's writer go on meanwhile) into a
 * temporary name, renamed once complete, so a half-written file is never listed or restored.
 */
export async function createBackup(db: Database, dir: string, at: number, suffix = ''): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Names carry the second: a second backup within one (two restores in a row) takes the next free second
  // rather than replacing the first.
  let stamp = at;
  while (existsSync(join(dir, backupName(stamp, suffix)))) stamp += 1000;
  const name = backupName(stamp, suffix);
  const tmp = join(dir, `${name}.partial`);
  try {
    await db.backup(tmp);
    // The copy inherits WAL mode; a plain journal keeps it one self-contained file that readers (the list
    // below, a restore) open without creating -wal/-shm files beside it.
    const copy = new BetterSqlite3(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    // Orders, buyer ids and creators' messages: readable by the user only, like the database (paths.ts).
    chmodSync(tmp, 0o600);
    renameSync(tmp, join(dir, name));
  } finally {
    rmSync(tmp, { force: true });
  }
  const info = listBackups(dir).find((b) => b.name === name);
  if (!info) throw new Error(`backup ${name} vanished after it was written`);
  return info;
}

/** Keeps the newest `keep` automatic backups (copies taken before a restore count separately: newest 3). */
export function pruneBackups(dir: string, keep: number): number {
  const all = listBackups(dir);
  const drop = [
    ...all.filter((b) => !b.beforeRestore).slice(keep),
    ...all.filter((b) => b.beforeRestore).slice(3),
  ];
  for (const b of drop) rmSync(join(dir, b.name), { force: true });
  // Leftovers of a backup interrupted by a crash.
  for (const name of readdirSync(dir))
    if (name.endsWith('.partial')) rmSync(join(dir, name), { force: true });
  return drop.length;
}
