import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const windows: FakeWindow[] = [];
  class FakeWindow {
    listeners = new Map<string, ((...args: unknown[]) => void)[]>();
    maximized = false;
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    on(event: string, listener: (...args: unknown[]) => void) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: (...args: unknown[]) => void) {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]) {
      for (const l of this.listeners.get(event) ?? []) l(...args);
    }
    maximize() {
      this.maximized = true;
    }
    show = vi.fn();
    isDestroyed = () => false;
    isMinimized = () => false;
    isMaximized = () => this.maximized;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1300, height: 820 });
  }
  return { windows, BrowserWindow: FakeWindow };
});
vi.mock('electron', () => electron);

const { createMainWindow, rememberWindowState, windowTitle } =
  await import('../../../src-main/shell/main-window');
const { secureWebPreferences } = await import('../../../src-main/security/web-preferences');

const preloadPath = '/app/out/preload/index.cjs';

describe('createMainWindow', () => {
  it('passes exactly the secure webPreferences and the ShopMesh title', () => {
    createMainWindow({
      preloadPath,
      iconPath: '/app/resources/icon.png',
      placement: { width: 1280, height: 800, isMaximized: false },
      devTools: false,
      show: true,
    });
    const options = electron.windows.at(-1)?.options;
    expect(options?.webPreferences).toEqual(secureWebPreferences(preloadPath, { devTools: false }));
    expect(options?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: preloadPath,
    });
    expect(options?.title).toBe('ShopMesh');
    expect(windowTitle).toBe('ShopMesh');
    expect(options?.show).toBe(false);
    expect(options).not.toHaveProperty('x');
  });

  it('keeps the title when the page sets document.title', () => {
    createMainWindow({
      preloadPath,
      iconPath: '/i.png',
      placement: { width: 1280, height: 800, isMaximized: false },
      devTools: true,
      show: true,
    });
    const window = electron.windows.at(-1);
    const event = { preventDefault: vi.fn() };
    window?.emit('page-title-updated', event, 'Settings');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('applies a restored placement and maximises', () => {
    createMainWindow({
      preloadPath,
      iconPath: '/i.png',
      placement: { x: 5, y: 6, width: 1000, height: 700, isMaximized: true },
      devTools: true,
      show: false,
    });
    const window = electron.windows.at(-1);
    expect(window?.options).toMatchObject({ x: 5, y: 6, width: 1000, height: 700 });
    expect(window?.maximized).toBe(true);
    window?.emit('ready-to-show');
    expect(window?.show).not.toHaveBeenCalled();
  });

  it('shows on ready-to-show when asked to', () => {
    createMainWindow({
      preloadPath,
      iconPath: '/i.png',
      placement: { width: 1280, height: 800, isMaximized: false },
      devTools: true,
      show: true,
    });
    const window = electron.windows.at(-1);
    window?.emit('ready-to-show');
    expect(window?.show).toHaveBeenCalledOnce();
  });
});

describe('rememberWindowState', () => {
  it('writes validated normal bounds on close', () => {
    const window = createMainWindow({
      preloadPath,
      iconPath: '/i.png',
      placement: { width: 1280, height: 800, isMaximized: false },
      devTools: true,
      show: true,
    });
    const store = { read: vi.fn(), write: vi.fn() };
    rememberWindowState(window, store);
    (window as unknown as { emit(e: string): void }).emit('close');
    expect(store.write).toHaveBeenCalledWith({ x: 10, y: 20, width: 1300, height: 820, isMaximized: false });
  });

  it('debounces moves and resizes', () => {
    vi.useFakeTimers();
    try {
      const window = createMainWindow({
        preloadPath,
        iconPath: '/i.png',
        placement: { width: 1280, height: 800, isMaximized: false },
        devTools: true,
        show: true,
      });
      const store = { read: vi.fn(), write: vi.fn() };
      rememberWindowState(window, store);
      const emit = (e: string) => (window as unknown as { emit(e: string): void }).emit(e);
      emit('move');
      emit('resize');
      emit('move');
      expect(store.write).not.toHaveBeenCalled();
      vi.advanceTimersByTime(600);
      expect(store.write).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
