import type { Dataset } from './dataset';
import { unit } from './rng';

/** The region a generated creator sells in, derived from the seed (about two thirds US, the rest GB). */
export function creatorRegion(
  state: { readonly dataset: Pick<Dataset, 'seed'> },
  creatorIndex: number,
): string {
  return unit(state.dataset.seed, 87, creatorIndex) < 0.65 ? 'US' : 'GB';
}
