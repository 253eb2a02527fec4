/** Passed on Windows so a launch at login starts in the tray instead of popping the window up. */
export const startHiddenFlag = '--start-hidden';

export interface LoginItemContext {
  launchAtLogin: boolean;
  platform: NodeJS.Platform;
  /** Only a packaged app has an executable that starts ShopMesh by itself. */
  isPackaged: boolean;
}

export type LoginItemDecision =
  { apply: true; settings: { openAtLogin: boolean; args?: string[] } } | { apply: false; reason: string };

/**
 * Whether and how to call `app.setLoginItemSettings`. An unpackaged run would register the bare Electron
 * binary (which opens Electron's default app at every login), and Electron implements login items only on
 * macOS and Windows.
 */
export function loginItemDecision(context: LoginItemContext): LoginItemDecision {
  if (context.platform !== 'darwin' && context.platform !== 'win32') {
    return { apply: false, reason: `launch at login is not supported by Electron on ${context.platform}` };
  }
  if (!context.isPackaged)
    return { apply: false, reason: 'launch at login is only registered for a packaged app' };
  if (context.platform === 'win32') {
    return {
      apply: true,
      settings: { openAtLogin: context.launchAtLogin, args: context.launchAtLogin ? [startHiddenFlag] : [] },
    };
  }
  return { apply: true, settings: { openAtLogin: context.launchAtLogin } };
}

/** Start in the tray when the OS launched the app at login (Windows passes our flag; macOS tells us). */
export function startHidden(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return wasOpenedAtLogin || argv.includes(startHiddenFlag);
}
