import { join } from 'node:path';
import Store from 'electron-store';
import { recoveringSettingsStore } from '../settings/conf-store';
import { settingsFileName, type SettingsStore } from '../settings/settings-store';

/**
 * The Electron-side SettingsStore. Same directory, file name and key as `createConfSettingsStore`, so the
 * desktop app and the web bridge read and write one settings file, with the same corrupt-file recovery.
 */
export function createElectronSettingsStore(userDataDir: string): SettingsStore {
  return recoveringSettingsStore(
    join(userDataDir, `${settingsFileName}.json`),
    () =>
      new Store<Record<string, unknown>>({
        name: settingsFileName,
        cwd: userDataDir,
        clearInvalidConfig: false,
      }),
  );
}
