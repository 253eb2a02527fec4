import { noInput, type ContractSlice } from '../channel';
import {
  eraseInputSchema,
  eraseReportSchema,
  retentionReportSchema,
  retentionStatusSchema,
} from '../privacy';

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
    'privacy:eraseAll': {
      input: eraseInputSchema,
      output: eraseReportSchema,
      summary:
        'Delete all my data: ends the grants at TikTok where an API exists, then deletes the database rows, settings, keychain entries, logs, caches and backups. Needs `confirmation: "DELETE"`. The app is back at its first run.',
      writes: true,
    },
  },
  events: {},
} as const satisfies ContractSlice;
