import { flushSync } from 'react-dom';
import {
  elementScroll,
  observeElementRect,
  type Rect,
  type Virtualizer,
  type VirtualizerOptions,
} from '@tanstack/react-virtual';

/**
 * How a virtual table learns its scroll box without making Chromium lay the page out early. TanStack
 * Virtual's own observers read the box's size (`clientHeight`) and scroll it to its start (`scrollTo`) from
 * the table's first layout effect, before the frame's own layout: each forces a style and layout of the
 * whole new page there and then, and the rows then drawn for that size make the frame lay it out again (the
 * trace of the Creators page's first load: ~50 ms forced, then a second render of every row;
 * `creators.table.firstRows.ms`, docs/creators.md). Here the first render draws the rows of the box's size
 * as its CSS sets it, and the real size arrives from a ResizeObserver, which Chromium calls after the
 * frame's layout and before its paint, when reading it costs nothing.
 */

/**
 * The box's size until it is observed: the window's width, and the height data.css gives every
 * `.data-table-scroll` (the window's less 264 px, at least 320 px).
 */
export function guessedBoxRect(): Rect {
  if (typeof window === 'undefined') return { width: 0, height: 0 };
  return { width: window.innerWidth, height: Math.max(320, window.innerHeight - 264) };
}

/**
 * Reports the box's size from a ResizeObserver only (the library's observer reads it at once as well). The
 * rows a size other than the guess shows are drawn within the observer's callback (flushSync), so the frame
 * being drawn paints them rather than a band without rows; a right guess draws nothing again.
 */
export const observeRectAfterLayout: VirtualizerOptions<HTMLDivElement, Element>['observeElementRect'] = (
  instance: Virtualizer<HTMLDivElement, Element>,
  report: (rect: Rect) => void,
) => {
  const box = instance.scrollElement;
  const view = instance.targetWindow;
  if (!box || !view) return;
  // Without an observer there is no later moment to read it at: read it now, as the library does.
  if (typeof view.ResizeObserver === 'undefined') return observeElementRect(instance, report);
  const observer = new view.ResizeObserver(() =>
    flushSync(() => report({ width: box.clientWidth, height: box.clientHeight })),
  );
  observer.observe(box, { box: 'content-box' });
  return () => observer.disconnect();
};

const boxesMet = new WeakSet<Element>();

/**
 * Scrolls as the library does, except the write it makes when it first meets a box: a box just drawn is at
 * its start already, and writing that position would lay the page out before its frame does.
 */
export const scrollUnlessJustMet: VirtualizerOptions<HTMLDivElement, Element>['scrollToFn'] = (
  offset,
  options,
  instance,
) => {
  const box = instance.scrollElement;
  if (box && !boxesMet.has(box)) {
    boxesMet.add(box);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
};
