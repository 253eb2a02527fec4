import { useId, useMemo, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketplaceCreatorView, MarketplaceFiltersInput } from '@shared/marketplace';
import { useChannelMutation } from '../../api';
import { InitialsAvatar } from '../../components/InitialsAvatar';
import { StaticTable, staticColumns } from '../../components/StaticTable';
import { TextCell } from '../../features/lists/cells';
import { formatMoney } from '../../format/money';

const helper = staticColumns<MarketplaceCreatorView>();

/** What TikTok shows for a creator's GMV: the figure, else the range the creator allows. */
function gmvText(c: MarketplaceCreatorView, language: string): string {
  if (c.gmv) return formatMoney(c.gmv, language);
  return c.gmvRange?.label ?? '—';
}

/** A marketplace search's results so far (each already stored as a creator), and "save this search". */
export function MarketplaceResults(props: {
  results: MarketplaceCreatorView[];
  loading: boolean;
  hasMore: boolean;
  onMore: () => void;
  shopId: string;
  filters: MarketplaceFiltersInput;
}): ReactElement {
  const { results, loading, hasMore } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const nameId = useId();
  const [name, setName] = useState('');
  const save = useChannelMutation('marketplace:saveSearch', {
    invalidates: ['marketplace:savedSearches'],
    onSuccess: () => setName(''),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) save.mutate({ name: name.trim(), shopId: props.shopId, filters: props.filters });
  };
  const columns = useMemo(() => {
    const number = new Intl.NumberFormat(language);
    const count = (n: number | null) => (n === null ? '—' : number.format(n));
    return helper.columns([
      helper.display({
        id: 'creator',
        header: () => t('discover.marketplace.columns.creator'),
        cell: ({ row: { original: c } }) => (
          <span className="discover-creator">
            <InitialsAvatar name={c.nickname ?? c.handle ?? '?'} size="sm" />
            <span className="cell-stack">
              <TextCell text={c.handle ? `@${c.handle}` : (c.nickname ?? c.openId)} />
              {c.handle && c.nickname && <TextCell text={c.nickname} muted />}
            </span>
          </span>
        ),
      }),
      helper.accessor('region', {
        header: () => t('discover.marketplace.columns.region'),
        cell: (info) => info.getValue() ?? '—',
      }),
      helper.accessor('followers', {
        header: () => t('discover.marketplace.columns.followers'),
        cell: (info) => count(info.getValue()),
        meta: { numeric: true },
      }),
      helper.display({
        id: 'gmv',
        header: () => t('discover.marketplace.columns.gmv'),
        cell: ({ row: { original: c } }) => gmvText(c, language),
        meta: { numeric: true },
      }),
      helper.accessor('avgVideoViews', {
        id: 'views',
        header: () => t('discover.marketplace.columns.views'),
        cell: (info) => count(info.getValue()),
        meta: { numeric: true },
      }),
      helper.accessor('known', {
        header: () => t('discover.marketplace.columns.inShopMesh'),
        cell: (info) => (
          <span className={`badge badge-tone-${info.getValue() ? 'muted' : 'accent'}`}>
            {info.getValue() ? t('discover.marketplace.known') : t('discover.marketplace.added')}
          </span>
        ),
      }),
    ]);
  }, [t, language]);

  return (
    <section
      className="card discover-results"
      aria-labelledby="marketplace-results-title"
      aria-busy={loading}
    >
      <div className="discover-results-head">
        <h2 id="marketplace-results-title" className="section-title">
          {t('discover.marketplace.results', { count: results.length })}
        </h2>
        <form className="discover-row" onSubmit={submit}>
          <div className="field field-inline">
            <label className="field-label" htmlFor={nameId}>
              {t('discover.marketplace.saveName')}
            </label>
            <input
              id={nameId}
              className="input"
              value={name}
              maxLength={80}
              placeholder={t('discover.marketplace.saveNamePlaceholder')}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={!name.trim() || save.isPending}>
            {t('discover.marketplace.save')}
          </button>
        </form>
      </div>
      {save.data && (
        <p className="muted" role="status">
          {t('discover.marketplace.saved', { name: save.data.name })}
        </p>
      )}
      {results.length === 0 && !loading ? (
        <p className="muted">{t('discover.marketplace.none')}</p>
      ) : (
        <div className="detail-table-scroll">
          <StaticTable
            className="discover-results-table"
            columns={columns}
            data={results}
            getRowId={(c) => c.openId}
          />
        </div>
      )}
      {hasMore && (
        <div className="form-actions">
          <button type="button" className="button" onClick={props.onMore} disabled={loading}>
            {loading ? t('discover.marketplace.searching') : t('discover.marketplace.more')}
          </button>
        </div>
      )}
    </section>
  );
}
