import { Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';
import type { Language } from '@shared/settings';
import type { OutreachTrayStatus } from '../outreach/tray-status';
import type { TrayStatus } from '../sync/tray-status';
import { labelsFor, trayOutreachLine, trayStatusLine } from './tray-labels';

export interface TrayActions {
  open(): void;
  syncNow(): void;
  /** The app lock's "Lock now" (shown only while the app lock is on). */
  lockNow?(): void;
  pauseAllOutreach(): void;
  quit(): void;
}

/** The app lock as the tray shows it; null or `enabled: false` shows nothing of it. */
export interface TrayLock {
  enabled: boolean;
  locked: boolean;
}

export interface TrayOptions {
  iconPath: string;
  language: Language;
  actions: TrayActions;
  status?: TrayStatus | null;
  lock?: TrayLock | null;
  outreach?: OutreachTrayStatus | null;
  now?: () => number;
}

export interface ShopmeshTray {
  setLanguage(language: Language): void;
  setStatus(status: TrayStatus): void;
  setLock(lock: TrayLock): void;
  setOutreach(status: OutreachTrayStatus): void;
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
  lock: TrayLock | null = null,
  outreach: OutreachTrayStatus | null = null,
): MenuItemConstructorOptions[] {
  const labels = labelsFor(language);
  const lockOn = lock?.enabled === true;
  const outreachLine = outreach ? trayOutreachLine(language, outreach) : null;
  // Locked is said first: the sync and outreach lines under it show that the work goes on.
  const lines: MenuItemConstructorOptions[] = [
    ...(lockOn && lock.locked ? [{ id: 'locked', label: labels.locked, enabled: false }] : []),
    ...(status ? [{ id: 'status', label: trayStatusLine(language, status, now), enabled: false }] : []),
    ...(outreachLine ? [{ id: 'outreach-status', label: outreachLine, enabled: false }] : []),
  ];
  const head: MenuItemConstructorOptions[] = lines.length > 0 ? [...lines, { type: 'separator' }] : [];
  return [
    ...head,
    { id: 'open', label: labels.open, click: () => actions.open() },
    // While a sync runs, a second click would only join it; disabling says so.
    { id: 'sync-now', label: labels.syncNow, enabled: !status?.syncing, click: () => actions.syncNow() },
    // Enabled only while something sends: a pause with nothing running would say nothing happened.
    {
      id: 'pause-all-outreach',
      label: labels.pauseAllOutreach,
      enabled: (outreach?.running ?? 0) > 0,
      click: () => actions.pauseAllOutreach(),
    },
    ...(lockOn
      ? [{ id: 'lock-now', label: labels.lockNow, enabled: !lock.locked, click: () => actions.lockNow?.() }]
      : []),
    { type: 'separator' },
    { id: 'quit', label: labels.quit, click: () => actions.quit() },
  ];
}

export function createTray(options: TrayOptions): ShopmeshTray {
  const now = options.now ?? Date.now;
  const tray = new Tray(nativeImage.createFromPath(options.iconPath));
  let language = options.language;
  let status = options.status ?? null;
  let lock = options.lock ?? null;
  let outreach = options.outreach ?? null;
  let template: MenuItemConstructorOptions[] = [];
  const render = (): void => {
    template = trayMenuTemplate(language, options.actions, status, now(), lock, outreach);
    const labels = labelsFor(language);
    const lines = [
      labels.tooltip,
      ...(lock?.enabled && lock.locked ? [labels.locked] : []),
      ...(status ? [trayStatusLine(language, status, now())] : []),
      ...(outreach ? [trayOutreachLine(language, outreach)].filter((l): l is string => l !== null) : []),
    ];
    tray.setToolTip(lines.join('\n'));
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
    setLock(next) {
      lock = next;
      render();
    },
    setOutreach(next) {
      outreach = next;
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
