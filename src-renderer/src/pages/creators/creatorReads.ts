import type { Channel } from '@shared/contract';

/** Every read a creator edit can make stale: a write through the CRM invalidates these. */
export const creatorReads: readonly Channel[] = [
  'creators:search',
  'creators:count',
  'creators:facets',
  'creators:get',
  'creators:timeline',
  'lists:list',
];
