import type { ContractSlice } from '../channel';
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
  },
  events: {},
} as const satisfies ContractSlice;
