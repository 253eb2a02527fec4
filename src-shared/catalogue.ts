import { z } from 'zod';
import { moneySchema } from './sync';

/**
 * Schemas shared by the catalogue channels (`products:*`): per-SKU costs and the reasons a value typed by
 * the merchant is refused. Refusals travel as a stable `reason` plus `params`; the renderer translates
 * `catalogue.reason.<reason>` (English text for the API and the log is in `message`).
 */

/** TikTok ids are decimal strings longer than 2^53; never numbers. */
export const remoteIdSchema = z.string().trim().min(1).max(64);

/**
 * An amount as the merchant typed it, in the shop's currency ("12.99", "1500"). Kept as text across the
 * boundary so main can say what is wrong with it (not a number, negative, too many decimals) instead of
 * the renderer silently rounding.
 */
export const amountTextSchema = z.string().max(40);

export const amountRefusals = ['notNumber', 'negative', 'tooManyDecimals', 'tooLarge'] as const;

export const costRefusals = [
  ...amountRefusals,
  'unknownSku',
  'ambiguousSellerSku',
  'unknownShop',
  'currencyMismatch',
  'duplicate',
  'nothingToSet',
  'missingColumn',
  'emptyFile',
  'unreadableFile',
] as const;
export const costRefusalSchema = z.enum(costRefusals);
export type CostRefusal = z.infer<typeof costRefusalSchema>;

export const refusalParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

export const productCostSchema = z.object({
  skuId: z.string(),
  productId: z.string(),
  shopId: z.string(),
  /** Per unit sold, in the shop's currency; null when the merchant has not given it. */
  cost: moneySchema.nullable(),
  shippingCost: moneySchema.nullable(),
  source: z.enum(['manual', 'import']),
  /** UTC epoch ms. */
  updatedAt: z.number().int(),
});
export type ProductCost = z.infer<typeof productCostSchema>;

// ---- products:costs -------------------------------------------------------------------------------------
export const productCostsInputSchema = z
  .object({
    shopId: remoteIdSchema.optional(),
    productId: remoteIdSchema.optional(),
    skuIds: z.array(remoteIdSchema).min(1).max(1000).optional(),
  })
  .strict();
export const productCostsSchema = z.object({ items: z.array(productCostSchema) });

// ---- products:setCosts ----------------------------------------------------------------------------------
export const costEntrySchema = z
  .object({
    skuId: remoteIdSchema,
    /** Text in the shop's currency; null clears it. Omit to keep what is stored. */
    cost: amountTextSchema.nullable().optional(),
    shippingCost: amountTextSchema.nullable().optional(),
  })
  .strict();
export type CostEntry = z.input<typeof costEntrySchema>;

export const setCostsInputSchema = z.object({ items: z.array(costEntrySchema).min(1).max(5000) }).strict();
export type SetCostsInput = z.input<typeof setCostsInputSchema>;

export const setCostsResultSchema = z.object({
  /** Rows written (or deleted, when both amounts end up empty). */
  changed: z.number().int().nonnegative(),
  items: z.array(productCostSchema),
});

// ---- products:importCosts -------------------------------------------------------------------------------
export const importCostsInputSchema = z
  .object({
    /** The file's text (UTF-8). 5 MB is ~100k SKUs. */
    csv: z.string().max(5_000_000),
    /** `preview` checks and shows what would change; `apply` writes, and only when no line is refused. */
    mode: z.enum(['preview', 'apply']).default('preview'),
  })
  .strict();
export type ImportCostsInput = z.input<typeof importCostsInputSchema>;

export const costImportIssueSchema = z.object({
  /** 1-based line of the file (the header is line 1); 0 for the file as a whole. */
  line: z.number().int().nonnegative(),
  column: z.string().nullable(),
  reason: costRefusalSchema,
  params: refusalParamsSchema,
  message: z.string(),
});
export type CostImportIssue = z.infer<typeof costImportIssueSchema>;

export const costImportChangeSchema = z.object({
  line: z.number().int().positive(),
  skuId: z.string(),
  sellerSku: z.string().nullable(),
  shopId: z.string(),
  productTitle: z.string(),
  before: z.object({ cost: moneySchema.nullable(), shippingCost: moneySchema.nullable() }),
  after: z.object({ cost: moneySchema.nullable(), shippingCost: moneySchema.nullable() }),
});

export const importCostsResultSchema = z.object({
  mode: z.enum(['preview', 'apply']),
  /** Data lines read (the header not counted). */
  lines: z.number().int().nonnegative(),
  changes: z.array(costImportChangeSchema),
  /** Lines that set what is already stored. */
  unchanged: z.number().int().nonnegative(),
  issues: z.array(costImportIssueSchema),
  /** True when `apply` wrote the changes (never when there is an issue). */
  applied: z.boolean(),
});
export type ImportCostsResult = z.infer<typeof importCostsResultSchema>;

// ---- products:exportCosts -------------------------------------------------------------------------------
export const exportCostsInputSchema = z.object({ shopId: remoteIdSchema.optional() }).strict();
export const exportCostsResultSchema = z.object({
  fileName: z.string(),
  csv: z.string(),
  rows: z.number().int().nonnegative(),
});

// ---- price and stock changes (products:reviewChange / updatePrices / updateInventory / change / undoChange)

/** TikTok's range for a warehouse's quantity; ShopMesh also lets a merchant set 0 (sold out). */
export const MAX_STOCK = 99_999;

export const editRefusals = [
  ...amountRefusals,
  'zeroPrice',
  'stockRange',
  'unknownSku',
  'unknownWarehouse',
  'warehouseRequired',
  'duplicate',
  'noChange',
  'productNotActive',
  'inPromotion',
  'accountInactive',
  'offline',
  'skuGone',
] as const;
export const editRefusalSchema = z.enum(editRefusals);
export type EditRefusal = z.infer<typeof editRefusalSchema>;

/** Why a SKU's write did not go through, beyond the refusals above. */
export const writeFailures = ['remote', 'remoteChanged', 'productGone', 'auth', 'interrupted'] as const;
export const writeReasonSchema = z.enum([...editRefusals, ...writeFailures]);
export type WriteReason = z.infer<typeof writeReasonSchema>;

export const warehouseStockSchema = z.object({
  warehouseId: z.string(),
  quantity: z.number().int(),
});
export type WarehouseStockView = z.infer<typeof warehouseStockSchema>;

/** A SKU's price or its stock per warehouse: what a change reads, expects and sets. */
export const skuValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('price'), price: moneySchema }),
  z.object({ kind: z.literal('inventory'), warehouses: z.array(warehouseStockSchema) }),
]);
export type SkuValue = z.infer<typeof skuValueSchema>;

export const changeKinds = ['price', 'inventory'] as const;
export const changeKindSchema = z.enum(changeKinds);
export type ChangeKind = z.infer<typeof changeKindSchema>;

export const priceEditSchema = z
  .object({
    skuId: remoteIdSchema,
    /** The new price as text in the shop's currency ("13.64"). */
    price: amountTextSchema,
    /**
     * The price the merchant expects TikTok to have now; default: the last synced price. After a
     * `remoteChanged` conflict, pass the remote price shown to overwrite it knowingly.
     */
    expected: amountTextSchema.optional(),
  })
  .strict();

export const inventoryEditSchema = z
  .object({
    skuId: remoteIdSchema,
    /** Required when the SKU is stocked in more than one warehouse. */
    warehouseId: remoteIdSchema.optional(),
    quantity: z.number().int().min(-1_000_000).max(1_000_000),
    /** The quantity expected in that warehouse now; default: the last synced one. */
    expected: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();

const labelSchema = z.string().trim().max(200).optional();

export const updatePricesInputSchema = z
  .object({
    items: z.array(priceEditSchema).min(1).max(1000),
    /** How the merchant described the change ("+5%"), kept with it. */
    label: labelSchema,
    /** Resolve once every SKU has a final state (automation); default: as soon as the change is queued. */
    wait: z.boolean().default(false),
  })
  .strict();
export type UpdatePricesInput = z.input<typeof updatePricesInputSchema>;

export const updateInventoryInputSchema = z
  .object({
    items: z.array(inventoryEditSchema).min(1).max(1000),
    label: labelSchema,
    wait: z.boolean().default(false),
  })
  .strict();
export type UpdateInventoryInput = z.input<typeof updateInventoryInputSchema>;

export const reviewChangeInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('price'), items: z.array(priceEditSchema).min(1).max(1000) }).strict(),
  z.object({ kind: z.literal('inventory'), items: z.array(inventoryEditSchema).min(1).max(1000) }).strict(),
]);
export type ReviewChangeInput = z.input<typeof reviewChangeInputSchema>;

export const refusalSchema = z.object({
  reason: writeReasonSchema,
  params: refusalParamsSchema,
  /** English, for the log and the automation API; the renderer translates `reason` with `params`. */
  message: z.string(),
});
export type Refusal = z.infer<typeof refusalSchema>;

const skuRefSchema = {
  skuId: z.string(),
  productId: z.string().nullable(),
  productTitle: z.string().nullable(),
  sellerSku: z.string().nullable(),
  shopId: z.string().nullable(),
};

export const reviewItemSchema = z.object({
  ...skuRefSchema,
  /** What ShopMesh last synced, and what would be sent. Null when the SKU or the value is unknown. */
  old: skuValueSchema.nullable(),
  new: skuValueSchema.nullable(),
  /** Why this SKU would not be sent; null when it would. */
  refusal: refusalSchema.nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const reviewChangeResultSchema = z.object({
  kind: changeKindSchema,
  items: z.array(reviewItemSchema),
  /** SKUs that would be sent. */
  sendable: z.number().int().nonnegative(),
});
export type ReviewChangeResult = z.infer<typeof reviewChangeResultSchema>;

export const writeStates = [
  'queued',
  'sending',
  'unknown',
  'done',
  'failed',
  'conflict',
  'refused',
  'cancelled',
] as const;
export const writeStateSchema = z.enum(writeStates);
export type WriteState = z.infer<typeof writeStateSchema>;

export const changeItemSchema = z.object({
  ...skuRefSchema,
  state: writeStateSchema,
  old: skuValueSchema,
  new: skuValueSchema,
  /** What TikTok had when it differed from what was expected (`conflict`). */
  remote: skuValueSchema.nullable(),
  /** Why it failed, was refused or conflicts; null otherwise. */
  outcome: refusalSchema.nullable(),
  /** TikTok's error code when TikTok refused it. */
  remoteCode: z.number().int().nullable(),
  attempts: z.number().int().nonnegative(),
});
export type ChangeItem = z.infer<typeof changeItemSchema>;

export const changeSchema = z.object({
  id: z.string(),
  kind: changeKindSchema,
  label: z.string().nullable(),
  createdAt: z.number().int(),
  /** When every SKU reached a final state; null while some are queued, sending or being checked. */
  finishedAt: z.number().int().nullable(),
  /** The change this one undid, and the change that undid this one. */
  undoOf: z.string().nullable(),
  undoneBy: z.string().nullable(),
  /** True for the latest change with SKUs done that has not been undone. */
  canUndo: z.boolean(),
  counts: z.record(writeStateSchema, z.number().int().nonnegative()),
  items: z.array(changeItemSchema),
});
export type Change = z.infer<typeof changeSchema>;

export const changeInputSchema = z.object({ changeId: z.string().min(1).max(64) }).strict();
export const changesInputSchema = z.object({ limit: z.number().int().min(1).max(50).default(10) }).strict();
export const changesResultSchema = z.object({ items: z.array(changeSchema) });

// ---- products:list / products:detail --------------------------------------------------------------------
export const productSortColumns = ['created', 'updated', 'title', 'price', 'inventory'] as const;

export const productsListInputSchema = z
  .object({
    shopId: remoteIdSchema.optional(),
    /** A product, SKU or seller SKU id (exact or its start), or words of the title. */
    search: z.string().trim().max(200).optional(),
    /** TikTok listing status (ACTIVATE, SELLER_DEACTIVATED, …). */
    status: z.string().max(40).optional(),
    /** Only products with a SKU whose stock is below `lowStockBelow`. */
    lowStock: z.literal(true).optional(),
    /** The low-stock threshold (Settings); a SKU below it is flagged. */
    lowStockBelow: z.number().int().min(0).max(MAX_STOCK).default(10),
    /** Shop-local days (YYYY-MM-DD, inclusive) for units sold and GMV; omit for none. */
    salesFrom: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    salesTo: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    sort: z
      .object({
        by: z.enum(productSortColumns),
        desc: z.boolean(),
      })
      .strict()
      .optional(),
    limit: z.number().int().min(1).max(500).default(50),
    cursor: z.string().max(300).optional(),
  })
  .strict();
export type ProductsListInput = z.input<typeof productsListInputSchema>;

export const productSkuViewSchema = z.object({
  skuId: z.string(),
  sellerSku: z.string().nullable(),
  price: moneySchema.nullable(),
  inventory: z.number().int(),
  warehouses: z.array(warehouseStockSchema),
  lowStock: z.boolean(),
  cost: moneySchema.nullable(),
  shippingCost: moneySchema.nullable(),
});
export type ProductSkuView = z.infer<typeof productSkuViewSchema>;

export const productViewSchema = z.object({
  productId: z.string(),
  shopId: z.string(),
  title: z.string(),
  /** TikTok's listing status. */
  status: z.string(),
  minPrice: moneySchema.nullable(),
  maxPrice: moneySchema.nullable(),
  inventory: z.number().int(),
  skuCount: z.number().int(),
  createTime: z.number().int().nullable(),
  updateTime: z.number().int().nullable(),
  /** SKUs below the low-stock threshold. */
  lowStockSkus: z.number().int().nonnegative(),
  /** Units sold and GMV over the requested days (from the daily rollups), one entry per currency. */
  sales: z.object({ units: z.number().int(), gmv: moneySchema }).nullable(),
  skus: z.array(productSkuViewSchema),
});
export type ProductView = z.infer<typeof productViewSchema>;

export const productsPageSchema = z.object({
  items: z.array(productViewSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().nonnegative(),
});
export type ProductsPage = z.infer<typeof productsPageSchema>;

export const productIdInputSchema = z
  .object({ productId: remoteIdSchema, lowStockBelow: z.number().int().min(0).max(MAX_STOCK).default(10) })
  .strict();

export const productDetailSchema = z.object({
  product: productViewSchema,
  shopName: z.string().nullable(),
  /** From Get Product, saved when the product was last refreshed; empty before that. */
  images: z.array(
    z.object({
      url: z.string(),
      thumbUrl: z.string().nullable(),
      width: z.number().int().nullable(),
      height: z.number().int().nullable(),
    }),
  ),
  attributes: z.record(z.string(), z.array(z.object({ name: z.string(), value: z.string() }))),
  /** When images and attributes were read from TikTok (UTC ms); null when never. */
  mediaFetchedAt: z.number().int().nullable(),
  /** Each SKU's prices over time: what the sync saw and what ShopMesh set, oldest first. */
  priceHistory: z.array(
    z.object({
      skuId: z.string(),
      points: z.array(
        z.object({ at: z.number().int(), price: moneySchema, source: z.enum(['sync', 'edit']) }),
      ),
    }),
  ),
});
export type ProductDetail = z.infer<typeof productDetailSchema>;

/** One of a product's pictures (its place in `ProductDetail.images`), full size or as TikTok's thumbnail. */
export const productImageInputSchema = z
  .object({
    productId: remoteIdSchema,
    index: z.number().int().min(0).max(49),
    variant: z.enum(['full', 'thumb']).default('full'),
  })
  .strict();

/**
 * The picture as a `data:` URL the renderer's CSP allows (`img-src 'self' data:`), fetched by main from
 * TikTok's image hosts only, or from its cache (docs/catalogue.md "Product pictures").
 */
export const productImageSchema = z.object({
  dataUrl: z.string().regex(/^data:image\/(jpeg|png|gif|webp);base64,[A-Za-z0-9+/]+=*$/),
  mime: z.enum(['image/jpeg', 'image/png', 'image/gif', 'image/webp']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Size of the picture in bytes. */
  size: z.number().int().positive(),
  /** When it was fetched from TikTok (UTC ms). */
  fetchedAt: z.number().int(),
  /** Served from the local cache (no request made). */
  cached: z.boolean(),
});
export type ProductImage = z.infer<typeof productImageSchema>;
