import { hasTable, type Migration } from './migration';

/**
 * The Profile's Login Kit credential block is called `identity` (it was `login`; the settings file and the
 * sealed secret are upgraded by `profile/login-to-identity.ts`, which needs the vault key). What the database
 * holds under the old name is the activity log's `profile.updated` entries, whose `fields` list the changed
 * paths (`login.clientKey, login.clientSecret`); the Activity page translates them by path, so they are
 * renamed too. Running it again finds nothing to rename.
 */
const renamed = `REPLACE(REPLACE(json_extract(params, '$.fields'),
    'login.clientKey', 'identity.clientKey'), 'login.clientSecret', 'identity.clientSecret')`;
const stale = `kind = 'profile.updated' AND json_valid(params)
  AND (json_extract(params, '$.fields') LIKE '%login.clientKey%'
    OR json_extract(params, '$.fields') LIKE '%login.clientSecret%')`;

export const m025ProfileIdentityFields: Migration = {
  version: 25,
  name: 'activity log: profile fields named identity.* instead of login.*',
  alreadyApplied: (db) =>
    !hasTable(db, 'activity_log') ||
    db.prepare(`SELECT 1 FROM activity_log WHERE ${stale} LIMIT 1`).get() === undefined,
  up(db) {
    db.exec(`UPDATE activity_log SET params = json_set(params, '$.fields', ${renamed}) WHERE ${stale}`);
  },
};
