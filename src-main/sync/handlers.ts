import type { syncSlice } from '@shared/channels/sync';
import type { HandlersFor } from '../ipc/router';
import type { Database } from 'better-sqlite3';
import type { SyncService } from './service';
import { syncSummary } from './summary';

export function syncHandlers(sync: SyncService, db: Database): HandlersFor<typeof syncSlice> {
  return {
    'sync:run': (input) => sync.run(input),
    'sync:cancel': (input) => sync.cancel(input),
    'sync:status': () => sync.status(),
    'sync:history': (input) => sync.history(input),
    'sync:summary': () => syncSummary(db),
    'sync:quarantine': (input) => sync.quarantine(input),
  };
}
