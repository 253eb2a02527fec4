import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsFilter, StatementRow } from '@shared/analytics';
import { useChannelList, useChannelQuery } from '../../api';
import { LoadFailed } from '../../components/LoadFailed';
import { formatDay, formatFigure } from '../../features/analytics/format';
import { ListFooter, PageToolbar } from '../../features/analytics/PageToolbar';
import { usePageFilter } from '../../features/analytics/usePageFilter';

const refreshOn = ['sync:statusChanged', 'accounts:changed'] as const;
const amounts = ['revenue', 'fees', 'adjustments', 'shippingCost', 'settlement'] as const;

/** Finance statements of the period, newest first, with totals per currency (never added across currencies). */
export function FinancePage(): ReactElement {
  const { filter, setFilter } = usePageFilter();
  return (
    <div className="page analytics-page">
      <PageToolbar
        filter={filter}
        onChange={setFilter}
        source="finance"
        table="statements"
        showAdvertisers={false}
      />
      {filter && <Statements filter={filter} />}
    </div>
  );
}

function Statements({ filter }: { filter: AnalyticsFilter }): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const totals = useChannelQuery('analytics:statements', { filter, limit: 1 }, { invalidateOn: refreshOn });
  const list = useChannelList(
    'analytics:statements',
    { filter, limit: 100 },
    {
      cursorParam: 'cursor',
      next: (p) => p.nextCursor,
      items: (p) => p.items,
      getId: (s: StatementRow) => s.statementId,
      invalidateOn: refreshOn,
    },
  );
  if (list.error)
    return <LoadFailed title={t('analytics.finance.loadFailed')} error={list.error} onRetry={list.reload} />;
  return (
    <>
      <section className="card finance-totals" aria-labelledby="finance-totals">
        <h2 id="finance-totals" className="section-title">
          {t('analytics.finance.totals')}
        </h2>
        {(totals.data?.totals ?? []).length === 0 ? (
          <p className="muted">{t('analytics.finance.empty')}</p>
        ) : (
          // One row per currency, one column per amount, whatever the window's width.
          <dl
            className="totals-grid"
            style={{ gridTemplateColumns: `repeat(${amounts.length}, minmax(0, 1fr))` }}
          >
            {(totals.data?.totals ?? []).flatMap((tot) =>
              amounts.map((k) => (
                <div key={`${tot.currency}-${k}`} className="total">
                  <dt className="muted">
                    {t(`analytics.finance.columns.${k}`)} · {tot.currency}
                  </dt>
                  <dd>{formatFigure(tot.amounts[k] ?? 0, 'money', tot.currency, lang)}</dd>
                </div>
              )),
            )}
          </dl>
        )}
      </section>
      <div className="card card-flush table-scroll">
        <table className="table finance-table">
          <thead>
            <tr>
              <th scope="col">{t('analytics.finance.columns.day')}</th>
              <th scope="col">{t('analytics.finance.columns.shop')}</th>
              {amounts.map((k) => (
                <th key={k} scope="col" className="col-num">
                  {t(`analytics.finance.columns.${k}`)}
                </th>
              ))}
              <th scope="col">{t('analytics.finance.columns.status')}</th>
            </tr>
          </thead>
          <tbody aria-busy={list.busy}>
            {list.items.map((s) => (
              <tr key={s.statementId}>
                <td>{formatDay(s.day, lang)}</td>
                <td className="col-text">{s.shopName}</td>
                {(
                  [
                    s.revenueMinor,
                    s.feeMinor,
                    s.adjustmentMinor,
                    s.shippingCostMinor,
                    s.settlementMinor,
                  ] as const
                ).map((v, i) => (
                  <td key={amounts[i]} className="col-num">
                    {formatFigure(v, 'money', s.currency, lang)}
                  </td>
                ))}
                <td>
                  {t(`analytics.finance.paymentStatus.${s.paymentStatus}`, { defaultValue: s.paymentStatus })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ListFooter
          list={list}
          empty={t('analytics.finance.empty')}
          loadingMore={t('analytics.finance.loadingMore')}
        />
      </div>
    </>
  );
}
