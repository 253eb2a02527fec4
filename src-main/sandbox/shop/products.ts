import { z } from 'zod';
import type { ProductRecord, ShopRecord } from '../data/dataset';
import { hashString, unit } from '../data/rng';
import { pictureUrls } from '../media';
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
    seller_skus: z.array(z.string()).optional(),
    create_time_ge: unixSeconds.optional(),
    create_time_le: unixSeconds.optional(),
    update_time_ge: unixSeconds.optional(),
    update_time_le: unixSeconds.optional(),
    // 202502 filters (docs/tiktok-api/shop-data.md).
    sku_ids: z.array(z.string()).optional(),
    listing_quality_tiers: z.array(z.enum(['POOR', 'FAIR', 'GOOD'])).optional(),
    audit_status: z.array(z.enum(['AUDITING', 'FAILED', 'APPROVED'])).optional(),
  })
  .loose();

/** Refusals Search Products 202502 documents for its SKU filters. */
const tooManySellerSkus = 12019027;
const tooManySkuIds = 12019087;

/**
 * What 202502 adds per product, derived from the seed so it is stable: the audit status follows the product
 * status; a few live products have a draft or a SKU the seller deactivated; listing quality exists in the
 * US only (docs/tiktok-api/shop-data.md).
 */
function audit(p: ProductRecord): { status: string; pre_approved_reasons: string[] } {
  const status: Record<string, string> = {
    ACTIVATE: 'APPROVED',
    PENDING: 'AUDITING',
    FAILED: 'FAILED',
  };
  return { status: status[p.status] ?? 'NONE', pre_approved_reasons: [] };
}

function skuStatus(p: ProductRecord, skuIndex: number, seed: number): Record<string, string> {
  if (p.status === 'PLATFORM_DEACTIVATED') return { status: 'DEACTIVATED', deactivation_source: 'PLATFORM' };
  if (p.status === 'SELLER_DEACTIVATED') return { status: 'DEACTIVATED', deactivation_source: 'SELLER' };
  if (p.status === 'ACTIVATE' && skuIndex > 0 && unit(seed, 120, p.index, skuIndex) < 0.1)
    return { status: 'DEACTIVATED', deactivation_source: 'SELLER' };
  return { status: 'NORMAL' };
}

function qualityTier(p: ProductRecord, shop: ShopRecord, seed: number): string | undefined {
  if (shop.region !== 'US') return undefined;
  const u = unit(seed, 121, p.index);
  return u < 0.2 ? 'POOR' : u < 0.55 ? 'FAIR' : 'GOOD';
}

const hasDraft = (p: ProductRecord, seed: number): boolean =>
  p.status === 'ACTIVATE' && unit(seed, 122, p.index) < 0.08;

export const pageSizeSchema = (max: number, fallback?: number) =>
  z.preprocess(
    (v) => (v === undefined && fallback !== undefined ? String(fallback) : v),
    z
      .string({ error: 'page_size is required' })
      .regex(/^\d+$/, 'page_size must be an integer')
      .transform(Number)
      .pipe(z.number().int().min(1).max(max)),
  );

/**
 * Get Product's `main_images`: one to three pictures per product, on the simulator's picture CDN
 * (`../media.ts`), in the official sample's shape (`uri`, `urls`, `thumb_urls`, `width`, `height`).
 */
function productPictures(p: ProductRecord, mediaBase: string): Array<Record<string, unknown>> {
  const count = 1 + (hashString(p.imageUri) % 3);
  return Array.from({ length: count }, (_, k) => {
    const uri = k === 0 ? p.imageUri : `${p.imageUri}-${k + 1}`;
    const { url, thumbUrl } = pictureUrls(mediaBase, uri);
    return { uri, urls: [url], thumb_urls: [thumbUrl], width: 800, height: 800 };
  });
}

export function productJson(
  p: ProductRecord,
  shop: ShopRecord,
  detail: boolean,
  opts: { version?: string; seed: number; mediaBase?: string } = { seed: 0 },
): Record<string, unknown> {
  // Search 202502 and Get Product carry audit, draft and per-SKU status (docs/tiktok-api/shop-data.md).
  const v202502 = opts.version === '202502' || detail;
  const skus = p.skus.map((s, k) => ({
    id: s.id,
    seller_sku: s.sellerSku,
    price: { currency: shop.currency, tax_exclusive_price: s.price, sale_price: s.price },
    inventory: s.inventory.map((i) => ({ warehouse_id: i.warehouseId, quantity: i.quantity })),
    ...(v202502 ? { status_info: skuStatus(p, k, opts.seed) } : {}),
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
    is_not_for_sale: false,
    ...(v202502
      ? {
          listing_quality_tier: qualityTier(p, shop, opts.seed),
          audit: audit(p),
          has_draft: hasDraft(p, opts.seed),
        }
      : { listing_quality_tier: p.status === 'ACTIVATE' ? 'GOOD' : 'POOR' }),
  };
  if (!detail) return base;
  return {
    ...base,
    description: p.description,
    category_chains: [{ id: p.categoryId, parent_id: '0', local_name: p.categoryName, is_leaf: true }],
    brand: p.brand,
    main_images: productPictures(p, opts.mediaBase ?? 'http://127.0.0.1/media'),
    // No product has a video: the field is left out, as TikTok does.
    package_dimensions: { length: '20', width: '15', height: '10', unit: 'CENTIMETER' },
    package_weight: { value: '0.5', unit: 'KILOGRAM' },
    product_status: p.status,
    is_cod_allowed: false,
    product_attributes: [],
    delivery_options: [{ id: `${p.id.slice(0, -3)}301`, name: 'Standard shipping', is_available: true }],
    minimum_order_quantity: 1,
    is_pre_owned: false,
    is_replicated: false,
  };
}

export function searchProducts(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const pageSize = parse(pageSizeSchema(100), ctx.query.get('page_size'), 'page_size');
  const body = parse(searchBody, ctx.body ?? {}, 'body');
  if ((body.seller_skus?.length ?? 0) > 10)
    throw new ShopApiError(
      tooManySellerSkus,
      'The maximum count of "seller_skus" in the search filter is 10.',
    );
  if ((body.sku_ids?.length ?? 0) > 10)
    throw new ShopApiError(tooManySkuIds, 'The number of SKU IDs exceeds the limit of 10');
  const seed = ctx.state.dataset.seed;
  const fp = fingerprint('products', shop.index, body);
  const position = decodePageToken(ctx.query.get('page_token'), fp);
  const skus = body.seller_skus ? new Set(body.seller_skus) : null;
  const skuIds = body.sku_ids ? new Set(body.sku_ids) : null;
  const match = (k: number): boolean => {
    const p = ctx.state.product(shop.productStart + k);
    if (!p) return false;
    if (body.status !== 'ALL' && p.status !== body.status) return false;
    if (skuIds && !p.skus.some((s) => skuIds.has(s.id))) return false;
    if (body.audit_status && !(body.audit_status as string[]).includes(audit(p).status)) return false;
    if (body.listing_quality_tiers) {
      const tier = qualityTier(p, shop, seed);
      if (tier === undefined || !(body.listing_quality_tiers as string[]).includes(tier)) return false;
    }
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
      return p ? productJson(p, shop, false, { version: ctx.version, seed }) : null;
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
  return productJson(product, shop, true, {
    version: ctx.version,
    seed: ctx.state.dataset.seed,
    mediaBase: ctx.state.mediaBase,
  });
}
