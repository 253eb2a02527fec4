import type { SyncRun } from '@shared/sync';
import { beforePaging, useChannelList, type KeysetList } from '../../api';

const pageSize = 20;

/** Past SyncRuns, newest first, paged with `nextBefore`; one Account's or every Account's. */
export function useSyncHistory(accountId?: string, disabled = false): KeysetList<SyncRun> {
  return useChannelList(
    'sync:history',
    { limit: pageSize, ...(accountId ? { accountId } : {}) },
    {
      ...beforePaging,
      items: (page) => page.runs,
      getId: (run) => run.id,
      // A run that starts or ends shows up here without a manual reload.
      invalidateOn: ['sync:statusChanged'],
      enabled: !disabled,
    },
  );
}
