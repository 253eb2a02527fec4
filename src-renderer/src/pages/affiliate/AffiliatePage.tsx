import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AffiliateOrderRow, AnalyticsFilter } from '@shared/analytics';
import { useChannelList, useChannelQuery } from '../../api';
import { LoadFailed } from '../../components/LoadFailed';
import { formatDay, formatFigure } from '../../features/analytics/format';
import { ListFooter, PageToolbar } from '../../features/analytics/PageToolbar';
import { usePageFilter } from '../../features/analytics/usePageFilter';

const refreshOn = ['sync:statusChanged', 'accounts:changed'] as const;

/** TikTok's long numeric ids differ in their last digits: "…71007932" (the whole id is in the title). */
const shortId = (id: string | null): string => (id && id.length > 10 ? `…${id.slice(-8)}` : (id ?? ''));

/** Affiliate orders per creator and collaboration: estimated against settled commission, and status. */
export function AffiliatePage(): ReactElement {
  const { t } = useTranslation();
  const { filter, setFilter } = usePageFilter();
  const [creatorId, setCreatorId] = useState<number | null>(null);
  const creators = useChannelQuery(
    'analytics:breakdown',
    { filter: filter ?? { range: { preset: 'last30' } }, kind: 'creators', limit: 200 },
    { invalidateOn: refreshOn, enabled: filter !== null },
  );
  return (
    <div className="page analytics-page">
      <PageToolbar
        filter={filter}
        onChange={setFilter}
        source="affiliate"
        table="affiliateOrders"
        showAdvertisers={false}
      >
        <label className="field field-inline">
          <span className="field-label">{t('analytics.affiliate.creator')}</span>
          <select
            className="input select"
            value={creatorId ?? ''}
            onChange={(e) => setCreatorId(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">{t('analytics.affiliate.allCreators')}</option>
            {(creators.data?.rows ?? [])
              .filter((r) => r.id !== '0')
              .map((r) => (
                <option key={`${r.id}-${r.currency}`} value={r.id}>
                  {r.label}
                </option>
              ))}
          </select>
        </label>
      </PageToolbar>
      {filter && <AffiliateOrders filter={filter} creatorId={creatorId} />}
    </div>
  );
}

function AffiliateOrders({
  filter,
  creatorId,
}: {
  filter: AnalyticsFilter;
  creatorId: number | null;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const list = useChannelList(
    'analytics:affiliateOrders',
    { filter, limit: 100, creatorId },
    {
      cursorParam: 'cursor',
      next: (p) => p.nextCursor,
      items: (p) => p.items,
      getId: (o: AffiliateOrderRow) => o.orderId,
      invalidateOn: refreshOn,
    },
  );
  if (list.error)
    return (
      <LoadFailed title={t('analytics.affiliate.loadFailed')} error={list.error} onRetry={list.reload} />
    );
  const money = (v: number, c: string) => (c ? formatFigure(v, 'money', c, lang) : String(v));
  // Six columns fit a 1280 px window: the order's day and id share a cell, as do the creator and the
  // collaboration; long ids and names are cut with an ellipsis and shown whole on hover.
  return (
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
            const collaboration = o.collaborationName ?? o.collaborationId;
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
                    <span className="cell-detail cell-cut muted" title={collaboration}>
                      {o.collaborationName ??
                        t('analytics.affiliate.collaborationId', { id: shortId(o.collaborationId) })}
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
      <ListFooter list={list} empty={t('analytics.affiliate.empty')} loadingMore={t('analytics.affiliate.loadingMore')} />
    </div>
  );
}
