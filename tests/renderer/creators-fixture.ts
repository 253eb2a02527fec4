import type { CreatorDetail } from '@shared/creator-detail';
import type { CreatorRow } from '@shared/creators';

/** A row of `creators:search` and a `creators:get` answer, for the renderer tests that find creators. */
export const creatorSearchRow = (id: number, handle: string, over: Partial<CreatorRow> = {}): CreatorRow => ({
  id,
  handle,
  nickname: `${handle} nick`,
  avatarUrl: null,
  region: 'US',
  followers: 12_000,
  gmv: null,
  unitsSold: null,
  avgVideoViews: null,
  engagementBp: null,
  category: null,
  score: 40,
  stage: 'new',
  tags: [],
  lastContactedAt: null,
  hasContact: false,
  blocked: false,
  affiliateGmv: null,
  affiliateOrders: 0,
  firstSeenAt: 1,
  lastActivityAt: null,
  ...over,
});

export const creatorDetail = (creator: CreatorRow, over: Partial<CreatorDetail> = {}): CreatorDetail => ({
  creator,
  records: [
    {
      recordId: creator.id,
      openId: `open-${creator.id}`,
      userId: null,
      imId: null,
      handle: creator.handle,
      origin: 'sync',
      mergedInto: null,
      firstSeenAt: 1,
    },
  ],
  handles: [],
  merges: [],
  possibleDuplicates: [],
  stats: null,
  score: null,
  scoreOverride: null,
  notes: [],
  tags: [],
  lists: [],
  blocked: null,
  shops: [],
  performance: [],
  ...over,
});
