import { useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { grains, seriesMetrics, type Grain, type SeriesMetric, type Timeseries } from '@shared/analytics';
import { formatDay, formatFigure } from '../../features/analytics/format';
import { useChartPalette } from '../../features/analytics/palette';

const countMetrics = new Set<SeriesMetric>(['orders', 'units']);

/**
 * The time series: one line per visible series, the previous period drawn faintly (dashed) behind it.
 * Counts and money in different currencies do not share an axis: the chart shows one unit at a time
 * (a currency, or counts), chosen with "Chart currency".
 */
export function TrendChart(props: {
  data: Timeseries;
  grain: Grain;
  onGrain: (g: Grain) => void;
  hidden: SeriesMetric[];
  onToggle: (metric: SeriesMetric) => void;
  onExportCsv: () => void;
  onExportPng: (svg: SVGSVGElement) => void;
}): ReactElement {
  const { data, grain, onGrain, hidden, onToggle, onExportCsv, onExportPng } = props;
  const { t, i18n } = useTranslation();
  const palette = useChartPalette();
  const box = useRef<HTMLDivElement>(null);
  const units = useMemo(
    () => [...new Set(data.series.map((s) => (countMetrics.has(s.metric) ? '#' : (s.currency ?? '#'))))],
    [data],
  );
  const [unit, setUnit] = useState<string | null>(null);
  const shownUnit =
    unit !== null && units.includes(unit) ? unit : (units.find((u) => u !== '#') ?? units[0] ?? '#');
  const visible = data.series.filter(
    (s) =>
      (countMetrics.has(s.metric) ? '#' : (s.currency ?? '#')) === shownUnit && !hidden.includes(s.metric),
  );
  const available = [...new Set(data.series.map((s) => s.metric))];
  const colorOf = (m: SeriesMetric) =>
    palette.colors[seriesMetrics.indexOf(m) % palette.colors.length] ?? '#0072b2';
  const rows = data.buckets.map((b, i) => {
    const row: Record<string, string | number> = { bucket: b, previousBucket: data.previousBuckets[i] ?? '' };
    for (const s of visible) {
      row[s.metric] = s.values[i] ?? 0;
      row[`prev_${s.metric}`] = s.previous[i] ?? 0;
    }
    return row;
  });
  const kind = shownUnit === '#' ? 'count' : 'money';
  const currency = shownUnit === '#' ? null : shownUnit;
  const fmt = (v: number) => formatFigure(v, kind, currency, i18n.language);
  const name = (m: SeriesMetric) => t(`analytics.chart.metrics.${m}`);
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
                    {u === '#' ? t('analytics.chart.metrics.orders') : u}
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
              if (svg) onExportPng(svg);
            }}
          >
            {t('analytics.chart.exportPng')}
          </button>
        </div>
      </header>
      <div className="series-toggles" role="group" aria-label={t('analytics.chart.series')}>
        {available.map((m) => (
          <button
            key={m}
            type="button"
            className="series-toggle"
            aria-pressed={!hidden.includes(m)}
            onClick={() => onToggle(m)}
          >
            <span className="series-swatch" style={{ background: colorOf(m) }} aria-hidden="true" />
            {name(m)}
          </button>
        ))}
      </div>
      <div className="chart-box" ref={box}>
        {rows.length === 0 || visible.length === 0 ? (
          <p className="muted chart-empty">{t('analytics.chart.empty')}</p>
        ) : (
          <ResponsiveContainer width="100%" height={300}>
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
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
                formatter={(v: unknown) => fmt(Number(v))}
              />
              <Legend wrapperStyle={{ color: palette.text, fontSize: 12 }} />
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
                  legendType="none"
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
