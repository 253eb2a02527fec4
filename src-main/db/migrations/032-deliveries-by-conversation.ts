import type { Migration } from './migration';

/**
 * Deliveries found by their conversation: the conversation sync asks, for every conversation it writes,
 * which creator open id an outreach message opened it for (docs/creators.md, merge rule 2), and the
 * Outreach results look for replies by conversation. Without the index each was a scan of every Delivery.
 */
export const m032DeliveriesByConversation: Migration = {
  version: 32,
  name: 'deliveries: index by conversation',
  alreadyApplied: (db) =>
    db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'deliveries_conversation'")
      .get() !== undefined,
  up(db) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS deliveries_conversation ON deliveries (conversation_id)
        WHERE conversation_id IS NOT NULL;
    `);
  },
};
