import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { messageReadsAtOnce } from '../../../src-main/sync/jobs/conversations';
import { admin, connectShop, shopCaller, startWorld, type SyncWorld } from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor, type TestSync } from '../../helpers/sync-service';

/**
 * The conversations job against a world of creator conversations (`POST /admin/world`), over real signed
 * HTTP. The app's Shop API calls pass through a loopback relay in front of the sandbox that counts, per
 * shop, the Get Messages calls in flight and when each started: what the server sees, not what the job
 * says of itself.
 */

interface Seen {
  cipher: string;
  conversationId: string;
  pageToken: string | null;
  at: number;
}

interface Relay {
  base: string;
  seen: Seen[];
  /** Most Get Messages calls in flight at once, per shop cipher. */
  peak: Map<string, number>;
  reset(): void;
  close(): Promise<void>;
}

const messagesPath = /\/affiliate_seller\/\d+\/conversation\/([^/]+)\/messages$/;

async function startRelay(target: string): Promise<Relay> {
  const up = new URL(target);
  const inFlight = new Map<string, number>();
  const relay = {
    seen: [] as Seen[],
    peak: new Map<string, number>(),
    reset() {
      relay.seen = [];
      relay.peak = new Map();
    },
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://relay');
    const m = req.method === 'GET' ? messagesPath.exec(url.pathname) : null;
    const cipher = url.searchParams.get('shop_cipher') ?? '';
    if (m) {
      relay.seen.push({
        cipher,
        conversationId: decodeURIComponent(m[1]!),
        pageToken: url.searchParams.get('page_token'),
        at: performance.now(),
      });
      const n = (inFlight.get(cipher) ?? 0) + 1;
      inFlight.set(cipher, n);
      relay.peak.set(cipher, Math.max(relay.peak.get(cipher) ?? 0, n));
      res.once('close', () => inFlight.set(cipher, (inFlight.get(cipher) ?? 1) - 1));
    }
    const out = request(
      { host: up.hostname, port: up.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = new URL(target);
  base.host = `127.0.0.1:${port}`;
  return {
    get seen() {
      return relay.seen;
    },
    get peak() {
      return relay.peak;
    },
    base: base.toString().replace(/\/$/, ''),
    reset: relay.reset,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let world: SyncWorld;
let relayed: SyncWorld;
let relay: Relay;
let t: TestSync;
let shops: Array<{ id: string; cipher: string }>;
/** A conversation with more than one page of messages before the first sync. */
let long: string;

beforeAll(async () => {
  world = await startWorld({ config: { shopQps: 100_000 } });
  shops = await connectShop(world);
  const loaded = await admin(world.info, 'POST', '/world', { seed: 11, size: 700 });
  expect(loaded).toMatchObject({ ok: true });
  long = [...(await remoteConversations(shops[0]!.cipher)).keys()][0]!;
  for (let i = 0; i < 30; i++)
    await admin(world.info, 'POST', '/messages', { text: `earlier ${i}`, conversationId: long });
  relay = await startRelay(world.profile.shopApiBase);
  relayed = { ...world, profile: { ...world.profile, shopApiBase: relay.base } };
  t = syncServiceFor(relayed, { limits: { shopQps: 100_000 } });
}, 60_000);
afterAll(async () => {
  await t?.service.close();
  await relay?.close();
  await world?.close();
});

const lastRun = () => t.service.history({ limit: 1 }).runs[0]!;
const count = (sql: string, ...args: unknown[]): number =>
  world.db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

/** A shop's conversations with their unread counts, read page by page straight from the sandbox. */
async function remoteConversations(cipher: string): Promise<Map<string, number>> {
  const call = shopCaller(world, cipher);
  const page = z.object({
    next_page_token: z.string(),
    conversations: z.array(z.object({ id: z.string(), unread_count: z.number() })),
  });
  const unread = new Map<string, number>();
  let token = '';
  do {
    const p = await call('GET', '/affiliate_seller/202412/conversations', page, undefined, {
      page_size: '50',
      only_need_conversation_id: 'false',
      ...(token ? { page_token: token } : {}),
    });
    for (const c of p.conversations) unread.set(c.id, c.unread_count);
    token = p.next_page_token;
  } while (token);
  return unread;
}

/** Every message id of a conversation, read page by page straight from the sandbox. */
async function remoteMessageIds(cipher: string, conversationId: string): Promise<string[]> {
  const call = shopCaller(world, cipher);
  const page = z.object({
    next_page_token: z.string(),
    messages: z.array(z.object({ message_body: z.object({ id: z.string() }) })),
  });
  const ids: string[] = [];
  let token = '';
  do {
    const p = await call(
      'GET',
      `/affiliate_seller/202412/conversation/${conversationId}/messages`,
      page,
      undefined,
      { page_size: '20', ...(token ? { page_token: token } : {}) },
    );
    ids.push(...p.messages.map((m) => m.message_body.id));
    token = p.next_page_token;
  } while (token);
  return ids;
}

function storedIds(conversationId: string): string[] {
  return world.db
    .prepare('SELECT message_id FROM messages WHERE conversation_id = ?')
    .pluck()
    .all(conversationId) as string[];
}

describe('conversation sync', () => {
  it('reads conversations side by side, never more at once per shop than the pool', async () => {
    // A round trip long enough that calls overlap whenever the job lets them.
    await admin(world.info, 'POST', '/faults', { latencyMs: 25, pathContains: '/conversation/' });
    try {
      await syncAndWait(t, { resources: ['conversations'] });
    } finally {
      await admin(world.info, 'DELETE', '/faults');
    }
    expect(lastRun().outcome, JSON.stringify(lastRun().resources)).toBe('ok');
    const conversations = count('SELECT COUNT(*) FROM conversations');
    expect(conversations).toBeGreaterThan(4 * messageReadsAtOnce);
    expect(count('SELECT COUNT(*) FROM messages')).toBeGreaterThanOrEqual(conversations);
    const peaks = shops.map((s) => relay.peak.get(s.cipher) ?? 0);
    for (const p of peaks) expect(p).toBeLessThanOrEqual(messageReadsAtOnce);
    // Each shop has well over a pool's worth of conversations per list page, so the pool fills.
    expect(Math.max(...peaks)).toBe(messageReadsAtOnce);
  });

  it('a re-sync with nothing new asks each conversation for its newest page once and writes nothing', async () => {
    relay.reset();
    await syncAndWait(t, { resources: ['conversations'] });
    const run = lastRun();
    expect(run.outcome).toBe('ok');
    expect(run.resources.reduce((n, r) => n + r.inserted + r.updated, 0)).toBe(0);
    const conversations = count('SELECT COUNT(*) FROM conversations');
    expect(relay.seen).toHaveLength(conversations);
    expect(new Set(relay.seen.map((s) => s.conversationId)).size).toBe(conversations);
    expect(relay.seen.every((s) => s.pageToken === null)).toBe(true);
    expect(count('SELECT COUNT(*) FROM messages WHERE conversation_id = ?', long)).toBeGreaterThan(30);
  });

  it('reads a message TikTok counts as read: the seller’s own, and a reply read in Seller Center', async () => {
    // Two conversations the app stored with nothing unread; afterwards TikTok still lists them unread 0.
    const rows = world.db
      .prepare(
        `SELECT c.conversation_id AS id, s.cipher FROM conversations c JOIN shops s USING (shop_id)
         WHERE c.unread_count = 0 AND c.conversation_id <> ? ORDER BY c.conversation_id LIMIT 2`,
      )
      .all(long) as Array<{ id: string; cipher: string }>;
    expect(rows).toHaveLength(2);
    const [sellerSide, creatorSide] = rows as [(typeof rows)[0], (typeof rows)[0]];
    const before = count('SELECT COUNT(*) FROM messages');
    // The seller writes from Seller Center (not through ShopMesh): no unread count for the seller's own.
    const sent = await shopCaller(world, sellerSide.cipher)(
      'POST',
      `/affiliate_seller/202412/conversations/${sellerSide.id}/messages`,
      z.object({ message_id: z.string() }),
      { msg_type: 'TEXT', content: JSON.stringify({ content: 'Samples ship Monday' }) },
    );
    // The creator replies and the merchant reads it in Seller Center: unread is back where it was.
    await admin(world.info, 'POST', '/messages', { text: 'Got it, thanks!', conversationId: creatorSide.id });
    await shopCaller(world, creatorSide.cipher)(
      'POST',
      '/affiliate_seller/202412/conversatons/read',
      z.object({ failed_conversation_ids: z.array(z.string()) }),
      { conversation_ids: [creatorSide.id] },
    );
    expect((await remoteConversations(sellerSide.cipher)).get(sellerSide.id)).toBe(0);
    expect((await remoteConversations(creatorSide.cipher)).get(creatorSide.id)).toBe(0);

    relay.reset();
    await syncAndWait(t, { resources: ['conversations'] });
    expect(lastRun().outcome).toBe('ok');
    expect(count('SELECT COUNT(*) FROM messages')).toBe(before + 2);
    expect(count('SELECT COUNT(*) FROM messages WHERE message_id = ?', sent.message_id)).toBe(1);
    expect(
      count(
        `SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND from_creator = 1
         AND content = '{"content":"Got it, thanks!"}'`,
        creatorSide.id,
      ),
    ).toBe(1);
    // Only each conversation's newest page was asked for.
    expect(relay.seen.filter((s) => s.conversationId === sellerSide.id)).toHaveLength(1);
    expect(relay.seen.filter((s) => s.conversationId === creatorSide.id)).toHaveLength(1);
  });

  it('paces Get Messages through the shop’s bucket: the pool adds no calls beyond TikTok’s per-second limit', async () => {
    // TikTok's own figure: 50 per second per API, app and shop (docs/tiktok-api/errors-and-limits.md).
    const limit = 50;
    const paced = syncServiceFor(relayed, { limits: { shopQps: limit } });
    try {
      relay.reset();
      await syncAndWait(paced, { resources: ['conversations'] });
      expect(paced.service.history({ limit: 1 }).runs[0]!.outcome).toBe('ok');
    } finally {
      await paced.service.close();
    }
    for (const s of shops) {
      const starts = relay.seen.filter((x) => x.cipher === s.cipher).map((x) => x.at);
      expect(starts.length).toBeGreaterThan(limit);
      // Measured over the whole run, not per second: on a loaded host this process stalls now and then and
      // a stall bunches arrivals at the relay even though the bucket sent them paced.
      const perSecond = ((starts.length - 1) * 1_000) / (starts[starts.length - 1]! - starts[0]!);
      expect(perSecond, `Get Messages calls of shop ${s.id} per second`).toBeLessThanOrEqual(limit);
    }
  }, 60_000);

  it('a read failing mid-conversation fails its page, and the next run resumes with nothing lost or twice', async () => {
    const victim = world.db
      .prepare(
        `SELECT c.conversation_id AS id, c.shop_id AS shopId, s.cipher FROM conversations c JOIN shops s USING (shop_id)
         ORDER BY c.conversation_id DESC LIMIT 1`,
      )
      .get() as { id: string; shopId: string; cipher: string };
    // Every conversation gets a new reply; the victim 25 more, so its new messages span two pages.
    await admin(world.info, 'POST', '/messages', { text: 'new in every conversation' });
    for (let i = 0; i < 25; i++)
      await admin(world.info, 'POST', '/messages', { text: `more ${i}`, conversationId: victim.id });
    const cursor = () =>
      world.db
        .prepare(`SELECT updated_at FROM sync_cursors WHERE scope = ? AND resource = 'conversations'`)
        .pluck()
        .get(victim.shopId);
    const cursorBefore = cursor();
    const victimBefore = storedIds(victim.id).length;
    // Its first page answers; its second is refused for good (HTTP 501 is final, never retried).
    await admin(world.info, 'POST', '/faults', {
      notImplementedEveryN: 2,
      pathContains: `/conversation/${victim.id}/messages`,
    });
    try {
      await syncAndWait(t, { resources: ['conversations'] });
    } finally {
      await admin(world.info, 'DELETE', '/faults');
    }
    const failed = lastRun().resources.find((r) => r.scope === victim.shopId);
    expect(failed?.outcome).not.toBe('ok');
    expect(storedIds(victim.id)).toHaveLength(victimBefore);
    expect(cursor()).toEqual(cursorBefore);

    await syncAndWait(t, { resources: ['conversations'] });
    expect(lastRun().outcome, JSON.stringify(lastRun().resources)).toBe('ok');
    const all = world.db
      .prepare('SELECT c.conversation_id AS id, s.cipher FROM conversations c JOIN shops s USING (shop_id)')
      .all() as Array<{ id: string; cipher: string }>;
    for (const c of all) {
      const remote = await remoteMessageIds(c.cipher, c.id);
      expect(new Set(remote).size).toBe(remote.length);
      expect(storedIds(c.id).sort(), c.id).toEqual([...remote].sort());
    }
    expect(storedIds(victim.id)).toHaveLength(victimBefore + 26);
  }, 60_000);
});
