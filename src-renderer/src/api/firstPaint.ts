import { useSyncExternalStore } from 'react';

/**
 * Whether the window's first screen has been painted. Reads that only decorate the shell (unread counts,
 * sync status, app info, identity, recovery) wait for it, so the opening page's own answer is the first
 * thing main answers and its rows are the first thing React draws: eight side requests fired with the first
 * commit held its rows back by their fetch and effect work (`creators.table.firstRows.ms`, docs/creators.md).
 */
let painted = false;
const listeners = new Set<() => void>();

function settle(): void {
  if (painted) return;
  painted = true;
  for (const listener of listeners) listener();
}

/**
 * Called from the data layer's first commit (ApiProvider): settles once the frame it drew has been painted (an animation
 * callback runs before that paint, a message posted from it after), or after `fallbackMs` in a window that
 * never paints (hidden, or a DOM without frames).
 */
export function noteFirstCommit(fallbackMs = 1_000): void {
  if (painted) return;
  setTimeout(settle, fallbackMs);
  if (typeof requestAnimationFrame === 'undefined' || typeof MessageChannel === 'undefined') {
    setTimeout(settle, 0);
    return;
  }
  requestAnimationFrame(() => {
    const after = new MessageChannel();
    after.port1.onmessage = settle;
    after.port2.postMessage(null);
  });
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
