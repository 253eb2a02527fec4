import type { Database } from 'better-sqlite3';

/**
 * "Delete my data" for one Account: its Outreaches (Deliveries and batches go with them), its weekly-pool
 * counts, remembered privacy refusals, the templates kept to it and its uploads of message images. Templates
 * shared by every shop stay, and so do the pictures themselves (the merchant's, not the Account's).
 */
export function purgeAccountOutreach(db: Database, accountId: string): void {
  for (const table of [
    'outreaches',
    'outreach_pool',
    'outreach_pool_exhausted',
    'creator_privacy_refusals',
    'templates',
    'message_image_uploads',
  ])
    db.prepare(`DELETE FROM ${table} WHERE account_id = ?`).run(accountId);
}
