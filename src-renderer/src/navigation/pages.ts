/** The app's pages and the hash that names one: no imports, so the boot module (app/boot.ts) can read them. */
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
