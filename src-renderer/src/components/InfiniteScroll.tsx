import { useEffect, useRef, type ReactElement } from 'react';

/**
 * Placed after the last row of a list that grows as it is read: asks for more when it comes within a screen
 * of the view, instead of a "Load more" button. Says "Loading…" while the next rows are on their way.
 */
export function InfiniteScroll(props: {
  hasMore: boolean;
  busy: boolean;
  onMore: () => void;
  loadingText: string;
}): ReactElement | null {
  const { hasMore, busy, onMore, loadingText } = props;
  const sentinel = useRef<HTMLDivElement>(null);
  const latest = useRef(onMore);
  useEffect(() => {
    latest.current = onMore;
  });
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasMore) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) latest.current();
      },
      { rootMargin: '0px 0px 100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore]);
  if (!hasMore) return null;
  return (
    <div ref={sentinel} className="infinite-scroll" aria-live="polite">
      {busy && <p className="muted">{loadingText}</p>}
    </div>
  );
}
