import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Electron's `userData` for an app named ShopMesh, computed without Electron so the web bridge and the
 * desktop app share one data folder by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SHOPMESH_DATA_DIR) return resolve(env.SHOPMESH_DATA_DIR);
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'ShopMesh');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'ShopMesh');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'ShopMesh');
}

export interface DataPaths {
  dataDir: string;
  database: string;
  logDir: string;
}

export function dataPaths(dataDir: string): DataPaths {
  return { dataDir, database: join(dataDir, 'shopmesh.db'), logDir: join(dataDir, 'logs') };
}
