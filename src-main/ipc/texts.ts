import { defineTexts } from '@shared/texts';

/** Texts of the IPC router; translated in `locales/<language>/common.json` under `ipc.errors`. */
export const ipcTexts = defineTexts('ipc.errors', {
  // `fields` lists the paths only, for the UI; `problems` adds zod's English descriptions for scripts.
  invalidInput: 'Invalid input for {{channel}} ({{fields}}): {{problems}}',
  internal: 'Something went wrong inside ShopMesh. The details are in the log file.',
  busy: 'ShopMesh was busy saving synced data and could not finish this change. Try it again in a moment.',
});
