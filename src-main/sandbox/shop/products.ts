import { z } from 'zod';
import type { ProductRecord, ShopRecord } from '../data/dataset';
import { decodeId } from '../ids';
import { parse, requireShop, type ShopContext } from './context';
import { ShopApiError, shopCodes } from './errors';
import {
  arraySequence,
  countMatches,
  decodePageToken,
  encodePageToken,
  fingerprint,
  walk,
} from './pagination';

/** Get Product's codes for an id that does not exist, and for a product of another shop. */
export const productCodes = {
  notFound: 12052260,
  notInShop: 12052048,
} as const;

const statusSchema = z.enum([
  'ALL',
  'DRAFT',
  'PENDING',
  'FAILED',
  'ACTIVATE',
  'SELLER_DEACTIVATED',
  'PLATFORM_DEACTIVATED',
  'FREEZE',
  'DELETED',
]);
const unixSeconds = z.number().int().nonnegative();

const searchBody = z
  .object({
    status: statusSchema.default('ALL'),
    seller_skus: z.array(z.string()).max(10).optional(),
    create_time_ge: unixSeconds.optional(),
    create_time_le: unixSeconds.optional(),
    update_time_ge: unixSeconds.optional(),
    update_time_le: unixSeconds.optional(),
  })
  .loose();

export const pageSizeSchema = (max: number, fallback?: number) =>
  z.preprocess(
    (v) => (v === undefined && fallback !== undefined ? String(fallback) : v),
    z
      .string({ error: 'page_size is required' })
      .regex(/^\d+$/, 'page_size must be an integer')
      .transform(Number)
      .pipe(z.number().int().min(1).max(max)),
  );

export function productJson(p: ProductRecord, shop: ShopRecord, detail: boolean): Record<string, unknown> {
  const skus = p.skus.map((s) => ({
    id: s.id,
    seller_sku: s.sellerSku,
    price: { currency: shop.currency, sale_price: s.price, tax_exclusive_price: s.price },
    inventory: s.inventory.map((i) => ({ warehouse_id: i.warehouseId, quantity: i.quantity })),
    ...(detail
      ? {
          sales_attributes: s.attributes.map((a) => ({
            id: a.id,
            name: a.name,
            value_id: a.valueId,
            value_name: a.valueName,
          })),
          identifier_code: { code: '', type: 'GTIN' },
          status_info: { status: 'NORMAL' },
        }
      : {}),
  }));
  const base = {
    id: p.id,
    title: p.title,
    status: p.status,
    skus,
    ...(detail ? {} : { sales_regions: [shop.region] }),
    create_time: p.createTime,
    update_time: p.updateTime,
    listing_quality_tier: p.status === 'ACTIVATE' ? 'GOOD' : 'POOR',
    is_not_for_sale: false,
  };
  if (!detail) return base;
  return {
    ...base,
    description: p.description,
    category_chains: [{ id: p.categoryId, parent_id: '0', local_name: p.categoryName, is_leaf: true }],
    brand: p.brand,
    main_images: [
      {
        height: 800,
        width: 800,
        thumb_urls: [
          `https://p16-oec-va.ibyteimg.com/${p.imageUri}~tplv-o3syd03w52-resize-jpeg:300:300.jpeg`,
        ],
        uri: p.imageUri,
        urls: [`https://p16-oec-va.ibyteimg.com/${p.imageUri}~tplv-o3syd03w52-origin-jpeg.jpeg`],
      },
    ],
    audit: { status: p.status === 'ACTIVATE' ? 'APPROVED' : p.status === 'PENDING' ? 'AUDITING' : 'NONE' },
    package_dimensions: { length: '20', width: '15', height: '10', unit: 'CENTIMETER' },
    package_weight: { value: '0.5', unit: 'KILOGRAM' },
  };
}

export function searchProducts(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const pageSize = parse(pageSizeSchema(100), ctx.query.get('page_size'), 'page_size');
  const body = parse(searchBody, ctx.body ?? {}, 'body');
  const fp = fingerprint('products', shop.index, body);
  const position = decodePageToken(ctx.query.get('page_token'), fp);
  const skus = body.seller_skus ? new Set(body.seller_skus) : null;
  const match = (k: number): boolean => {
    const p = ctx.state.product(shop.productStart + k);
    if (!p) return false;
    if (body.status !== 'ALL' && p.status !== body.status) return false;
    if (body.create_time_ge !== undefined && p.createTime < body.create_time_ge) return false;
    if (body.create_time_le !== undefined && p.createTime > body.create_time_le) return false;
    if (body.update_time_ge !== undefined && p.updateTime < body.update_time_ge) return false;
    if (body.update_time_le !== undefined && p.updateTime > body.update_time_le) return false;
    if (skus && !p.skus.some((s) => skus.has(s.sellerSku))) return false;
    return true;
  };
  const seq = arraySequence(shop.productCount);
  // The cap counts results already returned by this query, not positions in the catalogue.
  const searchCap = ctx.state.config.productSearchCap;
  const returned = position > 0 ? countMatches(seq, match, position) : 0;
  if (returned >= searchCap)
    throw new ShopApiError(
      shopCodes.productSearchTooDeep,
      `Product search cannot return more than ${searchCap.toLocaleString('en-US')} results; narrow the filters.`,
    );
  const page = walk(seq, position, Math.min(pageSize, searchCap - returned), match);
  // Like TikTok, the page at the cap still carries a token; following it is what fails (12052180).
  const next = page.next;
  return {
    products: page.items.map((k) => {
      const p = ctx.state.product(shop.productStart + k);
      return p ? productJson(p, shop, false) : null;
    }),
    next_page_token: next === null ? '' : encodePageToken(next, fp),
    total_count: countMatches(seq, match),
  };
}

export function findProduct(
  ctx: ShopContext,
  id: string | undefined,
): { shop: ShopRecord; index: number; product: ProductRecord } {
  const shop = requireShop(ctx);
  const index = id === undefined ? null : decodeId('product', id);
  const product = index === null ? undefined : ctx.state.product(index);
  if (index === null || !product || product.status === 'DELETED') {
    throw new ShopApiError(productCodes.notFound, 'The product ID does not exist');
  }
  if (product.shopIndex !== shop.index) {
    throw new ShopApiError(
      productCodes.notInShop,
      "You cannot edit the specified product(s) as it isn't listed in your account or shop.",
    );
  }
  return { shop, index, product };
}

export function productDetail(ctx: ShopContext): unknown {
  const { shop, product } = findProduct(ctx, ctx.params.product_id);
  return productJson(product, shop, true);
}
