import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/app';
import { makeTempDir } from '../helpers/tmp';

/**
 * The data folder holds orders, buyer ids and creator conversations: other users of the computer may not
 * read it (issue 15 item 8). The folder and its subfolders are 700 and every file in them 600, for a new
 * install and for one an older version created 755 / 644.
 */

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/** Every file and folder under `dir` (the folder itself first): "dir 700", "file 644"… */
function modesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': `dir ${modeOf(dir)}` };
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      out[path] = `${e.isDirectory() ? 'dir' : 'file'} ${modeOf(join(dir, path))}`;
      if (e.isDirectory()) walk(path);
    }
  };
  walk('');
  return out;
}

/** Runs the app over `dataDir`; returns the modes seen while it was open (its WAL exists only then). */
async function useApp(dataDir: string): Promise<Record<string, string>> {
  const t = await makeTestApp({ dataDir, logger: undefined });
  try {
    await t.app.router.invoke('settings:update', { theme: 'dark' });
    t.app.logger.info('permissions test');
    return modesUnder(dataDir);
  } finally {
    await t.app.close();
  }
}

function expectPrivate(modes: Record<string, string>): void {
  for (const [path, mode] of Object.entries(modes))
    expect({ path, mode }).toEqual({ path, mode: mode.startsWith('dir') ? 'dir 700' : 'file 600' });
}

describe.skipIf(process.platform === 'win32')('data folder permissions', () => {
  it('creates the folder 700 and its files 600', async () => {
    const dataDir = join(tmp.dir, 'new', 'ShopMesh');
    const open = await useApp(dataDir);
    expect(Object.keys(open)).toEqual(
      expect.arrayContaining([
        '.',
        'shopmesh.db',
        'shopmesh.db-wal',
        'shopmesh.db-shm',
        'settings.json',
        'logs',
        'logs/shopmesh.log',
      ]),
    );
    expectPrivate(open);
    expectPrivate(modesUnder(dataDir));
  });

  it('tightens a folder an older version left readable by others', async () => {
    const dataDir = join(tmp.dir, 'old');
    mkdirSync(join(dataDir, 'logs'), { recursive: true, mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'logs', 'shopmesh.log'), '', { mode: 0o644 });
    await useApp(dataDir);
    const wal = join(dataDir, 'shopmesh.db-wal');
    if (existsSync(wal)) chmodSync(wal, 0o644);
    chmodSync(join(dataDir, 'shopmesh.db'), 0o644);
    expectPrivate(await useApp(dataDir));
    expectPrivate(modesUnder(dataDir));
  });
});
