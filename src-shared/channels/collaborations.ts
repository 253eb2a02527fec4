import type { ContractSlice } from '../channel';
import { collaborationsListInputSchema, collaborationsPageSchema } from '../collaborations';

export const collaborationsSlice = {
  title: 'Collaborations',
  channels: {
    'collaborations:list': {
      input: collaborationsListInputSchema,
      output: collaborationsPageSchema,
      summary:
        'Synced target collaborations (invitations sent), newest first, with their status: running, cancelling, completed or removed. Works offline.',
      writes: false,
    },
  },
  events: {},
} as const satisfies ContractSlice;
