import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '@shared/errors';
import { appLockTexts } from './texts';
import { appLockVerifierSchema } from './verifier';

/** In the data folder, beside the database; "delete all my data" removes it (app.ts lists it). */
export const appLockFileName = 'app-lock.json';

const lockFileSchema = z.object({
  version: z.literal(1),
  verifier: appLockVerifierSchema,
  failed: z.number().int().min(0),
  lastFailedAt: z.number().int().nullable(),
});
export type AppLockRecord = z.infer<typeof lockFileSchema>;

/**
 * The app lock's one file: the passphrase verifier and the wrong-attempt count. Written 600 to a temporary
 * name, flushed and renamed over the old one, so a crash leaves the old file or the new, never half of one.
 * A file that cannot be read does not turn the lock off: `read` throws and the app stays locked (the
 * merchant restores the file or deletes it by hand, which README says turns the lock off).
 */
export class AppLockFile {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, appLockFileName);
  }

  /** The stored record, or null when the app lock is off (no file). */
  read(): AppLockRecord | null {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new AppError('LOCKED', appLockTexts.fileUnreadable(), { appLock: 'file' });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError('LOCKED', appLockTexts.fileUnreadable(), { appLock: 'file' });
    }
    const parsed = lockFileSchema.safeParse(json);
    if (!parsed.success) throw new AppError('LOCKED', appLockTexts.fileUnreadable(), { appLock: 'file' });
    return parsed.data;
  }

  write(record: AppLockRecord): void {
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(lockFileSchema.parse(record)));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
  }

  remove(): void {
    rmSync(this.path, { force: true });
  }
}
