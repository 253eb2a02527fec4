import { hasColumn, type Migration } from './migration';

/**
 * A score set by hand keeps why and when (docs/creators.md "Scores"): the creator detail shows the reason in
 * the score's explanation, so the merchant remembers why one creator outranks the rules. Overrides set
 * before this migration keep their score; their reason and date are unknown (NULL).
 */
export const m024ScoreOverrideReason: Migration = {
  version: 24,
  name: 'creators: reason and date of a score set by hand',
  alreadyApplied: (db) => hasColumn(db, 'creators', 'score_override_reason'),
  up(db) {
    db.exec(`
      ALTER TABLE creators ADD COLUMN score_override_reason TEXT;
      ALTER TABLE creators ADD COLUMN score_override_at INTEGER;
    `);
  },
};
