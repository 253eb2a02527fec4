import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * The inner width of an element in CSS px, following resizes. Until it is laid out: `guess()` (null without
 * one). A layout that depends on it (the creators table's columns) is never painted with a wrong width: the
 * width comes from a ResizeObserver, which Chromium calls after a frame's layout and before its paint, and a
 * width other than the guess is drawn at once (flushSync) so that very frame shows it. Not read in the
 * layout effect: that made Chromium lay out the whole new page there and then, before the frame's own
 * layout (`creators.table.firstRows.ms`, docs/creators.md).
 */
export function useElementWidth<E extends HTMLElement>(
  guess?: () => number | null,
): [RefObject<E | null>, number | null] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState<number | null>(() => guess?.() ?? null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (typeof ResizeObserver === 'undefined') {
      setWidth(element.clientWidth);
      return;
    }
    const observer = new ResizeObserver(() => {
      const next = element.clientWidth;
      flushSync(() => setWidth(next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
