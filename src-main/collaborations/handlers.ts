import type { collaborationsSlice } from '@shared/channels/collaborations';
import type { Database } from '../db/connection';
import type { HandlersFor } from '../ipc/router';
import { listCollaborations } from './queries';

export function collaborationsHandlers(db: Database): HandlersFor<typeof collaborationsSlice> {
  return { 'collaborations:list': (input) => listCollaborations(db, input) };
}
