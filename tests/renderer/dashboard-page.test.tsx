import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AnalyticsFilter, Overview } from '@shared/analytics';
import { ToastProvider } from '../../src-renderer/src/components/Toasts';
import { DashboardPage } from '../../src-renderer/src/pages/dashboard/DashboardPage';
import {
  breakdown,
  creatorRow,
  handleAnalyticsBasics,
  overview,
  timeseries,
  view,
} from './analytics-fixture';
import { FakeBridge, withApi } from './fake-bridge';

/**
 * Creator figures add up a Creator's records when main reads them, so a merge or split in the CRM changes
 * the Dashboard's top creators and a creator focus with no sync of orders: the Dashboard asks again on
 * `creators:changed`, and only the answers that hold creator figures.
 */
function setUp(answer: Overview = overview) {
  // Before the merge @maple and @maple.shop are two Creators; after it, one with both sums.
  let merged = false;
  const bridge = handleAnalyticsBasics(new FakeBridge())
    .handle('analytics:overview', () => answer)
    .handle('analytics:timeseries', () => timeseries)
    .handle('analytics:breakdown', (input) =>
      input.kind !== 'creators'
        ? breakdown(input.kind, [])
        : breakdown(
            'creators',
            merged
              ? [creatorRow('1', '@maple', 3_000)]
              : [creatorRow('2', '@maple.shop', 1_800), creatorRow('1', '@maple', 1_200)],
          ),
    );
  render(
    <ToastProvider>
      <DashboardPage />
    </ToastProvider>,
    { wrapper: withApi(bridge) },
  );
  return {
    bridge,
    merge: () => {
      merged = true;
      act(() => bridge.emit('creators:changed', { ids: [1, 2], reason: 'merge' }));
    },
  };
}

const calls = (bridge: FakeBridge, channel: 'analytics:overview' | 'analytics:breakdown', kind?: string) =>
  bridge.callsOf(channel).filter((i) => kind === undefined || (i as { kind: string }).kind === kind).length;

describe('Dashboard after a merge or split of Creators', { timeout: 30_000 }, () => {
  it('asks for the top creators again, and leaves answers without creator figures alone', async () => {
    const user = userEvent.setup();
    const { bridge, merge } = setUp();
    await screen.findByRole('tab', { name: 'Top creators' });
    await user.click(screen.getByRole('tab', { name: 'Top creators' }));
    await screen.findByRole('button', { name: 'Show only @maple.shop' });
    const overviews = calls(bridge, 'analytics:overview');
    merge();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Show only @maple.shop' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Show only @maple' })).toBeTruthy();
    // The overview (no creator focus) holds no per-Creator figure: not asked again.
    expect(calls(bridge, 'analytics:overview')).toBe(overviews);

    // On the products tab a creators change asks nothing.
    await user.click(screen.getByRole('tab', { name: 'Top products' }));
    await screen.findByText('Nothing in this period.');
    const products = calls(bridge, 'analytics:breakdown', 'products');
    act(() => bridge.emit('creators:changed', { ids: [3], reason: 'edit' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls(bridge, 'analytics:breakdown', 'products')).toBe(products);
    // …while the same event on the creators tab does ask.
    const creators = calls(bridge, 'analytics:breakdown', 'creators');
    await user.click(screen.getByRole('tab', { name: 'Top creators' }));
    await screen.findByRole('button', { name: 'Show only @maple' });
    const settled = calls(bridge, 'analytics:breakdown', 'creators');
    expect(settled).toBeGreaterThanOrEqual(creators);
    act(() => bridge.emit('creators:changed', { ids: [3], reason: 'edit' }));
    await waitFor(() => expect(calls(bridge, 'analytics:breakdown', 'creators')).toBe(settled + 1));
  });

  it('asks for the overview again when it is narrowed to a Creator', async () => {
    const user = userEvent.setup();
    const { bridge, merge } = setUp();
    await user.click(await screen.findByRole('tab', { name: 'Top creators' }));
    await user.click(await screen.findByRole('button', { name: 'Show only @maple' }));
    const focused = (i: unknown) => (i as { filter: AnalyticsFilter }).filter.focus?.kind === 'creator';
    await waitFor(() => expect(bridge.callsOf('analytics:overview').filter(focused)).toHaveLength(1));
    await waitFor(() => expect(bridge.callsOf('analytics:timeseries').filter(focused)).toHaveLength(1));
    merge();
    await waitFor(() => expect(bridge.callsOf('analytics:overview').filter(focused)).toHaveLength(2));
    await waitFor(() => expect(bridge.callsOf('analytics:timeseries').filter(focused)).toHaveLength(2));
    expect(view.filter.focus).toBeNull(); // the fixture itself is untouched
  });
});

describe('Dashboard KPI cards', { timeout: 30_000 }, () => {
  it('each say when their own source last synced', async () => {
    const at = Date.now() - 5 * 60_000;
    setUp({
      ...overview,
      freshness: { ...overview.freshness, sources: [{ source: 'affiliate', lastSyncedAt: at }] },
    });
    const card = await screen.findByRole('region', { name: 'Affiliate GMV' });
    expect(within(card).getByText(/^Affiliate orders synced 5 min/)).toBeTruthy();
  });

  it('say nothing of a source the selection does not have', async () => {
    setUp();
    const card = await screen.findByRole('region', { name: 'Affiliate GMV' });
    expect(within(card).queryByText(/synced/)).toBeNull();
  });
});

describe('Dashboard KPI change', { timeout: 30_000 }, () => {
  it('is coloured only when the figure moved: no change reads as neither good nor bad', async () => {
    const [gmv] = overview.kpis;
    setUp({
      ...overview,
      kpis: [
        { ...gmv!, values: [{ currency: 'USD', value: 5_000, previous: 5_000, spark: [1, 2] }] },
        {
          ...gmv!,
          key: 'adSpend',
          source: 'ads',
          values: [{ currency: 'USD', value: 6_000, previous: 5_000, spark: [1, 2] }],
        },
      ],
    });
    const flat = await screen.findByRole('region', { name: 'Affiliate GMV' });
    expect(within(flat).getByText('0% vs previous period').className).toBe('kpi-change muted');
    // Spending more on ads is the bad direction.
    const spend = await screen.findByRole('region', { name: 'Ad spend' });
    expect(within(spend).getByText('+20% vs previous period').className).toBe('kpi-change kpi-change-bad');
  });
});
