import type { ContractSlice } from '../channel';
import {
  promotionLinkGenerateInputSchema,
  promotionLinkGenerateResultSchema,
  promotionLinksGetInputSchema,
  promotionLinksSchema,
} from '../promotion-links';

export const promotionLinksSlice = {
  title: 'Promotion links',
  channels: {
    'promotionLinks:get': {
      input: promotionLinksGetInputSchema,
      output: promotionLinksSchema,
      summary:
        'The stored affiliate promotion links of up to 100 products of one shop, with when each was generated; products without one are left out. Works offline.',
      writes: false,
    },
    'promotionLinks:generate': {
      input: promotionLinkGenerateInputSchema,
      output: promotionLinkGenerateResultSchema,
      summary:
        "A product's affiliate promotion link: the stored one, or generated at TikTok (Generate Affiliate Product Promotion Link) and stored; `regenerate` asks TikTok for a new one. A lost answer is resolved by asking again (a link reaches nobody by being generated).",
      writes: true,
    },
  },
  events: {},
} as const satisfies ContractSlice;
