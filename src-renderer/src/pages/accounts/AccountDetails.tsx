import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/accounts';
import { formatTimeZone } from '../../format/time';
import { IdentityProfileCard } from '../../features/identity/IdentityProfileCard';

/** "US" → "United States" / "美国"; unknown codes stay as they are. */
function useRegionName(): (code: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames(language, { type: 'region', fallback: 'code' });
    } catch {
      names = null;
    }
    return (code: string) => {
      try {
        return names?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    };
  }, [language]);
}

function Shops({ account }: { account: Account }): ReactElement {
  const { t } = useTranslation();
  const regionName = useRegionName();
  if (account.shops.length === 0) return <p className="muted">{t('accounts.list.noShops')}</p>;
  return (
    <ul className="detail-list" aria-label={t('accounts.list.shopsLabel')}>
      {account.shops.map((shop) => (
        <li key={shop.shopId}>
          <span className="detail-name">{shop.name}</span>
          <span className="detail-meta">
            <abbr title={regionName(shop.region)}>{shop.region}</abbr> · {shop.currency}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Advertisers({ account }: { account: Account }): ReactElement {
  const { t } = useTranslation();
  if (account.advertisers.length === 0) return <p className="muted">{t('accounts.list.noAdvertisers')}</p>;
  return (
    <ul className="detail-list" aria-label={t('accounts.list.advertisersLabel')}>
      {account.advertisers.map((advertiser) => (
        <li key={advertiser.advertiserId}>
          <span className="detail-name">{advertiser.name}</span>
          {(advertiser.currency || advertiser.timezone) && (
            <span className="detail-meta">
              {[advertiser.currency, advertiser.timezone ? formatTimeZone(advertiser.timezone) : null]
                .filter(Boolean)
                .join(' · ')}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** What the grant reaches: every shop (one grant can hold several), the advertisers, or the TikTok profile. */
export function AccountDetails({ account }: { account: Account }): ReactElement | null {
  switch (account.provider) {
    case 'shop':
      return <Shops account={account} />;
    case 'ads':
      return <Advertisers account={account} />;
    case 'identity':
      return account.identity ? <IdentityProfileCard profile={account.identity} /> : null;
  }
}
