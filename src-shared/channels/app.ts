import { z } from 'zod';
import { type ContractSlice, noInput } from '../channel';
import { profileNames } from '../profile';

export const transports = ['electron', 'web'] as const;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  profile: z.enum(profileNames),
  transport: z.enum(transports),
  dataDir: z.string(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appSlice = {
  title: 'App',
  channels: {
    'app:info': {
      input: noInput,
      output: appInfoSchema,
      summary: 'Version, active endpoint profile, transport and data folder of the running app.',
      writes: false,
    },
  },
  events: {
    'app:openExternal': {
      payload: z.object({ url: z.string() }),
      summary:
        'Web bridge only: main asks the page to open this URL in a new tab (the desktop app opens the system browser itself).',
    },
  },
} as const satisfies ContractSlice;
