import { act, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Kpi } from '@shared/analytics';
import i18n from '../../src-renderer/src/i18n';
import { Breakdowns } from '../../src-renderer/src/pages/dashboard/Breakdowns';
import { KpiCard } from '../../src-renderer/src/pages/dashboard/KpiCard';
import { breakdown, overview } from './analytics-fixture';

afterEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

const rate = { currency: 'GBP', rate: '1.27', asOf: '2026-12-05' };
const [base] = overview.kpis;
const kpi: Kpi = {
  ...base!,
  converted: { currency: 'USD', value: 50_000, previous: 40_000, spark: [1, 2], rates: [rate], missing: [] },
};
/** The as-of day as the rates table writes it, in the language shown. */
const asOf = (locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date('2026-12-05T12:00:00Z'),
  );

function renderConverted() {
  render(<KpiCard kpi={kpi} color="#0072b2" synced={null} onExplain={() => {}} />);
  const data = {
    ...breakdown('creators', [
      {
        id: '7',
        label: '@maple_uk',
        detail: null,
        currency: 'USD',
        convertedFrom: 'GBP',
        metrics: { affiliateGmv: 2_403, orders: 1, commissionEstimated: 0, commissionActual: 0 },
        spark: [2_403],
      },
    ]),
    rates: [rate],
  };
  render(
    <Breakdowns
      kind="creators"
      onKind={() => {}}
      data={data}
      loading={false}
      error={null}
      onRetry={() => {}}
      focus={null}
      onFocus={() => {}}
      onExport={() => {}}
    />,
  );
}

describe('converted figures', () => {
  it('give the rate’s as-of day in the reader’s language, and label each converted row', async () => {
    renderConverted();
    expect(screen.getByText(`Converted to USD with 1 GBP = 1.27 USD (${asOf('en')})`)).toBeTruthy();
    // The breakdown's note is seen without scrolling its table: a named note outside the table's scroller,
    // read before the rows.
    const note = screen.getByRole('note', { name: 'Currency conversion' });
    expect(note.textContent).toBe(
      `Ranked by the amount converted to USD with 1 GBP = 1.27 USD (${asOf('en')})`,
    );
    expect(note.closest('.table-scroll')).toBeNull();
    const table = screen.getByRole('table');
    expect(note.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const row = screen.getByRole('row', { name: /@maple_uk/ });
    expect(within(row).getByText('Converted from GBP')).toBeTruthy();

    await act(() => i18n.changeLanguage('zh-CN'));
    expect(asOf('zh-CN')).not.toBe('2026-12-05');
    expect(screen.getByText(`已按 1 GBP = 1.27 USD (${asOf('zh-CN')}) 换算为 USD`)).toBeTruthy();
    expect(screen.getByRole('note', { name: '货币换算' }).textContent).toBe(
      `按 1 GBP = 1.27 USD (${asOf('zh-CN')}) 换算为 USD 后的金额排序`,
    );
    expect(within(row).getByText('由 GBP 换算')).toBeTruthy();
  });

  it('put rows of each currency under their own heading when none was converted', () => {
    const row = (id: string, currency: string) => ({
      id,
      label: `@${id}`,
      detail: null,
      currency,
      metrics: { affiliateGmv: 100, orders: 1, commissionEstimated: 0, commissionActual: 0 },
      spark: [100],
    });
    render(
      <Breakdowns
        kind="creators"
        onKind={() => {}}
        data={breakdown('creators', [row('a', 'GBP'), row('b', 'USD'), row('c', 'USD')])}
        loading={false}
        error={null}
        onRetry={() => {}}
        focus={null}
        onFocus={() => {}}
        onExport={() => {}}
      />,
    );
    const groups = screen.getAllByRole('rowgroup').slice(1);
    expect(groups.map((g) => within(g).getAllByRole('row').length)).toEqual([2, 3]);
    expect(within(groups[0]!).getByRole('rowheader', { name: 'In GBP' })).toBeTruthy();
    expect(within(groups[1]!).getByRole('rowheader', { name: 'In USD' })).toBeTruthy();
  });
});
