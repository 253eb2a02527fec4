import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { providers, type Provider } from '@shared/accounts';
import { Icon, type IconName } from '../../components/Icon';

export const providerIcon: Record<Provider, IconName> = { shop: 'store', ads: 'megaphone', identity: 'user' };

/** One card per kind of Account: what connecting it gives the merchant, and the button that starts it. */
export function ConnectCards(props: {
  onConnect: (provider: Provider) => void;
  /** A connection is already under way. */
  busy: boolean;
  /** The vault is locked: nothing can be connected until it is open again. */
  locked: boolean;
  /** The identity's display name when signed in: the sign-in card then says so instead of offering it again. */
  signedInAs: string | null;
}): ReactElement {
  const { onConnect, busy, locked, signedInAs } = props;
  const { t } = useTranslation();
  const introId = useId();
  const lockedId = useId();
  return (
    <section className="connect-section" aria-labelledby={`${introId}-title`}>
      <div className="section-heading">
        <h2 id={`${introId}-title`}>{t('accounts.connect.heading')}</h2>
        <p id={introId} className="muted">
          {t('accounts.connect.intro')}
        </p>
      </div>
      {locked && (
        <p id={lockedId} className="connect-locked">
          <Icon name="lock" size={16} />
          {t('accounts.vault.connectDisabled')}
        </p>
      )}
      <ul className="connect-cards">
        {providers.map((provider) => (
          <li key={provider} className="card connect-card">
            <div className="connect-card-head">
              <span className={`connect-card-icon connect-card-icon-${provider}`}>
                <Icon name={providerIcon[provider]} size={20} />
              </span>
              <div>
                <h3>{t(`accounts.connect.${provider}.title`)}</h3>
                <p className="connect-card-tagline">{t(`accounts.connect.${provider}.tagline`)}</p>
              </div>
            </div>
            <p className="connect-card-body muted">{t(`accounts.connect.${provider}.body`)}</p>
            {provider === 'identity' && signedInAs !== null ? (
              <p className="connect-card-done">
                <Icon name="check" size={16} />
                {t('accounts.connect.identity.signedIn', { name: signedInAs })}
              </p>
            ) : (
              <button
                type="button"
                className={provider === 'identity' ? 'button' : 'button button-primary'}
                disabled={busy || locked}
                aria-describedby={locked ? lockedId : undefined}
                onClick={() => onConnect(provider)}
              >
                {t(`accounts.connect.${provider}.button`)}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
