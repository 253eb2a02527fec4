export interface WindowCloseContext {
  /** The user's `closeToTray` setting. */
  closeToTray: boolean;
  /** The app is quitting (tray Quit, Cmd+Q, OS shutdown): never hold the window back then. */
  quitting: boolean;
  platform: NodeJS.Platform;
}

export type WindowCloseAction = 'hide' | 'close';

/**
 * What closing the main window does. Hiding keeps the main process, and with it scheduled syncs and
 * outreach sending, alive behind the tray. On macOS closing a window never quits an app, so the window is
 * hidden and the Dock icon brings it back.
 */
export function onWindowClose(context: WindowCloseContext): WindowCloseAction {
  if (context.quitting) return 'close';
  if (context.platform === 'darwin') return 'hide';
  return context.closeToTray ? 'hide' : 'close';
}

/** `window-all-closed`: quit everywhere except macOS, where apps stay in the Dock. */
export function quitWhenAllWindowsClosed(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin';
}
