import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, screen, session } from 'electron';
import { profileAuthOrigins } from './profile/app-profile';
import type { EventPayload } from '@shared/contract';
import { createApp, type ShopmeshApp } from './app';
import { defaultDataDir, resourcesDir } from './paths';
import { appEntryUrl } from './security/app-origin';
import { loginItemDecision, startHidden } from './security/login-item';
import { revealSteps } from './security/single-instance';
import { onWindowClose, quitWhenAllWindowsClosed } from './security/window-close';
import { restoreWindowState } from './security/window-state';
import { registerAppScheme, serveAppProtocol } from './shell/app-protocol';
import { createElectronSettingsStore } from './shell/electron-settings-store';
import { forwardEvents, registerInvokeHandler } from './shell/ipc';
import { createMainWindow, rememberWindowState } from './shell/main-window';
import { openInBrowser } from './shell/open-in-browser';
import { showOutreachNotification, showSyncNotification } from './shell/notifications';
import { OutreachTrayTracker } from './outreach/tray-status';
import { hardenSession } from './shell/session-guard';
import { createTray, type ShopmeshTray } from './shell/tray';
import { hardenWebContents } from './shell/web-contents-guard';
import { createWindowStateStore } from './shell/window-state-store';
import { appVersion } from './version';

/*
 * The Electron composition root: wiring only. Every decision made here lives in src-main/security (pure,
 * unit-tested) and every Electron object is touched through src-main/shell.
 *
 * Paths are computed in this file because it is the entry chunk: import.meta.dirname is out/main here,
 * but may not be in a chunk shared with the web bridge.
 */
const rendererRoot = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const syncWorkerUrl = new URL('./sync-worker.js', import.meta.url);
const resources = resourcesDir({
  packaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  mainDir: import.meta.dirname,
});
const appIconPath = join(resources, 'icon.png');
const trayIconPath = join(resources, 'tray.png');

// Before anything reads userData (electron-store, logs, the database, the single-instance lock, which is
// per userData folder). The web bridge computes the same default, so both transports share one folder.
const dataDir = defaultDataDir(process.env);
app.setName('ShopMesh');
app.setPath('userData', dataDir);
app.enableSandbox();
registerAppScheme();

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;

function fatal(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`ShopMesh could not start: ${message}\n`);
  dialog.showErrorBox('ShopMesh could not start', message);
  app.exit(1);
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  serveAppProtocol(rendererRoot);

  // The Profile (and so its consent origins) is known only once the app is built; until then nothing opens.
  let consentOrigins: readonly string[] = [];
  const authHosts = (): readonly string[] => consentOrigins;
  const shopmesh: ShopmeshApp = await createApp({
    dataDir,
    transport: 'electron',
    version: appVersion,
    settingsStore: createElectronSettingsStore(dataDir),
    // Development checks every IPC result against the contract; the packaged app does not.
    ...(app.isPackaged ? {} : { validateOutputs: true }),
    syncWorker: { url: syncWorkerUrl },
    // "Delete all my data" also empties Chromium's caches and storage of this profile.
    clearBrowserData: async () => {
      await session.defaultSession.clearCache();
      await session.defaultSession.clearStorageData();
    },
    openExternal: async (url) => {
      if (!(await openInBrowser(url, authHosts()))) {
        throw new Error('the consent page is not on the allow-list of this Profile');
      }
    },
  });
  const logger = shopmesh.logger;
  consentOrigins = profileAuthOrigins(shopmesh.profile);

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { devServerUrl, authHosts, openInBrowser, logger });
  });

  const disposeIpc = registerInvokeHandler(ipcMain, { router: shopmesh.router, devServerUrl, logger });
  const stopEvents = forwardEvents(
    { subscribe: (listener) => shopmesh.subscribeRenderer(listener) },
    () => BrowserWindow.getAllWindows().map((w) => w.webContents),
    devServerUrl,
  );

  const windowState = createWindowStateStore(dataDir);
  let quitting = false;
  let mainWindow: BrowserWindow | null = null;

  const createWindow = (show: boolean): BrowserWindow => {
    const placement = restoreWindowState(windowState.read(), screen.getAllDisplays());
    const window = createMainWindow({
      preloadPath,
      iconPath: appIconPath,
      placement,
      devTools: !app.isPackaged,
      show,
    });
    rememberWindowState(window, windowState);
    window.on('close', (event) => {
      const action = onWindowClose({
        closeToTray: shopmesh.settings.get().closeToTray,
        quitting,
        platform: process.platform,
      });
      if (action === 'hide') {
        event.preventDefault();
        window.hide();
      }
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    window
      .loadURL(devServerUrl ?? appEntryUrl)
      .catch((err: unknown) => logger.error({ err }, 'app page failed to load'));
    mainWindow = window;
    return window;
  };

  const reveal = (): void => {
    const current = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
    let target = current;
    for (const step of revealSteps({
      exists: current !== null,
      minimized: current?.isMinimized() ?? false,
      visible: current?.isVisible() ?? false,
    })) {
      if (step === 'create') target = createWindow(true);
      else if (step === 'restore') target?.restore();
      else if (step === 'show') target?.show();
      else target?.focus();
    }
  };

  const quit = (): void => {
    quitting = true;
    app.quit();
  };

  const outreach = new OutreachTrayTracker(
    shopmesh.outreach.list({}),
    (id) => shopmesh.outreach.store.outreach(id) ?? null,
  );
  let tray: ShopmeshTray | null = null;
  try {
    tray = createTray({
      iconPath: trayIconPath,
      language: shopmesh.settings.get().language,
      status: shopmesh.background?.tray() ?? null,
      lock: shopmesh.appLock.status(),
      outreach: outreach.status(),
      actions: {
        open: reveal,
        syncNow: () => void shopmesh.background?.runNow('tray'),
        lockNow: () => {
          if (shopmesh.appLock.status().enabled) shopmesh.appLock.lock();
        },
        pauseAllOutreach: () => shopmesh.outreach.pauseAll(),
        quit,
      },
    });
    // The tray says "Locked" and offers "Lock now" while the app lock is on.
    shopmesh.appLock.onChange((lock) => tray?.setLock(lock));
  } catch (err) {
    logger.warn({ err }, 'no system tray available; closing the window keeps the app running only on macOS');
  }

  // Outreach news: the tray's line follows status changes; each alert is one desktop notification.
  shopmesh.events.subscribe((event, payload) => {
    if (event === 'outreach:progress') {
      const p = payload as EventPayload<'outreach:progress'>;
      if (outreach.observe(p.outreachId, p.status)) tray?.setOutreach(outreach.status());
    } else if (event === 'outreach:alert')
      showOutreachNotification(
        shopmesh.settings.get().language,
        payload as EventPayload<'outreach:alert'>,
        reveal,
      );
  });

  const background = shopmesh.background;
  if (background) {
    background.onTrayChange((status) => tray?.setStatus(status));
    // Only changes are news: a first failure, an Account to reconnect, healthy again.
    background.onNotification((kind) => showSyncNotification(shopmesh.settings.get().language, kind, reveal));
    // After sleep the cache is stale and TikTok tokens may need a refresh: catch up at once.
    powerMonitor.on('resume', () => void background.onResume());
  }

  const applyLoginItem = (launchAtLogin: boolean): void => {
    const decision = loginItemDecision({
      launchAtLogin,
      platform: process.platform,
      isPackaged: app.isPackaged,
    });
    if (decision.apply) app.setLoginItemSettings(decision.settings);
    else logger.info({ launchAtLogin }, decision.reason);
  };
  applyLoginItem(shopmesh.settings.get().launchAtLogin);

  shopmesh.settings.onChange((settings, changed) => {
    if (changed.includes('language')) tray?.setLanguage(settings.language);
    if (changed.includes('launchAtLogin')) applyLoginItem(settings.launchAtLogin);
  });

  app.on('second-instance', reveal);
  app.on('activate', reveal);
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (quitWhenAllWindowsClosed(process.platform)) app.quit();
  });
  app.on('will-quit', () => {
    stopEvents();
    disposeIpc();
    tray?.destroy();
    void shopmesh.close();
  });

  if (process.env.SHOPMESH_E2E === '1') {
    // Read by tests/electron only: the tray is not reachable from Playwright's main-process evaluate.
    Object.assign(globalThis, { shopmeshE2E: { tray: () => (tray?.isAlive() ? tray.describe() : null) } });
  }

  const openedAtLogin = process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
  const hidden = tray !== null && startHidden(process.argv, openedAtLogin);
  createWindow(!hidden);
}

if (app.requestSingleInstanceLock()) {
  start().catch(fatal);
} else {
  // Another ShopMesh owns this data folder; its `second-instance` handler brings its window forward.
  app.quit();
}
