import { useEffect, useState } from 'react';
import { pageFromHash, type Page } from './pages';

export { hrefFor, pageFromHash, pages, type Page } from './pages';

/** A hash router is all the shell needs: it works the same from app:// and from the web bridge. */
export function useCurrentPage(): Page {
  const [page, setPage] = useState<Page>(() => pageFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setPage(pageFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return page;
}
