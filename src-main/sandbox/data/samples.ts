import { encodeId } from '../ids';
import { creatorRegion } from './creator-region';
import type { Dataset } from './dataset';
import { hash, unit } from './rng';

/**
 * Free-sample applications creators sent to each shop. Generated from the seed when the state is reset;
 * the seller's review is the only thing that changes them, and everything after it (shipping, delivery,
 * the creator's post) follows from the review time and the seed, computed against the clock.
 */
export interface SampleApplication {
  /** Position in `state.samples`, which is in application-time order (oldest first). */
  index: number;
  id: string;
  shopIndex: number;
  creatorIndex: number;
  productIndex: number;
  skuIndex: number;
  appliedAt: number;
  /** An agency applied for the creator: the seller may not review it (16022020). */
  partnerName: string | null;
  /** Hundredths of a percent, as the collaboration offers it. */
  commissionBp: number;
  review: { result: 'APPROVE' | 'REJECT'; at: number; reason: string | null } | null;
  withdrawnAt: number | null;
}

export const HOUR = 3_600;
export const DAY = 86_400;
/** The seller has 7 days to review (platform rules; `approve_expiration_time`). */
export const REVIEW_WINDOW = 7 * DAY;

const agencies = ['Bright Talent Agency', 'Northwind Creators', '星光达人机构'];
const rejectReasons = ['NOT_MATCH', 'OFFLINE', 'OUT_OF_STOCK', 'OTHER'] as const;

export function sampleCountPerShop(creatorCount: number): number {
  return Math.min(1_500, Math.max(10, Math.round(creatorCount * 0.06)));
}

/** Only the generated dataset is read: the state module builds its samples from here. */
type GeneratedState = { readonly dataset: Dataset };

function creatorIn(state: GeneratedState, region: string, salt: number): number {
  const count = state.dataset.creators.count;
  for (let attempt = 0; attempt < 16; attempt++) {
    const i = hash(state.dataset.seed, 125, salt, attempt) % count;
    if (creatorRegion(state, i) === region) return i;
  }
  return 0;
}

/**
 * Applications of the 40 days before the data ends. Older ones were mostly reviewed at the time; those of
 * the last six days mostly wait for the seller, so a fresh sandbox always has some to approve.
 */
export function generateSamples(state: GeneratedState): SampleApplication[] {
  const { dataset } = state;
  const seed = dataset.seed;
  const perShop = sampleCountPerShop(dataset.creators.count);
  const span = 40 * DAY - HOUR;
  const start = dataset.endTime - 40 * DAY;
  const recentFrom = dataset.endTime - 6 * DAY;
  const rows: SampleApplication[] = [];
  for (let k = 0; k < perShop; k++) {
    for (const shop of dataset.shops) {
      const salt = shop.index * 1_000_000 + k;
      const appliedAt = Math.floor(start + ((k + unit(seed, 126, salt)) * span) / perShop);
      const productIndex = shop.productStart + (hash(seed, 127, salt) % Math.max(1, shop.productCount));
      const product = dataset.products[productIndex];
      const u = unit(seed, 128, salt);
      const decideAt = appliedAt + 2 * HOUR + (hash(seed, 129, salt) % (70 * HOUR));
      let review: SampleApplication['review'] = null;
      let withdrawnAt: number | null = null;
      // Only decisions already in the past when the data ends; later ones are the merchant's to make.
      if (decideAt <= dataset.endTime - HOUR) {
        const recent = appliedAt >= recentFrom;
        const approve = recent ? 0.25 : 0.6;
        const reject = approve + (recent ? 0.05 : 0.15);
        const withdraw = reject + 0.05;
        if (u < approve) review = { result: 'APPROVE', at: decideAt, reason: null };
        else if (u < reject)
          review = {
            result: 'REJECT',
            at: decideAt,
            reason: rejectReasons[hash(seed, 130, salt) % rejectReasons.length] ?? 'OTHER',
          };
        else if (u < withdraw) withdrawnAt = decideAt;
      }
      rows.push({
        index: 0,
        id: '',
        shopIndex: shop.index,
        creatorIndex: creatorIn(state, shop.region, salt),
        productIndex,
        skuIndex: hash(seed, 131, salt) % Math.max(1, product?.skus.length ?? 1),
        appliedAt,
        partnerName:
          unit(seed, 132, salt) < 0.08 ? (agencies[hash(seed, 133, salt) % agencies.length] ?? null) : null,
        commissionBp: 1_000 + (hash(seed, 134, salt) % 16) * 100,
        review,
        withdrawnAt,
      });
    }
  }
  rows.sort((a, b) => a.appliedAt - b.appliedAt || a.shopIndex - b.shopIndex);
  rows.forEach((r, i) => {
    r.index = i;
    r.id = encodeId('sampleApplication', i);
  });
  return rows;
}
