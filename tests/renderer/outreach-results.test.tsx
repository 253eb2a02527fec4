import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Outreach } from '@shared/outreach';
import type { OutreachResults as Results } from '@shared/outreach-results';
import { OutreachResults } from '../../src-renderer/src/pages/outreach/OutreachResults';
import { FakeBridge, withApi } from './fake-bridge';

const outreach = {
  id: 7,
  name: 'Spring launch',
  action: 'both',
} as Outreach;

function results(over: Partial<Results> = {}): Results {
  return {
    outreachId: 7,
    invited: 40,
    accepted: 12,
    posted: 5,
    partlyShowcased: 3,
    messaged: 40,
    replied: 9,
    products: [
      {
        productId: 'p1',
        title: 'Moss lamp',
        accepted: 9,
        posted: 4,
        sellingCreators: 3,
        orders: 6,
        units: 7,
        gmv: [{ currency: 'USD', amountMinor: 17_500 }],
        commission: [{ currency: 'USD', amountMinor: 2_625 }],
      },
    ],
    syncedAt: 1_700_000_000_000,
    ...over,
  };
}

describe('Outreach results', () => {
  it('shows accepted, posted and sold per product, and says who TikTok does not place under a product', async () => {
    const bridge = new FakeBridge().handle('outreach:results', () => results());
    render(<OutreachResults outreach={outreach} />, { wrapper: withApi(bridge) });
    const table = await screen.findByRole('table', { name: 'Sales per product' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Product',
      'Accepted',
      'Posted',
      'Orders',
      'Units sold',
      'Sales',
      'Est. commission',
    ]);
    const row = within(table).getByRole('row', { name: /Moss lamp/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['9', '4', '6', '7', '$175.00', '$26.25']);
    expect(screen.getByText(/3 creators put only some of the products in their showcase/)).toBeTruthy();
  });

  it('leaves the note out when every accepted creator is placed under a product', async () => {
    const bridge = new FakeBridge().handle('outreach:results', () => results({ partlyShowcased: 0 }));
    render(<OutreachResults outreach={outreach} />, { wrapper: withApi(bridge) });
    await screen.findByRole('table', { name: 'Sales per product' });
    expect(screen.queryByText(/only some of the products/)).toBeNull();
  });
});
