import { chmodSync, closeSync, mkdirSync, openSync, readdirSync } from 'node:fs';
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

/**
 * What ShopMesh writes in its data folder besides the database, the settings and the logs (each of which
 * "delete all my data" empties in place): backups, exports, the saved production Profile, the window's
 * place, files moved aside as corrupt. The vault's passphrase file is the vault's own (it resets it).
 */
export function ownFiles(dataDir: string, others: readonly string[] = []): string[] {
  const own = ['backups', 'exports', 'window-state.json', 'recovery.json', ...others].map((n) =>
    join(dataDir, n),
  );
  const movedAside = readdirSync(dataDir).filter((n) => /\.(corrupt|unreadable|newer)-\d+/.test(n));
  return [...own, ...movedAside.map((n) => join(dataDir, n))];
}

export function dataPaths(dataDir: string): DataPaths {
  return { dataDir, database: join(dataDir, 'shopmesh.db'), logDir: join(dataDir, 'logs') };
}

const privateDirMode = 0o700;
const privateFileMode = 0o600;

/**
 * The data folder holds orders, buyer ids and creator conversations: only its owner may read it. Creates
 * the folder and its log folder 700 and the database file 600 before SQLite opens it (SQLite gives its WAL
 * and shared-memory files the database file's mode), and tightens whatever an older version left 755 / 644.
 * Settings and logs are written 600 by their own stores. No-op for permissions on Windows, where the
 * folder inherits the user profile's ACL.
 */
export function preparePrivateDataDir(paths: DataPaths): void {
  for (const dir of [paths.dataDir, paths.logDir]) {
    mkdirSync(dir, { recursive: true, mode: privateDirMode });
    chmodSync(dir, privateDirMode);
  }
  closeSync(openSync(paths.database, 'a', privateFileMode));
  for (const dir of [paths.dataDir, paths.logDir])
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      chmodSync(path, e.isDirectory() ? privateDirMode : privateFileMode);
    }
}

/**
 * Where the icons and other resources are. A packaged build (electron-builder.json `extraResources`) puts them
 * in the resources folder beside app.asar (`process.resourcesPath`), outside the archive, where the OS tray and
 * window APIs can read them; unpackaged they are the repository's `resources/`, two folders up from out/main.
 */
export function resourcesDir(options: { packaged: boolean; resourcesPath: string; mainDir: string }): string {
  return options.packaged ? options.resourcesPath : join(options.mainDir, '../../resources');
}
