import type { ReactElement } from 'react';
import { ComingSoon, type SummaryCount } from '../features/coming-soon/ComingSoon';

// Creators and Outreach have pages of their own now; the placeholder stays for pages still to come.
type Placeholder = 'creators' | 'outreach';

/** What each page not built yet draws on, so it can say how much of that is already synced. */
const drawsOn: Record<Placeholder, SummaryCount[]> = {
  creators: ['creators', 'collaborations'],
  outreach: ['creators', 'conversations'],
};

/** Pages whose features are being built: what is coming and what is already synced for them. */
export function EmptyPage({ page }: { page: Placeholder }): ReactElement {
  return <ComingSoon feature={page} icon={page} counts={drawsOn[page]} />;
}
