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
