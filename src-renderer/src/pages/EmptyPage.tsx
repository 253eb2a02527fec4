import type { ReactElement } from 'react';
import { ComingSoon, type SummaryCount } from '../features/coming-soon/ComingSoon';

type Placeholder = 'creators';

/** What each page not built yet draws on, so it can say how much of that is already synced. */
const drawsOn: Record<Placeholder, SummaryCount[]> = {
  creators: ['creators', 'collaborations'],
};

/** Pages whose features are being built: what is coming and what is already synced for them. */
export function EmptyPage({ page }: { page: Placeholder }): ReactElement {
  return <ComingSoon feature={page} icon={page} counts={drawsOn[page]} />;
}
