import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { settingsFileName, type SettingsStore } from './settings-store';

/** The part of conf / electron-store the settings need; both throw from their constructor on a corrupt file. */
export interface KeyValueFile {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/**
 * Wraps a conf-like store so a corrupt file neither stops the app nor gets silently overwritten: reads
 * report the problem (the service then uses defaults), and the first write moves the bad file aside as
 * `settings.json.corrupt-<epoch ms>` before starting a fresh one.
 */
export function recoveringSettingsStore(
  path: string,
  open: () => KeyValueFile,
  now = Date.now,
): SettingsStore {
  let file: KeyValueFile | undefined;
  const tryOpen = (): KeyValueFile => {
    file ??= open();
    return file;
  };
  return {
    path,
    read() {
      try {
        return tryOpen().get('settings');
      } catch (err) {
        throw new Error(
          `Settings file ${path} could not be read: ${err instanceof Error ? err.message : String(err)}`,
          {
            cause: err,
          },
        );
      }
    },
    write(value) {
      try {
        tryOpen();
      } catch {
        if (existsSync(path)) renameSync(path, `${path}.corrupt-${now()}`);
      }
      tryOpen().set('settings', value);
    },
  };
}

/** `conf` is electron-store's engine; this is the same file electron-store writes, minus the Electron import. */
export function createConfSettingsStore(dataDir: string): SettingsStore {
  return recoveringSettingsStore(
    join(dataDir, `${settingsFileName}.json`),
    () =>
      new Conf<Record<string, unknown>>({
        projectName: 'shopmesh',
        cwd: dataDir,
        configName: settingsFileName,
        clearInvalidConfig: false,
        // Readable by the user only, like the rest of the data folder (paths.ts, preparePrivateDataDir).
        configFileMode: 0o600,
      }),
  );
}
