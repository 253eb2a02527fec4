/**
 * Where settings are persisted. The core programs against this, so electron-store (in the shell) and
 * `conf` (under plain Node: tests, the web bridge) are interchangeable; both write the same JSON file.
 */
export interface SettingsStore {
  /** The raw stored object, unvalidated; `undefined` when nothing was stored yet. */
  read(): unknown;
  write(value: Record<string, unknown>): void;
  /** Human-readable location, for error messages and the README. */
  readonly path: string;
}

export const settingsFileName = 'settings';
