import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppLockStatus } from '@shared/app-lock';
import { isAppError } from '@shared/errors';
import { ActivityLog } from '../../../src-main/activity/activity-log';
import { appLockFileName } from '../../../src-main/app-lock/lock-file';
import { AppLockService } from '../../../src-main/app-lock/service';
import { type Database, openDatabase } from '../../../src-main/db/connection';
import { silentLogger } from '../../../src-main/log/logger';
import { createConfSettingsStore } from '../../../src-main/settings/conf-store';
import { SettingsService } from '../../../src-main/settings/settings-service';
import { makeTempDir } from '../../helpers/tmp';

const cheap = { N: 2 ** 10, r: 8, p: 1 };
let dir: string;
let cleanup: () => void;
let db: Database;
let settings: SettingsService;
let activity: ActivityLog;
let clock: number;
let services: AppLockService[];

function make(): AppLockService {
  const s = new AppLockService({
    dataDir: dir,
    settings,
    activity,
    logger: silentLogger(),
    now: () => clock,
    scrypt: cheap,
  });
  services.push(s);
  return s;
}

async function failure(work: Promise<unknown>): Promise<{ code: string; key?: string; details?: unknown }> {
  try {
    await work;
  } catch (err) {
    if (isAppError(err))
      return { code: err.code, ...(err.key ? { key: err.key } : {}), details: err.details };
    throw err;
  }
  throw new Error('expected a refusal');
}

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  db = openDatabase(join(dir, 'shopmesh.db'));
  settings = new SettingsService(createConfSettingsStore(dir), silentLogger());
  activity = new ActivityLog(db, () => clock);
  clock = 1_700_000_000_000;
  services = [];
});
afterEach(() => {
  for (const s of services) s.close();
  db.close();
  cleanup();
});

describe('AppLockService', () => {
  it('is off until turned on; then locked at every start and unlocked by the passphrase', async () => {
    const first = make();
    expect(first.status()).toMatchObject({ enabled: false, locked: false, failedAttempts: 0, retryAt: null });
    expect((await failure(Promise.resolve().then(() => first.lock()))).code).toBe('CONFLICT');
    await first.enable('a long passphrase');
    expect(first.status()).toMatchObject({ enabled: true, locked: false });
    // The file holds the verifier only, 600.
    const file = join(dir, appLockFileName);
    expect(readFileSync(file, 'utf8')).not.toContain('a long passphrase');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);

    const restarted = make();
    expect(restarted.isLocked()).toBe(true);
    expect(restarted.status()).toMatchObject({ enabled: true, locked: true });
    await restarted.unlock('a long passphrase');
    expect(restarted.isLocked()).toBe(false);
    expect(activity.list({ limit: 10 }).items.map((e) => e.kind)).toContain('appLock.enabled');
  });

  it('a wrong passphrase is refused, counted, and the next attempt waits longer each time', async () => {
    const s = make();
    await s.enable('a long passphrase');
    s.lock();
    const wrong = await failure(s.unlock('not it'));
    expect(wrong).toMatchObject({
      code: 'VALIDATION',
      key: 'appLock.errors.wrongPassphrase',
      details: { appLock: 'wrong_passphrase', retryAt: clock + 1000 },
    });
    expect(s.status()).toMatchObject({ locked: true, failedAttempts: 1, retryAt: clock + 1000 });
    // Before the wait is over even the right passphrase is refused, unchecked.
    const early = await failure(s.unlock('a long passphrase'));
    expect(early).toMatchObject({ code: 'RATE_LIMITED', key: 'appLock.errors.tooManyAttempts' });
    expect(s.isLocked()).toBe(true);
    clock += 1000;
    await failure(s.unlock('still not it'));
    expect(s.status()).toMatchObject({ failedAttempts: 2, retryAt: clock + 2000 });
    // The count survives a restart: restarting is no way around the wait.
    expect(make().status()).toMatchObject({ failedAttempts: 2, retryAt: clock + 2000 });
    clock += 2000;
    await s.unlock('a long passphrase');
    expect(s.status()).toMatchObject({ locked: false, failedAttempts: 0, retryAt: null });
  });

  it('attempts run one at a time: parallel guesses are each checked after the one before', async () => {
    const s = make();
    await s.enable('a long passphrase');
    s.lock();
    const results = await Promise.allSettled([s.unlock('guess one'), s.unlock('guess two')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    // The second waited for the first's failure and met its wait instead of being checked.
    const second = (results[1] as PromiseRejectedResult).reason as { code: string };
    expect(second.code).toBe('RATE_LIMITED');
    expect(s.status().failedAttempts).toBe(1);
  });

  it('changing and turning off ask for the current passphrase; a wrong one changes nothing', async () => {
    const s = make();
    await s.enable('first passphrase');
    const before = readFileSync(join(dir, appLockFileName), 'utf8');
    expect((await failure(s.change('wrong one', 'second passphrase'))).key).toBe(
      'appLock.errors.wrongCurrentPassphrase',
    );
    expect(JSON.parse(readFileSync(join(dir, appLockFileName), 'utf8')).verifier).toEqual(
      JSON.parse(before).verifier,
    );
    clock += 1000;
    expect((await failure(s.change('first passphrase', 'first passphrase'))).key).toBe(
      'appLock.errors.samePassphrase',
    );
    await s.change('first passphrase', 'second passphrase');
    clock += 10_000;
    expect((await failure(s.disable('first passphrase'))).code).toBe('VALIDATION');
    clock += 10_000;
    await s.disable('second passphrase');
    expect(s.status()).toMatchObject({ enabled: false, locked: false });
    expect(make().isLocked()).toBe(false);
    expect(activity.list({ limit: 10 }).items.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['appLock.passphraseChanged', 'appLock.disabled']),
    );
  });

  it('locks after the idle time set in Settings, counted from the last activity', async () => {
    const s = make();
    const seen: AppLockStatus[] = [];
    s.onChange((status) => seen.push(status));
    settings.update({ appLockIdleSeconds: 60 });
    await s.enable('a long passphrase');
    clock += 59_000;
    s.checkIdle();
    expect(s.isLocked()).toBe(false);
    s.activity();
    clock += 30_000;
    s.checkIdle();
    expect(s.isLocked()).toBe(false);
    clock += 30_000;
    s.checkIdle();
    expect(s.isLocked()).toBe(true);
    expect(seen.at(-1)).toMatchObject({ locked: true, idleSeconds: 60 });
    // Activity while locked does not count.
    s.activity();
    expect(s.isLocked()).toBe(true);
  });

  it('the idle timer fires on its own, and again after an unlock', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const real = new AppLockService({
        dataDir: dir,
        settings,
        activity,
        logger: silentLogger(),
        now: Date.now,
        scrypt: cheap,
      });
      services.push(real);
      settings.update({ appLockIdleSeconds: 5 });
      real.start();
      await real.enable('a long passphrase');
      vi.advanceTimersByTime(4_000);
      expect(real.isLocked()).toBe(false);
      vi.advanceTimersByTime(1_100);
      expect(real.isLocked()).toBe(true);
      await real.unlock('a long passphrase');
      vi.advanceTimersByTime(5_100);
      expect(real.isLocked()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a file that cannot be read keeps the app locked rather than open', () => {
    writeFileSync(join(dir, appLockFileName), '{ not json');
    const s = make();
    expect(s.isLocked()).toBe(true);
    expect(s.status()).toMatchObject({ enabled: true, locked: true });
  });
});
