import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AffiliateChoice, AffiliateOrderRow, AffiliateTotal, AnalyticsFilter } from '@shared/analytics';
import { useChannelList, useChannelMutation, useChannelQuery } from '../../api';
import { LoadFailed } from '../../components/LoadFailed';
import { formatDay, formatFigure } from '../../features/analytics/format';
import { ListFooter, PageToolbar } from '../../features/analytics/PageToolbar';
import { usePageFilter } from '../../features/analytics/usePageFilter';
import { CollaborationPicker } from './CollaborationPicker';
import { CreatorPicker } from './CreatorPicker';
import { useCollaborationLabel } from './collaborationLabel';
import { useChosenCreator } from './creatorName';

const refreshOn = ['sync:statusChanged', 'accounts:changed'] as const;
/** A Creator's figures add up its records when read: a merge or split in the CRM changes them. */
const creatorRefreshOn = [...refreshOn, 'creators:changed'] as const;

/**
 * The Affiliate page's Creator and collaboration: loaded once from main (analytics:affiliateView), then kept
 * here and saved back on every change, so the choice survives a restart like the dashboard's filters.
 */
function useAffiliateChoice(): [AffiliateChoice | null, (next: AffiliateChoice) => void] {
  const saved = useChannelQuery('analytics:affiliateView');
  const save = useChannelMutation('analytics:saveAffiliateView', { silent: true });
  const [own, setOwn] = useState<AffiliateChoice | null>(null);
  const choice = own ?? saved.data ?? (saved.error ? { creatorId: null, collaboration: null } : null);
  return [
    choice,
    (next) => {
      setOwn(next);
      save.mutate(next);
    },
  ];
}

/** Affiliate orders per Creator and collaboration: estimated against settled commission, and status. */
export function AffiliatePage(): ReactElement {
  const { filter, setFilter } = usePageFilter();
  const [choice, setChoice] = useAffiliateChoice();
  const ready = filter !== null && choice !== null;
  const query = filter ?? { range: { preset: 'last30' as const } };
  const collaborations = useChannelQuery(
    'analytics:collaborations',
    { filter: query },
    { invalidateOn: refreshOn, enabled: filter !== null },
  );
  const options = collaborations.data?.items ?? [];
  const chosen = choice?.collaboration ?? null;
  const label = useCollaborationLabel();
  const chosenOption = chosen ? options.find((o) => o.kind === chosen.kind && o.id === chosen.id) : undefined;
  const creatorName = useChosenCreator(filter, choice?.creatorId ?? null).name;
  return (
    <div className="page analytics-page">
      <PageToolbar
        filter={filter}
        onChange={setFilter}
        source="affiliate"
        table="affiliateOrders"
        showAdvertisers={false}
        {...(choice ? { affiliate: choice } : {})}
      >
        <CreatorPicker
          filter={filter}
          chosen={choice?.creatorId ?? null}
          disabled={choice === null}
          onChoose={(creatorId) => choice && setChoice({ ...choice, creatorId })}
        />
        <CollaborationPicker
          options={options}
          chosen={chosen}
          disabled={choice === null}
          onChoose={(collaboration) => choice && setChoice({ ...choice, collaboration })}
        />
      </PageToolbar>
      {ready && (
        <AffiliateOrders
          filter={filter}
          choice={choice}
          creatorName={creatorName}
          collaborationName={
            chosen
              ? label(chosenOption ?? { kind: chosen.kind, id: chosen.id, name: null, productTitle: null })
              : null
          }
        />
      )}
    </div>
  );
}

/** The totals heading names what the sums are of: the chosen Creator, collaboration, or both. */
function totalsHeading(t: TFunction, creator: string | null, collaboration: string | null): string {
  if (creator && collaboration)
    return t('analytics.affiliate.totalsForBoth', { creator, name: collaboration });
  if (creator) return t('analytics.affiliate.totalsFor', { name: creator });
  if (collaboration) return t('analytics.affiliate.totalsFor', { name: collaboration });
  return t('analytics.affiliate.totals');
}

const totalKeys = ['orders', 'gmv', 'estimated', 'actual'] as const;
const totalValue = (tot: AffiliateTotal, k: (typeof totalKeys)[number]): number =>
  k === 'orders'
    ? tot.orders
    : k === 'gmv'
      ? tot.gmvMinor
      : k === 'estimated'
        ? tot.estCommissionMinor
        : tot.actualCommissionMinor;

function AffiliateOrders({
  filter,
  choice,
  creatorName,
  collaborationName,
}: {
  filter: AnalyticsFilter;
  choice: AffiliateChoice;
  creatorName: string | null;
  collaborationName: string | null;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = useCollaborationLabel();
  const input = { filter, creatorId: choice.creatorId, collaboration: choice.collaboration };
  const invalidateOn = choice.creatorId === null ? refreshOn : creatorRefreshOn;
  const totals = useChannelQuery('analytics:affiliateOrders', { ...input, limit: 1 }, { invalidateOn });
  const list = useChannelList(
    'analytics:affiliateOrders',
    { ...input, limit: 100 },
    {
      cursorParam: 'cursor',
      next: (p) => p.nextCursor,
      items: (p) => p.items,
      getId: (o: AffiliateOrderRow) => o.orderId,
      invalidateOn,
    },
  );
  if (list.error)
    return (
      <LoadFailed title={t('analytics.affiliate.loadFailed')} error={list.error} onRetry={list.reload} />
    );
  const money = (v: number, c: string) => (c ? formatFigure(v, 'money', c, lang) : String(v));
  const sums = totals.data?.totals ?? [];
  // Six columns fit a 1280 px window: the order's day and id share a cell, as do the creator and the
  // collaboration; long ids and names are cut with an ellipsis and shown whole on hover.
  return (
    <>
      <section className="card finance-totals" aria-labelledby="affiliate-totals">
        <h2 id="affiliate-totals" className="section-title">
          {totalsHeading(t, creatorName, collaborationName)}
        </h2>
        {collaborationName && <p className="muted">{t('analytics.affiliate.attributedOnly')}</p>}
        {sums.length === 0 ? (
          <p className="muted">{t('analytics.affiliate.empty')}</p>
        ) : (
          // One row per currency, one column per figure: a wrapping grid put one currency's orders at the
          // end of the other currency's row.
          <dl
            className="totals-grid"
            style={{ gridTemplateColumns: `repeat(${totalKeys.length}, minmax(0, 1fr))` }}
          >
            {sums.flatMap((tot) =>
              totalKeys.map((k) => (
                <div key={`${tot.currency}-${k}`} className="total">
                  <dt className="muted">
                    {t(`analytics.affiliate.totalColumns.${k}`)}
                    {/* Orders carry the currency only to tell the rows of several currencies apart. */}
                    {!tot.currency || (k === 'orders' && sums.length === 1) ? '' : ` · ${tot.currency}`}
                  </dt>
                  <dd>
                    {k === 'orders'
                      ? formatFigure(tot.orders, 'count', null, lang)
                      : money(totalValue(tot, k), tot.currency)}
                  </dd>
                </div>
              )),
            )}
          </dl>
        )}
      </section>
      <div className="card card-flush table-scroll">
        <table className="table affiliate-table">
          <thead>
            <tr>
              {(['order', 'creator', 'status'] as const).map((c) => (
                <th key={c} scope="col" className={`col-${c}`}>
                  {t(`analytics.affiliate.columns.${c}`)}
                </th>
              ))}
              {(['gmv', 'estimated', 'actual'] as const).map((c) => (
                <th key={c} scope="col" className="col-num">
                  {t(`analytics.affiliate.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody aria-busy={list.busy}>
            {list.items.map((o) => {
              const collaboration =
                o.collaborationId && o.collaborationKind
                  ? label({
                      kind: o.collaborationKind,
                      id: o.collaborationId,
                      name: o.collaborationName,
                      productTitle: o.collaborationProduct,
                    })
                  : null;
              return (
                <tr key={o.orderId}>
                  <td className="col-order">
                    <span className="cell-line">{formatDay(o.day, lang)}</span>
                    <span className="cell-detail cell-cut mono muted" title={o.orderId}>
                      {o.orderId}
                    </span>
                  </td>
                  <td className="col-creator">
                    <span
                      className="cell-line cell-cut"
                      title={o.creatorHandle ? `@${o.creatorHandle}` : undefined}
                    >
                      {o.creatorHandle ? `@${o.creatorHandle}` : '—'}
                    </span>
                    {collaboration && (
                      <span
                        className="cell-detail cell-cut muted"
                        title={`${collaboration} (${o.collaborationId ?? ''})`}
                      >
                        {collaboration}
                      </span>
                    )}
                  </td>
                  <td>{t(`analytics.affiliate.status.${o.status}`, { defaultValue: o.status })}</td>
                  <td className="col-num">{money(o.gmvMinor, o.currency)}</td>
                  <td className="col-num">{money(o.estCommissionMinor, o.currency)}</td>
                  <td className="col-num">{money(o.actualCommissionMinor, o.currency)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <ListFooter
          list={list}
          empty={t('analytics.affiliate.empty')}
          loadingMore={t('analytics.affiliate.loadingMore')}
        />
      </div>
    </>
  );
}
