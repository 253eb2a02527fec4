import { type ReactElement, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatusView } from '@shared/accounts';
import { Icon } from '../../components/Icon';
import { PassphraseForm } from './PassphraseForm';

/**
 * The vault could not open its key. Without a usable keychain the merchant can choose (first run) or type
 * the passphrase right here; otherwise main's message says why and what to do. Nothing connects meanwhile.
 */
export function VaultLockedBanner(props: { vault: VaultStatusView; onUnlocked: () => void }): ReactElement {
  const { vault, onUnlocked } = props;
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
          <p>{t(`accounts.vault.passphrase.${which}Body`)}</p>
          <PassphraseForm key={which} firstRun={vault.firstRun} onUnlocked={onUnlocked} />
        </div>
      </section>
    );
  }
  return (
    <div className="vault-banner" role="alert">
      {icon}
      <div>
        <p className="vault-banner-title">{t('accounts.vault.lockedTitle')}</p>
        <p>{vault.message ?? t('accounts.vault.lockedFallback')}</p>
      </div>
    </div>
  );
}
