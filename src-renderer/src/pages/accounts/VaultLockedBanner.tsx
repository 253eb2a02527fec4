import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';

/** The vault could not open its key: main's message says why and what to do; nothing can connect meanwhile. */
export function VaultLockedBanner({ message }: { message: string | null }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="vault-banner" role="alert">
      <span className="vault-banner-icon">
        <Icon name="lock" size={20} />
      </span>
      <div>
        <p className="vault-banner-title">{t('accounts.vault.lockedTitle')}</p>
        <p>{message ?? t('accounts.vault.lockedFallback')}</p>
      </div>
    </div>
  );
}
