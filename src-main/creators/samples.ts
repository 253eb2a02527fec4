import type { Database } from 'better-sqlite3';
import { AppError, isAppError } from '@shared/errors';
import type { Sample, SampleGroup, SampleReviewInput, SamplesPage } from '@shared/samples';
import { rejectReasonSchema, sampleGroups } from '@shared/samples';
import type { z } from 'zod';
import type { sampleDetailSchema } from '@shared/samples';
import type { Logger } from '../log/logger';
import type { ShopDataContext } from '../tiktok/shop/data-call';
import {
  reviewSampleApplication,
  type SampleApplication,
  type SampleContent,
  type SampleDecision,
  searchSampleApplications,
  searchSampleFulfillments,
} from '../tiktok/shop/sample-applications';
import type { ShopApi } from './shop-api';
import { creatorSourceTexts } from './texts';

interface Row {
  application_id: string;
  shop_id: string;
  account_id: string;
  shop_name: string | null;
  creator_id: number | null;
  creator_canonical_id: number | null;
  creator_open_id: string | null;
  creator_handle: string | null;
  creator_nickname: string | null;
  product_id: string | null;
  product_title: string | null;
  sku_name: string | null;
  sku_image_url: string | null;
  status: string;
  fulfillment_status: string | null;
  commission_bp: number | null;
  order_id: string | null;
  tracking_number: string | null;
  approve_expires_at: number | null;
  is_approvable: number;
  disapprovable_reasons: string;
  partner_name: string | null;
  creator_stats: string | null;
  first_seen_at: number;
  status_since: number;
  delivered_at: number | null;
  content_due_at: number | null;
  first_content_at: number | null;
  overdue_notified_at: number | null;
  review_decision: 'APPROVE' | 'REJECT' | null;
  review_reason: string | null;
  review_state: 'sending' | 'done' | 'unknown' | 'failed' | null;
  review_requested_at: number | null;
  review_error: string | null;
}

const posted = `('COMPLETED', 'OPS_COMPLETED')`;
const inProgress = `('AWAITING_SHIPMENT', 'SHIPPED', 'CONTENT_PENDING')`;
/** Overdue: received, nothing posted, and past the due date (ours or TikTok's OVERDUE), or cancelled for it. */
const overdueSql = `(a.status = 'UNFULFILL_CANCELLED' OR (a.status = 'CONTENT_PENDING' AND a.first_content_at IS NULL
  AND (a.fulfillment_status = 'OVERDUE' OR (a.content_due_at IS NOT NULL AND a.content_due_at < @now))))`;

const groupSql: Record<SampleGroup, string> = {
  to_review: `a.status = 'PENDING'`,
  in_progress: `a.status IN ${inProgress} AND NOT ${overdueSql}`,
  overdue: overdueSql,
  posted: `a.status IN ${posted}`,
  closed: `a.status NOT IN ('PENDING', ${inProgress.slice(1, -1)}, ${posted.slice(1, -1)}) AND NOT ${overdueSql}`,
};

const select = `
  SELECT a.*, s.name AS shop_name, r.decision AS review_decision, r.reject_reason AS review_reason,
    r.state AS review_state, r.requested_at AS review_requested_at, r.error AS review_error,
    c.canonical_id AS creator_canonical_id
  FROM sample_applications a
  LEFT JOIN shops s ON s.shop_id = a.shop_id
  LEFT JOIN creators c ON c.id = a.creator_id
  LEFT JOIN sample_reviews r ON r.application_id = a.application_id`;

/**
 * How the sync stores sample applications (`sync/store/sample-applications.ts`): a review's read-back goes
 * through it so the row looks exactly as a sync would have left it.
 */
export interface SampleStore {
  needsContent(app: SampleApplication): boolean;
  write(
    accountId: string,
    shopId: string,
    items: ReadonlyArray<{ application: SampleApplication; contents: SampleContent[] | null }>,
    now: number,
  ): unknown;
}

export interface SamplesDeps {
  db: Database;
  shopApi: ShopApi;
  logger: Logger;
  now: () => number;
  /** Where an application read back from TikTok is stored: the sync's own writer (given by app.ts). */
  store: SampleStore;
  /** A review was sent (or settled after a lost answer): for the activity log. */
  onReviewed?: (sample: Sample) => void;
}

/**
 * Free-sample applications from ShopMesh's side: the synced list grouped for the merchant, reviews sent to
 * TikTok in write mode, and overdue posts. A review is recorded as `sending` (committed) before the request
 * leaves; when the answer is lost, the application is read back from TikTok before anything is sent again.
 */
export class SamplesService {
  private readonly writer: SampleStore;

  constructor(private readonly deps: SamplesDeps) {
    this.writer = deps.store;
  }

  list(input: {
    group?: SampleGroup | undefined;
    shopId?: string | undefined;
    creatorId?: number | undefined;
    cursor?: string | undefined;
    limit: number;
  }): SamplesPage {
    const now = this.deps.now();
    const where: string[] = [];
    const params: Record<string, unknown> = { now, limit: input.limit + 1 };
    if (input.shopId) {
      where.push('a.shop_id = @shopId');
      params.shopId = input.shopId;
    }
    if (input.creatorId) {
      // Every record of the Creator (docs/creators.md): a merged record's applications are theirs too.
      where.push(
        'a.creator_id IN (SELECT id FROM creators WHERE canonical_id = (SELECT canonical_id FROM creators WHERE id = @creatorId))',
      );
      params.creatorId = input.creatorId;
    }
    const scope = where.length > 0 ? where.join(' AND ') : '1';
    const counts = Object.fromEntries(
      sampleGroups.map((g) => [
        g,
        this.deps.db
          .prepare(`SELECT count(*) FROM sample_applications a WHERE ${scope} AND ${groupSql[g]}`)
          .pluck()
          .get(params) as number,
      ]),
    ) as Record<SampleGroup, number>;
    if (input.group) where.push(groupSql[input.group]);
    // Newest first by the time the current status began, then by id: a stable keyset.
    if (input.cursor) {
      const [since, id] = input.cursor.split(':');
      if (!since || !id || !/^\d+$/.test(since))
        throw new AppError('VALIDATION', creatorSourceTexts.badCursor());
      where.push('(a.status_since < @since OR (a.status_since = @since AND a.application_id < @afterId))');
      params.since = Number(since);
      params.afterId = id;
    }
    const rows = this.deps.db
      .prepare(
        `${select} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY a.status_since DESC, a.application_id DESC LIMIT @limit`,
      )
      .all(params) as Row[];
    const items = rows.slice(0, input.limit).map((r) => this.sampleOf(r, now));
    const last = rows.length > input.limit ? rows[input.limit - 1] : undefined;
    return { items, nextCursor: last ? `${last.status_since}:${last.application_id}` : null, counts };
  }

  get(applicationId: string): z.infer<typeof sampleDetailSchema> {
    const row = this.row(applicationId);
    const contents = this.deps.db
      .prepare(
        `SELECT content_id AS contentId, format, url, description, views, likes, comments, paid_orders AS paidOrders,
           created_at AS createdAt FROM sample_contents WHERE application_id = ? ORDER BY created_at`,
      )
      .all(applicationId) as z.infer<typeof sampleDetailSchema>['contents'];
    return {
      ...this.sampleOf(row, this.deps.now()),
      creatorStats: row.creator_stats
        ? (JSON.parse(row.creator_stats) as z.infer<typeof sampleDetailSchema>['creatorStats'])
        : null,
      contents,
    };
  }

  /** Approves or rejects one application at TikTok; never sends twice for a lost answer. */
  async review(input: SampleReviewInput): Promise<{ sample: Sample; outcome: 'done' | 'not_applied' }> {
    const row = this.row(input.applicationId);
    if (row.review_state === 'sending' || row.review_state === 'unknown') {
      // A review of this application may have reached TikTok: find out before sending another.
      const settled = await this.reconcile(row);
      if (settled !== 'not_applied')
        throw new AppError('CONFLICT', creatorSourceTexts.alreadyReviewed(), { reviewed: settled });
    }
    const current = this.row(input.applicationId);
    if (current.status !== 'PENDING')
      throw new AppError('CONFLICT', creatorSourceTexts.notPending({ status: current.status }), {
        status: current.status,
      });
    if (current.partner_name) throw new AppError('VALIDATION', creatorSourceTexts.agencyOnly());
    const decision: SampleDecision =
      input.decision === 'APPROVE' ? { result: 'APPROVE' } : { result: 'REJECT', reason: input.reason };
    const now = this.deps.now();
    this.deps.db
      .prepare(
        `INSERT INTO sample_reviews (application_id, account_id, shop_id, decision, reject_reason, state, requested_at)
         VALUES (?, ?, ?, ?, ?, 'sending', ?)
         ON CONFLICT (application_id) DO UPDATE SET account_id = excluded.account_id, decision = excluded.decision,
           reject_reason = excluded.reject_reason, state = 'sending', requested_at = excluded.requested_at,
           finished_at = NULL, error = NULL`,
      )
      .run(
        current.application_id,
        current.account_id,
        current.shop_id,
        input.decision,
        decision.result === 'REJECT' ? decision.reason : null,
        now,
      );
    let result;
    try {
      result = await this.deps.shopApi.call(current.shop_id, (ctx) =>
        reviewSampleApplication(ctx, current.application_id, decision),
      );
    } catch (err) {
      // A definite refusal: nothing was done at TikTok; the merchant may correct and try again.
      this.finish(current.application_id, 'failed', isAppError(err) ? err.message : 'Unexpected error');
      throw err;
    }
    if (result.kind === 'unknown') {
      this.finish(current.application_id, 'unknown', result.unknown.message);
      const settled = await this.reconcile(this.row(current.application_id));
      const sample = this.sampleOf(this.row(current.application_id), this.deps.now());
      if (settled === 'unknown') throw result.unknown;
      this.deps.onReviewed?.(sample);
      return { sample, outcome: settled === 'not_applied' ? 'not_applied' : 'done' };
    }
    this.finish(current.application_id, 'done', null);
    // Read the application back: its new status (and order) come from TikTok, not from our guess.
    await this.refreshOne(this.row(current.application_id)).catch((err: unknown) =>
      this.deps.logger.warn(
        { code: isAppError(err) ? err.code : 'INTERNAL' },
        'sample re-read after review failed',
      ),
    );
    const sample = this.sampleOf(this.row(current.application_id), this.deps.now());
    this.deps.onReviewed?.(sample);
    return { sample, outcome: 'done' };
  }

  /** Settles reviews left `sending` by a crash or `unknown` by a lost answer (at start-up). */
  async reconcileOpenReviews(): Promise<number> {
    const ids = this.deps.db
      .prepare(`SELECT application_id FROM sample_reviews WHERE state IN ('sending', 'unknown')`)
      .pluck()
      .all() as string[];
    let settled = 0;
    for (const id of ids) {
      try {
        if ((await this.reconcile(this.row(id))) !== 'unknown') settled++;
      } catch (err) {
        this.deps.logger.warn(
          { code: isAppError(err) ? err.code : 'INTERNAL' },
          'sample review not reconciled yet',
        );
      }
    }
    return settled;
  }

  /** Applications that turned overdue since the last call are marked alerted and returned. */
  takeNewlyOverdue(): { count: number; newly: Sample[] } {
    const now = this.deps.now();
    const rows = this.deps.db
      .prepare(`${select} WHERE ${overdueSql} AND a.overdue_notified_at IS NULL ORDER BY a.content_due_at`)
      .all({ now }) as Row[];
    const mark = this.deps.db.prepare(
      'UPDATE sample_applications SET overdue_notified_at = ? WHERE application_id = ?',
    );
    this.deps.db.transaction(() => {
      for (const r of rows) mark.run(now, r.application_id);
    })();
    const count = this.deps.db
      .prepare(`SELECT count(*) FROM sample_applications a WHERE ${overdueSql}`)
      .pluck()
      .get({ now }) as number;
    return { count, newly: rows.map((r) => this.sampleOf(r, now)) };
  }

  /**
   * What became of a review whose answer never came: the application, read back from TikTok, has left
   * PENDING if (and only if) a review took effect.
   */
  private async reconcile(row: Row): Promise<'done' | 'not_applied' | 'unknown'> {
    let app: SampleApplication | null;
    try {
      app = await this.refreshOne(row);
    } catch (err) {
      this.deps.logger.warn(
        { code: isAppError(err) ? err.code : 'INTERNAL' },
        'sample review reconcile read failed',
      );
      return 'unknown';
    }
    if (app === null || app.status === 'PENDING') {
      this.finish(
        row.application_id,
        'failed',
        'TikTok shows the review was not made; it can be sent again.',
      );
      return 'not_applied';
    }
    this.finish(row.application_id, 'done', null);
    return 'done';
  }

  /** Reads one application from TikTok (by its creator and product) and stores it. */
  private async refreshOne(row: Row): Promise<SampleApplication | null> {
    return this.deps.shopApi.call(row.shop_id, async (ctx: ShopDataContext) => {
      let pageToken = '';
      for (;;) {
        const page = await searchSampleApplications(ctx, {
          pageToken,
          ...(row.creator_open_id ? { creatorOpenId: row.creator_open_id } : {}),
          ...(row.product_id ? { productId: row.product_id } : {}),
        });
        const hit = page.items.find((a) => a.applicationId === row.application_id);
        if (hit) {
          const contents = this.writer.needsContent(hit)
            ? await searchSampleFulfillments(ctx, hit.applicationId)
            : null;
          this.deps.db
            .transaction(() =>
              this.writer.write(
                row.account_id,
                row.shop_id,
                [{ application: hit, contents }],
                this.deps.now(),
              ),
            )
            .immediate();
          return hit;
        }
        if (!page.nextPageToken) return null;
        pageToken = page.nextPageToken;
      }
    });
  }

  private finish(applicationId: string, state: 'done' | 'unknown' | 'failed', error: string | null): void {
    this.deps.db
      .prepare('UPDATE sample_reviews SET state = ?, finished_at = ?, error = ? WHERE application_id = ?')
      .run(state, this.deps.now(), error, applicationId);
  }

  private row(applicationId: string): Row {
    const row = this.deps.db.prepare(`${select} WHERE a.application_id = ?`).get(applicationId) as
      Row | undefined;
    if (!row) throw new AppError('NOT_FOUND', creatorSourceTexts.noApplication());
    return row;
  }

  private sampleOf(r: Row, now: number): Sample {
    const isOverdue =
      r.status === 'UNFULFILL_CANCELLED' ||
      (r.status === 'CONTENT_PENDING' &&
        r.first_content_at === null &&
        (r.fulfillment_status === 'OVERDUE' || (r.content_due_at !== null && r.content_due_at < now)));
    const group: SampleGroup =
      r.status === 'PENDING'
        ? 'to_review'
        : isOverdue
          ? 'overdue'
          : ['AWAITING_SHIPMENT', 'SHIPPED', 'CONTENT_PENDING'].includes(r.status)
            ? 'in_progress'
            : ['COMPLETED', 'OPS_COMPLETED'].includes(r.status)
              ? 'posted'
              : 'closed';
    const postedOnTime =
      r.first_content_at !== null
        ? r.content_due_at === null || r.first_content_at <= r.content_due_at
        : isOverdue
          ? false
          : null;
    return {
      applicationId: r.application_id,
      shopId: r.shop_id,
      shopName: r.shop_name,
      creatorId: r.creator_canonical_id,
      creatorHandle: r.creator_handle,
      creatorNickname: r.creator_nickname,
      productId: r.product_id,
      productTitle: r.product_title,
      skuName: r.sku_name,
      skuImageUrl: r.sku_image_url,
      status: r.status,
      group,
      fulfillmentStatus: r.fulfillment_status,
      commissionBp: r.commission_bp,
      orderId: r.order_id,
      trackingNumber: r.tracking_number,
      approveExpiresAt: r.approve_expires_at,
      isApprovable: r.is_approvable === 1,
      disapprovableReasons: JSON.parse(r.disapprovable_reasons) as string[],
      partnerName: r.partner_name,
      firstSeenAt: r.first_seen_at,
      statusSince: r.status_since,
      deliveredAt: r.delivered_at,
      contentDueAt: r.content_due_at,
      firstContentAt: r.first_content_at,
      postedOnTime,
      overdue: isOverdue,
      review:
        r.review_decision && r.review_state && r.review_requested_at !== null
          ? {
              decision: r.review_decision,
              rejectReason: rejectReasonSchema.nullable().catch(null).parse(r.review_reason),
              state: r.review_state,
              requestedAt: r.review_requested_at,
              error: r.review_error,
            }
          : null,
    };
  }
}
