import { noInput, type ContractSlice } from '../channel';
import { retentionReportSchema, retentionStatusSchema } from '../privacy';

export const privacySlice = {
  title: 'Privacy',
  channels: {
    'privacy:retention': {
      input: noInput,
      output: retentionStatusSchema,
      summary:
        'The retention rules’ state: the last run’s counts, the Accounts whose data is scheduled for deletion, and the finance records kept. The rules themselves are settings (`settings:update`).',
      writes: false,
    },
    'privacy:runRetention': {
      input: noInput,
      output: retentionReportSchema,
      summary: 'Applies every retention rule now and returns what it deleted, as counts.',
      writes: true,
    },
  },
  events: {},
} as const satisfies ContractSlice;
