import { lazy, Suspense, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { WriteGate } from '../components/WriteGate';
import { ActivityPage } from '../pages/activity/ActivityPage';
import { AccountsPage } from '../pages/accounts/AccountsPage';
import { CreatorsPage } from '../pages/creators/CreatorsPage';
import { OrdersPage } from '../pages/orders/OrdersPage';
import { OutreachPage } from '../pages/outreach/OutreachPage';
import { InboxPage } from '../pages/inbox/InboxPage';
import { ProductsPage } from '../pages/products/ProductsPage';
import { SamplesPage } from '../pages/samples/SamplesPage';
import { DiscoverPage } from '../pages/discover/DiscoverPage';
import { ConnectionNotice } from '../features/sync/ConnectionNotice';
import { SyncStatusProvider } from '../features/sync/SyncStatusProvider';
import { VaultLockedBanner } from '../features/vault/VaultLockedBanner';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';
import { useAccounts } from '../hooks/useAccounts';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { useCurrentPage, type Page } from '../navigation/routes';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { useAppInfo } from './useAppInfo';
import { useIdentity } from '../hooks/useIdentity';
import { useOpenExternalEvents } from './useOpenExternalEvents';
import { useOutreachAlerts } from '../features/outreach-alerts/useOutreachAlerts';
import { useSampleOverdueAlerts } from '../features/creator-sources/useSampleOverdueAlerts';

// The chart pages load on first visit: recharts and d3 are a third of the bundle, and every other page
// (the Creators table above all) would otherwise wait for Chromium to compile them before its first rows.
const DashboardPage = lazy(() =>
  import('../pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const AdsPage = lazy(() => import('../pages/ads/AdsPage').then((m) => ({ default: m.AdsPage })));
const FinancePage = lazy(() =>
  import('../pages/finance/FinancePage').then((m) => ({ default: m.FinancePage })),
);
const AffiliatePage = lazy(() =>
  import('../pages/affiliate/AffiliatePage').then((m) => ({ default: m.AffiliatePage })),
);

function PageContent({ page }: { page: Page }): ReactElement {
  switch (page) {
    case 'settings':
      return <SettingsPage />;
    case 'activity':
      return <ActivityPage />;
    case 'accounts':
      return <AccountsPage />;
    case 'orders':
      return <OrdersPage />;
    case 'products':
      return <ProductsPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'ads':
      return <AdsPage />;
    case 'finance':
      return <FinancePage />;
    case 'affiliate':
      return <AffiliatePage />;
    case 'outreach':
      return <OutreachPage />;
    case 'inbox':
      return <InboxPage />;
    case 'creators':
      return <CreatorsPage />;
    case 'samples':
      return <SamplesPage />;
    case 'discover':
      return <DiscoverPage />;
    default: {
      // Every page has its own component: a new route fails to compile until it gets one.
      const unhandled: never = page;
      return unhandled;
    }
  }
}

export function Shell(): ReactElement {
  const page = useCurrentPage();
  const info = useAppInfo();
  const identity = useIdentity();
  const vault = useAccounts().data?.vault;
  useOpenExternalEvents();
  useSampleOverdueAlerts();
  useOutreachAlerts();
  const { t } = useTranslation();
  return (
    <SyncStatusProvider>
      <div className="shell">
        <a className="skip-link" href="#content">
          {t('nav.skip')}
        </a>
        <Sidebar current={page} />
        <div className="workspace">
          <TopBar page={page} info={info} identity={identity} />
          <main id="content" className="content" tabIndex={-1}>
            <ConnectionNotice />
            <WriteGate>
              {vault?.state === 'locked' && <VaultLockedBanner vault={vault} />}
              {/* Keyed by page so leaving a crashed page clears the error. */}
              <ErrorBoundary key={page}>
                <Suspense fallback={null}>
                  <PageContent page={page} />
                </Suspense>
              </ErrorBoundary>
            </WriteGate>
          </main>
        </div>
      </div>
      <RecoveryScreen />
    </SyncStatusProvider>
  );
}
