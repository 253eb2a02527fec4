import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ImportCostsInput, ImportCostsResult } from '@shared/catalogue';
import { ToastProvider } from '../../src-renderer/src/components/Toasts';
import { CostsCsvDialog } from '../../src-renderer/src/pages/products/CostsCsvDialog';
import { FakeBridge, withApi } from './fake-bridge';

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

/** products:importCosts as main answers it: a line with a bad amount is refused, the others change. */
function importCosts(input: ImportCostsInput): ImportCostsResult {
  const bad = input.csv.includes('4,20');
  return {
    mode: input.mode ?? 'preview',
    lines: 2,
    changes: [
      {
        line: 2,
        skuId: 'sku-1',
        sellerSku: 'CANDLE-L',
        shopId: 'shop-1',
        productTitle: 'Lavender candle',
        before: { cost: null, shippingCost: null },
        after: { cost: usd(420), shippingCost: usd(150) },
      },
    ],
    unchanged: 0,
    issues: bad
      ? [
          {
            line: 3,
            column: 'cost',
            reason: 'notNumber',
            params: { value: '4,20' },
            message: 'not a number',
          },
        ]
      : [],
    applied: input.mode === 'apply' && !bad,
  };
}

function open(bridge: FakeBridge, onClose: () => void) {
  const Api = withApi(bridge);
  render(
    <Api>
      <ToastProvider>
        <CostsCsvDialog onClose={onClose} />
      </ToastProvider>
    </Api>,
  );
}

function choose(text: string) {
  const input = screen.getByLabelText('Choose a CSV file…') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], 'costs.csv', { type: 'text/csv' })] } });
}

describe('costs from a CSV file', () => {
  it('previews a file with a refused line, names the line and column, and cannot apply it', async () => {
    const bridge = new FakeBridge().handle('products:importCosts', importCosts);
    open(bridge, vi.fn());
    choose('sku_id,cost\nsku-1,4.20\nsku-2,"4,20"\n');
    await screen.findByText('Line 3: cost is not an amount: 4,20');
    expect(screen.getByRole('status').textContent).toBe(
      'Lines read: 2 · To change: 1 · Unchanged: 0 · Refused: 1',
    );
    expect(screen.getByRole('button', { name: 'Apply 1 change' })).toHaveProperty('disabled', true);
    expect(bridge.callsOf('products:importCosts').map((c) => (c as ImportCostsInput).mode)).toEqual([
      'preview',
    ]);
  });

  it('applies a clean file after its preview shows old → new', async () => {
    const bridge = new FakeBridge().handle('products:importCosts', importCosts);
    const onClose = vi.fn();
    open(bridge, onClose);
    choose('sku_id,cost,shipping_cost\nsku-1,4.20,1.50\n');
    await screen.findByText('— → $4.20');
    fireEvent.click(screen.getByRole('button', { name: 'Apply 1 change' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(bridge.callsOf('products:importCosts').map((c) => (c as ImportCostsInput).mode)).toEqual([
      'preview',
      'apply',
    ]);
  });
});
