/**
 * The shell's sizes the creators table's card width guess (`cardWidth.ts`) depends on, as tokens.css,
 * shell.css and components.css set them. Copied rather than read from the page's styles, which would force
 * a style recalculation in the first render; tests/unit/renderer/shell-sizes-css.test.ts parses those
 * files and fails when the two differ.
 */
export const shellSizes = {
  /** shell.css: below this window width the sidebar keeps its icons only (`@media (max-width: 1099px)`). */
  narrowBelowPx: 1100,
  /** tokens.css `--sidebar-width`, the shell's first column. */
  sidebarPx: 232,
  /** shell.css: the first column at narrow widths. */
  sidebarNarrowPx: 64,
  /** shell.css `.content`'s padding on each side (`--space-8`), and at narrow widths (`--space-5`). */
  contentPaddingPx: 32,
  contentPaddingNarrowPx: 20,
  /** components.css `.card`'s border on each side. */
  cardBorderPx: 1,
} as const;
