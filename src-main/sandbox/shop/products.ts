import { z } from 'zod';
import type { ProductRecord, ShopRecord } from '../data/dataset';
import { unit } from '../data/rng';
import { decodeId } from '../ids';
import { parse, requireShop, type ShopContext } from './context';
import { ShopApiError, invalidParam, shopCodes } from './errors';
import {
  arraySequence,
  countMatches,
  decodePageToken,
  encodePageToken,
  fingerprint,
  walk,
} from './pagination';

/** Refusals Update Price 202309 documents (docs/tiktok-api/shop-data.md). */
const productNotFound = 12052048;
const priceLockedByPromotion = 12052038;
const statusNotEditable = 12052901;

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

export function productJson(
  p: ProductRecord,
  shop: ShopRecord,
  detail: boolean,
  opts: { version?: string; seed: number } = { seed: 0 },
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
        }
      : {}),
  }));
  const base = {
    id: p.id,
    title: p.title,
    status: p.status,
    skus,
    sales_regions: [shop.region],
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
    main_images: [
      {
        uri: p.imageUri,
        urls: [`https://p16-oec-va.ibyteimg.com/${p.imageUri}~tplv-o3syd03w52-origin-jpeg.jpeg`],
        thumb_urls: [
          `https://p16-oec-va.ibyteimg.com/${p.imageUri}~tplv-o3syd03w52-resize-jpeg:300:300.jpeg`,
        ],
        width: 800,
        height: 800,
      },
    ],
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

function findProduct(
  ctx: ShopContext,
  id: string | undefined,
): { shop: ShopRecord; index: number; product: ProductRecord } {
  const shop = requireShop(ctx);
  const index = id === undefined ? null : decodeId('product', id);
  const product = index === null ? undefined : ctx.state.product(index);
  if (index === null || !product || product.shopIndex !== shop.index) {
    throw new ShopApiError(productNotFound, `Product ${id ?? ''} does not exist in this shop.`);
  }
  return { shop, index, product };
}

export function productDetail(ctx: ShopContext): unknown {
  const { shop, product } = findProduct(ctx, ctx.params.product_id);
  return productJson(product, shop, true, { version: ctx.version, seed: ctx.state.dataset.seed });
}

const decimal = z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, 'must be a decimal string like "12.99"');

const priceBody = z.object({
  skus: z
    .array(
      z.object({
        id: z.string(),
        price: z.object({ amount: decimal, currency: z.string(), sale_price: decimal.optional() }),
        list_price: z.object({ amount: decimal, currency: z.string() }).optional(),
      }),
    )
    .min(1),
});

export function updatePrices(ctx: ShopContext): unknown {
  const { shop, index, product } = findProduct(ctx, ctx.params.product_id);
  const body = parse(priceBody, ctx.body, 'body');
  if (product.status !== 'ACTIVATE')
    throw new ShopApiError(
      statusNotEditable,
      'The product in its current status is not available for this operation. Change the product status and try again.',
    );
  if (product.inPromotion)
    throw new ShopApiError(priceLockedByPromotion, 'Product price locked due to ongoing promotion.');
  for (const s of body.skus) {
    if (!product.skus.some((k) => k.id === s.id))
      throw invalidParam(`skus.id ${s.id} does not belong to product ${product.id}`);
    if (s.price.currency !== shop.currency)
      throw invalidParam(`skus.price.currency must be ${shop.currency}`);
    if (Number(s.price.amount) <= 0) throw invalidParam('skus.price.amount must be greater than 0');
  }
  const writable = ctx.state.productForWrite(index);
  if (!writable) throw new ShopApiError(productNotFound, 'Product vanished');
  for (const s of body.skus) {
    const sku = writable.skus.find((k) => k.id === s.id);
    if (sku) sku.price = Number(s.price.amount).toFixed(2);
  }
  writable.updateTime = ctx.now;
  ctx.state.recordWrite('product.price', shop.id, { productId: product.id, skus: body.skus });
  return {};
}

const inventoryBody = z.object({
  skus: z
    .array(
      z.object({
        id: z.string(),
        inventory: z
          .array(z.object({ warehouse_id: z.string(), quantity: z.number().int().min(1).max(99_999) }))
          .min(1),
      }),
    )
    .min(1),
});

export function updateInventory(ctx: ShopContext): unknown {
  const { shop, index, product } = findProduct(ctx, ctx.params.product_id);
  const body = parse(inventoryBody, ctx.body, 'body');
  const writable = ctx.state.productForWrite(index);
  if (!writable) throw new ShopApiError(productNotFound, 'Product vanished');
  // Batch semantics (docs/tiktok-api/shop-conventions.md): code 0 overall, one error entry per SKU that could not be updated.
  const errors: unknown[] = [];
  const applied: unknown[] = [];
  for (const s of body.skus) {
    const sku = writable.skus.find((k) => k.id === s.id);
    if (!sku) {
      errors.push({
        code: 12052556,
        message: 'The SKU id not exist.',
        detail: { sku_id: s.id, extra_errors: [] },
      });
      continue;
    }
    const listed = new Set(s.inventory.map((i) => i.warehouse_id));
    const missing = sku.inventory.filter((i) => !listed.has(i.warehouseId)).map((i) => i.warehouseId);
    const foreign = s.inventory
      .filter((i) => !sku.inventory.some((w) => w.warehouseId === i.warehouse_id))
      .map((i) => i.warehouse_id);
    if (missing.length > 0 || foreign.length > 0) {
      errors.push({
        code: 12052990,
        message: 'Check failed',
        detail: {
          sku_id: s.id,
          extra_errors: [
            ...missing.map((w) => ({
              warehouse_id: w,
              code: 12052533,
              message:
                'Removal, addition, and change of warehouses are not permitted. Please specify the original warehouses for the SKUs.',
            })),
            ...foreign.map((w) => ({
              warehouse_id: w,
              code: 12052097,
              message: 'The warehouse does not exist',
            })),
          ],
        },
      });
      continue;
    }
    for (const i of s.inventory) {
      const w = sku.inventory.find((x) => x.warehouseId === i.warehouse_id);
      if (w) w.quantity = i.quantity;
    }
    applied.push(s);
  }
  if (applied.length > 0) {
    writable.updateTime = ctx.now;
    ctx.state.recordWrite('product.inventory', shop.id, { productId: product.id, skus: applied });
  }
  return { errors };
}
