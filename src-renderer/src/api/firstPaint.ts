import { useSyncExternalStore } from 'react';

/**
 * Whether the window's first screen has been painted. Reads that only decorate the shell (unread counts,
 * sync status, app info, identity, recovery) wait for it, so the opening page's own answer is the first
 * thing main answers and its rows are the first thing React draws: eight side requests fired with the first
 * commit held its rows back by their fetch and effect work (`creators.table.firstRows.ms`, docs/creators.md).
 * A window that opens on a page which says when its content is drawn (`awaitOpeningContent`) counts that
 * content's paint as its first screen, not the shell's first frame: the side reads' answers and renders
 * otherwise land between the rows being drawn and painted.
 */
let painted = false;
let awaitingContent = false;
const listeners = new Set<() => void>();

function settle(): void {
  if (painted) return;
  painted = true;
  for (const listener of listeners) listener();
}

/**
 * Runs `then` once the frame being drawn now has been painted: an animation callback runs before that paint,
 * a message posted from it after. A second message puts `then` behind what the frame's other animation
 * callbacks posted for after its paint (messages run in the order posted): what waits for the first screen
 * (the shell's side reads and their renders, the rows beyond the view, the page's count, facets and parts:
 * 0.2–0.5 s of script in the Creators page's trace) is one long task, and ran first, holding back every
 * after-paint callback queued behind it, the bench's watch of the rows' paint among them
 * (`creators.table.firstRows.rowsPainted`, docs/creators.md).
 */
function afterPaint(then: () => void): void {
  if (typeof requestAnimationFrame === 'undefined' || typeof MessageChannel === 'undefined') {
    setTimeout(then, 0);
    return;
  }
  const post = (next: () => void): void => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      next();
    };
    channel.port2.postMessage(null);
  };
  requestAnimationFrame(() => post(() => post(then)));
}

/**
 * Called before the first render (app/opening.ts) when the opening page reports its first content
 * (`noteOpeningContentDrawn`): the first screen is that content painted.
 */
export function awaitOpeningContent(): void {
  if (!painted) awaitingContent = true;
}

/**
 * Called from the data layer's first commit (ApiProvider): settles once the frame it drew has been painted,
 * or, when the opening page's content is awaited, once that is painted. `fallbackMs` after the commit it
 * settles anyway: a window that never paints (hidden, or a DOM without frames), a page that never draws (the
 * app is locked) or content that is slow to come.
 */
export function noteFirstCommit(fallbackMs = awaitingContent ? 2_000 : 1_000): void {
  if (painted) return;
  setTimeout(settle, fallbackMs);
  if (!awaitingContent) afterPaint(settle);
}

/** Called by the opening page when it has committed its first content (rows, an empty state or an error). */
export function noteOpeningContentDrawn(): void {
  if (painted || !awaitingContent) return;
  awaitingContent = false;
  afterPaint(settle);
}

/** Runs `then` once, when the window's first screen has been painted (at once if it already has). */
export function whenFirstPaintDone(then: () => void): void {
  if (painted) {
    then();
    return;
  }
  const once = (): void => {
    listeners.delete(once);
    then();
  };
  listeners.add(once);
}

const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = (): boolean => painted;
const unwatched = (): (() => void) => () => undefined;
const always = (): boolean => true;

/**
 * True once the window's first screen is painted (see above). `watch: false` answers true without
 * subscribing, so the many reads that do not wait are not all drawn again when it settles.
 */
export function useFirstPaintDone(watch = true): boolean {
  return useSyncExternalStore(
    watch ? subscribe : unwatched,
    watch ? snapshot : always,
    watch ? snapshot : always,
  );
}
