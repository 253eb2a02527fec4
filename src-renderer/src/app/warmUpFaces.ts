/**
 * The faces the warm-up worker (app/warmUp.ts) lays text out in, apart from the code that draws them: the
 * tests run under Node, which has no canvas to type warmUp.ts against.
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
 * Every weight and size of the sans stack on the Creators page's first screen, in px (read from a rendered
 * window's computed styles, both languages); the mono stack serves ids and codes.
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
export const monoFaces: readonly Face[] = [
  [400, 12],
  [400, 13],
];
