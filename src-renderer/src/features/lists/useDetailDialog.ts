import { useCallback, useState } from 'react';

/** Where focus goes when a dialog closes and the row that opened it has scrolled out of the DOM. */
export const mainContent = (): HTMLElement | null => document.getElementById('content');

export interface DetailDialog<T> {
  /** The row whose detail is open, or null. */
  item: T | null;
  open(item: T): void;
  close(): void;
  returnFocus(): HTMLElement | null;
}

/** Which row's detail dialog is open; a list page renders the dialog while `item` is set. */
export function useDetailDialog<T>(): DetailDialog<T> {
  const [item, setItem] = useState<T | null>(null);
  const open = useCallback((next: T) => setItem(() => next), []);
  const close = useCallback(() => setItem(null), []);
  return { item, open, close, returnFocus: mainContent };
}
