import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  gmvRanges,
  unitsSoldRanges,
  type MarketplaceCreatorView,
  type MarketplaceFiltersInput,
  type QuotaStatus,
} from '@shared/marketplace';
import { errorText, useChannelMutation, useChannelQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { Notice } from '../../components/Notice';
import { useShops } from '../../hooks/useShops';
import { MarketplaceResults } from './MarketplaceResults';
import { SavedSearches } from './SavedSearches';

type GmvRange = (typeof gmvRanges)[number];
type UnitsRange = (typeof unitsSoldRanges)[number];

interface Draft {
  keyword: string;
  followersMin: string;
  followersMax: string;
  gmv: GmvRange | '';
  units: UnitsRange | '';
}
const blank: Draft = { keyword: '', followersMin: '', followersMax: '', gmv: '', units: '' };

function filtersOf(d: Draft): MarketplaceFiltersInput {
  const n = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : undefined);
  return {
    ...(d.keyword.trim() ? { keyword: d.keyword.trim() } : {}),
    ...(n(d.followersMin) !== undefined ? { followersMin: n(d.followersMin) } : {}),
    ...(n(d.followersMax) !== undefined ? { followersMax: n(d.followersMax) } : {}),
    ...(d.gmv ? { gmvRanges: [d.gmv] } : {}),
    ...(d.units ? { unitsSoldRanges: [d.units] } : {}),
  };
}

/** A live search of TikTok's Creator Marketplace for one shop, within the shop's daily search quota. */
export function MarketplacePanel(): ReactElement {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const base = useId();
  const shops = useShops();
  const [chosenShop, setShopId] = useState<string>('');
  const [draft, setDraft] = useState<Draft>(blank);
  const [searched, setSearched] = useState<{ shopId: string; filters: MarketplaceFiltersInput } | null>(null);
  const [results, setResults] = useState<MarketplaceCreatorView[]>([]);
  const [paging, setPaging] = useState<{ pageToken: string; searchKey: string } | null>(null);
  const [quota, setQuota] = useState<QuotaStatus | null>(null);
  // Until the merchant picks one, the first shop searches.
  const shopId = chosenShop || (shops.shops[0]?.shopId ?? '');

  const quotas = useChannelQuery('marketplace:quota', shopId ? { shopId } : undefined, { enabled: !!shopId });
  const shownQuota = quota ?? quotas.data?.shops[0]?.search ?? null;
  const search = useChannelMutation('marketplace:search', {
    silent: true,
    invalidates: ['creators:search', 'creators:count'],
    onSuccess: (page, input) => {
      setResults((old) => (input.pageToken ? [...old, ...page.creators] : page.creators));
      setPaging(page.nextPageToken ? { pageToken: page.nextPageToken, searchKey: page.searchKey } : null);
      setQuota(page.quota);
    },
  });
  const followersInvalid = (v: string) => v.trim() !== '' && !/^\d+$/.test(v.trim());
  const rangeInvalid =
    !followersInvalid(draft.followersMin) &&
    !followersInvalid(draft.followersMax) &&
    draft.followersMin.trim() !== '' &&
    draft.followersMax.trim() !== '' &&
    Number(draft.followersMin) > Number(draft.followersMax);
  const invalid =
    followersInvalid(draft.followersMin) || followersInvalid(draft.followersMax) || rangeInvalid;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!shopId || invalid) return;
    const filters = filtersOf(draft);
    setSearched({ shopId, filters });
    setPaging(null);
    search.mutate({ shopId, filters, pageSize: 20 });
  };
  const more = () => {
    if (!searched || !paging) return;
    search.mutate({ shopId: searched.shopId, filters: searched.filters, pageSize: 20, ...paging });
  };
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  if (shops.accounts !== null && shops.shops.length === 0)
    return (
      <EmptyState
        icon="store"
        title={t('discover.marketplace.noShop.title')}
        body={t('discover.marketplace.noShop.body')}
        action={
          <a className="button button-primary" href="#/accounts">
            {t('empty.goToAccounts')}
          </a>
        }
      />
    );

  return (
    <div className="discover-marketplace">
      <form className="card discover-form" onSubmit={submit} aria-label={t('discover.marketplace.label')}>
        <div className="discover-grid">
          <div className="field">
            <label className="field-label" htmlFor={`${base}-shop`}>
              {t('discover.marketplace.shop')}
            </label>
            <select
              id={`${base}-shop`}
              className="input select"
              value={shopId}
              onChange={(e) => {
                setShopId(e.target.value);
                setQuota(null);
              }}
            >
              {shops.shops.map((s) => (
                <option key={s.shopId} value={s.shopId}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${base}-keyword`}>
              {t('discover.marketplace.keyword')}
            </label>
            <input
              id={`${base}-keyword`}
              className="input"
              value={draft.keyword}
              maxLength={100}
              placeholder={t('discover.marketplace.keywordPlaceholder')}
              onChange={(e) => set('keyword', e.target.value)}
            />
          </div>
          {(['followersMin', 'followersMax'] as const).map((k) => (
            <div className="field" key={k}>
              <label className="field-label" htmlFor={`${base}-${k}`}>
                {t(`discover.marketplace.${k}`)}
              </label>
              <input
                id={`${base}-${k}`}
                className="input"
                inputMode="numeric"
                value={draft[k]}
                aria-invalid={
                  followersInvalid(draft[k]) || (k === 'followersMin' && rangeInvalid) || undefined
                }
                aria-describedby={`${base}-${k}-error`}
                onChange={(e) => set(k, e.target.value)}
              />
              <span id={`${base}-${k}-error`} className="field-error">
                {followersInvalid(draft[k])
                  ? t('discover.marketplace.wholeNumber')
                  : k === 'followersMin' && rangeInvalid
                    ? t('discover.marketplace.minAboveMax')
                    : ''}
              </span>
            </div>
          ))}
          <div className="field">
            <label className="field-label" htmlFor={`${base}-gmv`}>
              {t('discover.marketplace.gmv')}
            </label>
            <select
              id={`${base}-gmv`}
              className="input select"
              value={draft.gmv}
              onChange={(e) => set('gmv', e.target.value as GmvRange | '')}
            >
              <option value="">{t('discover.marketplace.any')}</option>
              {gmvRanges.map((r) => (
                <option key={r} value={r}>
                  {t(`discover.marketplace.gmvRanges.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${base}-units`}>
              {t('discover.marketplace.units')}
            </label>
            <select
              id={`${base}-units`}
              className="input select"
              value={draft.units}
              onChange={(e) => set('units', e.target.value as UnitsRange | '')}
            >
              <option value="">{t('discover.marketplace.any')}</option>
              {unitsSoldRanges.map((r) => (
                <option key={r} value={r}>
                  {t(`discover.marketplace.unitsRanges.${r}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form-actions discover-search-actions">
          <p className="muted discover-quota" role="status">
            {shownQuota &&
              (shownQuota.exhausted || shownQuota.left <= 0
                ? t('discover.marketplace.quotaUsedUp')
                : t('discover.marketplace.quota', {
                    left: number.format(shownQuota.left),
                    limit: number.format(shownQuota.limit),
                  }))}
          </p>
          <button
            type="submit"
            className="button button-primary"
            disabled={!shopId || invalid || search.isPending}
          >
            {search.isPending && !paging
              ? t('discover.marketplace.searching')
              : t('discover.marketplace.search')}
          </button>
        </div>
      </form>
      {search.error && (
        <Notice tone="danger" title={t('discover.marketplace.failed')} onDismiss={() => search.reset()}>
          <p>{errorText(search.error)}</p>
        </Notice>
      )}
      {searched && (
        <MarketplaceResults
          results={results}
          loading={search.isPending}
          hasMore={paging !== null}
          onMore={more}
          shopId={searched.shopId}
          filters={searched.filters}
        />
      )}
      <SavedSearches shopName={shops.shopName} />
    </div>
  );
}
