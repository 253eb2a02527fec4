import { expect, it } from 'vitest';
import { m025ProfileIdentityFields } from '../../../src-main/db/migrations/025-profile-identity-fields';
import { databaseBefore } from '../../helpers/migrations';

it('migration 025 renames login.* to identity.* in the activity log’s profile entries, and only there', () => {
  const at = databaseBefore(25);
  const insert = at.db.prepare('INSERT INTO activity_log (id, at, kind, params) VALUES (?, ?, ?, ?)');
  insert.run(
    1,
    1,
    'profile.updated',
    JSON.stringify({ fields: 'shop.appKey, login.clientKey, login.clientSecret', selected: 'production' }),
  );
  insert.run(2, 2, 'profile.updated', JSON.stringify({ fields: 'ads.secret', selected: 'sandbox' }));
  insert.run(3, 3, 'settings.updated', JSON.stringify({ fields: 'launchAtLogin' }));
  insert.run(4, 4, 'account.connected', JSON.stringify({ name: 'login.clientKey fan' }));
  expect(m025ProfileIdentityFields.alreadyApplied?.(at.db)).toBe(false);

  const db = at.upgrade();
  const rows = () =>
    db.prepare('SELECT id, kind, params FROM activity_log ORDER BY id').all() as Array<{ params: string }>;
  const after = rows();
  expect(after.map((r) => JSON.parse(r.params) as unknown)).toEqual([
    { fields: 'shop.appKey, identity.clientKey, identity.clientSecret', selected: 'production' },
    { fields: 'ads.secret', selected: 'sandbox' },
    { fields: 'launchAtLogin' },
    { name: 'login.clientKey fan' },
  ]);

  // Once more (as a ledger-less database would be probed, or a rerun): nothing left to change.
  expect(m025ProfileIdentityFields.alreadyApplied?.(db)).toBe(true);
  m025ProfileIdentityFields.up(db);
  expect(rows()).toEqual(after);
});
