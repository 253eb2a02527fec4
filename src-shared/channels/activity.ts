import { activityEntrySchema, activityListInputSchema, activityPageSchema } from '../activity';
import type { ContractSlice } from '../channel';

export const activitySlice = {
  title: 'Activity log',
  channels: {
    'activity:list': {
      input: activityListInputSchema,
      output: activityPageSchema,
      summary: 'The activity log, newest first, paginated with `before` (the id of the last entry seen).',
      writes: false,
    },
  },
  events: {
    'activity:added': { payload: activityEntrySchema, summary: 'A new activity-log entry was written.' },
  },
} as const satisfies ContractSlice;
