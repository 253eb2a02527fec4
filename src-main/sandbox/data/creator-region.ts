import type { CreatorColumns, Dataset } from './dataset';
import { unit } from './rng';

/**
 * The region a creator sells in: a loaded world's creator keeps its own (`data/world.ts`); a generated one's
 * is derived from the seed (about two thirds US, the rest GB).
 */
export function creatorRegion(
  state: {
    readonly dataset: Pick<Dataset, 'seed'> & { readonly creators?: Pick<CreatorColumns, 'regions'> };
  },
  creatorIndex: number,
): string {
  return (
    state.dataset.creators?.regions?.[creatorIndex] ??
    (unit(state.dataset.seed, 87, creatorIndex) < 0.65 ? 'US' : 'GB')
  );
}
