import type { ContractSlice } from '../channel';
import { ordersListInputSchema, ordersPageSchema } from '../sync';

export const ordersSlice = {
  title: 'Orders',
  channels: {
    'orders:list': {
      input: ordersListInputSchema,
      output: ordersPageSchema,
      summary: 'Synced orders from the local database, newest first; works offline.',
      writes: false,
    },
  },
  events: {},
} as const satisfies ContractSlice;
