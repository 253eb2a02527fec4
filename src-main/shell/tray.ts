import { Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';
import type { Language } from '@shared/settings';
import { labelsFor } from './tray-labels';

export interface TrayActions {
  open(): void;
  syncNow(): void;
  quit(): void;
}

export interface TrayOptions {
  iconPath: string;
  language: Language;
  actions: TrayActions;
  /** Sync does not exist yet; the item is shown disabled so the menu's shape does not change later. */
  syncAvailable?: boolean;
}

export interface ShopmeshTray {
  setLanguage(language: Language): void;
  isAlive(): boolean;
  /** The current menu's labels and enabled flags, for the Electron e2e check. */
  describe(): { label: string; enabled: boolean }[];
  destroy(): void;
}

export function trayMenuTemplate(
  language: Language,
  actions: TrayActions,
  syncAvailable: boolean,
): MenuItemConstructorOptions[] {
  const labels = labelsFor(language);
  return [
    { id: 'open', label: labels.open, click: () => actions.open() },
    { id: 'sync-now', label: labels.syncNow, enabled: syncAvailable, click: () => actions.syncNow() },
    { type: 'separator' },
    { id: 'quit', label: labels.quit, click: () => actions.quit() },
  ];
}

export function createTray(options: TrayOptions): ShopmeshTray {
  const syncAvailable = options.syncAvailable ?? false;
  const tray = new Tray(nativeImage.createFromPath(options.iconPath));
  let template: MenuItemConstructorOptions[] = [];
  const render = (language: Language): void => {
    template = trayMenuTemplate(language, options.actions, syncAvailable);
    tray.setToolTip(labelsFor(language).tooltip);
    // Always a context menu: on Linux (AppIndicator) a plain click is not delivered.
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };
  render(options.language);
  tray.on('click', () => options.actions.open());
  return {
    setLanguage: render,
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
