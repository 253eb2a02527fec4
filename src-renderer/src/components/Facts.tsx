import type { ReactElement, ReactNode } from 'react';

/** One labelled value of a `Facts` list; an absent value (null or undefined) shows as "—". */
export type Fact = readonly [label: string, value: ReactNode];

/**
 * Labelled values as a real description list (`<dl>`): `grid` sets small uppercase labels over their values
 * in as many columns as fit (a dialog's facts, a creator's figures); `ledger` sets each label left of its
 * value with the figures aligned, and `total` ruled off below (a payment breakdown).
 */
export function Facts(props: {
  facts: readonly Fact[];
  layout?: 'grid' | 'ledger';
  total?: Fact;
  className?: string;
}): ReactElement {
  const { facts, layout = 'grid', total } = props;
  const base = layout === 'grid' ? 'detail-facts' : 'payment-breakdown';
  return (
    <dl className={props.className ? `${base} ${props.className}` : base}>
      {facts.map((fact) => (
        <FactRow key={fact[0]} fact={fact} />
      ))}
      {total && <FactRow fact={total} className="payment-total" />}
    </dl>
  );
}

function FactRow({ fact: [label, value], className }: { fact: Fact; className?: string }): ReactElement {
  return (
    <div className={className}>
      <dt>{label}</dt>
      <dd>{value ?? '—'}</dd>
    </div>
  );
}
