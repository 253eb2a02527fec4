import type { Database, Statement } from 'better-sqlite3';

/** What the catalogue needs to know about one synced SKU: where it belongs and in which currency. */
export interface SkuInfo {
  skuId: string;
  sellerSku: string | null;
  productId: string;
  productTitle: string;
  productStatus: string;
  shopId: string;
  shopName: string;
  accountId: string;
  accountStatus: string;
  currency: string;
  /** As last synced (or last set through ShopMesh). */
  priceMinor: number | null;
  warehouses: Array<{ warehouseId: string; quantity: number }>;
}

interface Row extends Omit<SkuInfo, 'warehouses'> {
  warehousesJson: string;
}

const toInfo = ({ warehousesJson, ...rest }: Row): SkuInfo => ({
  ...rest,
  warehouses: parseWarehouses(warehousesJson),
});

/** The JSON `product_skus.warehouses` column; anything unreadable is no warehouses. */
export function parseWarehouses(json: string): SkuInfo['warehouses'] {
  try {
    const v = JSON.parse(json) as unknown;
    if (!Array.isArray(v)) return [];
    return v.flatMap((w: unknown) => {
      const o = w as { warehouseId?: unknown; quantity?: unknown };
      return typeof o.warehouseId === 'string' && typeof o.quantity === 'number'
        ? [{ warehouseId: o.warehouseId, quantity: o.quantity }]
        : [];
    });
  } catch {
    return [];
  }
}

const select = `
  SELECT s.sku_id AS skuId, s.seller_sku AS sellerSku, p.product_id AS productId, p.title AS productTitle,
         p.status AS productStatus, p.shop_id AS shopId, COALESCE(sh.name, p.shop_id) AS shopName,
         p.account_id AS accountId, COALESCE(a.status, 'revoked') AS accountStatus,
         COALESCE(sh.currency, s.currency, p.currency, 'USD') AS currency, s.price_minor AS priceMinor,
         s.warehouses AS warehousesJson
  FROM product_skus s
  JOIN products p ON p.product_id = s.product_id
  LEFT JOIN shops sh ON sh.shop_id = p.shop_id
  LEFT JOIN accounts a ON a.id = p.account_id`;

/** Finds synced SKUs by id or by seller SKU (several shops may reuse one seller SKU). */
export class SkuLookup {
  private readonly byIds: Statement<[string], Row>;
  private readonly withSellerSkus: Statement<[], Row>;

  constructor(db: Database) {
    this.byIds = db.prepare(`${select} WHERE s.sku_id IN (SELECT value FROM json_each(?))`);
    this.withSellerSkus = db.prepare(`${select} WHERE s.seller_sku IS NOT NULL AND s.seller_sku != ''`);
  }

  many(skuIds: readonly string[]): Map<string, SkuInfo> {
    const found = new Map<string, SkuInfo>();
    // json_each keeps the statement one prepared plan whatever the number of ids.
    for (let i = 0; i < skuIds.length; i += 5000) {
      for (const row of this.byIds.all(JSON.stringify(skuIds.slice(i, i + 5000))))
        found.set(row.skuId, toInfo(row));
    }
    return found;
  }

  /** Every SKU by seller SKU, read once for a whole import rather than one query per line. */
  bySellerSku(): Map<string, SkuInfo[]> {
    const map = new Map<string, SkuInfo[]>();
    for (const raw of this.withSellerSkus.iterate()) {
      const row = toInfo(raw);
      const key = row.sellerSku ?? '';
      const list = map.get(key);
      if (list) list.push(row);
      else map.set(key, [row]);
    }
    return map;
  }
}
