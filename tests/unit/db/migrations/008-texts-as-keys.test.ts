import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../helpers/migrations';

const expiredEnglish =
  'TikTok no longer accepts this sign-in (it expired or was ended). Reconnect to keep this account working.';

describe('migration 008: texts as keys', () => {
  it('turns English status reasons and sync errors into stored texts', () => {
    const at = databaseBefore(8);
    const account = at.db.prepare(
      `INSERT INTO accounts (id, provider, status, remote_id, display_name, status_reason, connected_at, updated_at)
       VALUES (?, 'shop', ?, ?, 'Seller', ?, 1, 1)`,
    );
    account.run('a1', 'expired', 'r1', expiredEnglish);
    account.run('a2', 'revoked', 'r2', 'Disconnected in ShopMesh.');
    account.run('a3', 'revoked', 'r3', 'Some sentence an older build wrote');
    account.run('a4', 'active', 'r4', null);
    const run = at.db.prepare(
      `INSERT INTO sync_runs (id, account_id, trigger, resources, started_at, outcome, error) VALUES (?, 'a1', 'manual', '[]', 1, 'failed', ?)`,
    );
    run.run('run1', 'TikTok Shop: Invalid shop_cipher (code 106011)');
    run.run('run2', 'ShopMesh stopped before this sync finished; the next sync resumes where it stopped.');
    run.run('run3', 'socket hang up');
    run.run('run4', null);
    at.db
      .prepare(
        `INSERT INTO sync_run_resources (run_id, scope, resource, outcome, error) VALUES ('run1', 's1', 'orders', 'failed', ?)`,
      )
      .run('Sync cancelled');

    const db = at.upgrade();

    const reasons = db.prepare('SELECT id, status_reason FROM accounts ORDER BY id').all() as Array<{
      id: string;
      status_reason: string | null;
    }>;
    expect(reasons.map((r) => [r.id, r.status_reason === null ? null : JSON.parse(r.status_reason)])).toEqual(
      [
        ['a1', { key: 'accounts.statusReason.expired', params: {} }],
        ['a2', { key: 'accounts.statusReason.disconnected', params: {} }],
        ['a3', { key: 'accounts.statusReason.revoked', params: {} }],
        ['a4', null],
      ],
    );
    const errors = db.prepare('SELECT id, error FROM sync_runs ORDER BY id').all() as Array<{
      id: string;
      error: string | null;
    }>;
    expect(errors.map((r) => [r.id, r.error === null ? null : JSON.parse(r.error)])).toEqual([
      [
        'run1',
        {
          key: 'tiktok.errors.refused',
          params: { service: 'TikTok Shop', message: 'Invalid shop_cipher', code: '106011' },
        },
      ],
      ['run2', { key: 'sync.errors.interrupted', params: {} }],
      ['run3', { key: 'sync.errors.earlierFailure', params: { english: 'socket hang up' } }],
      ['run4', null],
    ]);
    expect(JSON.parse(db.prepare('SELECT error FROM sync_run_resources').pluck().get() as string)).toEqual({
      key: 'sync.errors.cancelled',
      params: {},
    });
  });
});
