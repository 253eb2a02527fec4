import type { ReactElement } from 'react';
import type { Page } from '../navigation/routes';
import { ComingSoon, type SummaryCount } from '../features/coming-soon/ComingSoon';

type Placeholder = 'dashboard' | 'creators' | 'outreach';

/** What each page not built yet draws on, so it can say how much of that is already synced. */
const drawsOn: Record<Placeholder, SummaryCount[]> = {
  dashboard: ['orders', 'products', 'adCampaigns'],
  creators: ['creators', 'collaborations'],
  outreach: ['creators', 'conversations'],
};

/** Pages whose features are being built: what is coming and what is already synced for them. */
export function EmptyPage({
  page,
}: {
  page: Exclude<Page, 'settings' | 'activity' | 'accounts' | 'orders' | 'products'>;
}): ReactElement {
  return <ComingSoon feature={page} icon={page} counts={drawsOn[page]} />;
}
