import { Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';
import type { Language } from '@shared/settings';
import type { TrayStatus } from '../sync/tray-status';
import { labelsFor, trayStatusLine } from './tray-labels';

export interface TrayActions {
  open(): void;
  syncNow(): void;
  quit(): void;
}

export interface TrayOptions {
  iconPath: string;
  language: Language;
  actions: TrayActions;
  status?: TrayStatus | null;
  now?: () => number;
}

export interface ShopmeshTray {
  setLanguage(language: Language): void;
  setStatus(status: TrayStatus): void;
  isAlive(): boolean;
  /** The current menu's labels and enabled flags, for the Electron e2e check. */
  describe(): { label: string; enabled: boolean }[];
  destroy(): void;
}

export function trayMenuTemplate(
  language: Language,
  actions: TrayActions,
  status: TrayStatus | null,
  now: number,
): MenuItemConstructorOptions[] {
  const labels = labelsFor(language);
  const head: MenuItemConstructorOptions[] = status
    ? [{ id: 'status', label: trayStatusLine(language, status, now), enabled: false }, { type: 'separator' }]
    : [];
  return [
    ...head,
    { id: 'open', label: labels.open, click: () => actions.open() },
    // While a sync runs, a second click would only join it; disabling says so.
    { id: 'sync-now', label: labels.syncNow, enabled: !status?.syncing, click: () => actions.syncNow() },
    { type: 'separator' },
    { id: 'quit', label: labels.quit, click: () => actions.quit() },
  ];
}

export function createTray(options: TrayOptions): ShopmeshTray {
  const now = options.now ?? Date.now;
  const tray = new Tray(nativeImage.createFromPath(options.iconPath));
  let language = options.language;
  let status = options.status ?? null;
  let template: MenuItemConstructorOptions[] = [];
  const render = (): void => {
    template = trayMenuTemplate(language, options.actions, status, now());
    const labels = labelsFor(language);
    tray.setToolTip(
      status ? `${labels.tooltip}\n${trayStatusLine(language, status, now())}` : labels.tooltip,
    );
    // Always a context menu: on Linux (AppIndicator) a plain click is not delivered.
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };
  render();
  tray.on('click', () => options.actions.open());
  return {
    setLanguage(next) {
      language = next;
      render();
    },
    setStatus(next) {
      status = next;
      render();
    },
    isAlive: () => !tray.isDestroyed(),
    describe: () =>
      template
        .filter((item) => item.type !== 'separator')
        .map((item) => ({ label: item.label ?? '', enabled: item.enabled ?? true })),
    destroy: () => {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
