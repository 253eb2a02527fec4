import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

describe('migration 019 (activity entries linked to their Account)', () => {
  it('links entries that name exactly one Account and leaves the rest alone', () => {
    const at = databaseBefore(19);
    at.db.exec(`
      INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
        VALUES ('a1', 'shop', 'active', 'r1', 'Sunny US', 1, 1),
               ('a2', 'ads', 'active', 'r2', 'Twin', 1, 1),
               ('a3', 'shop', 'active', 'r3', 'Twin', 1, 1);
      INSERT INTO activity_log (at, kind, params) VALUES
        (10, 'account.connected', '{"name":"Sunny US"}'),
        (11, 'sync.finished', '{"account":"Sunny US","outcome":"ok"}'),
        (12, 'account.connected', '{"name":"Twin"}'),
        (13, 'settings.updated', '{"fields":"theme"}'),
        (14, 'account.disconnected', '{"name":"Gone shop"}');
    `);
    const db = at.upgrade();
    expect(db.prepare('SELECT at, kind, account_id FROM activity_log ORDER BY at').all()).toEqual([
      { at: 10, kind: 'account.connected', account_id: 'a1' },
      { at: 11, kind: 'sync.finished', account_id: 'a1' },
      { at: 12, kind: 'account.connected', account_id: null },
      { at: 13, kind: 'settings.updated', account_id: null },
      { at: 14, kind: 'account.disconnected', account_id: null },
    ]);
    // The params are untouched.
    expect(db.prepare('SELECT params FROM activity_log WHERE at = 11').pluck().get()).toBe(
      '{"account":"Sunny US","outcome":"ok"}',
    );
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM activity_log WHERE at < ?')
      .all(5)
      .map((r) => (r as { detail: string }).detail)
      .join(' ');
    expect(plan).toMatch(/activity_log_at/);
  });
});
