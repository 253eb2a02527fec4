import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@shared/contract';
import type { Page } from './routes';

export function TopBar({ page, info }: { page: Page; info: AppInfo | null }): ReactElement {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <div className="topbar-titles">
        <h1>{t(`nav.${page}`)}</h1>
        <p className="topbar-subtitle">{t(`pages.${page}.subtitle`)}</p>
      </div>
      {info && (
        <div className="topbar-meta">
          <span className={`badge badge-${info.profile}`} title={t('topbar.profileHint')}>
            {t(`profile.${info.profile}`)}
          </span>
          <span className="version">{t('topbar.version', { version: info.version })}</span>
        </div>
      )}
    </header>
  );
}
