import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OrderView } from '@shared/orders';
import { OrderProducts } from '../../src-renderer/src/pages/orders/OrderProducts';
import { markMatches, searchWords } from '../../src-renderer/src/pages/orders/searchMarks';
import i18n from '../../src-renderer/src/i18n';
import { order } from './orders-fixture';

const line = (
  lineId: string,
  skuId: string,
  productName: string,
  extra: Partial<OrderView['lines'][number]> = {},
) => ({
  lineId,
  productId: `p-${skuId}`,
  productName,
  skuId,
  skuName: null,
  sellerSku: null,
  salePrice: { amountMinor: 1299, currency: 'USD' },
  cancelled: false,
  ...extra,
});

const marks = (container: HTMLElement) => [...container.querySelectorAll('mark')].map((m) => m.textContent);

describe('what an order search matched', () => {
  it('marks the start of each word a searched word begins, case- and accent-insensitive', () => {
    const parts = markMatches('Café Candles — candle holder', searchWords('CAFE cand'));
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['Café', 'Cand', 'cand']);
    expect(parts.map((p) => p.text).join('')).toBe('Café Candles — candle holder');
    expect(markMatches('Soy candle', [])).toEqual([{ text: 'Soy candle', marked: false }]);
    // Inside a word is not a match, as in main's search.
    expect(markMatches('Scandle', ['cand']).some((p) => p.marked)).toBe(false);
    expect(markMatches('夏季 新品', searchWords('新品')).filter((p) => p.marked)).toEqual([
      { text: '新品', marked: true },
    ]);
  });

  it('shows the first item and how many other SKUs the order has (one line per unit counts once)', async () => {
    await i18n.changeLanguage('en');
    const o = {
      ...order(1),
      lines: [
        line('l1', 's1', 'Lavender candle'),
        line('l2', 's1', 'Lavender candle'),
        line('l3', 's2', 'Wick trimmer'),
        line('l4', 's3', 'Matches'),
      ],
    };
    const { container } = render(<OrderProducts order={o} search="" />);
    expect(container.textContent).toBe('Lavender candle+2 more');
    expect(container.querySelector('[title]')?.getAttribute('title')).toBe(
      'Lavender candle\nWick trimmer\nMatches',
    );
    expect(marks(container)).toEqual([]);
  });

  it('during a search shows the matched line first, its words marked, and the seller SKU when it matched', async () => {
    await i18n.changeLanguage('zh-CN');
    const o = {
      ...order(2),
      lines: [
        line('l1', 's1', 'Lavender candle'),
        line('l2', 's2', 'Wick trimmer', { skuName: 'Brass', sellerSku: 'WICK-BR-01' }),
      ],
      match: { orderId: false, lineIds: ['l2'] },
    };
    const { container } = render(<OrderProducts order={o} search="wick-br" />);
    expect(container.textContent).toBe('Wick trimmer · Brass · WICK-BR-01+1 种');
    expect(marks(container)).toEqual(['Wick', 'Br', 'WICK', 'BR']);
    await i18n.changeLanguage('en');
  });

  it('an order with no lines says so with a dash, and markup in a name stays text', () => {
    const { container } = render(<OrderProducts order={order(3)} search="" />);
    expect(container.textContent).toBe('—');
    const o = {
      ...order(4),
      lines: [line('l1', 's1', '<img src=x onerror=alert(1)> candle')],
      match: { orderId: false, lineIds: ['l1'] },
    };
    const view = render(<OrderProducts order={o} search="candle" />);
    expect(view.container.querySelector('img')).toBeNull();
    expect(marks(view.container)).toEqual(['candle']);
  });
});
