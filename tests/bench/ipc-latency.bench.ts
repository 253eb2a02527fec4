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
 * its own process; this process plays the renderer and calls `app:info` every 20 ms over the bridge's HTTP
 * boundary, open loop: a slow answer does not delay the next call, so queueing shows in the figures. The
 * sandbox (standing in for TikTok) runs in a third process, with its QPS limit lifted and the app's limiter
 * raised to match, so the sync is CPU-bound.
 *
 * A 20-row `orders:list` is timed once the sync is done, one call at a time: its own cost grows with the
 * rows stored (it counts them and sorts across shops), so calling it every 100 ms during the sync measured
 * that query saturating the thread rather than the thread waiting for the sync.
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
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
    for (const line of c.toString().split('\n'))
      if (line.startsWith('APP-HOST-TRACE')) process.stderr.write(`${line}\n`);
  });
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
  /** When each kept call was made (performance.now()), parallel to `latencies`. */
  sentAt: number[];
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
  const out: Sampled = { latencies: [], sentAt: [], errors: 0 };
  const inFlight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const sentAt = performance.now();
    const p = client.call(channel, input).then(
      ({ ms, body }) => {
        if (envelope.safeParse(body).success) {
          out.latencies.push(ms);
          out.sentAt.push(sentAt);
        } else out.errors++;
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

/**
 * IPC_BENCH_TRACE=1: the worst wait of the calls made in each 5 s of the sampling, on stderr, to tell a
 * stall at one moment from a queue that grows all along.
 */
function trace(prefix: string, s: Sampled): void {
  if (!process.env.IPC_BENCH_TRACE || s.sentAt.length === 0) return;
  const t0 = Math.min(...s.sentAt);
  const worst: number[] = [];
  s.sentAt.forEach((t, i) => {
    const w = Math.floor((t - t0) / 5_000);
    worst[w] = Math.max(worst[w] ?? 0, s.latencies[i]!);
  });
  process.stderr.write(`${prefix} worst per 5 s: ${worst.map((ms) => Math.round(ms ?? 0)).join(' ')}\n`);
}

function summarise(report: Report, prefix: string, s: Sampled, what: string, goals = false): void {
  trace(prefix, s);
  const sorted = [...s.latencies].sort((a, b) => a - b);
  report(`${prefix}.p50.ms`, percentile(sorted, 50), `ms (${what})`);
  report(`${prefix}.p95.ms`, percentile(sorted, 95), `ms (${what}${goals ? '; goal < 50' : ''})`);
  report(`${prefix}.p99.ms`, percentile(sorted, 99), `ms (${what})`);
  report(`${prefix}.max.ms`, sorted.at(-1) ?? NaN, `ms (${what}${goals ? '; goal < 250' : ''})`);
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
    const info = await sample(c, 'app:info', {}, 20, finished);
    const syncMs = performance.now() - t0;
    const orders = await invoke(c, 'orders:list', z.object({ items: z.array(z.unknown()) }), { limit: 1 });
    if (orders.items.length === 0) throw new Error('the sync stored no orders');
    summarise(report, `${prefix}.duringFullSync`, info, 'app:info every 20 ms over the web bridge', true);
    report(
      `${prefix}.duringFullSync.syncMs`,
      syncMs,
      `ms (${days} days of orders, outcome ${await finished}, app process CPU ${Math.round(processCpuMs(host.pid) - hostCpu0)} ms)`,
    );
    const list: Sampled = { latencies: [], sentAt: [], errors: 0 };
    for (let i = 0; i < 20; i++) {
      const { ms, body } = await c.call('orders:list', { limit: 20 });
      if (envelope.safeParse(body).success) list.latencies.push(ms);
      else list.errors++;
    }
    summarise(report, `${prefix}.afterFullSync.ordersList`, list, 'orders:list of 20, one at a time, idle');
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
