import { BrowserWindow } from 'electron';
import { secureWebPreferences } from '../security/web-preferences';
import { captureWindowState, minWindowSize, type WindowPlacement } from '../security/window-state';
import type { WindowStateStore } from './window-state-store';

export const windowTitle = 'ShopMesh';

export interface MainWindowOptions {
  preloadPath: string;
  iconPath: string;
  placement: WindowPlacement;
  devTools: boolean;
  show: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { placement } = options;
  const window = new BrowserWindow({
    title: windowTitle,
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : {}),
    width: placement.width,
    height: placement.height,
    minWidth: minWindowSize.width,
    minHeight: minWindowSize.height,
    icon: options.iconPath,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    webPreferences: { ...secureWebPreferences(options.preloadPath, { devTools: options.devTools }) },
  });
  // The title stays the product name whatever the page sets (window switchers, the e2e check).
  window.on('page-title-updated', (event) => event.preventDefault());
  if (placement.isMaximized) window.maximize();
  if (options.show) window.once('ready-to-show', () => window.show());
  return window;
}

/** Saves the geometry shortly after the user moves or resizes, and when the window closes or hides. */
export function rememberWindowState(window: BrowserWindow, store: WindowStateStore): () => void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed() || window.isMinimized()) return;
    const state = captureWindowState(window.getNormalBounds(), window.isMaximized());
    if (state) store.write(state);
  };
  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', save);
  return save;
}
