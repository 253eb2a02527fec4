import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountsRepository } from '../../../src-main/accounts/repository';
import { runRetention, scheduleRetention } from '../../../src-main/accounts/retention';
import { openDatabase, type Database } from '../../../src-main/db/connection';
import { silentLogger } from '../../../src-main/log/logger';
import type { Vault } from '../../../src-main/vault/vault';

const DAY = 86_400_000;
let db: Database;
afterEach(() => db?.close());

function seed(id: string, status: string, deletionAt: number | null): void {
  db.prepare(
    `INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at, disconnected_at, data_deletion_at)
     VALUES (?, 'shop', ?, ?, ?, 0, 0, ?, ?)`,
  ).run(id, status, `remote-${id}`, `Name ${id}`, deletionAt === null ? null : 0, deletionAt);
}

function setup(now: () => number) {
  db = openDatabase(':memory:');
  // Retention never touches secrets; a vault is not needed to decide what is due.
  const repo = new AccountsRepository(db, {} as Vault, now);
  return repo;
}

describe('retention', () => {
  it('purges exactly the disconnected Accounts whose deletion date has passed, by the injected clock', () => {
    let now = 100 * DAY;
    const repo = setup(() => now);
    seed('due', 'revoked', 99 * DAY);
    seed('later', 'revoked', 120 * DAY);
    seed('active', 'active', null);
    seed('remote-revoked', 'revoked', null);
    const purged: string[] = [];
    const deps = { db, repo, now: () => now, logger: silentLogger(), purge: (id: string) => purged.push(id) };
    expect(runRetention(deps)).toEqual(['due']);
    expect(purged).toEqual(['due']);
    now = 120 * DAY;
    expect(runRetention(deps)).toEqual(['due', 'later']); // the fake purge did not clear the date
  });

  it('keeps going when one purge fails, and reports only those that succeeded', () => {
    const repo = setup(() => 10 * DAY);
    seed('a', 'revoked', DAY);
    seed('b', 'revoked', DAY);
    const deps = {
      db,
      repo,
      now: () => 10 * DAY,
      logger: silentLogger(),
      purge: (id: string) => {
        if (id === 'a') throw new Error('boom');
      },
    };
    expect(runRetention(deps)).toEqual(['b']);
  });

  it('runs at start-up and then once a day until stopped', () => {
    vi.useFakeTimers();
    try {
      const repo = setup(() => 10 * DAY);
      seed('a', 'revoked', DAY);
      let runs = 0;
      const scheduler = scheduleRetention({
        db,
        repo,
        now: () => 10 * DAY,
        logger: silentLogger(),
        purge: () => void runs++,
      });
      expect(runs).toBe(1);
      vi.advanceTimersByTime(DAY - 1);
      expect(runs).toBe(1);
      vi.advanceTimersByTime(1);
      expect(runs).toBe(2);
      vi.advanceTimersByTime(2 * DAY);
      expect(runs).toBe(4);
      scheduler.stop();
      vi.advanceTimersByTime(3 * DAY);
      expect(runs).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });
});
