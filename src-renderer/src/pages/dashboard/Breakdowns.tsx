import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Breakdown, BreakdownKind, BreakdownRow, Focus } from '@shared/analytics';
import { breakdownKinds } from '@shared/analytics';
import { Tabs } from '../../components/Tabs';
import { LoadFailed } from '../../components/LoadFailed';
import type { AppError } from '@shared/errors';
import { formatFigure } from '../../features/analytics/format';
import { Sparkline } from '../../features/analytics/Sparkline';
import { useChartPalette } from '../../features/analytics/palette';

const moneyColumns = new Set([
  'gmv',
  'aov',
  'refunds',
  'affiliateGmv',
  'commissionEstimated',
  'commissionActual',
  'spend',
  'conversionValue',
  'cpa',
]);
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
    if (moneyColumns.has(c)) return formatFigure(v, 'money', r.currency, i18n.language);
    if (percentColumns.has(c)) return formatFigure(v, 'percent', null, i18n.language);
    if (ratioColumns.has(c)) return formatFigure(v, 'ratio', null, i18n.language);
    return formatFigure(v, 'count', null, i18n.language);
  };
  return (
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
        <tbody>
          {data.rows.map((r) => {
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
      </table>
    </div>
  );
}
