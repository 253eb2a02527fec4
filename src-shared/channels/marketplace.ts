import type { ContractSlice } from '../channel';
import { noInput } from '../channel';
import {
  creatorStatsInputSchema,
  creatorStatsSchema,
  marketplaceQuotaInputSchema,
  marketplaceQuotaResultSchema,
  marketplaceSearchInputSchema,
  marketplaceSearchResultSchema,
  performanceInputSchema,
  performanceResultSchema,
  refreshResultSchema,
  savedResultsInputSchema,
  savedResultsSchema,
  savedSearchIdInputSchema,
  savedSearchSchema,
  saveSearchInputSchema,
} from '../marketplace';
import { z } from 'zod';

export const marketplaceSlice = {
  title: 'Creator Marketplace',
  channels: {
    'marketplace:search': {
      input: marketplaceSearchInputSchema,
      output: marketplaceSearchResultSchema,
      summary:
        'One page (12 or 20) of a live TikTok Creator Marketplace search for a shop, with 30-day figures. Each result is stored as a creator. Spends one of the shop’s 10,000 daily searches; the reply says how many are left.',
      writes: true,
    },
    'marketplace:quota': {
      input: marketplaceQuotaInputSchema,
      output: marketplaceQuotaResultSchema,
      summary:
        'Per shop: marketplace searches and performance reads used today (UTC), left, and when the day resets.',
      writes: false,
    },
    'marketplace:performance': {
      input: performanceInputSchema,
      output: performanceResultSchema,
      summary:
        "Read a creator's marketplace performance (engagement, GPM, content counts, follower split) through a shop and keep it. Spends one of that shop's daily performance reads.",
      writes: true,
    },
    'marketplace:creatorStats': {
      input: creatorStatsInputSchema,
      output: creatorStatsSchema,
      summary:
        'The marketplace figures and last performance stored for a creator, per shop (no TikTok call).',
      writes: false,
    },
    'marketplace:savedSearches': {
      input: noInput,
      output: z.array(savedSearchSchema),
      summary: 'Saved marketplace searches with their last refresh and how many creators each has found.',
      writes: false,
    },
    'marketplace:saveSearch': {
      input: saveSearchInputSchema,
      output: savedSearchSchema,
      summary:
        'Create or change a saved search: shop, filters, page size, pages one refresh may spend, and whether it refreshes daily by itself.',
      writes: true,
    },
    'marketplace:deleteSearch': {
      input: savedSearchIdInputSchema,
      output: z.object({ deleted: z.boolean() }),
      summary: 'Delete a saved search (the creators it found stay).',
      writes: true,
    },
    'marketplace:refreshSearch': {
      input: savedSearchIdInputSchema,
      output: refreshResultSchema,
      summary:
        'Run a saved search now, up to its page budget, stopping while 1,000 of the shop’s daily searches are left for searching by hand.',
      writes: true,
    },
    'marketplace:searchResults': {
      input: savedResultsInputSchema,
      output: savedResultsSchema,
      summary: 'Creators a saved search found, in TikTok’s order, marking those new in its latest refresh.',
      writes: false,
    },
  },
  events: {},
} as const satisfies ContractSlice;
