import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { DashboardView } from '@shared/analytics';
import i18n from '../../src-renderer/src/i18n';
import { ToastProvider } from '../../src-renderer/src/components/Toasts';
import { DashboardPage } from '../../src-renderer/src/pages/dashboard/DashboardPage';
import { breakdown, handleAnalyticsBasics, overview, timeseries, view } from './analytics-fixture';
import { FakeBridge, withApi } from './fake-bridge';

/**
 * The dashboard's filters are saved in main on every change; leaving the page (to enter a rate in Settings)
 * and coming back shows the filters last chosen, not the ones the window first loaded.
 */
function Navigation(): ReactElement {
  const [page, setPage] = useState<'dashboard' | 'settings'>('dashboard');
  return (
    <ToastProvider>
      <button type="button" onClick={() => setPage(page === 'dashboard' ? 'settings' : 'dashboard')}>
        Switch page
      </button>
      {page === 'dashboard' ? <DashboardPage /> : <p>Settings</p>}
    </ToastProvider>
  );
}

/** A bridge whose main keeps what was saved, as the real store does. */
function savingBridge(): { bridge: FakeBridge; stored: () => DashboardView } {
  let stored: DashboardView = view;
  const bridge = handleAnalyticsBasics(new FakeBridge())
    .handle('analytics:view', () => stored)
    // The input type leaves defaults optional; the page always sends a whole view.
    .handle('analytics:saveView', (next) => (stored = next as DashboardView))
    .handle('analytics:overview', () => overview)
    .handle('analytics:timeseries', () => timeseries)
    .handle('analytics:breakdown', (input) => breakdown(input.kind, []));
  return { bridge, stored: () => stored };
}

describe('Dashboard filters across a visit to another page', { timeout: 30_000 }, () => {
  it('are the ones last chosen when the page is opened again', async () => {
    const user = userEvent.setup();
    const { bridge, stored } = savingBridge();
    render(<Navigation />, { wrapper: withApi(bridge) });

    const period = (await screen.findByLabelText('Period')) as HTMLSelectElement;
    expect(period.value).toBe('last30');
    await user.selectOptions(period, 'last90');
    await waitFor(() => expect(stored().filter.range).toEqual({ preset: 'last90' }));

    await user.click(screen.getByRole('button', { name: 'Switch page' }));
    await screen.findByText('Settings');
    await user.click(screen.getByRole('button', { name: 'Switch page' }));
    const again = (await screen.findByLabelText('Period')) as HTMLSelectElement;
    expect(again.value).toBe('last90');
    // …and what the page asks main for is that period too.
    await waitFor(() =>
      expect(bridge.callsOf('analytics:overview').at(-1)).toMatchObject({
        filter: { range: { preset: 'last90' } },
      }),
    );
  });
});

describe('The Last year period', { timeout: 30_000 }, () => {
  it('is offered next to Last 365 days in both languages, and saved when chosen', async () => {
    const user = userEvent.setup();
    const { bridge, stored } = savingBridge();
    render(<Navigation />, { wrapper: withApi(bridge) });
    const period = (await screen.findByLabelText('Period')) as HTMLSelectElement;
    const labels = () =>
      within(period)
        .getAllByRole('option')
        .map((o) => o.textContent);
    expect(labels().slice(-3)).toEqual(['Last 365 days', 'Last year', 'Custom range']);

    await user.selectOptions(period, 'Last year');
    await waitFor(() => expect(stored().filter.range).toEqual({ preset: 'lastYear' }));
    await waitFor(() =>
      expect(bridge.callsOf('analytics:overview').at(-1)).toMatchObject({
        filter: { range: { preset: 'lastYear' } },
      }),
    );
    try {
      await act(() => i18n.changeLanguage('zh-CN'));
      expect(labels().slice(-3)).toEqual(['最近 365 天', '去年', '自定义范围']);
      expect(period.value).toBe('lastYear');
    } finally {
      await act(() => i18n.changeLanguage('en'));
    }
  });
});
