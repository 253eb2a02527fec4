import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { sandboxProfile } from '../../src-main/profile/profile';
import { testVaultEnv } from '../helpers/app';
import { playBrowser } from '../helpers/accounts';
import { admin } from '../helpers/sync-fixtures';
import { makeTempDir } from '../helpers/tmp';
import { percentile, type Report } from './report';
import { lookbackDaysFor, processCpuMs, spawnBenchSandbox } from './sandbox-process';

/**
 * ARCHITECTURE §12 "the app stays responsive": how long a request to the core waits while a full sync of
 * ~100k orders runs in it. The app runs as `npm run start:web` runs it (createApp behind the web bridge) in
 * its own process; this process plays the renderer and calls `app:info` every 20 ms (and a 20-row
 * `orders:list` every 100 ms) over the bridge's HTTP boundary, open loop: a slow answer does not delay the
 * next call, so queueing shows in the figures. The sandbox (standing in for TikTok) runs in a third
 * process, with its QPS limit lifted and the app's limiter raised to match, so the sync is CPU-bound.
 */

const appHost = fileURLToPath(new URL('./app-host.ts', import.meta.url));

interface BridgeClient {
  /** Resolves with the envelope and the round trip in ms. */
  call(channel: string, input?: unknown): Promise<{ ms: number; body: unknown }>;
  close(): void;
}

function bridgeClient(url: string, token: string): BridgeClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const base = new URL(url);
  return {
    call(channel, input = {}) {
      const body = JSON.stringify(input);
      const t = performance.now();
      return new Promise((resolve, reject) => {
        const req = request(
          {
            agent,
            host: base.hostname,
            port: base.port,
            method: 'POST',
            path: `/ipc/${channel}`,
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                ms: performance.now() - t,
                body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
              }),
            );
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

const envelope = z.object({ ok: z.literal(true), result: z.unknown() });
async function invoke<T>(client: BridgeClient, channel: string, schema: z.ZodType<T>, input?: unknown) {
  const { body } = await client.call(channel, input);
  const parsed = envelope.safeParse(body);
  if (!parsed.success) throw new Error(`${channel} failed: ${JSON.stringify(body)}`);
  return schema.parse(parsed.data.result);
}

async function startAppHost(
  args: unknown,
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; url: string; token: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', appHost, JSON.stringify(args)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`app host exited with ${code}: ${stderr}`)));
    // The app's log lines (web transport echoes them) go by on stdout too.
    createInterface({ input: child.stdout! }).on('line', (l) => {
      if (l.startsWith('APP-HOST ')) resolve(l.slice('APP-HOST '.length));
    });
  });
  const { url, token } = z.object({ url: z.string(), token: z.string() }).parse(JSON.parse(line));
  return { child, url, token };
}

interface Sampled {
  latencies: number[];
  errors: number;
}

/** Calls `channel` every `everyMs` until `until` resolves; every call's round trip is kept. */
async function sample(
  client: BridgeClient,
  channel: string,
  input: unknown,
  everyMs: number,
  until: Promise<unknown>,
): Promise<Sampled> {
  const out: Sampled = { latencies: [], errors: 0 };
  const inFlight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const p = client.call(channel, input).then(
      ({ ms, body }) => {
        if (envelope.safeParse(body).success) out.latencies.push(ms);
        else out.errors++;
      },
      () => void out.errors++,
    );
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }, everyMs);
  await until;
  clearInterval(timer);
  await Promise.all(inFlight);
  return out;
}

const syncStatus = z.object({
  accounts: z.array(
    z.object({ provider: z.string(), state: z.string(), lastOutcome: z.string().nullable() }),
  ),
});
const accountsList = z.object({
  accounts: z.array(z.object({ provider: z.string(), status: z.string() })),
});

function summarise(report: Report, prefix: string, s: Sampled, what: string): void {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  report(`${prefix}.p50.ms`, percentile(sorted, 50), `ms (${what})`);
  report(`${prefix}.p95.ms`, percentile(sorted, 95), `ms (${what}; goal < 50)`);
  report(`${prefix}.p99.ms`, percentile(sorted, 99), `ms (${what})`);
  report(`${prefix}.max.ms`, sorted.at(-1) ?? NaN, `ms (${what}; goal < 250)`);
  report(`${prefix}.samples`, sorted.length, `calls (${s.errors} failed)`);
}

export async function benchIpcLatency(report: Report): Promise<void> {
  await measure(report, 'ipc.latency', false);
  // IPC_BENCH_INLINE=1: the same with SyncRuns on the bridge's own thread, as before the sync worker.
  if (process.env.IPC_BENCH_INLINE) await measure(report, 'ipc.latency.inline', true);
}

async function measure(report: Report, prefix: string, inline: boolean): Promise<void> {
  const sandbox = await spawnBenchSandbox();
  const tmp = makeTempDir('shopmesh-bench-');
  let host: ChildProcess | null = null;
  let client: BridgeClient | null = null;
  try {
    await admin(sandbox.info, 'POST', '/config', { shopQps: 1_000_000 });
    const days = await lookbackDaysFor(sandbox.info, 100_000);
    // The app reaches the sandbox process as it reaches TikTok: a profile file on the production base.
    const { name: _name, authHosts: _hosts, ...urls } = sandboxProfile(sandbox.info);
    const profileFile = join(tmp.dir, 'profile.json');
    writeFileSync(profileFile, JSON.stringify({ extends: 'production', ...urls }));
    const started = await startAppHost(
      {
        dataDir: join(tmp.dir, 'data'),
        syncTuning: { limits: { shopQps: 100_000 }, jobOptions: { orderLookbackDays: days } },
        inline,
      },
      { ...process.env, ...testVaultEnv, SHOPMESH_PROFILE_FILE: profileFile },
    );
    host = started.child;
    const c = (client = bridgeClient(started.url, started.token));

    // Connected as a merchant connects a shop: consent page, redirect into the app's loopback listener.
    const { authorizeUrl } = await invoke(c, 'accounts:connect', z.object({ authorizeUrl: z.string() }), {
      provider: 'shop',
    });
    await playBrowser(authorizeUrl);
    for (let i = 0; ; i++) {
      const list = await invoke(c, 'accounts:list', accountsList);
      if (list.accounts.some((a) => a.provider === 'shop' && a.status === 'active')) break;
      if (i > 100) throw new Error('the shop Account did not connect');
      await new Promise((r) => setTimeout(r, 100));
    }

    const idle = await sample(c, 'app:info', {}, 20, new Promise((r) => setTimeout(r, 2_000)));
    summarise(report, `${prefix}.idle`, idle, 'app:info every 20 ms, nothing running');

    const hostCpu0 = processCpuMs(host.pid);
    const t0 = performance.now();
    await invoke(c, 'sync:run', z.unknown(), { resources: ['orders'] });
    const finished = (async () => {
      for (;;) {
        await new Promise((r) => setTimeout(r, 250));
        const s = await invoke(c, 'sync:status', syncStatus);
        const shop = s.accounts.find((a) => a.provider === 'shop');
        if (shop && shop.state !== 'running') return shop.lastOutcome;
      }
    })();
    const [info, list] = await Promise.all([
      sample(c, 'app:info', {}, 20, finished),
      sample(c, 'orders:list', { limit: 20 }, 100, finished),
    ]);
    const syncMs = performance.now() - t0;
    const orders = await invoke(c, 'orders:list', z.object({ items: z.array(z.unknown()) }), { limit: 1 });
    if (orders.items.length === 0) throw new Error('the sync stored no orders');
    summarise(report, `${prefix}.duringFullSync`, info, 'app:info every 20 ms over the web bridge');
    summarise(report, `${prefix}.duringFullSync.ordersList`, list, 'orders:list of 20 every 100 ms');
    report(
      `${prefix}.duringFullSync.syncMs`,
      syncMs,
      `ms (${days} days of orders, outcome ${await finished}, app process CPU ${Math.round(processCpuMs(host.pid) - hostCpu0)} ms)`,
    );
  } finally {
    client?.close();
    if (host && host.exitCode === null) {
      const exited = new Promise((r) => host!.once('exit', r));
      host.kill('SIGTERM');
      await exited;
    }
    await sandbox.stop();
    tmp.cleanup();
  }
}
