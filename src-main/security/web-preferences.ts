import { isAbsolute } from 'node:path';

/**
 * The webPreferences of every app window. Written out in full (even where a value equals Electron's
 * default) so a reviewer sees the whole policy in one place and a future default change cannot loosen it.
 */
export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly enableBlinkFeatures: '';
  readonly webviewTag: false;
  readonly navigateOnDragDrop: false;
  readonly safeDialogs: true;
  readonly spellcheck: false;
  readonly devTools: boolean;
}

export function secureWebPreferences(
  preloadPath: string,
  options: { devTools?: boolean } = {},
): SecureWebPreferences {
  if (!isAbsolute(preloadPath)) {
    // Electron resolves a relative preload against the working directory, which a launcher controls.
    throw new Error(`preload path must be absolute, got "${preloadPath}"`);
  }
  return Object.freeze({
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    webviewTag: false,
    // A file dropped on the window would otherwise replace the app page with that file.
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Chromium's spellchecker downloads dictionaries from Google on first use: no unexpected network traffic.
    spellcheck: false,
    devTools: options.devTools ?? true,
  });
}
