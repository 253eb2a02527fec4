import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type Database, openDatabase } from '../../src-main/db/connection';
import { silentLogger } from '../../src-main/log/logger';
import { sandboxProfile } from '../../src-main/profile/profile';
import { createSyncService, type SyncService } from '../../src-main/sync/service';
import { admin, connectShop, TestTokenSource } from '../helpers/sync-fixtures';
import { makeTempDir } from '../helpers/tmp';
import { type SandboxProcess, spawnBenchSandbox } from './sandbox-process';

type Report = (name: string, value: number, unit: string) => void;

/** The creator world of crm14's finding: 20,000 creators, about half of them in a conversation. */
const worldSize = 20_000;

/**
 * The conversations job (`npm run bench sync-conversations`): a shop Account whose sandbox holds a generated
 * world of ~10,000 creator conversations (`POST /admin/world`), synced from nothing, then again with nothing
 * new. The sandbox runs in its own process, as for `sync.full`, with its QPS limit lifted and the client's
 * limiter raised to match, so the figures are the app's and the sandbox's own work: at TikTok's real 50 per
 * second per API and shop, one Get Messages call per conversation by itself takes the larger shop's
 * conversations / 44 seconds (docs/sync.md, "Conversations"); `rtt100` measures at that pace.
 */
export async function benchSyncConversations(report: Report): Promise<void> {
  // SYNC_CONVERSATIONS_BENCH_ONLY=lifted|rtt100 runs one half (for paired old/new runs).
  const only = process.env.SYNC_CONVERSATIONS_BENCH_ONLY;
  if (only !== 'rtt100') await benchLifted(report);
  if (only !== 'lifted') await benchAtTikTokPace(report);
}

interface Timed {
  ms: number;
  clientCpuMs: number;
  sandboxCpuMs: number;
}

interface ConversationWorld {
  sandbox: SandboxProcess;
  db: Database;
  service: SyncService;
  loaded: number;
  /** One conversations sync, timed. */
  once(): Promise<Timed>;
}

/** A tiny sandbox process holding a creator world of `size`, its shop Account connected to a fresh database. */
async function withConversationWorld(
  size: number,
  shopQps: number,
  body: (w: ConversationWorld) => Promise<void>,
): Promise<void> {
  const sandbox = await spawnBenchSandbox('tiny');
  const tmp = makeTempDir('shopmesh-bench-');
  const db = openDatabase(join(tmp.dir, 'shopmesh.db'));
  try {
    const { info } = sandbox;
    await admin(info, 'POST', '/config', { shopQps });
    const loaded = z
      .object({ conversations: z.number().int() })
      .parse(await admin(info, 'POST', '/world', { seed: 21, size }));
    const profile = sandboxProfile(info);
    const tokens = new TestTokenSource(db, info);
    await connectShop({ db, info, profile, tokens });
    const service = createSyncService({
      db,
      tokenSource: tokens,
      profile,
      logger: silentLogger(),
      emit: () => undefined,
      limits: { shopQps },
    });
    const once = async (): Promise<Timed> => {
      const sandboxCpu0 = sandbox.cpuMs();
      const cpu0 = process.cpuUsage();
      const t = performance.now();
      const r = await service.run({ resources: ['conversations'] });
      await service.whenIdle(r.started);
      const ms = performance.now() - t;
      const cpu = process.cpuUsage(cpu0);
      return {
        ms,
        clientCpuMs: (cpu.user + cpu.system) / 1000,
        sandboxCpuMs: sandboxCpu0 >= 0 ? sandbox.cpuMs() - sandboxCpu0 : -1,
      };
    };
    try {
      await body({ sandbox, db, service, loaded: loaded.conversations, once });
    } finally {
      await service.close();
    }
  } finally {
    db.close();
    tmp.cleanup();
    await sandbox.stop();
  }
}

/**
 * ~10,000 conversations with both QPS limits lifted: the app's and the sandbox's own work, plus the lifted
 * bucket's waits (capacity 1: concurrent callers each sleep at least a 1 ms timer; docs/sync.md).
 */
async function benchLifted(report: Report): Promise<void> {
  await withConversationWorld(worldSize, 1_000_000, async ({ db, service, loaded, once }) => {
    const outcome = () => service.history({ limit: 1 }).runs[0]?.outcome;
    const rows = () => service.history({ limit: 1 }).runs[0]?.resources ?? [];

    const full = await once();
    const fullOutcome = outcome();
    const conversations = db.prepare('SELECT COUNT(*) FROM conversations').pluck().get() as number;
    const messages = db.prepare('SELECT COUNT(*) FROM messages').pluck().get() as number;
    report(
      'sync.conversations.count',
      conversations,
      `conversations (world of ${worldSize} creators: ${loaded} loaded; ${messages} messages; outcome ${fullOutcome})`,
    );
    report(
      'sync.conversations.full.ms',
      full.ms,
      'ms (from nothing; sandbox in a child process, QPS lifted)',
    );
    report('sync.conversations.full.perSec', (conversations * 1000) / full.ms, 'conversations/s');
    report('sync.conversations.full.clientCpuMs', full.clientCpuMs, 'ms (user + system, this process)');
    if (full.sandboxCpuMs >= 0)
      report(
        'sync.conversations.full.sandboxCpuMs',
        full.sandboxCpuMs,
        'ms (user + system, sandbox process)',
      );

    const again = await once();
    report(
      'sync.conversations.nothingNew.ms',
      again.ms,
      `ms (one Get Messages call per conversation; outcome ${outcome()})`,
    );
    report(
      'sync.conversations.nothingNew.rowsWritten',
      rows().reduce((n, x) => n + x.inserted + x.updated, 0),
      'rows',
    );
    report(
      'sync.conversations.nothingNew.clientCpuMs',
      again.clientCpuMs,
      'ms (user + system, this process)',
    );
    if (again.sandboxCpuMs >= 0)
      report(
        'sync.conversations.nothingNew.sandboxCpuMs',
        again.sandboxCpuMs,
        'ms (user + system, sandbox process)',
      );
  });
}

/**
 * At TikTok's own pace: Get Messages answering after 100 ms (a plausible round trip from a merchant's desk
 * to TikTok) and TikTok's 50 per second per API and shop, for a smaller world so the sequential job of
 * before still finishes in a benchmark. The first sync runs without the delay; the re-sync with nothing new
 * is timed with it.
 */
async function benchAtTikTokPace(report: Report): Promise<void> {
  const size = 2_000;
  await withConversationWorld(size, 50, async ({ sandbox, db, service, once }) => {
    await once();
    const conversations = db.prepare('SELECT COUNT(*) FROM conversations').pluck().get() as number;
    // Each shop has its own bucket: the larger shop's conversations set the floor.
    const largest = db
      .prepare('SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM conversations GROUP BY shop_id)')
      .pluck()
      .get() as number;
    report('sync.conversations.rtt100.count', conversations, `conversations (world of ${size} creators)`);
    await admin(sandbox.info, 'POST', '/faults', { latencyMs: 100, pathContains: '/conversation/' });
    const again = await once();
    const outcome = service.history({ limit: 1 }).runs[0]?.outcome;
    report(
      'sync.conversations.rtt100.nothingNew.ms',
      again.ms,
      `ms (100 ms per Get Messages answer, 50/s per shop; floor ${Math.round((largest / 44) * 1000)} ms: ${largest} in the larger shop at its bucket's 44/s; outcome ${outcome})`,
    );
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { printReport } = await import('./report');
  await benchSyncConversations(printReport);
}
