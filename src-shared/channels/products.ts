import type { ContractSlice } from '../channel';
import {
  changeInputSchema,
  changeSchema,
  changesInputSchema,
  changesResultSchema,
  exportCostsInputSchema,
  exportCostsResultSchema,
  importCostsInputSchema,
  importCostsResultSchema,
  productCostsInputSchema,
  productDetailSchema,
  productIdInputSchema,
  productImageInputSchema,
  productImageSchema,
  productCostsSchema,
  productsListInputSchema,
  productsPageSchema,
  reviewChangeInputSchema,
  reviewChangeResultSchema,
  setCostsInputSchema,
  setCostsResultSchema,
  updateInventoryInputSchema,
  updatePricesInputSchema,
} from '../catalogue';

export const productsSlice = {
  title: 'Products',
  channels: {
    'products:list': {
      input: productsListInputSchema,
      output: productsPageSchema,
      summary:
        'Synced products with their SKUs (price, stock per warehouse, cost, low-stock flag) and units/GMV over chosen days, from the local database; keyset pages; works offline.',
      writes: false,
    },
    'products:detail': {
      input: productIdInputSchema,
      output: productDetailSchema,
      summary:
        'One product with its SKUs, costs, images and attributes (as of its last refresh) and price history (synced and edited prices).',
      writes: false,
    },
    'products:image': {
      input: productImageInputSchema,
      output: productImageSchema,
      summary:
        "One of a product's pictures as a data: URL, fetched by main from TikTok's image hosts (size-limited, type-checked, no other host) or from the local cache, which works offline. Refresh the product first when it has no pictures stored.",
      writes: false,
    },
    'products:refresh': {
      input: productIdInputSchema,
      output: productDetailSchema,
      summary:
        'Re-read one product from TikTok now (Get Product): price, stock, status, images; stored like a sync.',
      writes: true,
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
    'products:reviewChange': {
      input: reviewChangeInputSchema,
      output: reviewChangeResultSchema,
      summary:
        'Old → new per SKU and shop for a price or stock change, and why a SKU would not be sent, from the local data alone; sends nothing.',
      writes: false,
    },
    'products:updatePrices': {
      input: updatePricesInputSchema,
      output: changeSchema,
      summary:
        "Change SKU prices at TikTok through the durable write queue (one request per product, read back first). Refused with OFFLINE when TikTok can't be reached; refused SKUs are listed with their reason and never sent.",
      writes: true,
    },
    'products:updateInventory': {
      input: updateInventoryInputSchema,
      output: changeSchema,
      summary:
        'Change SKU stock per warehouse at TikTok (every warehouse of the SKU is sent), through the same queue and checks as products:updatePrices.',
      writes: true,
    },
    'products:change': {
      input: changeInputSchema,
      output: changeSchema,
      summary: 'One change with the state, outcome and TikTok message of each SKU.',
      writes: false,
    },
    'products:changes': {
      input: changesInputSchema,
      output: changesResultSchema,
      summary: 'Recent price and stock changes, newest first; `canUndo` marks the one Undo applies to.',
      writes: false,
    },
    'products:undoChange': {
      input: changeInputSchema,
      output: changeSchema,
      summary:
        'Undo the latest change: its done SKUs go back to their old values as a new change, with the same checks (a value changed since comes back as a conflict).',
      writes: true,
    },
  },
  events: {
    'products:changeUpdated': {
      payload: changeSchema,
      summary: 'A price or stock change moved on: SKUs queued, sent, done, failed, refused or in conflict.',
    },
  },
} as const satisfies ContractSlice;
