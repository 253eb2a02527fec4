import { hasColumn, type Migration } from './migration';

/**
 * Follow-ups (docs/outreach.md "Follow-ups") and the quick replies of the inbox (docs/inbox.md).
 *
 * A follow-up is a Delivery like any other (same idempotency key rule, same `sending` before the request,
 * same reconciliation), numbered by `step`: 0 is the first contact, n the nth follow-up. It waits with
 * `next_attempt_at` at the far future until the step before it went out; the partial index keeps the
 * queue's look at waiting follow-ups cheap however large the Outreach.
 *
 * A quick reply from the inbox is a write to TikTok outside any Outreach: `inbox_replies` holds it with its
 * own idempotency key and the same states as a Delivery's request, so a lost answer is reconciled by
 * reading the conversation back, never resent blind.
 */
export const m022FollowUpsAndInbox: Migration = {
  version: 22,
  name: 'outreach follow-ups (delivery step) and inbox quick replies',
  alreadyApplied: (db) => hasColumn(db, 'deliveries', 'step'),
  up(db) {
    db.exec(`
      ALTER TABLE deliveries ADD COLUMN step INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX deliveries_followups ON deliveries (state, step) WHERE step > 0;

      CREATE TABLE inbox_replies (
        id               INTEGER PRIMARY KEY,
        account_id       TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id          TEXT    NOT NULL,
        conversation_id  TEXT    NOT NULL,
        idempotency_key  TEXT    NOT NULL UNIQUE,   -- from the renderer: a repeated click sends nothing twice
        template_id      INTEGER,
        text             TEXT    NOT NULL,
        state            TEXT    NOT NULL CHECK (state IN ('sending', 'maybe_sent', 'sent', 'not_sent', 'failed')),
        remote_id        TEXT,                      -- TikTok's message id once known
        reason_detail    TEXT,                      -- TikTok's words when it refused
        sending_at       INTEGER NOT NULL,
        sent_at          INTEGER,
        updated_at       INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX inbox_replies_conversation ON inbox_replies (conversation_id, id);
      CREATE INDEX inbox_replies_state ON inbox_replies (state) WHERE state IN ('sending', 'maybe_sent');
    `);
  },
};
