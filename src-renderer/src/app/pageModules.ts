import { lazy, type ComponentType } from 'react';
import type { Page } from '../navigation/routes';

/**
 * Every page is a chunk of its own, loaded on its first visit: a window parses and runs the shell and the
 * page it opens on, not the code of every page (`creators.table.firstRows.ms`, docs/creators.md). The page a
 * window opens on is loaded as the bundle starts (app/opening.ts), before the first render, so it renders at
 * once; a page visited later shows nothing for the moment its chunk takes to load.
 */
const loaders: Record<Page, () => Promise<ComponentType>> = {
  dashboard: () => import('../pages/dashboard/DashboardPage').then((m) => m.DashboardPage),
  ads: () => import('../pages/ads/AdsPage').then((m) => m.AdsPage),
  finance: () => import('../pages/finance/FinancePage').then((m) => m.FinancePage),
  affiliate: () => import('../pages/affiliate/AffiliatePage').then((m) => m.AffiliatePage),
  creators: () => import('../pages/creators/CreatorsPage').then((m) => m.CreatorsPage),
  discover: () => import('../pages/discover/DiscoverPage').then((m) => m.DiscoverPage),
  samples: () => import('../pages/samples/SamplesPage').then((m) => m.SamplesPage),
  outreach: () => import('../pages/outreach/OutreachPage').then((m) => m.OutreachPage),
  inbox: () => import('../pages/inbox/InboxPage').then((m) => m.InboxPage),
  products: () => import('../pages/products/ProductsPage').then((m) => m.ProductsPage),
  orders: () => import('../pages/orders/OrdersPage').then((m) => m.OrdersPage),
  accounts: () => import('../pages/accounts/AccountsPage').then((m) => m.AccountsPage),
  settings: () => import('../pages/settings/SettingsPage').then((m) => m.SettingsPage),
  activity: () => import('../pages/activity/ActivityPage').then((m) => m.ActivityPage),
};

const loaded = new Map<Page, ComponentType>();
const lazyPages = new Map<Page, ComponentType>();

/** Loads a page's chunk ahead of its render (the page a window opens on). */
export function preloadPage(page: Page): Promise<void> {
  return loaders[page]().then((component) => {
    loaded.set(page, component);
  });
}

/**
 * The component of `page`: the page itself when its chunk is in, otherwise a lazy one that loads it. Once a
 * lazy one was handed out it stays the answer, so a page is never remounted (losing its state) when its
 * chunk arrives.
 */
export function pageComponent(page: Page): ComponentType {
  const existing = lazyPages.get(page) ?? loaded.get(page);
  if (existing) return existing;
  const component = lazy(() =>
    loaders[page]().then((c) => {
      loaded.set(page, c);
      return { default: c };
    }),
  );
  lazyPages.set(page, component);
  return component;
}
