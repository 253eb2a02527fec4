import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cloneElement, type ReactElement } from 'react';
import type * as Recharts from 'recharts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Kpi, Series, SeriesMetric, Timeseries } from '@shared/analytics';
import { chartPicture, type ChartLegend } from '../../src-renderer/src/features/analytics/chart-picture';
import i18n from '../../src-renderer/src/i18n';
import { KpiCard } from '../../src-renderer/src/pages/dashboard/KpiCard';
import { TrendChart } from '../../src-renderer/src/pages/dashboard/TrendChart';
import { timeseries } from './analytics-fixture';

// happy-dom lays nothing out, so a ResponsiveContainer would measure 0 × 0 and draw no chart: give the
// chart a size, so its SVG exists as in a window.
vi.mock('recharts', async (original) => {
  const recharts = await original<typeof Recharts>();
  return {
    ...recharts,
    ResponsiveContainer: ({ children }: { children: ReactElement<{ width?: number; height?: number }> }) =>
      cloneElement(children, { width: 800, height: 300 }),
  };
});

afterEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

const line = (metric: SeriesMetric, currency: string | null): Series => ({
  metric,
  currency,
  converted: false,
  values: [3, 5, 4],
  previous: [2, 2, 6],
});

/** Series as main may list them: not in the order of the toggles, with a count and a second currency. */
const data: Timeseries = {
  ...timeseries,
  buckets: ['2026-03-01', '2026-03-02', '2026-03-03'],
  previousBuckets: ['2026-01-30', '2026-01-31', '2026-02-01'],
  series: [
    line('commissionEstimated', 'GBP'),
    line('refunds', 'GBP'),
    line('orders', null),
    line('gmv', 'USD'),
    line('gmv', 'GBP'),
    line('affiliateGmv', 'GBP'),
  ],
};

function chart(hidden: SeriesMetric[] = []) {
  const onExportPng = vi.fn<(svg: SVGSVGElement, legend: Omit<ChartLegend, 'text'>) => void>();
  render(
    <TrendChart
      data={data}
      grain="day"
      onGrain={() => undefined}
      hidden={hidden}
      onToggle={() => undefined}
      onExportCsv={() => undefined}
      onExportPng={onExportPng}
    />,
  );
  return { onExportPng, card: screen.getByRole('region', { name: 'Trend' }) };
}

const toggles = (card: HTMLElement) =>
  within(within(card).getByRole('group', { name: 'Series' }))
    .getAllByRole('button')
    .map((b) => b.textContent);

describe('The trend chart legend', { timeout: 30_000 }, () => {
  it('is the series toggles, in one fixed order whatever order main lists the series in', () => {
    const { card } = chart();
    expect(toggles(card)).toEqual(['GMV', 'Orders', 'Refunds', 'Affiliate GMV', 'Commission']);
    // No second legend repeating the toggles in another order.
    expect(card.querySelector('.recharts-legend-wrapper')).toBeNull();
    // The lines are drawn in that order too (each a solid line after its dashed previous period).
    const strokes = [...card.querySelectorAll('.recharts-line-curve')]
      .filter((p) => !p.getAttribute('stroke-dasharray'))
      .map((p) => p.getAttribute('stroke'));
    const swatches = [...card.querySelectorAll('.series-toggle:not(.series-toggle-elsewhere) line')].map(
      (l) => l.getAttribute('stroke'),
    );
    expect(strokes).toHaveLength(4);
    expect(strokes).toEqual(swatches);
  });

  it('says what the dashed lines are, with the previous period, in both languages', async () => {
    const { card } = chart();
    expect(
      within(card).getByText('Dashed lines: the previous period, Jan 30, 2026 – Feb 28, 2026'),
    ).toBeTruthy();
    expect(card.querySelectorAll('.recharts-line-curve[stroke-dasharray="4 4"]')).toHaveLength(4);
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(within(card).getByText('虚线：上一周期，2026年1月30日 – 2026年2月28日')).toBeTruthy();
  });

  it('marks a series that is not in the chart unit, without dropping its toggle', () => {
    const { card } = chart();
    const orders = within(card).getByRole('button', { name: 'Orders' });
    expect(orders.getAttribute('aria-pressed')).toBe('true');
    expect(orders.getAttribute('title')).toBe(
      'Not drawn in this chart: choose Orders and units under Chart currency',
    );
    expect(within(card).getByRole('button', { name: 'GMV' }).getAttribute('title')).toBeNull();
  });

  it('hands the saved picture a legend of the lines drawn, in their order, and of the dashed lines', async () => {
    const user = userEvent.setup();
    const { card, onExportPng } = chart(['refunds']);
    await user.click(within(card).getByRole('button', { name: 'Save as PNG' }));
    expect(onExportPng).toHaveBeenCalledTimes(1);
    const [svg, legend] = onExportPng.mock.calls[0]!;
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(legend.title).toBe('Trend · GBP · Mar 1, 2026 – Mar 30, 2026');
    expect(legend.items.map((i) => [i.label, i.dashed ?? false])).toEqual([
      ['GMV', false],
      ['Affiliate GMV', false],
      ['Commission', false],
      ['Dashed lines: the previous period, Jan 30, 2026 – Feb 28, 2026', true],
    ]);
  });

  it('says when its money is converted, with the rates, on screen and in the picture', async () => {
    const user = userEvent.setup();
    const onExportPng = vi.fn<(svg: SVGSVGElement, legend: Omit<ChartLegend, 'text'>) => void>();
    render(
      <TrendChart
        data={{
          ...data,
          series: [{ ...line('gmv', 'USD'), converted: true }, line('orders', null)],
          rates: [{ currency: 'GBP', rate: '1.27', asOf: '2026-01-02' }],
        }}
        grain="day"
        onGrain={() => undefined}
        hidden={[]}
        onToggle={() => undefined}
        onExportCsv={() => undefined}
        onExportPng={onExportPng}
      />,
    );
    // The rate's as-of day as the KPI cards and the rates table write it, never ISO.
    const note = 'Converted to USD with 1 GBP = 1.27 USD (Jan 2, 2026)';
    expect(screen.getByText(note)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save as PNG' }));
    const legend = onExportPng.mock.calls[0]?.[1];
    expect(legend?.title).toBe('Trend · USD · Mar 1, 2026 – Mar 30, 2026');
    expect(legend?.note).toBe(note);
  });
});

describe('The saved chart picture', () => {
  it('carries a title above the chart and the legend under it, wrapping to the picture width', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.append(document.createElementNS('http://www.w3.org/2000/svg', 'path'));
    const legend: ChartLegend = {
      title: 'Trend · GBP · Mar 1, 2026 – Mar 30, 2026',
      text: '#565e6c',
      items: [
        { label: 'GMV', color: '#0072b2' },
        { label: 'Affiliate GMV', color: '#7a6500' },
        {
          label: 'Dashed lines: the previous period, Jan 30, 2026 – Feb 28, 2026',
          color: '#565e6c',
          dashed: true,
        },
      ],
    };
    // 7 px a character: the third item does not fit beside the first two in 400 px.
    const picture = chartPicture(svg, legend, { width: 400, height: 300 }, 'sans-serif', (t) => t.length * 7);
    const doc = new DOMParser().parseFromString(picture.markup, 'image/svg+xml');
    const root = doc.documentElement;
    expect(root.getAttribute('width')).toBe('400');
    expect(Number(root.getAttribute('height'))).toBe(picture.height);
    expect(picture.height).toBeGreaterThan(300 + 2 * 20);
    const texts = [...root.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual([legend.title, ...legend.items.map((i) => i.label)]);
    // A note (the rates of converted money) is one more line at the foot.
    const noted = chartPicture(
      svg,
      { ...legend, note: 'Converted to USD with 1 GBP = 1.27 USD (2026-01-02)' },
      { width: 400, height: 300 },
      'sans-serif',
      (t) => t.length * 7,
    );
    expect(noted.height).toBe(picture.height + 20);
    expect(noted.markup).toContain('>Converted to USD with 1 GBP = 1.27 USD (2026-01-02)</text>');
    // The chart itself sits under the title.
    const chartSvg = root.querySelector('svg');
    expect(Number(chartSvg?.getAttribute('y'))).toBeGreaterThan(14);
    expect(chartSvg?.querySelector('path')).toBeTruthy();
    const lines = [...root.querySelectorAll('.picture-legend line')];
    expect(lines.map((l) => [l.getAttribute('stroke'), l.getAttribute('stroke-dasharray')])).toEqual([
      ['#0072b2', null],
      ['#7a6500', null],
      ['#565e6c', '4 3'],
    ]);
    // Two rows: the long dashed item wrapped under the others, starting at the left edge.
    const ys = lines.map((l) => Number(l.getAttribute('y1')));
    expect(ys[0]).toBe(ys[1]);
    expect(ys[2]).toBeGreaterThan(ys[0]!);
    expect(lines[2]?.getAttribute('x1')).toBe(lines[0]?.getAttribute('x1'));
  });
});

const kpi = (values: Kpi['values'], key: Kpi['key'] = 'gmv'): Kpi => ({
  key,
  kind: 'money',
  source: 'orders',
  values,
  converted: null,
  unavailable: null,
  coverage: null,
});

function card(k: Kpi) {
  render(<KpiCard kpi={k} color="#0072b2" synced="Orders synced just now" onExplain={() => undefined} />);
  return screen.getByRole('region', { name: k.key === 'gmv' ? 'GMV' : 'Orders' });
}

describe('A KPI card', { timeout: 30_000 }, () => {
  it('with no comparison says so in one short muted line under its figure', () => {
    const region = card(kpi([{ currency: 'USD', value: 5_000, previous: null, spark: [1, 2, 3] }]));
    const line = within(region).getByText('No previous figure to compare');
    expect(line.className).toBe('kpi-change muted');
    expect(region.className).toBe('card kpi-card');
  });

  it('with no figure at all says so instead of a bare dash', () => {
    const region = card({ ...kpi([], 'orders'), kind: 'count' });
    expect(within(region).getByText('—')).toBeTruthy();
    expect(within(region).getByText('Nothing in this period').className).toBe('kpi-change muted');
  });

  it('with a figure per currency is two cards wide, its figures side by side, each with its own line', () => {
    const region = card(
      kpi([
        { currency: 'GBP', value: 228_990, previous: null, spark: [1, 2] },
        { currency: 'USD', value: 300_000, previous: 200_000, spark: [1, 2] },
      ]),
    );
    expect(region.className).toBe('card kpi-card kpi-card-wide');
    const figures = region.querySelectorAll('.kpi-values > .kpi-value-line');
    expect(figures).toHaveLength(2);
    expect(figures[0]?.textContent).toContain('No previous figure to compare');
    expect(figures[1]?.textContent).toContain('+50% vs previous period');
  });

  it('in Chinese keeps the no-comparison line short', async () => {
    await act(() => i18n.changeLanguage('zh-CN'));
    render(
      <KpiCard
        kpi={kpi([{ currency: 'USD', value: 5_000, previous: null, spark: [] }])}
        color="#0072b2"
        synced={null}
        onExplain={() => undefined}
      />,
    );
    expect(screen.getByText('上一周期无数据可比').className).toBe('kpi-change muted');
  });
});
