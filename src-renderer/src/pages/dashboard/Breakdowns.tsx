import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Breakdown, BreakdownKind, BreakdownRow, Focus } from '@shared/analytics';
import { breakdownKinds, breakdownMoneyMetrics } from '@shared/analytics';
import { Tabs } from '../../components/Tabs';
import { LoadFailed } from '../../components/LoadFailed';
import type { AppError } from '@shared/errors';
import { formatFigure, formatRates } from '../../features/analytics/format';
import { Sparkline } from '../../features/analytics/Sparkline';
import { useChartPalette } from '../../features/analytics/palette';

const percentColumns = new Set(['refundRate', 'ctr']);
const ratioColumns = new Set(['roas']);
const focusKind: Partial<Record<BreakdownKind, Focus['kind']>> = {
  products: 'product',
  creators: 'creator',
  campaigns: 'campaign',
};

/** Breakdowns by shop, product, creator and campaign; clicking a row narrows the whole page to it. */
export function Breakdowns(props: {
  kind: BreakdownKind;
  onKind: (k: BreakdownKind) => void;
  data: Breakdown | undefined;
  loading: boolean;
  error: AppError | null;
  onRetry: () => void;
  focus: Focus | null;
  onFocus: (f: Focus) => void;
  onExport: () => void;
}): ReactElement {
  const { kind, onKind, data, loading, error, onRetry, focus, onFocus, onExport } = props;
  const { t } = useTranslation();
  return (
    <section className="card breakdown-card" aria-labelledby="breakdown-title">
      <header className="chart-head">
        <h2 id="breakdown-title" className="section-title">
          {t('analytics.breakdown.title')}
        </h2>
        <button type="button" className="button button-small" onClick={onExport}>
          {t('analytics.chart.exportCsv')}
        </button>
      </header>
      <Tabs
        label={t('analytics.breakdown.title')}
        tabs={breakdownKinds.map((k) => ({ key: k, label: t(`analytics.breakdown.kinds.${k}`) }))}
        selected={kind}
        onSelect={onKind}
      >
        {error ? (
          <LoadFailed title={t('analytics.loadFailed')} error={error} onRetry={onRetry} compact />
        ) : !data || loading ? (
          <div className="skeleton-table" aria-busy="true">
            {Array.from({ length: 5 }, (_, i) => (
              <div key={i} className="skeleton skeleton-row" />
            ))}
          </div>
        ) : data.rows.length === 0 ? (
          <p className="muted breakdown-empty">{t('analytics.breakdown.empty')}</p>
        ) : (
          <BreakdownTable data={data} focus={focus} onFocus={onFocus} />
        )}
      </Tabs>
    </section>
  );
}

function BreakdownTable({
  data,
  focus,
  onFocus,
}: {
  data: Breakdown;
  focus: Focus | null;
  onFocus: (f: Focus) => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const palette = useChartPalette();
  const kind = focusKind[data.kind];
  const label = (r: BreakdownRow) => r.label || t('analytics.breakdown.unknownCreator');
  const cell = (r: BreakdownRow, c: string): string => {
    const v = r.metrics[c];
    if (v === null || v === undefined) return '—';
    if (breakdownMoneyMetrics.has(c)) return formatFigure(v, 'money', r.currency, i18n.language);
    if (percentColumns.has(c)) return formatFigure(v, 'percent', null, i18n.language);
    if (ratioColumns.has(c)) return formatFigure(v, 'ratio', null, i18n.language);
    return formatFigure(v, 'count', null, i18n.language);
  };
  const reporting = data.rows.find((r) => r.convertedFrom)?.currency ?? null;
  // Without a reporting currency, rows of each currency form their own group under a heading: a merchant
  // reads "best sellers in USD, best sellers in GBP", and no row sits between figures it cannot be compared to.
  const groups: Array<{ currency: string | null; rows: BreakdownRow[] }> = [];
  const currencies = new Set(data.rows.map((r) => r.currency));
  for (const r of data.rows) {
    const key = currencies.size > 1 && !r.convertedFrom && r.currency !== reporting ? r.currency : null;
    const last = groups.at(-1);
    if (last && last.currency === key) last.rows.push(r);
    else groups.push({ currency: key, rows: [r] });
  }
  const columnCount = data.columns.length + 2;
  const rates = reporting && data.rates && data.rates.length > 0 ? data.rates : null;
  const missing = data.missingRates && data.missingRates.length > 0 ? data.missingRates : null;
  return (
    <>
      {/* Above the table, outside its scroller: how the rows are ranked is read before the rows, and a
          merchant must not scroll to the end of twenty rows to learn that some were converted. */}
      {(rates || missing) && (
        <div className="breakdown-notes" role="note" aria-label={t('analytics.breakdown.conversionLabel')}>
          {rates && reporting && (
            <p className="kpi-note muted">
              {t('analytics.breakdown.convertedNote', {
                currency: reporting,
                rates: formatRates(rates, reporting, i18n.language),
              })}
            </p>
          )}
          {missing && (
            <p className="kpi-note kpi-note-warning">
              {t('analytics.breakdown.missingRate', { currencies: missing.join(', ') })}
            </p>
          )}
        </div>
      )}
      <div className="table-scroll breakdown-scroll">
        <table className="table breakdown-table">
          <thead>
            <tr>
              <th scope="col">{t('analytics.breakdown.columns.name')}</th>
              {data.columns.map((c) => (
                <th key={c} scope="col" className="col-num">
                  {t(`analytics.breakdown.columns.${c}`)}
                </th>
              ))}
              <th scope="col">{t('analytics.breakdown.trend')}</th>
            </tr>
          </thead>
          {groups.map((g, gi) => (
            <tbody key={`${g.currency ?? ''}|${gi}`}>
              {g.currency && (
                <tr className="breakdown-group">
                  <th scope="rowgroup" colSpan={columnCount} className="col-text">
                    {t('analytics.breakdown.currencyGroup', { currency: g.currency })}
                  </th>
                </tr>
              )}
              {g.rows.map((r) => {
                const focused = focus !== null && kind === focus.kind && focus.id === r.id;
                return (
                  <tr key={`${r.id}|${r.currency}`} className={focused ? 'row-focused' : undefined}>
                    <th scope="row" className="col-text">
                      {kind ? (
                        <button
                          type="button"
                          className="link-button"
                          aria-pressed={focused}
                          aria-label={t('analytics.breakdown.filterBy', { label: label(r) })}
                          onClick={() => onFocus({ kind, id: r.id, label: label(r) })}
                        >
                          {label(r)}
                        </button>
                      ) : (
                        label(r)
                      )}
                      {r.detail && <span className="muted cell-detail">{r.detail}</span>}
                      {r.convertedFrom && (
                        <span className="muted cell-detail">
                          {t('analytics.breakdown.convertedFrom', { currency: r.convertedFrom })}
                        </span>
                      )}
                    </th>
                    {data.columns.map((c) => (
                      <td key={c} className="col-num">
                        {cell(r, c)}
                      </td>
                    ))}
                    <td>
                      <Sparkline values={r.spark} color={palette.colors[0] ?? '#0072b2'} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}
