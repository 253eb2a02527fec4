import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import Papa from 'papaparse';
import { AppError } from '@shared/errors';
import {
  orderExportColumns,
  deleteViewInputSchema,
  type OrderRefresh,
  ordersExportInputSchema,
  type SavedOrderView,
  orderViewFiltersSchema,
  saveViewInputSchema,
} from '@shared/orders';
import type { ShopApi } from '../catalogue/shop-api';
import { csvCell } from '../core/csv-cell';
import { fromMinorUnits } from '../core/money';
import { createWriters } from '../sync/store/writers';
import { getOrders } from '../tiktok/shop/order-detail';
import { orderDetail } from './detail';
import { linesOf, type OrderRow, pageSql, toView } from './list';
import { buildOrderQuery, looksLikeOrderId } from './order-query';
import { expandPrefix } from './search-terms';
import { ordersTexts } from './texts';

/** Export, "refresh this order now" and saved views of the Orders page (docs/orders.md). */

const MAX_EXPORT_ROWS = 200_000;

const exportColumns = orderExportColumns;

const defaultHeaders: Record<(typeof exportColumns)[number], string> = {
  orderId: 'Order ID',
  shop: 'Shop',
  status: 'Status',
  created: 'Created (UTC)',
  currency: 'Currency',
  total: 'Total',
  subtotal: 'Subtotal',
  shipping: 'Shipping',
  tax: 'Tax',
  sellerDiscount: 'Seller discount',
  platformDiscount: 'Platform discount',
  refund: 'Refunded',
  units: 'Units',
  shipBy: 'Ship by (UTC)',
  late: 'Late',
  affiliate: 'Affiliate',
  sample: 'Sample',
  products: 'Products',
};

interface ViewRow {
  id: string;
  name: string;
  filters: string;
  created_at: number;
  updated_at: number;
}

export class OrdersService {
  constructor(private readonly deps: { db: Database; api: ShopApi; now: () => number }) {}

  /** The filtered view as CSV, in the list's order, walking the same indexes page by page. */
  export(input: unknown): { fileName: string; csv: string; rows: number; truncated: boolean } {
    const q = ordersExportInputSchema.parse(input);
    const { db, now } = this.deps;
    const search = q.search?.trim() ?? '';
    const exactId =
      looksLikeOrderId(search) &&
      db.prepare('SELECT 1 FROM orders WHERE order_id = ?').get(search) !== undefined;
    const query = buildOrderQuery(q, q.sort ?? { by: 'created', desc: true }, now(), {
      exactId,
      expand: (w) => expandPrefix(db, w),
    });
    const { sql, args } = pageSql(query, undefined, MAX_EXPORT_ROWS + 1);
    const shops = new Map(
      (db.prepare('SELECT shop_id, name FROM shops').all() as Array<{ shop_id: string; name: string }>).map(
        (s) => [s.shop_id, s.name],
      ),
    );
    const headers = { ...defaultHeaders, ...(q.headers ?? {}) };
    const data: string[][] = [];
    let batch: OrderRow[] = [];
    let truncated = false;
    const flush = () => {
      const lines = linesOf(
        db,
        batch.map((r) => r.order_id),
      );
      for (const r of batch) {
        const v = toView(r, lines.get(r.order_id) ?? [], now(), null, false);
        const money = (m: number) => fromMinorUnits(m, r.currency);
        const names = new Map<string, number>();
        for (const l of v.lines) names.set(l.productName, (names.get(l.productName) ?? 0) + 1);
        data.push(
          [
            v.orderId,
            shops.get(v.shopId) ?? v.shopId,
            v.status,
            new Date(v.createTime).toISOString(),
            r.currency,
            money(r.total_minor),
            money(r.sub_total_minor),
            money(r.shipping_fee_minor),
            money(r.tax_minor),
            money(r.seller_discount_minor),
            money(r.platform_discount_minor),
            money(r.refund_minor),
            String(v.units),
            v.shipBy === null ? '' : new Date(v.shipBy).toISOString(),
            v.late ? 'yes' : 'no',
            v.affiliate ? 'yes' : 'no',
            v.sample ? 'yes' : 'no',
            [...names].map(([n, k]) => (k > 1 ? `${n} ×${k}` : n)).join('; '),
          ].map(csvCell),
        );
      }
      batch = [];
    };
    for (const row of db.prepare(sql).iterate(...args) as Iterable<OrderRow>) {
      if (data.length + batch.length >= MAX_EXPORT_ROWS) {
        truncated = true;
        break;
      }
      batch.push(row);
      if (batch.length === 1000) flush();
    }
    flush();
    const csv = Papa.unparse({ fields: exportColumns.map((c) => headers[c] ?? c), data });
    const day = new Date(now()).toISOString().slice(0, 10);
    return { fileName: `shopmesh-orders-${day}.csv`, csv, rows: data.length, truncated };
  }

  /** Reads one order from TikTok, stores it like the sync would, and returns the drawer's data. */
  async refresh(orderId: string): Promise<OrderRefresh> {
    const { db, api, now } = this.deps;
    const shopId = db.prepare('SELECT shop_id FROM orders WHERE order_id = ?').pluck().get(orderId) as
      string | undefined;
    if (!shopId) throw new AppError('NOT_FOUND', ordersTexts.notSynced({ orderId }));
    const shop = api.shop(shopId);
    const [found] = await api.call(shop, (ctx) => getOrders(ctx, [orderId]));
    if (!found) throw new AppError('NOT_FOUND', ordersTexts.goneAtTikTok({ orderId }));
    const writers = createWriters(db);
    db.transaction(() => writers.orders.write(shop.accountId, shop.shopId, [found.order], now())).immediate();
    writers.rollups.refresh('orders', shop.shopId);
    return {
      detail: orderDetail(db, orderId, now()),
      recipient: found.recipient,
      buyerMessage: found.buyerMessage,
    };
  }

  views(): { items: SavedOrderView[] } {
    const rows = this.deps.db
      .prepare('SELECT * FROM order_views ORDER BY name COLLATE NOCASE')
      .all() as ViewRow[];
    return {
      items: rows.flatMap((r) => {
        const filters = orderViewFiltersSchema.safeParse(JSON.parse(r.filters));
        // A view saved by a build with other filters is skipped rather than breaking the list.
        return filters.success
          ? [
              {
                id: r.id,
                name: r.name,
                filters: filters.data,
                createdAt: r.created_at,
                updatedAt: r.updated_at,
              },
            ]
          : [];
      }),
    };
  }

  saveView(input: unknown): SavedOrderView {
    const q = saveViewInputSchema.parse(input);
    const { db, now } = this.deps;
    const at = now();
    const clash = db
      .prepare('SELECT id FROM order_views WHERE name = ? COLLATE NOCASE')
      .pluck()
      .get(q.name) as string | undefined;
    if (clash && clash !== q.id) {
      throw new AppError('CONFLICT', ordersTexts.viewNameTaken({ name: q.name }), {
        issues: [{ path: 'name', message: 'already used by another view' }],
      });
    }
    const id = q.id ?? randomUUID();
    if (q.id) {
      const changed = db
        .prepare('UPDATE order_views SET name = ?, filters = ?, updated_at = ? WHERE id = ?')
        .run(q.name, JSON.stringify(q.filters), at, q.id).changes;
      if (changed === 0) throw new AppError('NOT_FOUND', ordersTexts.viewNotFound());
    } else {
      db.prepare(
        'INSERT INTO order_views (id, name, filters, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      ).run(id, q.name, JSON.stringify(q.filters), at, at);
    }
    const saved = this.views().items.find((v) => v.id === id);
    if (!saved) throw new AppError('INTERNAL', 'The view was not saved');
    return saved;
  }

  deleteView(input: unknown): { deleted: boolean } {
    const { id } = deleteViewInputSchema.parse(input);
    return { deleted: this.deps.db.prepare('DELETE FROM order_views WHERE id = ?').run(id).changes > 0 };
  }
}
