import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../helpers/migrations';

describe('migration 006: collaboration status', () => {
  it('gives every stored collaboration a status from its end time, keeping its other columns', () => {
    const at = databaseBefore(6);
    at.db
      .prepare(
        `INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
         VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1)`,
      )
      .run();
    const insert = at.db.prepare(
      `INSERT INTO collaborations (collaboration_id, account_id, shop_id, name, end_time, invited_count, etag, synced_at)
       VALUES (?, 'a1', 's1', ?, ?, ?, 'e', 1)`,
    );
    const now = Date.now();
    insert.run('ended', 'Spring launch', now - 86_400_000, 12);
    insert.run('running', 'Summer launch', now + 86_400_000, 30);
    insert.run('open-ended', 'Evergreen', null, 5);

    const db = at.upgrade(6);

    expect(
      db
        .prepare('SELECT collaboration_id, name, invited_count, status FROM collaborations ORDER BY name')
        .all(),
    ).toEqual([
      { collaboration_id: 'open-ended', name: 'Evergreen', invited_count: 5, status: 'VALID' },
      { collaboration_id: 'ended', name: 'Spring launch', invited_count: 12, status: 'COMPLETED' },
      { collaboration_id: 'running', name: 'Summer launch', invited_count: 30, status: 'VALID' },
    ]);
  });
});
