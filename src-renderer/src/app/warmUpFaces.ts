/**
 * The faces the warm-up worker (app/warmUp.ts) lays text out in, apart from the code that draws them: the
 * e2e test that keeps these lists true runs under Node, which has no canvas to type warmUp.ts against.
 */

/** `--font-sans` and `--font-mono` as styles/tokens.css declares them (the one place the stacks are written). */
export function fontStacks(tokensCss: string): { sans: string; mono: string } {
  const stack = (name: string): string => {
    const value = new RegExp(`${name}:([^;]+);`).exec(tokensCss)?.[1]?.replace(/\s+/g, ' ').trim();
    if (!value) throw new Error(`styles/tokens.css declares no ${name}`);
    return value;
  };
  return { sans: stack('--font-sans'), mono: stack('--font-mono') };
}

/** A face's computed `font-weight` and `font-size` in px. */
export type Face = readonly [weight: number, size: number];

/**
 * Every weight and size of the sans stack in which the Creators page's first screen (1360×860, seeded
 * creators, English and Chinese) draws text, in px, whatever the sync shows as the window opens: the last
 * sync went well ("Last synced", "Sync now"), one is running ("Syncing… n%") or the last one failed ("Sync
 * problem"). Guarded by tests/e2e/warm-up-worker.spec.ts ("the faces the warm-up worker lays text out in"):
 * it collects the computed faces of the visible text in Chromium in each of those states and languages and
 * fails on a face any of them draws that is not listed, a listed one none of them draws, or text in neither
 * stack. `600 13px` is the failing top bar's "Sync problem" link alone; the healthy and running top bars draw
 * no face of their own ("Last synced" and "Syncing… n%" are 400 13px, "Sync now" 550 13px in all three).
 */
export const sansFaces: readonly Face[] = [
  [400, 12],
  [400, 13],
  [400, 14],
  [500, 14],
  [550, 13],
  [550, 14],
  [600, 12],
  [600, 13],
  [600, 14],
  [650, 12],
  [650, 20],
  [700, 16],
];
/**
 * The mono stack's, guarded the same way. None: ids and codes are drawn in it on other pages, not on the
 * Creators page's first screen (the 12 and 13 px once listed here were drawn by nothing there).
 */
export const monoFaces: readonly Face[] = [];
