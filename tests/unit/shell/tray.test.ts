import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

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
const { trayLabels } = await import('../../../src-main/shell/tray-labels');

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

describe('tray menu', () => {
  it.each([
    ['en', 'Open', 'Sync now', 'Quit'],
    ['zh-CN', '打开', '立即同步', '退出'],
  ] as const)('%s: Open / Sync now (disabled) / Quit', (language, open, sync, quit) => {
    expect(items(trayMenuTemplate(language, actions(), false))).toEqual([
      { id: 'open', label: open, enabled: true },
      { id: 'sync-now', label: sync, enabled: false },
      { id: 'quit', label: quit, enabled: true },
    ]);
  });

  it('every language has every label', () => {
    for (const labels of Object.values(trayLabels)) {
      for (const value of Object.values(labels)) expect(value).toMatch(/\S/);
    }
    expect(Object.keys(trayLabels).sort()).toEqual(['en', 'zh-CN']);
  });

  it('items call their actions', () => {
    const a = actions();
    const template = trayMenuTemplate('en', a, true);
    for (const item of template) (item.click as (() => void) | undefined)?.();
    expect(a.open).toHaveBeenCalledOnce();
    expect(a.syncNow).toHaveBeenCalledOnce();
    expect(a.quit).toHaveBeenCalledOnce();
    expect(template.find((i) => i.id === 'sync-now')?.enabled).toBe(true);
  });
});

describe('createTray', () => {
  it('builds the tray with icon, tooltip and menu, and re-renders on language change', () => {
    const a = actions();
    const tray = createTray({ iconPath: '/r/tray.png', language: 'en', actions: a });
    const fake = electron.trays[0];
    expect(fake?.image).toEqual({ path: '/r/tray.png' });
    expect(fake?.tooltip).toBe('ShopMesh');
    expect(items(fake?.menu?.template ?? []).map((i) => i.label)).toEqual(['Open', 'Sync now', 'Quit']);
    expect(tray.describe()).toEqual([
      { label: 'Open', enabled: true },
      { label: 'Sync now', enabled: false },
      { label: 'Quit', enabled: true },
    ]);

    tray.setLanguage('zh-CN');
    expect(items(fake?.menu?.template ?? []).map((i) => i.label)).toEqual(['打开', '立即同步', '退出']);

    fake?.listeners.get('click')?.();
    expect(a.open).toHaveBeenCalledOnce();

    expect(tray.isAlive()).toBe(true);
    tray.destroy();
    tray.destroy();
    expect(tray.isAlive()).toBe(false);
  });
});
