import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { buildWorld } from '../../helpers/creator-world';
import { quietCrm } from '../../helpers/quiet-crm';
import { makeTempDir } from '../../helpers/tmp';

/**
 * Issue 12's index rebuild is crash-safe: a process SIGKILLed half way through a full rebuild of the creator
 * index (src-main/creators/index-rebuild.ts) leaves the old index answering searches, and the next start
 * throws the half-built staging tables away and rebuilds.
 */
const tmp = makeTempDir('shopmesh-index-kill-');
afterEach(() => tmp.cleanup());

it('a rebuild killed half way leaves search working on the old index, and the next start finishes it', async () => {
  const dbFile = join(tmp.dir, 'shopmesh.db');
  const now = Date.now();
  let db = openDatabase(dbFile);
  buildWorld(db, 1_000, 11, now);
  await quietCrm(db, now).worker.kick('startup');
  const indexed = () => db.prepare('SELECT COUNT(*) FROM creator_index').pluck().get() as number;
  expect(indexed()).toBe(1_000);
  // Every nickname changes (as a restore might bring) and every creator is stale: the child rebuilds in full.
  db.exec(
    `UPDATE creators SET nickname = 'Renamed ' || id; INSERT INTO creator_dirty SELECT id FROM creators`,
  );
  db.close();

  // Node itself runs the child (tsx as a loader, not through npx), so the kill reaches the process working.
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('../../helpers/child-creators-index.ts', import.meta.url)),
      dbFile,
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: fileURLToPath(new URL('../../../tsconfig.node.json', import.meta.url)),
      },
    },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  let midway = false;
  for await (const line of createInterface({ input: child.stdout! })) {
    const progress = line.startsWith('PROGRESS ')
      ? (JSON.parse(line.slice(9)) as { state: string; done: number })
      : null;
    if (progress?.state === 'running' && progress.done > 0) {
      midway = true;
      child.kill('SIGKILL');
      break;
    }
  }
  expect(midway).toBe(true);
  expect(await exited).toBe('SIGKILL');

  db = openDatabase(dbFile);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const staging = () =>
    db
      .prepare("SELECT name FROM sqlite_master WHERE name IN ('creator_index_build', 'creator_fts_build')")
      .pluck()
      .all();
  expect(staging()).toHaveLength(2);
  // The old index answers: every creator, sorted through its index, found by its old nickname only.
  const crm = quietCrm(db, now);
  expect(indexed()).toBe(1_000);
  expect(crm.count({})).toBe(1_000);
  expect(crm.search({ sort: { column: 'followers', direction: 'desc' }, limit: 50 }).items).toHaveLength(50);
  expect(crm.count({ text: 'renamed' })).toBe(0);
  expect(crm.count({ text: 'luna' })).toBeGreaterThan(0);

  // The next start drops the half-built tables, marks every creator and rebuilds.
  await crm.worker.kick('startup');
  expect(staging()).toEqual([]);
  expect(crm.count({ text: 'renamed' })).toBe(1_000);
  expect(db.prepare('SELECT COUNT(*) FROM creator_dirty').pluck().get()).toBe(0);
  await crm.close();
  db.close();
}, 60_000);
