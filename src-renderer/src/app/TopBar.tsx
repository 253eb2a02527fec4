import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/accounts';
import type { AppInfo } from '@shared/contract';
import { IdentityMenu } from '../features/identity/IdentityMenu';
import { TopBarSync } from '../features/sync/TopBarSync';
import type { Page } from '../navigation/routes';

export function TopBar(props: { page: Page; info: AppInfo | null; identity: Account | null }): ReactElement {
  const { page, info, identity } = props;
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <div className="topbar-titles">
        <h1>{t(`nav.${page}`)}</h1>
        <p className="topbar-subtitle" title={t(`pages.${page}.subtitle`)}>
          {t(`pages.${page}.subtitle`)}
        </p>
      </div>
      <div className="topbar-meta">
        {/* The Accounts page has the full sync panel and its own "Sync now". */}
        <TopBarSync showButton={page !== 'accounts'} />
        {info && (
          <>
            <span className={`badge badge-${info.profile}`} title={t('topbar.profileHint')}>
              {t(`profile.${info.profile}`)}
            </span>
            <span className="version">{t('topbar.version', { version: info.version })}</span>
          </>
        )}
        {identity && <IdentityMenu identity={identity} />}
      </div>
    </header>
  );
}
