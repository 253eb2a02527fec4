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
const { outreachAlertText, trayLabels, trayStatusLine } = await import('../../../src-main/shell/tray-labels');

function actions() {
  return { open: vi.fn(), syncNow: vi.fn(), pauseAllOutreach: vi.fn(), quit: vi.fn() };
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
    ['en', 'Open', 'Sync now', 'Pause all outreach', 'Quit', 'Synced 5 minutes ago'],
    ['zh-CN', '打开', '立即同步', '暂停全部建联', '退出', '已同步（5分钟前）'],
  ] as const)(
    '%s: status line, Open / Sync now / Pause all outreach / Quit',
    (language, open, sync, pause, quit, line) => {
      expect(items(trayMenuTemplate(language, actions(), idle, 5 * 60_000))).toEqual([
        { id: 'status', label: line, enabled: false },
        { id: 'open', label: open, enabled: true },
        { id: 'sync-now', label: sync, enabled: true },
        // Nothing is sending: nothing to pause.
        { id: 'pause-all-outreach', label: pause, enabled: false },
        { id: 'quit', label: quit, enabled: true },
      ]);
    },
  );

  it.each([
    ['en', 'Outreach: 2 sending', "Outreach waits for TikTok's quota until"],
    ['zh-CN', '建联发送中：2 个', '建联等待 TikTok 配额重置：'],
  ] as const)(
    '%s: an outreach line while sending or waiting for the quota, and Pause all',
    (language, sending, waiting) => {
      const resumeAt = Date.UTC(2026, 11, 6, 20);
      const running = items(
        trayMenuTemplate(language, actions(), idle, 0, null, { running: 2, pausedForQuota: 1, resumeAt }),
      );
      expect(running[1]).toEqual({ id: 'outreach-status', label: sending, enabled: false });
      expect(running.find((i) => i.id === 'pause-all-outreach')?.enabled).toBe(true);
      const quota = items(
        trayMenuTemplate(language, actions(), null, 0, null, { running: 0, pausedForQuota: 1, resumeAt }),
      );
      expect(quota[0]?.label).toContain(waiting);
      expect(quota[0]?.label).toContain('2026');
      expect(quota.find((i) => i.id === 'pause-all-outreach')?.enabled).toBe(false);
      const quiet = items(
        trayMenuTemplate(language, actions(), null, 0, null, {
          running: 0,
          pausedForQuota: 0,
          resumeAt: null,
        }),
      );
      expect(quiet[0]?.id).toBe('open');
    },
  );

  it.each([
    [
      'finished',
      'Outreach finished',
      '“Spring”: 1,200 sent, 3 failed, 4 skipped.',
      '建联已完成',
      '“Spring”：已发送 1,200，失败 3，跳过 4。',
    ],
    [
      'quota_resumed',
      'Outreach resumed',
      "TikTok's quota reset: “Spring” is sending again.",
      '建联已恢复',
      'TikTok 配额已重置：“Spring”继续发送。',
    ],
    [
      'failing',
      'Outreach keeps failing',
      '“Spring”: 3 failed so far. Open ShopMesh to see why.',
      '建联连续失败',
      '“Spring”：目前已有 3 位达人发送失败，请打开 ShopMesh 查看原因。',
    ],
  ] as const)('%s: the notification in both languages', (kind, title, body, zhTitle, zhBody) => {
    const alert = { outreachId: 1, name: 'Spring', kind, resumeAt: null, sent: 1200, failed: 3, skipped: 4 };
    expect(outreachAlertText('en', alert)).toEqual({ title, body });
    expect(outreachAlertText('zh-CN', alert)).toEqual({ title: zhTitle, body: zhBody });
  });

  it('a quota pause says when sending resumes', () => {
    const resumeAt = Date.UTC(2026, 11, 6, 20);
    const alert = {
      outreachId: 1,
      name: 'Spring',
      kind: 'quota_paused' as const,
      resumeAt,
      sent: 5,
      failed: 0,
      skipped: 0,
    };
    const text = outreachAlertText('en', alert);
    expect(text.title).toBe('Outreach paused for quota');
    expect(text.body).toMatch(/^“Spring” reached TikTok's quota and resumes Dec \d+, 2026, /);
    expect(outreachAlertText('zh-CN', alert).body).toMatch(
      /^“Spring”已达 TikTok 配额上限，将于 2026年12月\d+日 .+ 恢复。$/,
    );
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
    expect(a.pauseAllOutreach).toHaveBeenCalledOnce();
  });
});

describe('createTray', () => {
  it('builds the tray with icon, tooltip and menu, and re-renders on language and status changes', () => {
    const a = actions();
    const tray = createTray({ iconPath: '/r/tray.png', language: 'en', actions: a, now: () => 0 });
    const fake = electron.trays[0];
    expect(fake?.image).toEqual({ path: '/r/tray.png' });
    expect(fake?.tooltip).toBe('ShopMesh');
    expect(items(fake?.menu?.template ?? []).map((i) => i.label)).toEqual([
      'Open',
      'Sync now',
      'Pause all outreach',
      'Quit',
    ]);

    tray.setStatus(syncing);
    expect(fake?.tooltip).toBe('ShopMesh\nSyncing…');
    expect(tray.describe()).toEqual([
      { label: 'Syncing…', enabled: false },
      { label: 'Open', enabled: true },
      { label: 'Sync now', enabled: false },
      { label: 'Pause all outreach', enabled: false },
      { label: 'Quit', enabled: true },
    ]);

    tray.setLock({ enabled: true, locked: true });
    expect(fake?.tooltip).toBe('ShopMesh\nLocked\nSyncing…');
    tray.setLock({ enabled: true, locked: false });
    expect(fake?.tooltip).toBe('ShopMesh\nSyncing…');
    tray.setLock({ enabled: false, locked: false });
    tray.setOutreach({ running: 3, pausedForQuota: 0, resumeAt: null });
    expect(fake?.tooltip).toBe('ShopMesh\nSyncing…\nOutreach: 3 sending');
    expect(tray.describe().find((i) => i.label === 'Pause all outreach')?.enabled).toBe(true);

    tray.setLanguage('zh-CN');
    expect(items(fake?.menu?.template ?? []).map((i) => i.label)).toEqual([
      '正在同步…',
      '建联发送中：3 个',
      '打开',
      '立即同步',
      '暂停全部建联',
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
