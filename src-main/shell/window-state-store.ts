import Store from 'electron-store';
import type { SavedWindowState } from '../security/window-state';

export interface WindowStateStore {
  /** Unvalidated: `restoreWindowState` validates it. */
  read(): unknown;
  write(state: SavedWindowState): void;
}

export function createWindowStateStore(userDataDir: string): WindowStateStore {
  // Losing a window position is harmless, so a corrupt file is simply reset.
  const store = new Store<Record<string, unknown>>({
    name: 'window-state',
    cwd: userDataDir,
    clearInvalidConfig: true,
  });
  return {
    read: () => store.get('main'),
    write: (state) => store.set('main', state),
  };
}
