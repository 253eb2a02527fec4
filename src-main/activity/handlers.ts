import type { activitySlice } from '@shared/channels/activity';
import type { HandlersFor } from '../ipc/router';
import type { ActivityLog } from './activity-log';

export function activityHandlers(activity: ActivityLog): HandlersFor<typeof activitySlice> {
  return { 'activity:list': (input) => activity.list(input) };
}
