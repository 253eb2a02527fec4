import { z } from 'zod';
import { remoteIdSchema } from './catalogue';
import { moneySchema } from './sync';

/**
 * The Orders page's queries (channels in `channels/orders.ts`). Filters combine with AND; every list query
 * is served by an index or the order search index (docs/orders.md).
 */

export const orderStatuses = [
  'UNPAID',
  'ON_HOLD',
  'AWAITING_SHIPMENT',
  'PARTIALLY_SHIPPING',
  'AWAITING_COLLECTION',
  'IN_TRANSIT',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
] as const;
export const orderStatusSchema = z.enum(orderStatuses);

/** Statuses in which an order still has to be shipped, and whose ship-by time (SLA) can pass. */
export const awaitingStatuses = ['AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING'] as const;

export const orderSortColumns = ['created', 'total', 'sla'] as const;

export const orderFiltersSchema = z
  .object({
    shopId: remoteIdSchema.optional(),
    status: z.array(orderStatusSchema).min(1).max(orderStatuses.length).optional(),
    /** Created at or after (UTC epoch ms). */
    from: z.number().int().nonnegative().optional(),
    /** Created before (UTC epoch ms). */
    to: z.number().int().nonnegative().optional(),
    /** true: only orders a creator brought in (affiliate orders); false: only the others. */
    affiliate: z.boolean().optional(),
    /** Still to be shipped. */
    awaitingShipment: z.literal(true).optional(),
    /** Still to be shipped and past TikTok's ship-by time (`rts_sla_time`). */
    late: z.literal(true).optional(),
    /** With at least one refunded or cancelled line. */
    refunded: z.literal(true).optional(),
    /** Free samples sent to creators. */
    sample: z.literal(true).optional(),
    /**
     * An exact order id, or words of a product name, SKU name or seller SKU (each word matches the start of
     * a word, case- and accent-insensitive).
     */
    search: z.string().trim().max(200).optional(),
  })
  .strict();
export type OrderFilters = z.infer<typeof orderFiltersSchema>;

export const orderSortSchema = z
  .object({
    /** `sla` (ship-by time) needs `awaitingShipment` or `late`. */
    by: z.enum(orderSortColumns),
    desc: z.boolean(),
  })
  .strict();
export type OrderSort = z.infer<typeof orderSortSchema>;

export const ordersListInputSchema = orderFiltersSchema
  .extend({
    sort: orderSortSchema.optional(),
    limit: z.number().int().min(1).max(500).default(50),
    /** The `nextCursor` of the previous page (valid for the same filters and sort). */
    cursor: z.string().max(300).optional(),
  })
  .strict()
  .refine((q) => q.sort?.by !== 'sla' || q.awaitingShipment === true || q.late === true, {
    message: 'sorting by ship-by time needs awaitingShipment or late',
    path: ['sort'],
  });
export type OrdersListInput = z.input<typeof ordersListInputSchema>;

export const orderLineViewSchema = z.object({
  lineId: z.string(),
  productId: z.string(),
  productName: z.string(),
  skuId: z.string(),
  skuName: z.string().nullable(),
  sellerSku: z.string().nullable(),
  salePrice: moneySchema,
  cancelled: z.boolean(),
});

/** What a search matched in an order: its id, or these lines. */
export const orderMatchSchema = z.object({
  orderId: z.boolean(),
  lineIds: z.array(z.string()),
});

export const orderViewSchema = z.object({
  orderId: z.string(),
  shopId: z.string(),
  status: z.string(),
  createTime: z.number().int(),
  updateTime: z.number().int(),
  total: moneySchema,
  subTotal: moneySchema,
  shippingFee: moneySchema,
  tax: moneySchema,
  sellerDiscount: moneySchema,
  platformDiscount: moneySchema,
  refund: moneySchema,
  units: z.number().int(),
  /** Ship-by time for orders still to ship (UTC ms); null otherwise or when TikTok gave none. */
  shipBy: z.number().int().nullable(),
  late: z.boolean(),
  affiliate: z.boolean(),
  sample: z.boolean(),
  lines: z.array(orderLineViewSchema),
  /** Set when the page answers a search. */
  match: orderMatchSchema.nullable(),
});
export type OrderView = z.infer<typeof orderViewSchema>;

export const ordersPageSchema = z.object({
  items: z.array(orderViewSchema),
  nextCursor: z.string().nullable(),
  /** Always null: pages are not counted, to stay instant on big shops; orders:summary counts the filtered view. */
  total: z.number().int().nonnegative().nullable(),
});
export type OrdersPage = z.infer<typeof ordersPageSchema>;

// ---- orders:summary -------------------------------------------------------------------------------------
export const ordersSummaryInputSchema = orderFiltersSchema;
export const ordersSummarySchema = z.object({
  count: z.number().int().nonnegative(),
  /** Totals of the filtered orders, one per currency (never added across currencies). */
  totals: z.array(z.object({ currency: z.string(), orders: z.number().int(), total: moneySchema })),
});
export type OrdersSummary = z.infer<typeof ordersSummarySchema>;

// ---- orders:detail / orders:refresh ---------------------------------------------------------------------
export const orderIdInputSchema = z.object({ orderId: remoteIdSchema }).strict();

export const orderTimelineStepSchema = z.object({
  step: z.enum(['created', 'paid', 'shipped', 'collected', 'delivered', 'cancelled', 'updated']),
  at: z.number().int(),
});

export const orderDetailSchema = z.object({
  order: orderViewSchema,
  shopName: z.string().nullable(),
  shopRegion: z.string().nullable(),
  /** Lines grouped by SKU with their quantity (TikTok lists one line per unit). */
  items: z.array(
    z.object({
      skuId: z.string(),
      productId: z.string(),
      productName: z.string(),
      skuName: z.string().nullable(),
      sellerSku: z.string().nullable(),
      quantity: z.number().int(),
      cancelled: z.number().int(),
      unitPrice: moneySchema,
      total: moneySchema,
    }),
  ),
  affiliate: z
    .object({
      creatorHandle: z.string().nullable(),
      creatorId: z.number().int().nullable(),
      commission: moneySchema.nullable(),
      estimatedCommission: moneySchema.nullable(),
      /** Hundredths of a percent, as TikTok sends it. */
      commissionRateBp: z.number().int().nullable(),
      status: z.string(),
    })
    .nullable(),
  shipping: z.object({
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    deliveryOption: z.string().nullable(),
    shippingType: z.string().nullable(),
    shipBy: z.number().int().nullable(),
    collectBy: z.number().int().nullable(),
  }),
  timeline: z.array(orderTimelineStepSchema),
  cancelReason: z.string().nullable(),
  cancelledBy: z.string().nullable(),
  /** When ShopMesh last read this order from TikTok (UTC ms). */
  syncedAt: z.number().int(),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

/** The recipient as TikTok shows it (masked for TikTok-shipped orders); read live, never stored. */
export const orderRecipientSchema = z.object({
  name: z.string(),
  phone: z.string(),
  address: z.string(),
  postalCode: z.string(),
  regionCode: z.string(),
});

export const orderRefreshSchema = z.object({
  detail: orderDetailSchema,
  /** Null while the order is UNPAID or ON_HOLD (TikTok does not give it then). */
  recipient: orderRecipientSchema.nullable(),
  buyerMessage: z.string().nullable(),
});
export type OrderRefresh = z.infer<typeof orderRefreshSchema>;

// ---- orders:export --------------------------------------------------------------------------------------
/** The CSV's columns, in order; `headers` names them in the merchant's language. */
export const orderExportColumns = [
  'orderId',
  'shop',
  'status',
  'created',
  'currency',
  'total',
  'subtotal',
  'shipping',
  'tax',
  'sellerDiscount',
  'platformDiscount',
  'refund',
  'units',
  'shipBy',
  'late',
  'affiliate',
  'sample',
  'products',
] as const;

export const ordersExportInputSchema = orderFiltersSchema
  .extend({
    sort: orderSortSchema.optional(),
    /** Column headers in the merchant's language, from the renderer; English by default. */
    headers: z.record(z.string(), z.string().max(60)).optional(),
  })
  .strict();
export const ordersExportResultSchema = z.object({
  fileName: z.string(),
  csv: z.string(),
  rows: z.number().int().nonnegative(),
  /** True when the view had more rows than one export takes (`rows` were written). */
  truncated: z.boolean(),
});

// ---- saved views ----------------------------------------------------------------------------------------
export const orderViewFiltersSchema = orderFiltersSchema
  .extend({ sort: orderSortSchema.optional() })
  .strict();
export const savedOrderViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  filters: orderViewFiltersSchema,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type SavedOrderView = z.infer<typeof savedOrderViewSchema>;
export const savedViewsSchema = z.object({ items: z.array(savedOrderViewSchema) });
export const saveViewInputSchema = z
  .object({
    /** Omit to create; give to rename or replace the filters of an existing view. */
    id: z.string().max(64).optional(),
    name: z.string().trim().min(1).max(60),
    filters: orderViewFiltersSchema,
  })
  .strict();
export const deleteViewInputSchema = z.object({ id: z.string().min(1).max(64) }).strict();
