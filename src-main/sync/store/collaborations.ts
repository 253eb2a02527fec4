import type { Database, Statement } from 'better-sqlite3';
import type { Collaboration, CollaborationCreator } from '../../tiktok/shop/collaborations';
import { etag } from '../etag';
import type { Counts } from '../job';
import type { CreatorStore } from './creators';

export interface CollaborationWithCreators {
  collaboration: Collaboration;
  /** Null when the detail was not fetched (finished collaborations): keep what is stored. */
  creators: CollaborationCreator[] | null;
  /** The invitation's products (not DELETED); null or absent when the detail was not fetched. */
  productIds?: string[] | null;
}

export class CollaborationWriter {
  private readonly selectTag: Statement<[string], { etag: string }>;
  private readonly upsert: Statement;
  private readonly deleteCreators: Statement<[string]>;
  private readonly insertCreator: Statement;
  private readonly deleteProducts: Statement<[string]>;
  private readonly insertProduct: Statement<[string, string]>;
  private readonly selectValid: Statement<[string, string], { collaboration_id: string }>;
  private readonly setRemoved: Statement<[string]>;

  constructor(
    db: Database,
    private readonly creators: CreatorStore,
  ) {
    this.selectTag = db.prepare('SELECT etag FROM collaborations WHERE collaboration_id = ?');
    this.upsert = db.prepare(`
      INSERT INTO collaborations (collaboration_id, account_id, shop_id, status, name, message, start_time,
        end_time, update_time, invited_count, showcase_count, content_count, product_count, has_free_sample, etag,
        synced_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (collaboration_id) DO UPDATE SET account_id = excluded.account_id, shop_id = excluded.shop_id,
        status = excluded.status,
        name = excluded.name, message = excluded.message, start_time = excluded.start_time,
        end_time = excluded.end_time, update_time = excluded.update_time, invited_count = excluded.invited_count,
        showcase_count = excluded.showcase_count, content_count = excluded.content_count,
        product_count = excluded.product_count, has_free_sample = excluded.has_free_sample, etag = excluded.etag,
        synced_at = excluded.synced_at`);
    this.deleteCreators = db.prepare('DELETE FROM collaboration_creators WHERE collaboration_id = ?');
    this.deleteProducts = db.prepare('DELETE FROM collaboration_products WHERE collaboration_id = ?');
    this.insertProduct = db.prepare(
      'INSERT OR IGNORE INTO collaboration_products (collaboration_id, product_id) VALUES (?, ?)',
    );
    this.selectValid = db.prepare(
      `SELECT collaboration_id FROM collaborations WHERE account_id = ? AND shop_id = ? AND status IN ('VALID', 'CANCELING')`,
    );
    this.setRemoved = db.prepare(`UPDATE collaborations SET status = 'REMOVED' WHERE collaboration_id = ?`);
    this.insertCreator = db.prepare(`
      INSERT OR REPLACE INTO collaboration_creators (collaboration_id, creator_id, showcase_product_count,
        content_product_count, status, accepted) VALUES (?, ?, ?, ?, ?, ?)`);
  }

  write(accountId: string, shopId: string, items: readonly CollaborationWithCreators[], now: number): Counts {
    let inserted = 0;
    let updated = 0;
    for (const { collaboration: c, creators, productIds } of items) {
      // The products join the etag only when read: a collaboration synced before they were kept is rewritten.
      const tag = etag(productIds ? { c, creators, productIds } : { c, creators });
      const old = this.selectTag.get(c.collaborationId);
      if (old?.etag === tag) continue;
      if (old) updated++;
      else inserted++;
      this.upsert.run(
        c.collaborationId,
        accountId,
        shopId,
        c.status,
        c.name,
        c.message,
        c.startTime,
        c.endTime,
        c.updateTime,
        c.invitedCount,
        c.showcaseCount,
        c.contentCount,
        c.productCount,
        c.hasFreeSample ? 1 : 0,
        tag,
        now,
      );
      if (productIds) {
        this.deleteProducts.run(c.collaborationId);
        for (const id of productIds) this.insertProduct.run(c.collaborationId, id);
      }
      if (creators === null) continue;
      this.deleteCreators.run(c.collaborationId);
      for (const cr of creators) {
        const creatorId = this.creators.resolve(
          {
            openId: cr.openId,
            handle: cr.handle,
            nickname: cr.nickname,
            avatarUrl: cr.avatarUrl,
            region: cr.region,
          },
          { accountId, shopId, source: 'collaboration' },
          now,
        );
        if (creatorId === null) continue;
        this.insertCreator.run(
          c.collaborationId,
          creatorId,
          cr.showcaseProductCount,
          cr.contentProductCount,
          cr.status,
          cr.showcaseProductCount > 0 ? 1 : 0,
        );
      }
    }
    return { inserted, updated };
  }

  /** Ids stored as still running (VALID or CANCELING) for this shop. */
  activeIds(accountId: string, shopId: string): string[] {
    return this.selectValid.all(accountId, shopId).map((r) => r.collaboration_id);
  }

  /** A collaboration neither search returns any more (deleted on TikTok): kept, marked, not re-read. */
  markRemoved(collaborationId: string): void {
    this.setRemoved.run(collaborationId);
  }
}
