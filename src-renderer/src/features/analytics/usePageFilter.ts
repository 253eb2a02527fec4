import { useState } from 'react';
import type { AnalyticsFilter } from '@shared/analytics';
import { useChannelQuery } from '../../api';

/**
 * The filter of the Ads, Finance and Affiliate pages: starts from the dashboard's saved period, shops and
 * advertisers, and stays on the page (the dashboard keeps its own).
 */
export function usePageFilter(): {
  filter: AnalyticsFilter | null;
  setFilter: (f: AnalyticsFilter) => void;
} {
  const view = useChannelQuery('analytics:view');
  const [own, setFilter] = useState<AnalyticsFilter | null>(null);
  const saved = view.data?.filter;
  const base: AnalyticsFilter | null = saved
    ? { range: saved.range, shopIds: saved.shopIds, advertiserIds: saved.advertiserIds }
    : view.error
      ? { range: { preset: 'last30' } }
      : null;
  return { filter: own ?? base, setFilter };
}
