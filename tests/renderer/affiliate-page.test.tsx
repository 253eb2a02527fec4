import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AffiliateChoice, AnalyticsScope, CollaborationOption } from '@shared/analytics';
import i18n from '../../src-renderer/src/i18n';
import { ToastProvider } from '../../src-renderer/src/components/Toasts';
import { AffiliatePage } from '../../src-renderer/src/pages/affiliate/AffiliatePage';
import {
  affiliateOrder,
  breakdown,
  collaborations,
  creatorRow,
  handleAnalyticsBasics,
  period,
} from './analytics-fixture';
import { creatorDetail, creatorSearchRow } from './creators-fixture';
import { FakeBridge, withApi } from './fake-bridge';

afterEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

const orders = [
  affiliateOrder({
    orderId: 'A4',
    collaborationId: 'O-P2',
    collaborationKind: 'open',
    collaborationProduct: 'Birch soap',
  }),
  affiliateOrder({
    orderId: 'A3',
    collaborationId: 'T1',
    collaborationKind: 'target',
    collaborationName: 'Spring candles',
  }),
  // A target collaboration no sync has seen yet, and an open one whose product is not synced.
  affiliateOrder({ orderId: 'A2', collaborationId: '7300000000071007932', collaborationKind: 'target' }),
  affiliateOrder({ orderId: 'A1', collaborationId: '7300000000012345678', collaborationKind: 'open' }),
];

const sunny = creatorSearchRow(5_000, 'sunny.home', { nickname: 'Sunny Home', region: 'GB' });
const sunday = creatorSearchRow(4_321, 'sunday.studio', { nickname: null });

const shopScope = (id: string, name: string): AnalyticsScope => ({
  id,
  type: 'shop',
  name,
  region: 'US',
  currency: 'USD',
  zone: 'America/Los_Angeles',
});

function setUp(options: CollaborationOption[] = collaborations, scopes: AnalyticsScope[] = []) {
  let saved: AffiliateChoice = { creatorId: null, collaboration: null };
  const bridge = handleAnalyticsBasics(new FakeBridge())
    .handle('analytics:scopes', () => ({ scopes }))
    .handle('analytics:affiliateView', () => saved)
    .handle('analytics:saveAffiliateView', (choice) => {
      saved = { creatorId: choice.creatorId ?? null, collaboration: choice.collaboration ?? null };
      return saved;
    })
    .handle('analytics:breakdown', () => breakdown('creators', [creatorRow('1', '@maple', 1_200)]))
    // The CRM's search: far beyond the period's top creators (the 5,000th creator of a big shop).
    .handle('creators:search', (input) => ({
      items: [sunny, sunday].filter((c) =>
        [c.handle, c.nickname].some((n) => n?.startsWith(input.filter?.text ?? '\u0000')),
      ),
      nextCursor: null,
    }))
    .handle('creators:get', (input) => creatorDetail(input.id === sunny.id ? sunny : sunday))
    .handle('analytics:collaborations', () => ({ items: options }))
    .handle('analytics:affiliateOrders', (input) => ({
      period,
      items: input.collaboration
        ? orders.filter((o) => o.collaborationId === input.collaboration?.id)
        : orders,
      nextCursor: null,
      totals: [],
    }));
  render(
    <ToastProvider>
      <AffiliatePage />
    </ToastProvider>,
    { wrapper: withApi(bridge) },
  );
  return bridge;
}

const rowOf = (orderId: string): HTMLElement => {
  const row = screen.getByText(orderId).closest('tr');
  if (!row) throw new Error(`no row for ${orderId}`);
  return row;
};

describe('Affiliate page', { timeout: 30_000 }, () => {
  it('names each row’s collaboration: an open one by its product, in the reader’s language', async () => {
    setUp();
    await screen.findByText('A4');
    expect(within(rowOf('A4')).getByText('Open · Birch soap')).toBeTruthy();
    expect(within(rowOf('A3')).getByText('Spring candles')).toBeTruthy();
    expect(within(rowOf('A2')).getByText('Collaboration …71007932')).toBeTruthy();
    expect(within(rowOf('A1')).getByText('Open · …12345678')).toBeTruthy();
    // Never the bare "Collaboration <id>" for an open collaboration.
    expect(screen.queryByText(/Collaboration O-P2/)).toBeNull();
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(within(rowOf('A4')).getByText('公开 · Birch soap')).toBeTruthy();
    expect(within(rowOf('A2')).getByText('合作 …71007932')).toBeTruthy();
  });

  it('picks a collaboration from a searchable combobox with the keyboard, and saves the choice', async () => {
    const user = userEvent.setup();
    const bridge = setUp();
    const box = await screen.findByRole('combobox', { name: 'Collaboration' });
    await waitFor(() => expect(box).toHaveProperty('disabled', false));
    expect(box).toHaveProperty('value', 'All collaborations');
    await user.click(box);
    const list = screen.getByRole('listbox', { name: 'Collaboration' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'All collaborations',
      'Spring candlesTarget · T1',
      'Quiet one (ended)Target · T9',
      'Open · Birch soap',
      'Open · Maple candle',
    ]);
    // Typing replaces the shown choice and narrows the list; Down and Enter pick.
    await user.keyboard('candle');
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.firstChild?.textContent),
    ).toEqual(['Spring candles', 'Open · Maple candle']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(box).toHaveProperty('value', 'Open · Maple candle');
    expect(list.closest('[hidden]')).not.toBeNull();
    await waitFor(() =>
      expect(bridge.callsOf('analytics:saveAffiliateView').at(-1)).toEqual({
        creatorId: null,
        collaboration: { kind: 'open', id: 'O-P1' },
      }),
    );
    await screen.findByRole('heading', { name: 'Totals for Open · Maple candle' });
    expect(
      bridge
        .callsOf('analytics:affiliateOrders')
        .some((i) => JSON.stringify(i).includes('"collaboration":{"kind":"open","id":"O-P1"}')),
    ).toBe(true);

    // Escape closes the list; leaving the box puts the current choice back; "All collaborations" clears it.
    await user.click(box);
    await user.keyboard('zzz');
    expect(screen.getByRole('status').textContent).toBe('No collaboration matches what you typed.');
    await user.keyboard('{Escape}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    await user.tab();
    expect(box).toHaveProperty('value', 'Open · Maple candle');
    await user.click(box);
    await user.keyboard('{Enter}');
    expect(box).toHaveProperty('value', 'All collaborations');
    await waitFor(() =>
      expect(bridge.callsOf('analytics:saveAffiliateView').at(-1)).toEqual({
        creatorId: null,
        collaboration: null,
      }),
    );
  });

  it('draws at most 100 options of a big catalogue and says how to find the rest', async () => {
    const user = userEvent.setup();
    const many: CollaborationOption[] = Array.from({ length: 250 }, (_, i) => ({
      kind: 'open',
      id: `O-${i}`,
      name: null,
      productTitle: `Product ${String(i).padStart(3, '0')}`,
      shopId: i % 2 === 0 ? 'shop-1' : 'shop-2',
      status: null,
    }));
    setUp(many, [shopScope('shop-1', 'Maple US'), shopScope('shop-2', 'Maple UK')]);
    const box = await screen.findByRole('combobox', { name: 'Collaboration' });
    await waitFor(() => expect(box).toHaveProperty('disabled', false));
    await user.click(box);
    const list = screen.getByRole('listbox', { name: 'Collaboration' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(101));
    expect(screen.getByText('Showing 100 of 250: type to narrow the list.')).toBeTruthy();
    // An id is searchable too.
    await user.keyboard('O-249');
    // With two shops, each option says which one it belongs to.
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Open · Product 249Maple UK']);
  });

  it('finds any Creator by handle or nickname, not only the period’s top ones, and picks by keyboard', async () => {
    const user = userEvent.setup();
    const bridge = setUp();
    const box = await screen.findByRole('combobox', { name: 'Creator' });
    await waitFor(() => expect(box).toHaveProperty('disabled', false));
    expect(box).toHaveProperty('value', 'All creators');
    // Opened: the period's top creators with their affiliate GMV, and how to reach the others.
    await user.click(box);
    const list = screen.getByRole('listbox', { name: 'Creator' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['All creators', '@mapleAffiliate GMV $12.00']),
    );
    expect(screen.getByText(/Type a handle or nickname to find any other/)).toBeTruthy();
    // Typing searches the CRM (a leading @ is part of how merchants write handles, not of the search).
    await user.keyboard('@sun');
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['@sunny.homeSunny Home · GB', '@sunday.studioUS']),
    );
    expect(bridge.callsOf('creators:search').at(-1)).toMatchObject({
      filter: { text: 'sun' },
      sort: { column: 'affiliateOrders', direction: 'desc' },
    });
    await user.keyboard('{ArrowDown}{Enter}');
    expect(list.closest('[hidden]')).not.toBeNull();
    await waitFor(() =>
      expect(bridge.callsOf('analytics:saveAffiliateView').at(-1)).toEqual({
        creatorId: 4_321,
        collaboration: null,
      }),
    );
    await waitFor(() =>
      expect(
        bridge
          .callsOf('analytics:affiliateOrders')
          .some((i) => (i as { creatorId?: number }).creatorId === 4_321),
      ).toBe(true),
    );
    // Not among the top ones: the box names the Creator from the CRM, and so do the totals.
    await waitFor(() => expect(box).toHaveProperty('value', '@sunday.studio'));
    await screen.findByRole('heading', { name: 'Totals for @sunday.studio' });
    await act(() => i18n.changeLanguage('zh-CN'));
    await screen.findByRole('heading', { name: '@sunday.studio 合计' });
    await act(() => i18n.changeLanguage('en'));
    // Focus stayed in the box: a click opens the list again, on "All creators".
    expect(document.activeElement).toBe(box);
    await user.click(box);
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}');

    // Nothing matches: the list says so; leaving the box puts the choice back; "All creators" clears it.
    await user.click(box);
    await user.keyboard('zzz');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('No creator matches what you typed.'),
    );
    await user.tab();
    expect(box).toHaveProperty('value', '@sunday.studio');
    await user.click(box);
    await user.keyboard('{Enter}');
    expect(box).toHaveProperty('value', 'All creators');
    await waitFor(() =>
      expect(bridge.callsOf('analytics:saveAffiliateView').at(-1)).toEqual({
        creatorId: null,
        collaboration: null,
      }),
    );
  });
});

describe('Affiliate totals heading', { timeout: 30_000 }, () => {
  it('names the chosen Creator and collaboration together, in both languages', async () => {
    const user = userEvent.setup();
    setUp();
    const creator = await screen.findByRole('combobox', { name: 'Creator' });
    await waitFor(() => expect(creator).toHaveProperty('disabled', false));
    await screen.findByRole('heading', { name: 'Totals for the period' });
    await user.click(creator);
    const creators = screen.getByRole('listbox', { name: 'Creator' });
    await waitFor(() => expect(within(creators).getAllByRole('option')).toHaveLength(2));
    await user.click(within(creators).getByText('@maple'));
    await screen.findByRole('heading', { name: 'Totals for @maple' });
    const collaboration = screen.getByRole('combobox', { name: 'Collaboration' });
    await user.click(collaboration);
    await user.keyboard('Spring{ArrowDown}{Enter}');
    await screen.findByRole('heading', { name: 'Totals for @maple in Spring candles' });
    await act(() => i18n.changeLanguage('zh-CN'));
    await screen.findByRole('heading', { name: '@maple 在 Spring candles 中的合计' });
  });
});
