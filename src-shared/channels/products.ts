import type { ContractSlice } from '../channel';
import {
  exportCostsInputSchema,
  exportCostsResultSchema,
  importCostsInputSchema,
  importCostsResultSchema,
  productCostsInputSchema,
  productCostsSchema,
  setCostsInputSchema,
  setCostsResultSchema,
} from '../catalogue';
import { productsListInputSchema, productsPageSchema } from '../sync';

export const productsSlice = {
  title: 'Products',
  channels: {
    'products:list': {
      input: productsListInputSchema,
      output: productsPageSchema,
      summary: 'Synced products from the local database; works offline.',
      writes: false,
    },
    'products:costs': {
      input: productCostsInputSchema,
      output: productCostsSchema,
      summary: 'Per-SKU unit cost and shipping cost the merchant entered or imported (shop currency).',
      writes: false,
    },
    'products:setCosts': {
      input: setCostsInputSchema,
      output: setCostsResultSchema,
      summary:
        'Set or clear the cost and shipping cost of SKUs (decimal text in the shop currency). One bad item refuses the whole request with VALIDATION.',
      writes: true,
    },
    'products:importCosts': {
      input: importCostsInputSchema,
      output: importCostsResultSchema,
      summary:
        'Costs from CSV text (sku_id or seller_sku [+ shop], cost, shipping_cost[, currency]). `preview` lists changes and refused lines; `apply` writes only when no line is refused.',
      writes: true,
    },
    'products:exportCosts': {
      input: exportCostsInputSchema,
      output: exportCostsResultSchema,
      summary: 'Every synced SKU with its stored costs as CSV, in the layout products:importCosts reads.',
      writes: false,
    },
  },
  events: {},
} as const satisfies ContractSlice;
