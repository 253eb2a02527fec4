import { createElement, Suspense, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { WriteGate } from '../components/WriteGate';
import { ConnectionNotice } from '../features/sync/ConnectionNotice';
import { SyncStatusProvider } from '../features/sync/SyncStatusProvider';
import { VaultLockedBanner } from '../features/vault/VaultLockedBanner';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';
import { useAccounts } from '../hooks/useAccounts';
import { useCurrentPage } from '../navigation/routes';
import { pageComponent } from './pageModules';
import { PageLoading } from './PageLoading';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { useAppInfo } from './useAppInfo';
import { useIdentity } from '../hooks/useIdentity';
import { useOpenExternalEvents } from './useOpenExternalEvents';
import { useOutreachAlerts } from '../features/outreach-alerts/useOutreachAlerts';
import { useSampleOverdueAlerts } from '../features/creator-sources/useSampleOverdueAlerts';

export function Shell(): ReactElement {
  const page = useCurrentPage();
  const info = useAppInfo();
  const identity = useIdentity();
  const vault = useAccounts({ deferred: true }).data?.vault;
  useOpenExternalEvents();
  useSampleOverdueAlerts();
  useOutreachAlerts();
  const { t } = useTranslation();
  return (
    <SyncStatusProvider>
      <div className="shell">
        {/* Focus moves without following the link: "#content" is no page, and the hash router would open
            the Dashboard instead of staying on the page the user is skipping into. */}
        <a
          className="skip-link"
          href="#content"
          onClick={(event) => {
            event.preventDefault();
            document.getElementById('content')?.focus();
          }}
        >
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
                <Suspense fallback={<PageLoading />}>
                  {/* Each page is its own chunk, loaded on first visit; one component per page, kept. */}
                  {createElement(pageComponent(page))}
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
