import { createContext, useContext } from 'react';

/**
 * True while ShopMesh (main) cannot be reached: nothing can be changed, so every write control is disabled
 * rather than failing when clicked. Set by the sync status provider, which is what notices main is gone;
 * false where no provider is mounted (tests of one component).
 */
export const WritesBlockedContext = createContext(false);

export function useWritesBlocked(): boolean {
  return useContext(WritesBlockedContext);
}
