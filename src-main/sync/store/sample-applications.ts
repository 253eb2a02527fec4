import type { Database, Statement } from 'better-sqlite3';
import type { SampleApplication, SampleContent } from '../../tiktok/shop/sample-applications';
import { DAY_MS } from '../../core/time';
import { etag } from '../etag';
import type { Counts } from '../job';
import type { CreatorStore } from './creators';

/**
 * How long a creator has to post after receiving a sample (TikTok's sample rules, see
 * docs/tiktok-api/affiliate-creators-and-samples.md). Counted from the first sync that saw the parcel
 * arrive, so the deadline ShopMesh shows is never earlier than TikTok's own.
 */
export const SAMPLE_CONTENT_WINDOW_MS = 14 * DAY_MS;

export interface SampleWithContent {
  application: SampleApplication;
  /** Null when the content was not fetched this time: keep what is stored. */
  contents: SampleContent[] | null;
}

interface StoredState {
  etag: string;
  status: string;
  status_since: number;
  delivered_at: number | null;
  first_content_at: number | null;
}

/** Statuses in which the creator has the sample (or had it): delivery happened at the latest then. */
const receivedStatuses = new Set(['CONTENT_PENDING', 'COMPLETED', 'UNFULFILL_CANCELLED', 'OPS_COMPLETED']);

export class SampleApplicationWriter {
  private readonly selectState: Statement<[string], StoredState>;
  private readonly upsert: Statement;
  private readonly insertContent: Statement;
  private readonly selectOpen: Statement<
    [string, string],
    { application_id: string; creator_open_id: string | null; product_id: string | null }
  >;

  constructor(
    db: Database,
    private readonly creators: CreatorStore,
  ) {
    this.selectState = db.prepare(
      'SELECT etag, status, status_since, delivered_at, first_content_at FROM sample_applications WHERE application_id = ?',
    );
    this.upsert = db.prepare(`
      INSERT INTO sample_applications (application_id, account_id, shop_id, creator_id, creator_open_id,
        creator_handle, creator_nickname, product_id, product_title, sku_id, sku_name, sku_image_url, status,
        fulfillment_status, commission_bp, order_id, tracking_number, available_quantity, approve_expires_at,
        ship_expires_at, is_approvable, disapprovable_reasons, partner_name, creator_stats, first_seen_at,
        status_since, delivered_at, content_due_at, first_content_at, etag, synced_at)
      VALUES (@applicationId, @accountId, @shopId, @creatorId, @creatorOpenId, @creatorHandle, @creatorNickname,
        @productId, @productTitle, @skuId, @skuName, @skuImageUrl, @status, @fulfillmentStatus, @commissionBp,
        @orderId, @trackingNumber, @availableQuantity, @approveExpiresAt, @shipExpiresAt, @isApprovable,
        @disapprovableReasons, @partnerName, @creatorStats, @now, @statusSince, @deliveredAt, @contentDueAt,
        @firstContentAt, @etag, @now)
      ON CONFLICT (application_id) DO UPDATE SET account_id = excluded.account_id, shop_id = excluded.shop_id,
        creator_id = COALESCE(excluded.creator_id, creator_id), creator_open_id = excluded.creator_open_id,
        creator_handle = excluded.creator_handle, creator_nickname = excluded.creator_nickname,
        product_id = excluded.product_id, product_title = excluded.product_title, sku_id = excluded.sku_id,
        sku_name = excluded.sku_name, sku_image_url = excluded.sku_image_url, status = excluded.status,
        fulfillment_status = excluded.fulfillment_status, commission_bp = excluded.commission_bp,
        order_id = excluded.order_id, tracking_number = excluded.tracking_number,
        available_quantity = excluded.available_quantity, approve_expires_at = excluded.approve_expires_at,
        ship_expires_at = excluded.ship_expires_at, is_approvable = excluded.is_approvable,
        disapprovable_reasons = excluded.disapprovable_reasons, partner_name = excluded.partner_name,
        creator_stats = excluded.creator_stats, status_since = excluded.status_since,
        delivered_at = excluded.delivered_at, content_due_at = excluded.content_due_at,
        first_content_at = excluded.first_content_at, etag = excluded.etag, synced_at = excluded.synced_at`);
    this.insertContent = db.prepare(`
      INSERT OR REPLACE INTO sample_contents (application_id, content_id, format, url, page_link, description,
        views, likes, comments, paid_orders, created_at, live_ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.selectOpen = db.prepare(`
      SELECT application_id, creator_open_id, product_id FROM sample_applications
      WHERE account_id = ? AND shop_id = ? AND status IN ('PENDING', 'AWAITING_SHIPMENT', 'SHIPPED', 'CONTENT_PENDING')`);
  }

  /** True when the stored row lacks the creator's content although TikTok says there is some. */
  needsContent(app: SampleApplication): boolean {
    const posted =
      app.status === 'COMPLETED' ||
      app.status === 'OPS_COMPLETED' ||
      app.fulfillmentStatus === 'ONGOING' ||
      app.fulfillmentStatus === 'SUCCEED';
    if (!posted) return false;
    const stored = this.selectState.get(app.applicationId);
    return stored?.first_content_at == null || stored.status !== app.status;
  }

  write(accountId: string, shopId: string, items: readonly SampleWithContent[], now: number): Counts {
    let inserted = 0;
    let updated = 0;
    for (const { application: a, contents } of items) {
      const old = this.selectState.get(a.applicationId);
      const contentTimes = (contents ?? []).map((c) => c.createdAt).filter((t): t is number => t !== null);
      const firstContentAt =
        contentTimes.length > 0
          ? Math.min(...contentTimes, old?.first_content_at ?? Infinity)
          : (old?.first_content_at ?? null);
      const tag = etag({ a, firstContentAt });
      // Fresh figures of known posts are stored without counting the application as changed.
      if (old?.etag === tag) {
        this.writeContents(a.applicationId, contents);
        continue;
      }
      if (old) updated++;
      else inserted++;
      const deliveredAt = old?.delivered_at ?? (receivedStatuses.has(a.status) ? now : null);
      const creatorId =
        a.creator.openId || a.creator.handle
          ? this.creators.resolve(
              {
                openId: a.creator.openId,
                handle: a.creator.handle,
                nickname: a.creator.nickname,
                avatarUrl: a.creator.avatarUrl,
              },
              // Sample applications come through the shop's open collaboration.
              { accountId, shopId, source: 'collaboration' },
              now,
            )
          : null;
      this.upsert.run({
        applicationId: a.applicationId,
        accountId,
        shopId,
        creatorId,
        creatorOpenId: a.creator.openId,
        creatorHandle: a.creator.handle,
        creatorNickname: a.creator.nickname,
        productId: a.product.productId,
        productTitle: a.product.title,
        skuId: a.product.skuId,
        skuName: a.product.skuName,
        skuImageUrl: a.product.skuImageUrl,
        status: a.status,
        fulfillmentStatus: a.fulfillmentStatus,
        commissionBp: a.commissionBp,
        orderId: a.orderId,
        trackingNumber: a.trackingNumber,
        availableQuantity: a.availableQuantity,
        approveExpiresAt: a.approveExpiresAt,
        shipExpiresAt: a.shipExpiresAt,
        isApprovable: a.isApprovable ? 1 : 0,
        disapprovableReasons: JSON.stringify(a.disapprovableReasons),
        partnerName: a.partnerName,
        creatorStats: JSON.stringify({
          followers: a.creator.followers,
          gmv30d: a.creator.gmv30d,
          contents30d: a.creator.contents30d,
          fulfillmentRate: a.creator.fulfillmentRate,
          medianVideoViews: a.creator.medianVideoViews,
        }),
        now,
        statusSince: old && old.status === a.status ? old.status_since : now,
        deliveredAt,
        contentDueAt: deliveredAt === null ? null : deliveredAt + SAMPLE_CONTENT_WINDOW_MS,
        firstContentAt,
        etag: tag,
      });
      this.writeContents(a.applicationId, contents);
    }
    return { inserted, updated };
  }

  private writeContents(applicationId: string, contents: readonly SampleContent[] | null): void {
    for (const c of contents ?? []) {
      this.insertContent.run(
        applicationId,
        c.contentId,
        c.format,
        c.url,
        c.pageLink,
        c.description,
        c.views,
        c.likes,
        c.comments,
        c.paidOrders,
        c.createdAt,
        c.liveEndedAt,
      );
    }
  }

  /** Applications stored as still open for this shop: each must be seen again to learn how it ended. */
  openApplications(
    accountId: string,
    shopId: string,
  ): Array<{ applicationId: string; creatorOpenId: string | null; productId: string | null }> {
    return this.selectOpen.all(accountId, shopId).map((r) => ({
      applicationId: r.application_id,
      creatorOpenId: r.creator_open_id,
      productId: r.product_id,
    }));
  }
}
