import type { ContractSlice } from '../channel';
import { outreachIdInputSchema } from '../outreach';
import { outreachResultsSchema } from '../outreach-results';

export const outreachResultsSlice = {
  title: 'Outreach results',
  channels: {
    'outreach:results': {
      input: outreachIdInputSchema,
      output: outreachResultsSchema,
      summary:
        'What an Outreach brought back, from synced data: creators who accepted (showcase), posted content or replied, and per product the affiliate orders, units, GMV and commission attributed to its collaborations. Works offline.',
      writes: false,
    },
  },
  events: {},
} as const satisfies ContractSlice;
