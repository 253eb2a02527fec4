import type {
  AffiliateOrders,
  AffiliateTotal,
  CollaborationOption,
  CollaborationRef,
} from '@shared/analytics';
import { zonedDay } from '@shared/time';
import type { AnalyticsDeps, Query } from './context';
import { creatorRecordsOf } from './creator-groups';
import { mergePages, shopWindows, timeCursor } from './statements';

/**
 * The Affiliate page: affiliate orders of the period, newest first and keyset-paged per shop (each shop's
 * period cut at its own midnights), narrowed to one Creator (all its records) and to one collaboration,
 * with totals per currency. Attribution to a collaboration is per SKU (docs/tiktok-api/affiliate.md
 * "Attribution"): with a collaboration chosen, an order is listed when any of its SKUs came through it, and
 * its amounts and the totals count those SKUs only (docs/analytics.md "Collaborations").
 */

const columns = { target: 'target_collaboration_id', open: 'open_collaboration_id' } as const;
const indexes = { target: 'affiliate_order_skus_target', open: 'affiliate_order_skus_open' } as const;

const creatorCanonical =
  'COALESCE((SELECT g.canonical_id FROM creators g WHERE g.id = o.creator_id), o.creator_id)';
const common = `o.shop_id = @shop AND o.create_time >= @start AND o.create_time < @end
    AND (@creator IS NULL OR o.creator_id IN (${creatorRecordsOf('@creator')}))`;
const page = `AND (o.create_time < @cTime OR (o.create_time = @cTime AND o.order_id < @cId))
  ORDER BY o.create_time DESC, o.order_id DESC LIMIT @limit`;

/** The SQL of one shop's page (exported for the query-plan test); `kind` narrows it to a collaboration. */
export function affiliateOrdersSql(kind: CollaborationRef['kind'] | null): string {
  if (kind === null)
    return `SELECT o.order_id AS orderId, o.shop_id AS shopId, o.create_time AS createTime, o.status,
    ${creatorCanonical} AS creatorId, o.creator_handle AS creatorHandle, o.currency, o.gmv_minor AS gmvMinor,
    o.est_commission_minor AS estCommissionMinor, o.actual_commission_minor AS actualCommissionMinor,
    COALESCE(NULLIF(k.target_collaboration_id, ''), NULLIF(k.open_collaboration_id, '')) AS collaborationId,
    CASE WHEN NULLIF(k.target_collaboration_id, '') IS NOT NULL THEN 'target'
      WHEN NULLIF(k.open_collaboration_id, '') IS NOT NULL THEN 'open' END AS collaborationKind,
    c.name AS collaborationName,
    CASE WHEN NULLIF(k.target_collaboration_id, '') IS NULL AND NULLIF(k.open_collaboration_id, '') IS NOT NULL
      THEN (SELECT p.title FROM products p WHERE p.product_id = k.product_id) END AS collaborationProduct
  FROM affiliate_orders o
  LEFT JOIN affiliate_order_skus k ON k.order_id = o.order_id AND k.idx = 0
  LEFT JOIN collaborations c
    ON c.collaboration_id = COALESCE(NULLIF(k.target_collaboration_id, ''), NULLIF(k.open_collaboration_id, ''))
  WHERE ${common} ${page}`;
  const col = columns[kind];
  const mine = (expr: string): string =>
    `(SELECT SUM(${expr}) FROM affiliate_order_skus k WHERE k.order_id = o.order_id AND k.${col} = @collaboration)`;
  return `SELECT o.order_id AS orderId, o.shop_id AS shopId, o.create_time AS createTime, o.status,
    ${creatorCanonical} AS creatorId, o.creator_handle AS creatorHandle, o.currency,
    ${mine('k.price_minor * k.quantity')} AS gmvMinor, ${mine('k.est_commission_minor')} AS estCommissionMinor,
    ${mine('k.actual_commission_minor')} AS actualCommissionMinor,
    @collaboration AS collaborationId, '${kind}' AS collaborationKind,
    (SELECT c.name FROM collaborations c WHERE c.collaboration_id = @collaboration) AS collaborationName,
    ${
      kind === 'open'
        ? `(SELECT p.title FROM affiliate_order_skus k JOIN products p ON p.product_id = k.product_id
      WHERE k.order_id = o.order_id AND k.${col} = @collaboration LIMIT 1)`
        : 'NULL'
    } AS collaborationProduct
  FROM affiliate_orders o
  WHERE o.order_id IN (SELECT order_id FROM affiliate_order_skus INDEXED BY ${indexes[kind]} WHERE ${col} = @collaboration)
    AND ${common} ${page}`;
}

/** One shop's totals of a collaboration's SKUs (exported for the query-plan test). */
export function collaborationTotalsSql(kind: CollaborationRef['kind']): string {
  const col = columns[kind];
  const live = (expr: string): string => `SUM(CASE WHEN o.status != 'CANCELLED' THEN ${expr} ELSE 0 END)`;
  return `SELECT COALESCE(o.currency, '') AS currency,
    COUNT(DISTINCT CASE WHEN o.status != 'CANCELLED' THEN o.order_id END) AS orders,
    ${live('k.price_minor * k.quantity')} AS gmvMinor, ${live('k.est_commission_minor')} AS estCommissionMinor,
    SUM(k.actual_commission_minor) AS actualCommissionMinor
  FROM affiliate_order_skus k INDEXED BY ${indexes[kind]} JOIN affiliate_orders o ON o.order_id = k.order_id
  WHERE k.${col} = @collaboration AND ${common}
  GROUP BY 1`;
}

function addTotal(into: Map<string, AffiliateTotal>, t: AffiliateTotal): void {
  const sum = into.get(t.currency);
  if (!sum) {
    into.set(t.currency, { ...t });
    return;
  }
  sum.orders += t.orders;
  sum.gmvMinor += t.gmvMinor;
  sum.estCommissionMinor += t.estCommissionMinor;
  sum.actualCommissionMinor += t.actualCommissionMinor;
}

/**
 * Totals per currency over the period: from the daily rollups (all affiliate orders, or one Creator's), or
 * from the SKUs attributed to the collaboration, whose figures no rollup holds.
 */
function totals(
  deps: AnalyticsDeps,
  q: Query,
  creatorId: number | null,
  collaboration: CollaborationRef | null,
): AffiliateTotal[] {
  const out = new Map<string, AffiliateTotal>();
  if (collaboration) {
    for (const w of shopWindows(q))
      for (const t of deps.reader.all<AffiliateTotal>(collaborationTotalsSql(collaboration.kind), {
        shop: w.shopId,
        start: w.start,
        end: w.end,
        creator: creatorId,
        collaboration: collaboration.id,
      }))
        addTotal(out, t);
  } else {
    const rows =
      creatorId === null
        ? deps.reader.days('affiliate', q.shopIds, q.period.from, q.period.to)
        : deps.reader.days('creator', q.shopIds, q.period.from, q.period.to, creatorId);
    for (const r of rows)
      addTotal(out, {
        currency: r.currency,
        orders: r.values.affiliateOrders ?? 0,
        gmvMinor: r.values.affiliateGmv ?? 0,
        estCommissionMinor: r.values.commissionEstimated ?? 0,
        actualCommissionMinor: r.values.commissionActual ?? 0,
      });
  }
  return [...out.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

export function listAffiliateOrders(
  deps: AnalyticsDeps,
  q: Query,
  limit: number,
  cursor: string | null,
  creatorId: number | null,
  collaboration: CollaborationRef | null = null,
): AffiliateOrders {
  const c = timeCursor(cursor);
  const sql = affiliateOrdersSql(collaboration?.kind ?? null);
  const lists = shopWindows(q).map((w) =>
    deps.reader
      .all<Omit<AffiliateOrders['items'][number], 'day'>>(sql, {
        shop: w.shopId,
        start: w.start,
        end: w.end,
        creator: creatorId,
        cTime: c[0],
        cId: cursor === null ? '\uffff' : c[1],
        limit: limit + 1,
        ...(collaboration ? { collaboration: collaboration.id } : {}),
      })
      .map((r) => ({
        ...r,
        currency: r.currency ?? '',
        gmvMinor: r.gmvMinor ?? 0,
        estCommissionMinor: r.estCommissionMinor ?? 0,
        actualCommissionMinor: r.actualCommissionMinor ?? 0,
        day: zonedDay(r.createTime, w.zone),
        id: r.orderId,
        time: r.createTime,
      })),
  );
  const merged = mergePages(lists, limit);
  return {
    period: q.period,
    items: merged.items.map(({ id: _id, time: _time, ...r }) => r),
    nextCursor: merged.next,
    totals: cursor === null ? totals(deps, q, creatorId, collaboration) : [],
  };
}

/**
 * The distinct collaboration ids of one kind that affiliate SKUs name, one index seek each (a skip scan:
 * the next id after the last), with the shop and product of one of its SKUs (an open collaboration is one
 * product's offer).
 */
export function seenCollaborationsSql(kind: CollaborationRef['kind']): string {
  const col = columns[kind];
  return `WITH RECURSIVE seen(id) AS (
      SELECT MIN(${col}) FROM affiliate_order_skus INDEXED BY ${indexes[kind]} WHERE ${col} IS NOT NULL
      UNION ALL
      SELECT (SELECT MIN(${col}) FROM affiliate_order_skus INDEXED BY ${indexes[kind]} WHERE ${col} > seen.id)
      FROM seen WHERE seen.id IS NOT NULL)
    SELECT seen.id,
      (SELECT o.shop_id FROM affiliate_order_skus k JOIN affiliate_orders o ON o.order_id = k.order_id
       WHERE k.${col} = seen.id LIMIT 1) AS shopId,
      (SELECT p.title FROM affiliate_order_skus k JOIN products p ON p.product_id = k.product_id
       WHERE k.${col} = seen.id LIMIT 1) AS productTitle
    FROM seen
    WHERE seen.id IS NOT NULL`;
}

export const targetCollaborationsSql = `SELECT collaboration_id AS id, name, shop_id AS shopId, status
  FROM collaborations WHERE shop_id IN (SELECT value FROM json_each(@shops))
  ORDER BY start_time DESC, collaboration_id`;

/**
 * What the Affiliate page can filter by: the target collaborations synced for the selected shops (newest
 * first), target ids affiliate orders named that no sync has seen, and the open collaborations affiliate
 * orders came through, named by their product.
 */
export function listCollaborations(deps: AnalyticsDeps, q: Query): CollaborationOption[] {
  if (q.shopIds.length === 0) return [];
  const shops = new Set(q.shopIds);
  const targets: CollaborationOption[] = deps.reader
    .all<{ id: string; name: string; shopId: string; status: string | null }>(targetCollaborationsSql, {
      shops: JSON.stringify(q.shopIds),
    })
    .map((t) => ({ kind: 'target', ...t, productTitle: null }));
  const known = new Set(targets.map((t) => t.id));
  const seen = (kind: CollaborationRef['kind']) =>
    deps.reader
      .all<{ id: string; shopId: string; productTitle: string | null }>(seenCollaborationsSql(kind), {})
      .filter((x) => shops.has(x.shopId) && !known.has(x.id));
  const unsynced: CollaborationOption[] = seen('target').map((x) => ({
    kind: 'target',
    id: x.id,
    name: null,
    productTitle: null,
    shopId: x.shopId,
    status: null,
  }));
  const open: CollaborationOption[] = seen('open')
    .map((x) => ({
      kind: 'open' as const,
      id: x.id,
      name: null,
      productTitle: x.productTitle,
      shopId: x.shopId,
      status: null,
    }))
    .sort((a, b) => (a.productTitle ?? a.id).localeCompare(b.productTitle ?? b.id));
  return [...targets, ...unsynced, ...open];
}
