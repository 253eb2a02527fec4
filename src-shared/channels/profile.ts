import { type ContractSlice, noInput } from '../channel';
import { profileStateSchema, profileUpdateInputSchema } from '../profile';

export const profileSlice = {
  title: 'TikTok connection (endpoint Profile)',
  channels: {
    'profile:get': {
      input: noInput,
      output: profileStateSchema,
      summary:
        'The TikTok connection: the running and the chosen endpoint Profile, the production credentials (secrets only as `has…` flags, never their values), what production still lacks, and whether a restart is needed.',
      writes: false,
    },
    'profile:update': {
      input: profileUpdateInputSchema,
      output: profileStateSchema,
      summary:
        'Choose sandbox or production for the next start and set production credentials. Secrets are write-only (stored in the vault; `""` clears a field); ports 1024–65535; unknown keys are rejected. Returns the same as `profile:get`.',
      writes: true,
    },
  },
  events: {},
} as const satisfies ContractSlice;
