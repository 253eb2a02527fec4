import type { ContractSlice } from '../channel';
import {
  deleteViewInputSchema,
  orderIdInputSchema,
  orderDetailSchema,
  orderRefreshSchema,
  ordersExportInputSchema,
  ordersExportResultSchema,
  ordersListInputSchema,
  ordersPageSchema,
  ordersSummaryInputSchema,
  ordersSummarySchema,
  savedOrderViewSchema,
  savedViewsSchema,
  saveViewInputSchema,
} from '../orders';
import { noInput } from '../channel';
import { z } from 'zod';

export const ordersSlice = {
  title: 'Orders',
  channels: {
    'orders:list': {
      input: ordersListInputSchema,
      output: ordersPageSchema,
      summary:
        'Synced orders from the local database, one page at a time (keyset cursor): filters, sort, exact order id or product words (each result says what matched). Works offline.',
      writes: false,
    },
    'orders:summary': {
      input: ordersSummaryInputSchema,
      output: ordersSummarySchema,
      summary: 'How many orders the filters match and their totals, one per currency.',
      writes: false,
    },
    'orders:detail': {
      input: orderIdInputSchema,
      output: orderDetailSchema,
      summary:
        'One order from the local database: items with quantities, payment, affiliate creator and commission, shipping and ship-by time, status timeline.',
      writes: false,
    },
    'orders:refresh': {
      input: orderIdInputSchema,
      output: orderRefreshSchema,
      summary:
        "Re-read one order from TikTok now and store it; the answer also carries the recipient as TikTok shows it and the buyer's note, which ShopMesh does not keep.",
      writes: true,
    },
    'orders:export': {
      input: ordersExportInputSchema,
      output: ordersExportResultSchema,
      summary: 'The filtered view as CSV (one row per order, up to 200,000 rows).',
      writes: false,
    },
    'orders:views': {
      input: noInput,
      output: savedViewsSchema,
      summary: "The Orders page's saved views (filters and sort), by name.",
      writes: false,
    },
    'orders:saveView': {
      input: saveViewInputSchema,
      output: savedOrderViewSchema,
      summary: 'Save the current filters and sort under a name (or update a saved view).',
      writes: true,
    },
    'orders:deleteView': {
      input: deleteViewInputSchema,
      output: z.object({ deleted: z.boolean() }),
      summary: 'Delete a saved view.',
      writes: true,
    },
  },
  events: {},
} as const satisfies ContractSlice;
