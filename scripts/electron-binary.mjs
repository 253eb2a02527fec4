import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const electronDir = join(import.meta.dirname, '..', 'node_modules', 'electron');

/**
 * The Electron executable if it is installed, else null. Deliberately avoids `require('electron')`,
 * which tries to download the binary as a side effect.
 */
export function installedElectronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist');
  const full = join(dist, relative);
  return existsSync(full) ? full : null;
}

export const electronInstallScript = join(electronDir, 'install.js');
