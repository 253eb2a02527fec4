import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayStatus } from '../../../src-main/sync/tray-status';

const electron = vi.hoisted(() => {
  const trays: FakeTray[] = [];
  class FakeTray {
    menu: { template: MenuItemConstructorOptions[] } | null = null;
    tooltip = '';
    destroyed = false;
    listeners = new Map<string, () => void>();
    constructor(readonly image: unknown) {
      trays.push(this);
    }
    setContextMenu(menu: { template: MenuItemConstructorOptions[] }) {
      this.menu = menu;
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener);
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return {
    trays,
    Tray: FakeTray,
    Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }) },
    nativeImage: { createFromPath: (path: string) => ({ path }) },
  };
});
vi.mock('electron', () => electron);

const { createTray, trayMenuTemplate } = await import('../../../src-main/shell/tray');
const { trayLabels, trayStatusLine } = await import('../../../src-main/shell/tray-labels');

function actions() {
  return { open: vi.fn(), syncNow: vi.fn(), quit: vi.fn() };
}

function items(template: MenuItemConstructorOptions[]) {
  return template
    .filter((i) => i.type !== 'separator')
    .map((i) => ({ id: i.id, label: i.label, enabled: i.enabled ?? true }));
}

beforeEach(() => {
  electron.trays.length = 0;
});

const idle: TrayStatus = { health: 'healthy', syncing: false, lastSyncAt: 0, labelKey: 'tray.sync.healthy' };
const syncing: TrayStatus = { ...idle, syncing: true, labelKey: 'tray.sync.syncing' };

describe('tray menu', () => {
  it.each([
    ['en', 'Open', 'Sync now', 'Quit', 'Synced 5 minutes ago'],
    ['zh-CN', '打开', '立即同步', '退出', '已同步（5分钟前）'],
  ] as const)('%s: status line, Open / Sync now / Quit', (language, open, sync, quit, line) => {
    expect(items(trayMenuTemplate(language, actions(), idle, 5 * 60_000))).toEqual([
      { id: 'status', label: line, enabled: false },
      { id: 'open', label: open, enabled: true },
      { id: 'sync-now', label: sync, enabled: true },
      { id: 'quit', label: quit, enabled: true },
    ]);
  });

  it('disables Sync now while a sync runs and says so', () => {
    const template = items(trayMenuTemplate('en', actions(), syncing, 0));
    expect(template[0]).toEqual({ id: 'status', label: 'Syncing…', enabled: false });
    expect(template.find((i) => i.id === 'sync-now')?.enabled).toBe(false);
  });

  it.each([
    ['never', 'tray.sync.never', null, 'Not synced yet'],
    ['offline', 'tray.sync.offline', -2 * 3_600_000, 'Offline — last synced 2 hours ago'],
    ['reconnect', 'tray.sync.reconnect', 0, 'An account needs reconnecting'],
  ] as const)('describes the %s state', (health, labelKey, at, line) => {
    const status: TrayStatus = { health, syncing: false, lastSyncAt: at, labelKey };
    expect(trayStatusLine('en', status, 0)).toBe(line);
  });

  it('every language has every label', () => {
    const flat = (o: object): string[] =>
      Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : flat(v as object)));
    for (const labels of Object.values(trayLabels))
      for (const value of flat(labels)) expect(value).toMatch(/\S/);
    expect(Object.keys(trayLabels).sort()).toEqual(['en', 'zh-CN']);
    expect(flat(trayLabels['zh-CN'])).toHaveLength(flat(trayLabels.en).length);
  });

  it.each([
    ['en', 'Locked', 'Lock now'],
    ['zh-CN', '已锁定', '立即锁定'],
  ] as const)(
    '%s: with the app lock on, offers Lock now and says Locked while locked',
    (language, locked, lockNow) => {
      const unlocked = items(
        trayMenuTemplate(language, actions(), idle, 0, { enabled: true, locked: false }),
      );
      expect(unlocked.find((i) => i.id === 'lock-now')).toEqual({
        id: 'lock-now',
        label: lockNow,
        enabled: true,
      });
      expect(unlocked.some((i) => i.id === 'locked')).toBe(false);
      const lockedMenu = items(
        trayMenuTemplate(language, actions(), idle, 0, { enabled: true, locked: true }),
      );
      expect(lockedMenu[0]).toEqual({ id: 'locked', label: locked, enabled: false });
      // The sync line stays: the work goes on while locked.
      expect(lockedMenu[1]?.id).toBe('status');
      expect(lockedMenu.find((i) => i.id === 'lock-now')?.enabled).toBe(false);
      const off = items(trayMenuTemplate(language, actions(), idle, 0, { enabled: false, locked: false }));
      expect(off.some((i) => i.id === 'lock-now' || i.id === 'locked')).toBe(false);
    },
  );

  it('Lock now calls its action', () => {
    const a = { ...actions(), lockNow: vi.fn() };
    const template = trayMenuTemplate('en', a, null, 0, { enabled: true, locked: false });
    (template.find((i) => i.id === 'lock-now')?.click as () => void)();
    expect(a.lockNow).toHaveBeenCalledOnce();
  });

  it('items call their actions', () => {
    const a = actions();
    const template = trayMenuTemplate('en', a, null, 0);
    for (const item of template) (item.click as (() => void) | undefined)?.();
    expect(a.open).toHaveBeenCalledOnce();
    expect(a.syncNow).toHaveBeenCalledOnce();
    expect(a.quit).toHaveBeenCalledOnce();
  });
});

describe('createTray', () => {
  it('builds the tray with icon, tooltip and menu, and re-renders on language and status changes', () => {
    const a = actions();
    const tray = createTray({ iconPath: '/r/tray.png', language: 'en', actions: a, now: () => 0 });
    const fake = electron.trays[0];
    expect(fake?.image).toEqual({ path: '/r/tray.png' });
    expect(fake?.tooltip).toBe('ShopMesh');
    expect(items(fake?.menu?.template ?? []).map((i) => i.label)).toEqual(['Open', 'Sync now', 'Quit']);

    tray.setStatus(syncing);
    expect(fake?.tooltip).toBe('ShopMesh\nSyncing…');
    expect(tray.describe()).toEqual([
      { label: 'Syncing…', enabled: false },
      { label: 'Open', enabled: true },
      { label: 'Sync now', enabled: false },
      { label: 'Quit', enabled: true },
    ]);

    tray.setLock({ enabled: true, locked: true });
    expect(fake?.tooltip).toBe('ShopMesh\nLocked\nSyncing…');
    tray.setLock({ enabled: true, locked: false });
    expect(fake?.tooltip).toBe('ShopMesh\nSyncing…');
    tray.setLock({ enabled: false, locked: false });

    tray.setLanguage('zh-CN');
    expect(items(fake?.menu?.template ?? []).map((i) => i.label)).toEqual([
      '正在同步…',
      '打开',
      '立即同步',
      '退出',
    ]);

    fake?.listeners.get('click')?.();
    expect(a.open).toHaveBeenCalledOnce();

    expect(tray.isAlive()).toBe(true);
    tray.destroy();
    tray.destroy();
    expect(tray.isAlive()).toBe(false);
  });
});
