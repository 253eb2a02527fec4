import { type ReactElement, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatusView } from '@shared/accounts';
import { Icon } from '../../components/Icon';
import { PassphraseForm } from './PassphraseForm';

/**
 * Shown above every page while the secure storage is locked: nothing syncs and nothing connects until it
 * opens. Without a usable keychain the merchant chooses (first run) or types the passphrase right here;
 * otherwise the banner says the storage cannot be opened (the technical reason is in the log, never here).
 */
export function VaultLockedBanner(props: { vault: VaultStatusView }): ReactElement {
  const { vault } = props;
  const { t } = useTranslation();
  const titleId = useId();
  const icon = (
    <span className="vault-banner-icon">
      <Icon name="lock" size={20} />
    </span>
  );
  if (vault.canUnlockWithPassphrase) {
    const which = vault.firstRun ? 'choose' : 'enter';
    return (
      <section className="vault-banner vault-banner-passphrase" aria-labelledby={titleId}>
        {icon}
        <div className="vault-banner-content">
          <h2 id={titleId} className="vault-banner-title">
            {t(`accounts.vault.passphrase.${which}Title`)}
          </h2>
          <p>
            {t(`accounts.vault.passphrase.${which}Body`)} {t('accounts.vault.lockedBody')}
          </p>
          <PassphraseForm key={which} firstRun={vault.firstRun} />
        </div>
      </section>
    );
  }
  return (
    <div className="vault-banner" role="alert">
      {icon}
      <div>
        <p className="vault-banner-title">{t('accounts.vault.lockedTitle')}</p>
        <p>
          {t('accounts.vault.lockedFallback')} {t('accounts.vault.lockedBody')}
        </p>
      </div>
    </div>
  );
}
