import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { type Database, openDatabase } from '../../src-main/db/connection';
import { type Profile, sandboxProfile } from '../../src-main/profile/profile';
import { sandboxInfoSchema, type SandboxInfo } from '../../src-main/sandbox/index';
import { searchOrders } from '../../src-main/tiktok/shop/orders';
import { admin, connectShop, SHOP_ACCOUNT, TestTokenSource } from '../helpers/sync-fixtures';
import { makeTempDir } from '../helpers/tmp';

/** SYNC_BENCH_SANDBOX_PROF=<dir> writes a CPU profile of the sandbox process there (for profiling). */
function sandboxProfArgs(): string[] {
  const dir = process.env.SYNC_BENCH_SANDBOX_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

export interface SandboxProcess {
  child: ChildProcess;
  info: SandboxInfo;
  /** User + system CPU of the sandbox process so far (Linux /proc), -1 where that is not available. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** A sandbox (`bench` scale unless told) in its own process, as `npm run sandbox` starts it. */
export async function spawnBenchSandbox(scale: 'bench' | 'tiny' = 'bench'): Promise<SandboxProcess> {
  const cli = fileURLToPath(new URL('../../src-main/sandbox/cli.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    [...sandboxProfArgs(), '--import', 'tsx', cli, '--scale', scale, '--seed', '1'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const stdout = child.stdout;
  if (!stdout) throw new Error('no stdout');
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return {
    child,
    info: sandboxInfoSchema.parse(JSON.parse(line)),
    cpuMs: () => processCpuMs(child.pid),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** User + system CPU of a process so far (Linux /proc), -1 where that is not available. */
export function processCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line (11 and 12 after the command name).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return -1;
  }
}

/**
 * The smallest look-back (whole days) whose orders, across the sandbox's shops, number at least `minOrders`.
 * Asked of the sandbox with a grant of its own, so it works before (and apart from) the app being measured.
 */
export async function lookbackDaysFor(info: SandboxInfo, minOrders: number): Promise<number> {
  const db = openDatabase(':memory:');
  try {
    const profile = sandboxProfile(info);
    const tokens = new TestTokenSource(db, info);
    const shops = await connectShop({ db, info, profile, tokens });
    const token = await tokens.accessToken(SHOP_ACCOUNT);
    const app = {
      apiBase: profile.shopApiBase,
      appKey: profile.shop.appKey,
      appSecret: profile.shop.appSecret,
    };
    const nowSec = Math.floor(Date.now() / 1000);
    const totalSince = async (days: number): Promise<number> => {
      let sum = 0;
      for (const s of shops) {
        const page = await searchOrders(
          { app, accessToken: token, cipher: s.cipher },
          { updateTimeGe: nowSec - days * 86_400, pageSize: 1 },
        );
        sum += page.totalCount ?? 0;
      }
      return sum;
    };
    let days = 1;
    while (days < 180 && (await totalSince(days)) < minOrders) days++;
    return days;
  } finally {
    db.close();
  }
}

export interface BenchWorld {
  sandbox: SandboxProcess;
  db: Database;
  profile: Profile;
  tokens: TestTokenSource;
}

/**
 * A `bench` sandbox process with its QPS limit lifted and its shop Account connected to a fresh database
 * file; everything is closed and removed after `body`.
 */
export async function withBenchWorld<T>(body: (w: BenchWorld) => Promise<T>): Promise<T> {
  const sandbox = await spawnBenchSandbox();
  const tmp = makeTempDir('shopmesh-bench-');
  const db = openDatabase(join(tmp.dir, 'shopmesh.db'));
  try {
    const { info } = sandbox;
    await admin(info, 'POST', '/config', { shopQps: 1_000_000 });
    const profile = sandboxProfile(info);
    const tokens = new TestTokenSource(db, info);
    await connectShop({ db, info, profile, tokens });
    return await body({ sandbox, db, profile, tokens });
  } finally {
    db.close();
    tmp.cleanup();
    await sandbox.stop();
  }
}
