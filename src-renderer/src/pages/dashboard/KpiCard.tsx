import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Kpi, KpiValue } from '@shared/analytics';
import { formatChange, formatFigure, formatRates } from '../../features/analytics/format';
import { Sparkline } from '../../features/analytics/Sparkline';

/** Higher is worse for these: their change is coloured the other way round. */
const lowerIsBetter = new Set<Kpi['key']>(['cancellations', 'refunds', 'adSpend', 'cpa']);

function ValueLine({ kpi, v, color }: { kpi: Kpi; v: KpiValue; color: string }): ReactElement {
  const { t, i18n } = useTranslation();
  const change = formatChange(v.value, v.previous, i18n.language);
  const up = v.value !== null && v.previous !== null && v.value > v.previous;
  const good = lowerIsBetter.has(kpi.key) ? !up : up;
  // No change is neither good nor bad news: "0%" in red (or green, for a cost) reads as an alarm.
  const tone = !change || v.value === v.previous ? 'muted' : good ? 'kpi-change-good' : 'kpi-change-bad';
  return (
    <div className="kpi-value-line">
      <div>
        <div className="kpi-value">
          {v.value === null ? '—' : formatFigure(v.value, kpi.kind, v.currency, i18n.language)}
        </div>
        <div className={`kpi-change ${tone}`}>
          {change ? t('analytics.kpi.vsPrevious', { change }) : t('analytics.kpi.noPrevious')}
        </div>
      </div>
      {v.spark.length > 1 && <Sparkline values={v.spark} color={color} />}
    </div>
  );
}

/** A KPI shown converted into the reporting currency: one figure, with the rates it used. */
function shownConverted(kpi: Kpi): boolean {
  const c = kpi.converted;
  return !kpi.unavailable && c !== null && c.missing.length === 0 && c.value !== null;
}

/** How many figures a KPI's card shows side by side (one per currency unless converted). */
export function kpiFigureCount(kpi: Kpi): number {
  return kpi.unavailable ? 0 : shownConverted(kpi) ? 1 : kpi.values.length;
}

/**
 * One KPI. A card holding one figure per currency (two currencies: two figures) is as wide as two cards
 * (`kpi-card-wide`; its span is given by KpiGrid) with its figures side by side, so every card of a row is
 * one figure tall: a row never pairs a tall two-currency card with short ones left mostly empty. A figure
 * with nothing to compare with says so in its short muted line, where the change would be.
 */
export function KpiCard({
  kpi,
  span,
  color,
  synced,
  onExplain,
}: {
  kpi: Kpi;
  /** Grid columns the card spans; undefined until the grid is measured (analytics.css then decides). */
  span?: number | undefined;
  color: string;
  /** When the card's source last synced ("Ads synced 3 hours ago"); null when nothing selected has it. */
  synced: string | null;
  onExplain: () => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const title = t(`analytics.kpi.${kpi.key}`);
  const converted = kpi.converted;
  const asConverted = shownConverted(kpi);
  const figures = kpiFigureCount(kpi);
  return (
    <section
      className={figures > 1 ? 'card kpi-card kpi-card-wide' : 'card kpi-card'}
      style={span ? { gridColumn: `span ${span}` } : undefined}
      aria-label={title}
    >
      <header className="kpi-head">
        <h3 className="kpi-title">{title}</h3>
        <button
          type="button"
          className="icon-button kpi-help"
          aria-label={`${t('analytics.kpi.howCounted')} (${title})`}
          title={t('analytics.kpi.howCounted')}
          onClick={onExplain}
        >
          ?
        </button>
      </header>
      {kpi.unavailable ? (
        <p className="kpi-unavailable muted">{t(`analytics.kpi.unavailable.${kpi.unavailable}`)}</p>
      ) : asConverted && converted ? (
        <>
          <ValueLine kpi={kpi} v={{ ...converted, currency: converted.currency }} color={color} />
          {converted.rates.length > 0 && (
            <p className="kpi-note muted">
              {t('analytics.kpi.converted', {
                currency: converted.currency,
                rates: formatRates(converted.rates, converted.currency ?? '', i18n.language),
              })}
            </p>
          )}
        </>
      ) : (
        <>
          {kpi.values.length > 0 ? (
            <div className="kpi-values">
              {kpi.values.map((v) => (
                <ValueLine key={v.currency ?? 'all'} kpi={kpi} v={v} color={color} />
              ))}
            </div>
          ) : (
            <div className="kpi-value-line">
              <div className="kpi-value">—</div>
              <div className="kpi-change muted">{t('analytics.kpi.noFigure')}</div>
            </div>
          )}
          {kpi.coverage && kpi.coverage.costed < kpi.coverage.units && (
            <p className="kpi-note kpi-note-warning">{t('analytics.kpi.coverage', kpi.coverage)}</p>
          )}
          {converted && converted.missing.length > 0 && (
            <p className="kpi-note kpi-note-warning">
              {t('analytics.kpi.missingRate', { currencies: converted.missing.join(', ') })}
            </p>
          )}
        </>
      )}
      {synced && <p className="kpi-synced muted">{synced}</p>}
    </section>
  );
}
