import { useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  grains,
  seriesMetrics,
  type Grain,
  type Series,
  type SeriesMetric,
  type Timeseries,
} from '@shared/analytics';
import type { ChartLegend } from '../../features/analytics/chart-picture';
import { formatDay, formatFigure, formatRates } from '../../features/analytics/format';
import { useChartPalette } from '../../features/analytics/palette';

const countMetrics = new Set<SeriesMetric>(['orders', 'units']);
/** The chart's unit of a series: its currency, or '#' for counts. */
const unitOf = (s: Series): string => (countMetrics.has(s.metric) ? '#' : (s.currency ?? '#'));
const order = (m: SeriesMetric): number => seriesMetrics.indexOf(m);

/**
 * The time series: one line per visible series, the previous period drawn faintly (dashed) behind it.
 * Counts and money in different currencies do not share an axis: the chart shows one unit at a time
 * (a currency, or counts), chosen with "Chart currency".
 *
 * The series toggles are the legend (each carries its line's colour), in the one order the lines, the
 * tooltip and the saved picture use; a line under them says what the dashed lines are. A toggle whose
 * series is not in the chart's unit stays (the choice is kept for when that unit is shown) but is muted and
 * says where it is drawn.
 */
export function TrendChart(props: {
  data: Timeseries;
  grain: Grain;
  onGrain: (g: Grain) => void;
  hidden: SeriesMetric[];
  onToggle: (metric: SeriesMetric) => void;
  onExportCsv: () => void;
  onExportPng: (svg: SVGSVGElement, legend: Omit<ChartLegend, 'text'>) => void;
}): ReactElement {
  const { data, grain, onGrain, hidden, onToggle, onExportCsv, onExportPng } = props;
  const { t, i18n } = useTranslation();
  const palette = useChartPalette();
  const box = useRef<HTMLDivElement>(null);
  const units = useMemo(() => [...new Set(data.series.map(unitOf))], [data]);
  const [unit, setUnit] = useState<string | null>(null);
  const shownUnit =
    unit !== null && units.includes(unit) ? unit : (units.find((u) => u !== '#') ?? units[0] ?? '#');
  const inUnit = data.series
    .filter((s) => unitOf(s) === shownUnit)
    .sort((a, b) => order(a.metric) - order(b.metric));
  const visible = inUnit.filter((s) => !hidden.includes(s.metric));
  const available = seriesMetrics.filter((m) => data.series.some((s) => s.metric === m));
  const unitName = (u: string) => (u === '#' ? t('analytics.chart.counts') : u);
  const colorOf = (m: SeriesMetric) =>
    palette.colors[seriesMetrics.indexOf(m) % palette.colors.length] ?? '#0072b2';
  const rows = data.buckets.map((b, i) => {
    const row: Record<string, string | number | null> = {
      bucket: b,
      previousBucket: data.previousBuckets[i] ?? '',
    };
    for (const s of visible) {
      row[s.metric] = s.values[i] ?? 0;
      // A day with no day to pair with (29 February against a year without one) is a gap, not a zero.
      row[`prev_${s.metric}`] = s.previous[i] ?? null;
    }
    return row;
  });
  const kind = shownUnit === '#' ? 'count' : 'money';
  const currency = shownUnit === '#' ? null : shownUnit;
  const fmt = (v: number) => formatFigure(v, kind, currency, i18n.language);
  const name = (m: SeriesMetric) => t(`analytics.chart.metrics.${m}`);
  const dashed = t('analytics.chart.previousLegend', {
    from: formatDay(data.period.previousFrom, i18n.language),
    to: formatDay(data.period.previousTo, i18n.language),
  });
  /** Where a series not in the chart's unit is drawn: the units it has. */
  const elsewhere = (m: SeriesMetric): string | undefined =>
    inUnit.some((s) => s.metric === m)
      ? undefined
      : t('analytics.chart.elsewhere', {
          units: [...new Set(data.series.filter((s) => s.metric === m).map(unitOf))].map(unitName).join(', '),
        });
  // Money converted into the reporting currency says so, with the rates, on screen and in the picture.
  const converted =
    inUnit.some((s) => s.converted) && data.rates.length > 0
      ? t('analytics.kpi.converted', {
          currency: shownUnit,
          // The as-of day as the cards and the rates table write it (the reader's language), never ISO.
          rates: formatRates(data.rates, shownUnit, i18n.language),
        })
      : null;
  const legend = (): Omit<ChartLegend, 'text'> => ({
    title: t('analytics.chart.pictureTitle', {
      unit: unitName(shownUnit),
      from: formatDay(data.period.from, i18n.language),
      to: formatDay(data.period.to, i18n.language),
    }),
    note: converted,
    items: [
      ...visible.map((s) => ({ label: name(s.metric), color: colorOf(s.metric) })),
      { label: dashed, color: palette.text, dashed: true },
    ],
  });
  return (
    <section className="card chart-card" aria-labelledby="trend-title">
      <header className="chart-head">
        <h2 id="trend-title" className="section-title">
          {t('analytics.chart.title')}
        </h2>
        <div className="toolbar chart-controls">
          <div className="segmented" role="radiogroup" aria-label={t('analytics.chart.grain')}>
            {grains.map((g) => (
              <button
                key={g}
                type="button"
                role="radio"
                aria-checked={grain === g}
                className={grain === g ? 'segment segment-on' : 'segment'}
                onClick={() => onGrain(g)}
              >
                {t(`analytics.chart.grains.${g}`)}
              </button>
            ))}
          </div>
          {units.length > 1 && (
            <label className="field field-inline">
              <span className="field-label">{t('analytics.chart.currency')}</span>
              <select className="input select" value={shownUnit} onChange={(e) => setUnit(e.target.value)}>
                {units.map((u) => (
                  <option key={u} value={u}>
                    {unitName(u)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="button button-small" onClick={onExportCsv}>
            {t('analytics.chart.exportCsv')}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              const svg = box.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
              if (svg) onExportPng(svg, legend());
            }}
          >
            {t('analytics.chart.exportPng')}
          </button>
        </div>
      </header>
      <div className="chart-legend">
        <div className="series-toggles" role="group" aria-label={t('analytics.chart.series')}>
          {available.map((m) => {
            const note = elsewhere(m);
            return (
              <button
                key={m}
                type="button"
                className={note ? 'series-toggle series-toggle-elsewhere' : 'series-toggle'}
                aria-pressed={!hidden.includes(m)}
                title={note}
                onClick={() => onToggle(m)}
              >
                <LineSwatch color={colorOf(m)} />
                {name(m)}
              </button>
            );
          })}
        </div>
        <p className="chart-legend-previous muted">
          <LineSwatch color={palette.text} dashed />
          {dashed}
        </p>
        {converted && <p className="chart-legend-converted muted">{converted}</p>}
      </div>
      <div className="chart-box" ref={box}>
        {rows.length === 0 || visible.length === 0 ? (
          <p className="muted chart-empty">{t('analytics.chart.empty')}</p>
        ) : (
          <ResponsiveContainer width="100%" height={300}>
            {/* Room on the right for the last day's tick label, which is centred on the axis's end. */}
            <LineChart data={rows} margin={{ top: 8, right: 28, bottom: 4, left: 8 }}>
              <CartesianGrid stroke={palette.grid} vertical={false} />
              <XAxis
                dataKey="bucket"
                tickFormatter={(d: string) => formatDay(d, i18n.language, 'short')}
                stroke={palette.text}
                tick={{ fill: palette.text, fontSize: 12 }}
                minTickGap={24}
              />
              <YAxis
                stroke={palette.text}
                tick={{ fill: palette.text, fontSize: 12 }}
                tickFormatter={(v: number) => fmt(v)}
                width={88}
              />
              <Tooltip
                contentStyle={{ background: palette.surface, borderColor: palette.grid, borderRadius: 8 }}
                labelStyle={{ color: palette.text }}
                labelFormatter={(d, payload) => {
                  const prev = payload?.[0]?.payload?.previousBucket as string | undefined;
                  const day = formatDay(String(d), i18n.language);
                  return prev ? `${day} (${formatDay(prev, i18n.language)})` : day;
                }}
                formatter={(v: unknown) => (v === null || v === undefined ? '—' : fmt(Number(v)))}
                itemSorter={(item) => {
                  const key = String(item.dataKey ?? '');
                  const metric = key.replace(/^prev_/, '') as SeriesMetric;
                  return order(metric) * 2 + (key.startsWith('prev_') ? 1 : 0);
                }}
              />
              {visible.map((s) => (
                <Line
                  key={`prev_${s.metric}`}
                  dataKey={`prev_${s.metric}`}
                  name={t('analytics.chart.previous', { series: name(s.metric) })}
                  stroke={colorOf(s.metric)}
                  strokeOpacity={0.35}
                  strokeDasharray="4 4"
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
              {visible.map((s) => (
                <Line
                  key={s.metric}
                  dataKey={s.metric}
                  name={name(s.metric)}
                  stroke={colorOf(s.metric)}
                  strokeWidth={2}
                  dot={false}
                  activeDot={{ r: 4 }}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
    </section>
  );
}

/** A legend swatch: a short stroke as the chart draws it (solid, or dashed for the previous period). */
function LineSwatch({ color, dashed = false }: { color: string; dashed?: boolean }): ReactElement {
  return (
    <svg className="series-swatch" width="20" height="10" viewBox="0 0 20 10" aria-hidden="true">
      <line
        x1="1"
        x2="19"
        y1="5"
        y2="5"
        stroke={color}
        strokeWidth={dashed ? 2 : 3}
        strokeLinecap={dashed ? 'butt' : 'round'}
        strokeDasharray={dashed ? '4 3' : undefined}
      />
    </svg>
  );
}
