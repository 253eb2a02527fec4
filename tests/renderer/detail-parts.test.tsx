import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DetailSection } from '../../src-renderer/src/components/DetailSection';
import { Facts } from '../../src-renderer/src/components/Facts';
import { StaticTable, staticColumns } from '../../src-renderer/src/components/StaticTable';

describe('detail parts', () => {
  it('a section is a region named by its heading, its facts a description list', () => {
    render(
      <DetailSection title="Shipping">
        <Facts
          facts={[
            ['Carrier', 'USPS'],
            ['Tracking number', null],
          ]}
        />
      </DetailSection>,
    );
    const region = screen.getByRole('region', { name: 'Shipping' });
    const terms = within(region)
      .getAllByRole('term')
      .map((dt) => dt.textContent);
    const values = within(region)
      .getAllByRole('definition')
      .map((dd) => dd.textContent);
    expect(terms).toEqual(['Carrier', 'Tracking number']);
    // An absent value reads as a dash, never as an empty cell.
    expect(values).toEqual(['USPS', '—']);
  });

  it('a ledger rules its total off below the rows', () => {
    const { container } = render(
      <Facts layout="ledger" facts={[['Subtotal', '$10.00']]} total={['Total', '$12.00']} />,
    );
    expect(container.querySelector('dl')?.className).toBe('payment-breakdown');
    expect(container.querySelector('.payment-total dt')?.textContent).toBe('Total');
    expect(container.querySelector('.payment-total dd')?.textContent).toBe('$12.00');
  });

  it('a static table names its columns and sets figures apart from text', () => {
    const helper = staticColumns<{ sku: string; units: number }>();
    const columns = helper.columns([
      helper.accessor('sku', { header: 'SKU' }),
      helper.accessor('units', { header: 'Units', meta: { numeric: true } }),
    ]);
    render(
      <StaticTable
        label="Lines"
        columns={columns}
        data={[
          { sku: 'CANDLE-L', units: 2 },
          { sku: 'CANDLE-S', units: 10 },
        ]}
        getRowId={(row) => row.sku}
      />,
    );
    const table = screen.getByRole('table', { name: 'Lines' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((th) => th.textContent)).toEqual(['SKU', 'Units']);
    expect(headers.map((th) => th.className)).toEqual(['col-sku', 'col-units col-num']);
    const second = within(table).getAllByRole('row')[2]!;
    expect(
      within(second)
        .getAllByRole('cell')
        .map((td) => [td.textContent, td.className]),
    ).toEqual([
      ['CANDLE-S', 'col-sku'],
      ['10', 'col-units col-num'],
    ]);
  });
});
