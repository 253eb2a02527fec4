import type { AppLockStatus } from '@shared/app-lock';
import { AppError, isAppError } from '@shared/errors';
import type { ActivityLog } from '../activity/activity-log';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings-service';
import { afterFailure, noAttempts, retryAt } from './attempts';
import { type AppLockRecord, AppLockFile } from './lock-file';
import { appLockTexts } from './texts';
import { createVerifier, type ScryptCost, verifyPassphrase } from './verifier';

export interface AppLockDeps {
  dataDir: string;
  settings: SettingsService;
  activity: ActivityLog;
  logger: Logger;
  now: () => number;
  /** Test seam: a cheaper scrypt cost for verifiers made in tests (the stored cost is what checks). */
  scrypt?: ScryptCost;
}

type Listener = (status: AppLockStatus) => void;

/** What reading app-lock.json gave: the record, none (the lock is off), or a file that cannot be read. */
type Stored = { kind: 'off' } | { kind: 'on'; record: AppLockRecord } | { kind: 'broken' };

/**
 * The app lock: when on, the UI is locked at start-up and after the idle time, and the router refuses every
 * channel but the lock's own (`gate.ts`). Only the UI locks: sync, outreach and the catalogue queue go on.
 * Attempts that check a passphrase run one at a time, and wrong ones make the next wait (`attempts.ts`).
 */
export class AppLockService {
  private locked: boolean;
  private lastActivityAt: number;
  private timer: NodeJS.Timeout | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<Listener>();
  private readonly file: AppLockFile;
  private stopSettings: (() => void) | null = null;

  constructor(private readonly deps: AppLockDeps) {
    this.file = new AppLockFile(deps.dataDir);
    // Locked at every start while the lock is on, and when its file cannot be read (never open by accident).
    this.locked = this.stored().kind !== 'off';
    this.lastActivityAt = deps.now();
  }

  /** Starts the idle timer; the idle time follows the setting. */
  start(): void {
    this.schedule();
    this.stopSettings = this.deps.settings.onChange((_settings, changed) => {
      if (changed.includes('appLockIdleSeconds')) this.schedule();
      if (changed.includes('language') || changed.includes('theme')) this.changed();
    });
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopSettings?.();
  }

  /** Called with the new status after every change (the renderer's event, the tray). */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  isLocked(): boolean {
    return this.locked;
  }

  status(): AppLockStatus {
    const stored = this.stored();
    const attempts = stored.kind === 'on' ? stored.record : noAttempts;
    const settings = this.deps.settings.get();
    return {
      enabled: stored.kind !== 'off',
      locked: this.locked,
      idleSeconds: settings.appLockIdleSeconds,
      failedAttempts: attempts.failed,
      retryAt: retryAt({ failed: attempts.failed, lastFailedAt: attempts.lastFailedAt }, this.deps.now()),
      language: settings.language,
      theme: settings.theme,
    };
  }

  /** The renderer saw the user do something: the idle time starts again. */
  activity(): AppLockStatus {
    if (!this.locked) this.lastActivityAt = this.deps.now();
    return this.status();
  }

  lock(): AppLockStatus {
    if (this.stored().kind === 'off') throw new AppError('CONFLICT', appLockTexts.notEnabled());
    this.lockNow('manual');
    return this.status();
  }

  unlock(passphrase: string): Promise<AppLockStatus> {
    return this.queued(async () => {
      if (!this.locked) return this.status();
      const record = this.requireRecord();
      await this.check(record, passphrase, appLockTexts.wrongPassphrase());
      this.locked = false;
      this.lastActivityAt = this.deps.now();
      this.deps.logger.info('app lock: unlocked');
      this.schedule();
      this.changed();
      return this.status();
    });
  }

  enable(passphrase: string): Promise<AppLockStatus> {
    return this.queued(async () => {
      if (this.stored().kind !== 'off') throw new AppError('CONFLICT', appLockTexts.alreadyEnabled());
      const verifier = await createVerifier(passphrase, this.deps.scrypt);
      this.file.write({ version: 1, verifier, ...noAttempts });
      this.lastActivityAt = this.deps.now();
      this.deps.activity.record('appLock.enabled', {});
      this.deps.logger.info('app lock: turned on');
      this.schedule();
      this.changed();
      return this.status();
    });
  }

  change(current: string, next: string): Promise<AppLockStatus> {
    return this.queued(async () => {
      const record = this.requireRecord();
      await this.check(record, current, appLockTexts.wrongCurrentPassphrase());
      if (current === next) throw new AppError('VALIDATION', appLockTexts.samePassphrase());
      const verifier = await createVerifier(next, this.deps.scrypt);
      this.file.write({ version: 1, verifier, ...noAttempts });
      this.deps.activity.record('appLock.passphraseChanged', {});
      this.deps.logger.info('app lock: passphrase changed');
      this.changed();
      return this.status();
    });
  }

  disable(current: string): Promise<AppLockStatus> {
    return this.queued(async () => {
      const record = this.requireRecord();
      await this.check(record, current, appLockTexts.wrongCurrentPassphrase());
      this.file.remove();
      this.locked = false;
      this.deps.activity.record('appLock.disabled', {});
      this.deps.logger.info('app lock: turned off');
      this.schedule();
      this.changed();
      return this.status();
    });
  }

  /** Locks when the idle time has passed since the last activity; otherwise waits for the rest of it. */
  checkIdle(): void {
    if (this.locked || this.stored().kind !== 'on') return;
    const idleMs = this.deps.settings.get().appLockIdleSeconds * 1000;
    if (this.deps.now() - this.lastActivityAt >= idleMs) this.lockNow('idle');
    else this.schedule();
  }

  private lockNow(reason: 'manual' | 'idle'): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.locked) return;
    this.locked = true;
    this.deps.logger.info({ reason }, 'app lock: locked');
    this.changed();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.locked || this.stored().kind !== 'on') return;
    const idleMs = this.deps.settings.get().appLockIdleSeconds * 1000;
    const wait = Math.max(0, this.lastActivityAt + idleMs - this.deps.now());
    this.timer = setTimeout(() => this.checkIdle(), wait + 50);
    this.timer.unref();
  }

  /**
   * Compares a typed passphrase with the verifier, after any wait is over. A wrong one is counted in the file
   * before the error goes back, so a crash or restart does not reset the wait.
   */
  private async check(
    record: AppLockRecord,
    passphrase: string,
    wrong: ReturnType<typeof appLockTexts.wrongPassphrase>,
  ): Promise<void> {
    const waitUntil = retryAt(record, this.deps.now());
    if (waitUntil !== null) {
      const seconds = Math.ceil((waitUntil - this.deps.now()) / 1000);
      throw new AppError('RATE_LIMITED', appLockTexts.tooManyAttempts({ seconds }), {
        appLock: 'wait',
        retryAt: waitUntil,
      });
    }
    if (await verifyPassphrase(passphrase, record.verifier)) {
      if (record.failed > 0) this.file.write({ ...record, ...noAttempts });
      return;
    }
    const next = { ...record, ...afterFailure(record, this.deps.now()) };
    this.file.write(next);
    this.deps.logger.warn({ failedAttempts: next.failed }, 'app lock: wrong passphrase');
    this.changed();
    throw new AppError('VALIDATION', wrong, {
      appLock: 'wrong_passphrase',
      retryAt: retryAt(next, this.deps.now()),
    });
  }

  private requireRecord(): AppLockRecord {
    const stored = this.stored();
    if (stored.kind === 'off') throw new AppError('CONFLICT', appLockTexts.notEnabled());
    if (stored.kind === 'broken')
      throw new AppError('LOCKED', appLockTexts.fileUnreadable(), { appLock: 'file' });
    return stored.record;
  }

  private stored(): Stored {
    try {
      const record = this.file.read();
      return record ? { kind: 'on', record } : { kind: 'off' };
    } catch (err) {
      if (!isAppError(err)) throw err;
      return { kind: 'broken' };
    }
  }

  private queued<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private changed(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}
