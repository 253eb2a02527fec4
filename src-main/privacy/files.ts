import { existsSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';

/** Deletes files or folders (recursively) that exist; returns how many paths went. */
export function removePaths(paths: readonly string[]): number {
  let n = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    rmSync(p, { recursive: true, force: true });
    n += 1;
  }
  return n;
}

/**
 * Empties the log folder: the file the logger has open is truncated (it keeps appending to it), rotated
 * ones are deleted. Returns how many files were touched.
 */
export function emptyLogs(logDir: string, openFile: string): number {
  if (!existsSync(logDir)) return 0;
  let n = 0;
  for (const name of readdirSync(logDir)) {
    const path = join(logDir, name);
    if (path === openFile) truncateSync(path, 0);
    else rmSync(path, { recursive: true, force: true });
    n += 1;
  }
  return n;
}

/** Files in `dir` whose name matches, for the folder's leftovers (a corrupt settings file moved aside). */
export function matching(dir: string, test: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(test)
    .map((name) => join(dir, name))
    .filter((p) => statSync(p, { throwIfNoEntry: false }) !== undefined);
}
