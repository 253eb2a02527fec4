import { useTranslation } from 'react-i18next';
import type { AnalyticsFilter } from '@shared/analytics';
import type { CreatorRow } from '@shared/creators';
import { useChannelQuery } from '../../api';

/** The period's best creators the Creator picker opens with, before anything is typed. */
export const topCreatorsShown = 20;

const refreshOn = ['sync:statusChanged', 'accounts:changed', 'creators:changed'] as const;

export const creatorNameOf = (c: Pick<CreatorRow, 'id' | 'handle' | 'nickname'>): string =>
  c.handle ? `@${c.handle}` : (c.nickname ?? `#${c.id}`);

/**
 * The period's top creators and the chosen Creator's name: from that top when it holds the Creator, else
 * from the CRM (a restart, another period, a Creator found by search). The picker's box and the page's
 * totals heading both read it, so they never name the same choice differently. `null` when none is chosen.
 */
export function useChosenCreator(filter: AnalyticsFilter | null, chosen: number | null) {
  const { t } = useTranslation();
  const top = useChannelQuery(
    'analytics:breakdown',
    { filter: filter ?? { range: { preset: 'last30' } }, kind: 'creators', limit: topCreatorsShown },
    { invalidateOn: refreshOn, enabled: filter !== null },
  );
  const topRows = (top.data?.rows ?? []).filter((r) => r.id !== '0');
  const inTop = chosen === null ? undefined : topRows.find((r) => r.id === String(chosen));
  const detail = useChannelQuery(
    'creators:get',
    { id: chosen ?? 0 },
    { enabled: chosen !== null && inTop === undefined && top.data !== undefined },
  );
  const name =
    chosen === null
      ? null
      : (inTop?.label ?? (detail.data ? creatorNameOf(detail.data.creator) : `#${chosen}`));
  return { topRows, name, allLabel: t('analytics.affiliate.allCreators') };
}
