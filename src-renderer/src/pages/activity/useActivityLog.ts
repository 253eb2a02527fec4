import type { ActivityEntry, ActivityKind } from '@shared/activity';
import { beforePaging, useChannelList, type KeysetList } from '../../api';

const pageSize = 50;

/** The newest-first log for one kind filter, extended page by page and kept live by `activity:added`. */
export function useActivityLog(kind: ActivityKind | undefined): KeysetList<ActivityEntry> {
  return useChannelList(
    'activity:list',
    { limit: pageSize, ...(kind ? { kind } : {}) },
    {
      ...beforePaging,
      items: (page) => page.items,
      total: (page) => page.total,
      getId: (entry) => String(entry.id),
      invalidateOn: ['activity:added'],
    },
  );
}
