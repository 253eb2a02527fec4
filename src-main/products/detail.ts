import type { Database } from 'better-sqlite3';
import type { ProductDetail } from '@shared/catalogue';
import { AppError } from '@shared/errors';
import type { ShopApi } from '../catalogue/shop-api';
import { createWriters } from '../sync/store/writers';
import { getProduct } from '../tiktok/shop/product-detail';
import { listProducts } from './list';
import { productsTexts } from './texts';

/** The product dialog's data, and "refresh this product now". */

interface MediaRow {
  images: string;
  attributes: string;
  fetched_at: number;
}

export function productDetail(db: Database, productId: string, lowStockBelow = 10): ProductDetail {
  const page = listProducts(db, { search: productId, lowStockBelow, limit: 5 });
  const product = page.items.find((p) => p.productId === productId);
  if (!product) throw new AppError('NOT_FOUND', productsTexts.notSynced({ productId }));
  const media = db
    .prepare('SELECT images, attributes, fetched_at FROM product_media WHERE product_id = ?')
    .get(productId) as MediaRow | undefined;
  const points = db
    .prepare(
      `SELECT sku_id, at, currency, price_minor, source FROM sku_price_history
       WHERE sku_id IN (SELECT sku_id FROM product_skus WHERE product_id = ?) ORDER BY sku_id, at`,
    )
    .all(productId) as Array<{
    sku_id: string;
    at: number;
    currency: string;
    price_minor: number;
    source: 'sync' | 'edit';
  }>;
  const history = new Map<string, ProductDetail['priceHistory'][number]['points']>();
  for (const p of points) {
    history.set(p.sku_id, [
      ...(history.get(p.sku_id) ?? []),
      { at: p.at, price: { amountMinor: p.price_minor, currency: p.currency }, source: p.source },
    ]);
  }
  const shopName = db.prepare('SELECT name FROM shops WHERE shop_id = ?').pluck().get(product.shopId) as
    string | undefined;
  return {
    product,
    shopName: shopName ?? null,
    images: media ? (JSON.parse(media.images) as ProductDetail['images']) : [],
    attributes: media ? (JSON.parse(media.attributes) as ProductDetail['attributes']) : {},
    mediaFetchedAt: media?.fetched_at ?? null,
    priceHistory: product.skus.map((s) => ({ skuId: s.skuId, points: history.get(s.skuId) ?? [] })),
  };
}

/** Reads one product from TikTok (Get Product), stores it as the sync would, with its images. */
export async function refreshProduct(
  deps: { db: Database; api: ShopApi; now: () => number },
  productId: string,
  lowStockBelow?: number,
): Promise<ProductDetail> {
  const { db, api, now } = deps;
  const shopId = db.prepare('SELECT shop_id FROM products WHERE product_id = ?').pluck().get(productId) as
    string | undefined;
  if (!shopId) throw new AppError('NOT_FOUND', productsTexts.notSynced({ productId }));
  const shop = api.shop(shopId);
  const remote = await api.call(shop, (ctx) => getProduct(ctx, productId));
  const writers = createWriters(db);
  db.transaction(() => {
    writers.products.write(
      shop.accountId,
      shop.shopId,
      [
        {
          productId: remote.productId,
          title: remote.title,
          status: remote.status,
          auditStatus: remote.auditStatus,
          listingQualityTier: remote.listingQualityTier,
          hasDraft: remote.hasDraft,
          createTime: remote.createTime,
          updateTime: remote.updateTime,
          skus: remote.skus.map((s) => ({
            skuId: s.skuId,
            sellerSku: s.sellerSku,
            currency: s.currency,
            priceMinor: s.priceMinor,
            inventory: s.warehouses.reduce((n, w) => n + w.quantity, 0),
            warehouses: s.warehouses,
            status: s.status,
            deactivationSource: s.deactivationSource,
          })),
        },
      ],
      now(),
    );
    db.prepare(
      `INSERT INTO product_media (product_id, images, attributes, fetched_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (product_id) DO UPDATE SET images = excluded.images, attributes = excluded.attributes,
         fetched_at = excluded.fetched_at`,
    ).run(
      productId,
      JSON.stringify(remote.images),
      JSON.stringify(Object.fromEntries(remote.skus.map((s) => [s.skuId, s.attributes]))),
      now(),
    );
  }).immediate();
  return productDetail(db, productId, lowStockBelow);
}
