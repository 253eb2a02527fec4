/**
 * The width the creators table's card will have, guessed before anything is laid out from the window's
 * width and the shell's layout (tokens.css, shell.css: the sidebar's column, the content's side padding,
 * the card's border), so the first render fits its columns without reading the page's layout
 * (`useElementWidth`). Where the guess is wrong (another zoom, a page scroll bar) the observed width
 * replaces it before the first paint; the guess only saves that second render.
 */
export function guessCardWidth(): number | null {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return null;
  // shell.css: below 1100 px the sidebar keeps its icons only and the content's side padding is narrower.
  const narrow = window.matchMedia('(max-width: 1099px)').matches;
  const sidebar = narrow ? 64 : 232;
  const contentPadding = narrow ? 2 * 20 : 2 * 32;
  const cardBorder = 2;
  return Math.max(0, window.innerWidth - sidebar - contentPadding - cardBorder);
}
