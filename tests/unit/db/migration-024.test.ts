import { expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

it('migration 024 keeps scores set by hand and adds their reason and date, unknown for older ones', () => {
  const at = databaseBefore(24);
  at.db
    .prepare(
      `INSERT INTO creators (id, canonical_id, origin, handle, score_override, first_seen_at, updated_at)
       VALUES (1, 1, 'manual', 'kept_score', 87, 1, 1), (2, 2, 'manual', 'no_override', NULL, 1, 1)`,
    )
    .run();
  const db = at.upgrade();
  expect(
    db
      .prepare(
        'SELECT id, score_override, score_override_reason, score_override_at FROM creators ORDER BY id',
      )
      .all(),
  ).toEqual([
    { id: 1, score_override: 87, score_override_reason: null, score_override_at: null },
    { id: 2, score_override: null, score_override_reason: null, score_override_at: null },
  ]);
});
