import { hasColumn, type Migration } from './migration';

/**
 * Activity entries say which Account they are about, so the retention purge can delete an Account's entries
 * with its data (the entries name the Account; a purged Account must leave no name behind), and the 180-day
 * rule finds old entries by time without scanning. Existing entries about an Account (`account.*` name it in
 * `name`, `sync.finished` in `account`) are linked when exactly one Account has that display name; an
 * ambiguous name stays unlinked rather than linked to the wrong Account.
 */
export const m019ActivityAccount: Migration = {
  version: 19,
  name: 'activity entries linked to their Account',
  alreadyApplied: (db) => hasColumn(db, 'activity_log', 'account_id'),
  up(db) {
    db.exec(`
      ALTER TABLE activity_log ADD COLUMN account_id TEXT;  -- no foreign key: the purge deletes these rows itself
      CREATE INDEX activity_log_account ON activity_log (account_id) WHERE account_id IS NOT NULL;
      CREATE INDEX activity_log_at ON activity_log (at);
      UPDATE activity_log
         SET account_id = (SELECT a.id FROM accounts a
                            WHERE a.display_name = CASE WHEN activity_log.kind = 'sync.finished'
                                                        THEN json_extract(activity_log.params, '$.account')
                                                        ELSE json_extract(activity_log.params, '$.name') END)
       WHERE (kind LIKE 'account.%' OR kind = 'sync.finished')
         AND (SELECT count(*) FROM accounts a
               WHERE a.display_name = CASE WHEN activity_log.kind = 'sync.finished'
                                           THEN json_extract(activity_log.params, '$.account')
                                           ELSE json_extract(activity_log.params, '$.name') END) = 1;
    `);
  },
};
