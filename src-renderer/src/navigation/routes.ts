import { useEffect, useState } from 'react';

export const pages = [
  'dashboard',
  'ads',
  'finance',
  'affiliate',
  'creators',
  'discover',
  'samples',
  'outreach',
  'inbox',
  'products',
  'orders',
  'accounts',
  'settings',
  'activity',
] as const;
export type Page = (typeof pages)[number];

const defaultPage: Page = 'dashboard';

export function hrefFor(page: Page): string {
  return `#/${page}`;
}

export function pageFromHash(hash: string): Page {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/, 1)[0] ?? '';
  return (pages as readonly string[]).includes(name) ? (name as Page) : defaultPage;
}

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
