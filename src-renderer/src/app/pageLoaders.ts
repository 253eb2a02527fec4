import type { ComponentType } from 'react';
import type { Page } from '../navigation/pages';

/**
 * Every page is a chunk of its own, loaded on its first visit: a window parses and runs the shell and the
 * page it opens on, not the code of every page (`creators.table.firstRows.ms`, docs/creators.md). The page a
 * window opens on is asked for by the boot module (app/boot.ts) as the bundle starts, so its code travels
 * while the rest of the bundle is evaluated and it renders at once; a page visited later shows nothing for
 * the moment its chunk takes to load. No static imports: the boot module runs before anything else.
 */
export const pageLoaders: Record<Page, () => Promise<ComponentType>> = {
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
