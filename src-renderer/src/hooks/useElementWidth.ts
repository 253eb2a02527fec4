import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * The inner width of an element in CSS px, following resizes (null until it is laid out). Read in a layout
 * effect: a layout that depends on it (the creators table's columns) is redrawn before the first paint, not
 * painted once with a guess and then again.
 */
export function useElementWidth<E extends HTMLElement>(): [RefObject<E | null>, number | null] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const read = (): void => setWidth(element.clientWidth);
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
