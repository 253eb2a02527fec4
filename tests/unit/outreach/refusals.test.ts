import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { type Database, openDatabase } from '../../../src-main/db/connection';
import { silentLogger } from '../../../src-main/log/logger';
import { nextUtcDay, nextWeeklyReset } from '../../../src-main/outreach/calendar';
import { OutreachQueue } from '../../../src-main/outreach/queue';
import { OutreachService } from '../../../src-main/outreach/service';

/**
 * Every refusal TikTok documents for outreach, answered by a scripted TikTok over real HTTP: what each one
 * does to the Deliveries and the Outreach (docs/outreach.md, "Refusals").
 */

type Reply = { code: number; message?: string; data?: unknown; status?: number };
let script: Array<(path: string, body: Record<string, unknown>) => Reply | null> = [];
const seen: Array<{ path: string; body: Record<string, unknown> }> = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      seen.push({ path, body });
      let reply: Reply | null = null;
      for (const rule of script) if ((reply = rule(path, body))) break;
      reply ??= { code: 0, data: {} };
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          code: reply.code,
          message: reply.message ?? 'Success',
          request_id: 'r',
          data: reply.data ?? null,
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let db: Database;
let now = Date.UTC(2026, 11, 2, 12); // a Wednesday
let authFails = false;
let service: OutreachService;
let creators: number[];

const queue = () =>
  new OutreachQueue({
    db,
    tokens: {
      accessToken: async () => 'token',
      reportAuthFailure: async () => {
        throw new AppError('AUTH_EXPIRED', 'The account needs reconnecting');
      },
    },
    app: { apiBase: base, appKey: 'k', appSecret: 's' },
    now: () => now,
    logger: silentLogger(),
    random: () => 0,
  });

beforeEach(() => {
  db = openDatabase(':memory:');
  now = Date.UTC(2026, 11, 2, 12);
  authFails = false;
  script = [];
  seen.length = 0;
  db.exec(`
    INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
      VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
    INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('s1', 'a1', 'Maple Moss', 'US', 'USD', 'c1');
  `);
  const insert = db.prepare(
    `INSERT INTO creators (canonical_id, open_id, handle, nickname, region, first_seen_at, updated_at) VALUES (0, ?, ?, ?, 'US', 1, 1)`,
  );
  creators = ['oA', 'oB', 'oC'].map((o, i) => Number(insert.run(o, `h${i}`, `Name ${i}`).lastInsertRowid));
  // Each is its own identity (the CRM's merge tree root).
  db.exec('UPDATE creators SET canonical_id = id WHERE canonical_id = 0');
  service = new OutreachService({ db, now: () => now });
  void authFails;
});

function outreach(action: 'invite' | 'message', ids = creators) {
  const t =
    action === 'invite'
      ? {
          invitationTemplateId: service.templates.save({
            name: `i${Math.random()}`,
            kind: 'invitation',
            language: 'en',
            body: '{{shop_name}} invites you',
          }).id,
        }
      : {
          messageTemplateId: service.templates.save({
            name: `m${Math.random()}`,
            kind: 'message',
            language: 'en',
            body: 'Hi {{creator_name}}',
          }).id,
        };
  const { outreach: o } = service.create({
    accountId: 'a1',
    shopId: 's1',
    name: 'Test',
    action,
    creatorIds: ids,
    products: [{ productId: 'p1', commissionBp: 1500 }],
    freeSample: { hasFreeSample: false, approvalExempt: false },
    sellerEmail: 'team@example.com',
    ...t,
    values: {},
    window: null,
    dailyCap: null,
    ratePerMinute: 3_000,
    weeklyPool: null,
  });
  service.start(o.id);
  return o.id;
}

/** Runs the queue on the test clock: waiting moves the clock instead of sleeping. */
const run = (until?: number) =>
  queue().drain({ ...(until === undefined ? {} : { until }), sleep: async (ms) => void (now += ms) });

const states = (id: number) =>
  db
    .prepare(
      'SELECT creator_open_id AS o, state, reason, reason_detail AS detail FROM deliveries WHERE outreach_id = ? ORDER BY id',
    )
    .all(id) as Array<{ o: string; state: string; reason: string | null; detail: string | null }>;

const onInvite = (reply: Reply) => (path: string) => (path.endsWith('/target_collaborations') ? reply : null);
const onSend = (reply: Reply) => (path: string) => (path.endsWith('/messages') ? reply : null);
const conversation = (path: string, body: Record<string, unknown>) =>
  path.endsWith('/202508/conversations')
    ? { code: 0, data: { conversation_id: `conv-${String(body.creator_open_id)}` } }
    : null;

describe('TikTok refusals', () => {
  it('16024022: every pair already invited → skipped as already invited, not failed', async () => {
    script = [onInvite({ code: 16024022, message: 'This invitation has exist creator and product' })];
    const id = outreach('invite');
    await run();
    expect(states(id).map((d) => [d.state, d.reason])).toEqual(Array(3).fill(['skipped', 'already_invited']));
    expect(service.get(id).status).toBe('finished');
  });

  it('conflicts in a successful answer are mapped to their Deliveries', async () => {
    script = [
      onInvite({
        code: 0,
        data: {
          target_collaboration: { id: 'tc1' },
          target_collaboration_conflicts: [{ creator_user_open_id: 'oB', product_id: 'p1' }],
        },
      }),
    ];
    const id = outreach('invite');
    await run();
    expect(states(id).map((d) => [d.o, d.state, d.reason])).toEqual([
      ['oA', 'sent', null],
      ['oB', 'skipped', 'already_invited'],
      ['oC', 'sent', null],
    ]);
    // One request for the batch of three, with the batch's deterministic name.
    const creates = seen.filter((s) => s.path.endsWith('/target_collaborations'));
    expect(creates).toHaveLength(1);
    expect(creates[0]!.body.creator_user_open_ids).toEqual(['oA', 'oB', 'oC']);
    expect(String(creates[0]!.body.name)).toMatch(/^Test · SM-[0-9a-f]{12}-1$/);
  });

  it.each([
    [16024019, 'invite', 'weekly'],
    [16030002, 'message', 'weekly'],
    [45101004, 'message', 'daily'],
  ] as const)('%i: quota → paused until the reset, nothing failed', async (code, action, kind) => {
    script = [
      conversation,
      action === 'invite' ? onInvite({ code, message: 'quota' }) : onSend({ code, message: 'quota' }),
    ];
    const id = outreach(action);
    await run(now + 1_000);
    const o = service.get(id);
    expect(o.status).toBe('paused');
    expect(o.pauseReason).toBe('quota');
    expect(o.resumeAt).toBe(kind === 'weekly' ? nextWeeklyReset(now) : nextUtcDay(now));
    expect(states(id).every((d) => d.state === 'queued')).toBe(true);
    if (kind === 'weekly') expect(new Date(o.resumeAt!).toISOString()).toBe('2026-12-06T20:00:00.000Z');
    // At the reset the Outreach runs again and sends.
    script = [
      conversation,
      onSend({ code: 0, data: { message_id: 'm1' } }),
      onInvite({ code: 0, data: { target_collaboration: { id: 'tc' } } }),
    ];
    now = o.resumeAt! + 1;
    db.exec('DELETE FROM outreach_pool_exhausted');
    await run(now + 1_000);
    expect(service.get(id).status).toBe('finished');
    expect(states(id).every((d) => d.state === 'sent')).toBe(true);
  });

  it("50001703: sensitive words → failed with TikTok's words", async () => {
    script = [onInvite({ code: 50001703, message: 'The request parameters contain sensitive words.' })];
    const id = outreach('invite');
    await run();
    for (const d of states(id)) {
      expect([d.state, d.reason]).toEqual(['failed', 'sensitive_words']);
      expect(d.detail).toContain('sensitive words');
    }
  });

  it('45101021: privacy → skipped and remembered for the next Outreach', async () => {
    script = [
      conversation,
      (p) => (p.includes('conv-oB') ? { code: 45101021, message: 'privacy control' } : null),
      onSend({ code: 0, data: { message_id: 'x' } }),
    ];
    const id = outreach('message');
    await run();
    expect(states(id).map((d) => [d.o, d.state, d.reason])).toEqual([
      ['oA', 'sent', null],
      ['oB', 'skipped', 'privacy'],
      ['oC', 'sent', null],
    ]);
    const next = outreach('message');
    expect(states(next).find((d) => d.o === 'oB')).toMatchObject({ state: 'skipped', reason: 'privacy' });
  });

  it('16032001 on a batch: each creator is sent alone so the refusal lands on the right one', async () => {
    script = [
      (p, b) => {
        if (!p.endsWith('/target_collaborations')) return null;
        const ids = b.creator_user_open_ids as string[];
        return ids.includes('oC')
          ? { code: 16032001, message: 'Region mismatch' }
          : { code: 0, data: { target_collaboration: { id: `tc-${ids.join()}` } } };
      },
    ];
    const id = outreach('invite');
    await run();
    expect(states(id).map((d) => [d.o, d.state, d.reason])).toEqual([
      ['oA', 'sent', null],
      ['oB', 'sent', null],
      ['oC', 'skipped', 'region_mismatch'],
    ]);
  });

  it.each([
    [50001702, 'unavailable'],
    [16024008, 'remote'],
  ] as const)("%i on one creator → failed (%s) with TikTok's message", async (code, reason) => {
    script = [onInvite({ code, message: `TikTok says ${code}` })];
    const id = outreach('invite', creators.slice(0, 1));
    await run();
    expect(states(id)).toEqual([
      { o: 'oA', state: 'failed', reason, detail: expect.stringContaining(`TikTok says ${code}`) },
    ]);
  });

  it('an expired grant pauses the Outreach with nothing lost', async () => {
    script = [onInvite({ code: 105002, message: 'access token expired' })];
    const id = outreach('invite');
    await run();
    expect(service.get(id)).toMatchObject({ status: 'paused', pauseReason: 'auth' });
    expect(states(id).every((d) => d.state === 'queued')).toBe(true);
  });

  it('a rate limit that outlasts the HTTP retries is retried later with backoff, then succeeds', async () => {
    let n = 0;
    script = [
      (p) =>
        p.endsWith('/target_collaborations') && n++ < 5
          ? { code: 36009002, status: 429, message: 'rate' }
          : null,
      onInvite({ code: 0, data: { target_collaboration: { id: 'tc' } } }),
    ];
    const id = outreach('invite');
    await run();
    expect(states(id).every((d) => d.state === 'sent')).toBe(true);
    // The HTTP layer's own five attempts wait real (jittered) seconds; the queue's backoff runs on the test clock.
  }, 30_000);
});

describe('Outreach controls', () => {
  it('pause, resume and cancel follow the state machine; a cancelled queue sends nothing', async () => {
    script = [conversation, onSend({ code: 0, data: { message_id: 'm' } })];
    const id = outreach('message');
    expect(service.pause(id).status).toBe('paused');
    expect(() => service.pause(id)).toThrow(/is paused, so it cannot be paused/);
    await run();
    expect(states(id).every((d) => d.state === 'queued')).toBe(true);
    expect(service.resume(id).status).toBe('running');
    expect(service.cancel(id).status).toBe('cancelled');
    expect(() => service.start(id)).toThrow(/cancelled/);
    await run();
    expect(states(id).every((d) => d.state === 'cancelled')).toBe(true);
    expect(seen.filter((s) => s.path.endsWith('/messages'))).toHaveLength(0);
  });

  it('lists Deliveries in keyset pages, filtered by state', () => {
    const id = outreach('message');
    const first = service.deliveries({ outreachId: id, limit: 2 });
    expect(first.items.map((d) => d.creatorOpenId)).toEqual(['oA', 'oB']);
    expect(first.total).toBe(3);
    const second = service.deliveries({ outreachId: id, limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({ items: [{ creatorOpenId: 'oC', state: 'queued' }], nextCursor: null });
    expect(service.deliveries({ outreachId: id, limit: 2, state: 'sent' })).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    });
    expect(() => service.deliveries({ outreachId: 999, limit: 2 })).toThrow(/does not exist/);
  });

  it('the idempotency key is unique in the database', () => {
    const id = outreach('message');
    const key = db
      .prepare('SELECT idempotency_key FROM deliveries WHERE outreach_id = ? LIMIT 1')
      .pluck()
      .get(id);
    expect(() =>
      db
        .prepare(
          `INSERT INTO deliveries (outreach_id, creator_open_id, action, idempotency_key, state, updated_at)
           VALUES (?, 'oA', 'message', ?, 'queued', 1)`,
        )
        .run(id, key),
    ).toThrow(/UNIQUE/);
  });
});
