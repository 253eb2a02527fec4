import { shellSizes } from './shellSizes';

/**
 * The width the creators table's card will have, guessed before anything is laid out from the window's
 * width and the shell's layout (`shellSizes`), so the first render fits its columns without reading the
 * page's layout (`useElementWidth`). Where the guess is wrong (another zoom, a page scroll bar) the observed
 * width replaces it before the first paint; the guess only saves that second render.
 */
export function guessCardWidth(): number | null {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return null;
  const s = shellSizes;
  const narrow = window.matchMedia(`(max-width: ${s.narrowBelowPx - 1}px)`).matches;
  const sidebar = narrow ? s.sidebarNarrowPx : s.sidebarPx;
  const contentPadding = 2 * (narrow ? s.contentPaddingNarrowPx : s.contentPaddingPx);
  return Math.max(0, window.innerWidth - sidebar - contentPadding - 2 * s.cardBorderPx);
}
