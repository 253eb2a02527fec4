import type { Database } from 'better-sqlite3';
import type { outreachResultsSlice } from '@shared/channels/outreach-results';
import { AppError } from '@shared/errors';
import type { OutreachProductResult, OutreachResults } from '@shared/outreach-results';
import type { HandlersFor } from '../ipc/router';
import { outreachTexts } from './texts';

/**
 * What an Outreach brought back (docs/outreach.md "Results"), read from what the sync stored: the target
 * collaborations its invitations created (TikTok reports, per creator, how many of the products are in
 * the showcase and how many have content, not which ones), replies in the conversations its messages
 * went to, and affiliate orders whose lines TikTok attributes to those collaborations, per product.
 */
export function outreachResults(db: Database, outreachId: number): OutreachResults {
  const exists = db.prepare('SELECT 1 FROM outreaches WHERE id = ?').get(outreachId);
  if (!exists) throw new AppError('NOT_FOUND', outreachTexts.outreachNotFound());
  // The collaborations its invitation batches created (a batch settled after a lost answer included).
  const collaborations = `SELECT collaboration_id FROM outreach_batches
                           WHERE outreach_id = @id AND collaboration_id IS NOT NULL`;
  const invited = db
    .prepare(
      `SELECT count(DISTINCT creator_id) FROM deliveries
        WHERE outreach_id = @id AND action = 'invite' AND state = 'sent'`,
    )
    .pluck()
    .get({ id: outreachId }) as number;
  // A creator is counted once, whichever of its records the sync matched (the CRM's merge trees).
  const showcase = db
    .prepare(
      `SELECT count(DISTINCT CASE WHEN cc.accepted = 1 OR cc.showcase_product_count > 0 THEN c.canonical_id END) AS accepted,
              count(DISTINCT CASE WHEN cc.content_product_count > 0 THEN c.canonical_id END) AS posted
         FROM collaboration_creators cc
         JOIN creators c ON c.id = cc.creator_id
        WHERE cc.collaboration_id IN (${collaborations})`,
    )
    .get({ id: outreachId }) as { accepted: number; posted: number };
  // As fresh as the Account's last sync that finished.
  const syncedAt = db
    .prepare(
      `SELECT max(r.finished_at) FROM sync_runs r JOIN outreaches o ON o.account_id = r.account_id
        WHERE o.id = @id AND r.outcome IN ('ok', 'partial')`,
    )
    .pluck()
    .get({ id: outreachId }) as number | null;
  const messages = db
    .prepare(
      `SELECT count(DISTINCT d.creator_id) AS messaged,
              count(DISTINCT CASE WHEN EXISTS (
                SELECT 1 FROM messages m WHERE m.conversation_id = d.conversation_id AND m.from_creator = 1
                   AND m.create_time >= d.sending_at) THEN d.creator_id END) AS replied
         FROM deliveries d
        WHERE d.outreach_id = @id AND d.action = 'message' AND d.step = 0 AND d.state = 'sent'`,
    )
    .get({ id: outreachId }) as { messaged: number; replied: number };
  const rows = db
    .prepare(
      `SELECT s.product_id AS productId, p.title, s.currency,
              count(DISTINCT s.order_id) AS orders,
              count(DISTINCT o.creator_id) AS sellingCreators,
              sum(s.quantity - s.refunded_quantity) AS units,
              sum(s.price_minor * s.quantity) AS gmv,
              sum(s.est_commission_minor) AS commission
         FROM affiliate_order_skus s
         JOIN affiliate_orders o ON o.order_id = s.order_id
         LEFT JOIN products p ON p.product_id = s.product_id
        WHERE s.target_collaboration_id IN (${collaborations}) AND o.status <> 'CANCELLED'
        GROUP BY s.product_id, s.currency
        ORDER BY s.product_id, s.currency`,
    )
    .all({ id: outreachId }) as Array<{
    productId: string;
    title: string | null;
    currency: string;
    orders: number;
    sellingCreators: number;
    units: number;
    gmv: number;
    commission: number;
  }>;
  const reach = productReach(db, outreachId, collaborations);
  const empty = (productId: string, title: string | null): OutreachProductResult => ({
    productId,
    title,
    accepted: reach.accepted(productId),
    posted: reach.posted(productId),
    sellingCreators: 0,
    orders: 0,
    units: 0,
    gmv: [],
    commission: [],
  });
  const products = new Map<string, OutreachProductResult>();
  for (const r of rows) {
    const p = products.get(r.productId) ?? empty(r.productId, r.title);
    p.sellingCreators = Math.max(p.sellingCreators, r.sellingCreators);
    p.orders += r.orders;
    p.units += r.units;
    p.gmv.push({ currency: r.currency, amountMinor: r.gmv });
    p.commission.push({ currency: r.currency, amountMinor: r.commission });
    products.set(r.productId, p);
  }
  // The Outreach's own products come first, also when nothing sold yet.
  const title = db.prepare('SELECT title FROM products WHERE product_id = ?').pluck();
  const ordered = reach.products.map(
    (id) => products.get(id) ?? empty(id, (title.get(id) as string | undefined) ?? null),
  );
  const own = new Set(reach.products);
  return {
    outreachId,
    invited,
    accepted: showcase.accepted,
    posted: showcase.posted,
    partlyShowcased: reach.partlyShowcased,
    messaged: messages.messaged,
    replied: messages.replied,
    products: [...ordered, ...[...products.values()].filter((p) => !own.has(p.productId))],
    syncedAt,
  };
}

/**
 * Which creators accepted (showcased) and posted each product. TikTok reports per creator only how many of
 * a collaboration's products they showcased and posted, not which (docs/tiktok-api/affiliate.md), so a
 * creator counts under every product when the count covers all of them, and under one product when an
 * attributed order shows it (an order through a video or LIVE also shows it was posted). Creators who
 * showcased some products and sold none are counted in the totals only (`partlyShowcased`).
 */
function productReach(
  db: Database,
  outreachId: number,
  collaborations: string,
): {
  products: string[];
  accepted: (productId: string) => number;
  posted: (productId: string) => number;
  partlyShowcased: number;
} {
  const settings = JSON.parse(
    db.prepare('SELECT settings FROM outreaches WHERE id = ?').pluck().get(outreachId) as string,
  ) as { products?: Array<{ productId: string }> };
  const products = (settings.products ?? []).map((p) => p.productId);
  const members = db
    .prepare(
      `SELECT c.canonical_id AS creator, max(cc.showcase_product_count) AS showcase,
              max(cc.content_product_count) AS content
         FROM collaboration_creators cc JOIN creators c ON c.id = cc.creator_id
        WHERE cc.collaboration_id IN (${collaborations})
        GROUP BY c.canonical_id`,
    )
    .all({ id: outreachId }) as Array<{ creator: number; showcase: number; content: number }>;
  const sold = db
    .prepare(
      `SELECT s.product_id AS productId, c.canonical_id AS creator,
              max(COALESCE(s.content_type, '') IN ('VIDEO', 'LIVE')) AS viaContent
         FROM affiliate_order_skus s
         JOIN affiliate_orders o ON o.order_id = s.order_id
         JOIN creators c ON c.id = o.creator_id
        WHERE s.target_collaboration_id IN (${collaborations})
        GROUP BY s.product_id, c.canonical_id`,
    )
    .all({ id: outreachId }) as Array<{ productId: string; creator: number; viaContent: number }>;
  const n = Math.max(1, products.length);
  const showcasedAll = members.filter((m) => m.showcase >= n).map((m) => m.creator);
  const postedAll = members.filter((m) => m.content >= n).map((m) => m.creator);
  const count = (all: number[], productId: string, content: boolean): number =>
    new Set([
      ...all,
      ...sold.filter((s) => s.productId === productId && (!content || s.viaContent)).map((s) => s.creator),
    ]).size;
  const selling = new Set(sold.map((s) => s.creator));
  return {
    products,
    accepted: (id) => count(showcasedAll, id, false),
    posted: (id) => count(postedAll, id, true),
    partlyShowcased: members.filter((m) => m.showcase > 0 && m.showcase < n && !selling.has(m.creator))
      .length,
  };
}

export function outreachResultsHandlers(db: Database): HandlersFor<typeof outreachResultsSlice> {
  return { 'outreach:results': (input) => outreachResults(db, input.id) };
}
