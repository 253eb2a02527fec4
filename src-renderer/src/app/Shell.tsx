import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ActivityPage } from '../pages/activity/ActivityPage';
import { CollaborationsPage } from '../pages/collaborations/CollaborationsPage';
import { AccountsPage } from '../pages/accounts/AccountsPage';
import { CreatorsPage } from '../pages/creators/CreatorsPage';
import { EmptyPage } from '../pages/EmptyPage';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { AdsPage } from '../pages/ads/AdsPage';
import { FinancePage } from '../pages/finance/FinancePage';
import { AffiliatePage } from '../pages/affiliate/AffiliatePage';
import { OrdersPage } from '../pages/orders/OrdersPage';
import { ProductsPage } from '../pages/products/ProductsPage';
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
    // Until bulk outreach is built, the page lists the invitations already sent (target collaborations).
    case 'outreach':
      return <CollaborationsPage />;
    case 'creators':
      return <CreatorsPage />;
    default:
      return <EmptyPage page={page} />;
  }
}

export function Shell(): ReactElement {
  const page = useCurrentPage();
  const info = useAppInfo();
  const identity = useIdentity();
  const vault = useAccounts().data?.vault;
  useOpenExternalEvents();
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
            {vault?.state === 'locked' && <VaultLockedBanner vault={vault} />}
            <ConnectionNotice />
            {/* Keyed by page so leaving a crashed page clears the error. */}
            <ErrorBoundary key={page}>
              <PageContent page={page} />
            </ErrorBoundary>
          </main>
        </div>
      </div>
      <RecoveryScreen />
    </SyncStatusProvider>
  );
}
