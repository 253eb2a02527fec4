import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DetailSection } from '../../src-renderer/src/components/DetailSection';
import { Facts } from '../../src-renderer/src/components/Facts';

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
});
