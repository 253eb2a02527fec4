import type { syncSlice } from '@shared/channels/sync';
import type { HandlersFor } from '../ipc/router';
import type { SyncService } from './service';

export function syncHandlers(sync: SyncService): HandlersFor<typeof syncSlice> {
  return {
    'sync:run': (input) => sync.run(input),
    'sync:cancel': (input) => sync.cancel(input),
    'sync:status': () => sync.status(),
    'sync:history': (input) => sync.history(input),
  };
}
