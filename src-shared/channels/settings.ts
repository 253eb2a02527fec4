import { type ContractSlice, noInput } from '../channel';
import { settingsPatchSchema, settingsSchema } from '../settings';

export const settingsSlice = {
  title: 'Settings',
  channels: {
    'settings:get': {
      input: noInput,
      output: settingsSchema,
      summary: 'The current settings.',
      writes: false,
    },
    'settings:update': {
      input: settingsPatchSchema,
      output: settingsSchema,
      summary:
        'Change one or more settings; returns the full settings after the change. Unknown keys are rejected.',
      writes: true,
    },
  },
  events: {
    'settings:changed': {
      payload: settingsSchema,
      summary: 'Settings changed (from any window or the API).',
    },
  },
} as const satisfies ContractSlice;
