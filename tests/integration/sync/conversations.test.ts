import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { admin, connectShop, shopCaller, startWorld, type SyncWorld } from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor, type TestSync } from '../../helpers/sync-service';

/**
 * Conversations and messages as TikTok documents them (Get Message in the Conversation 202412):
 * `conversation_index` is a decimal string, here above 2^53, and IMAGE/EMOTICONS content carries its
 * width and height as strings. Every shop's conversations sync, and a message one past the newest stored
 * is told apart from it even where a JS number could not.
 */

let world: SyncWorld;
let shops: Array<{ id: string; cipher: string }>;
let t: TestSync;
beforeAll(async () => {
  world = await startWorld();
  shops = await connectShop(world);
  t = syncServiceFor(world);
});
afterAll(async () => {
  await t.service.close();
  await world.close();
});

const lastRun = () => t.service.history({ limit: 1 }).runs[0]!;

describe('conversations', () => {
  it('sync for every shop, indexes kept as exact decimal text', async () => {
    await syncAndWait(t, { resources: ['conversations'] });
    const run = lastRun();
    expect(run.outcome, JSON.stringify(run.resources)).toBe('ok');
    expect(run.resources.map((r) => r.outcome)).toEqual(['ok', 'ok']);
    for (const shop of shops) {
      const n = world.db
        .prepare(
          'SELECT COUNT(*) FROM messages m JOIN conversations c USING (conversation_id) WHERE c.shop_id = ?',
        )
        .pluck()
        .get(shop.id) as number;
      expect(n, `messages of shop ${shop.id}`).toBeGreaterThan(0);
    }
    const indexes = world.db
      .prepare('SELECT conversation_index AS i, typeof(conversation_index) AS t FROM messages')
      .all() as Array<{ i: string; t: string }>;
    expect(indexes.every((r) => r.t === 'text' && BigInt(r.i) > 2n ** 53n)).toBe(true);
    const image = world.db
      .prepare(`SELECT content FROM messages WHERE type = 'IMAGE' LIMIT 1`)
      .pluck()
      .get() as string;
    expect(JSON.parse(image)).toMatchObject({ width: '304', height: '290' });
  });

  it('a new message one index past the newest stored is read on the next sync', async () => {
    const shop = shops[0]!;
    const conv = world.db
      .prepare(
        'SELECT conversation_id AS id, last_index AS last FROM conversations WHERE shop_id = ? ORDER BY conversation_id LIMIT 1',
      )
      .get(shop.id) as { id: string; last: string };
    const call = shopCaller(world, shop.cipher);
    const sent = await call(
      'POST',
      `/affiliate_seller/202412/conversations/${conv.id}/messages`,
      z.object({ message_id: z.string() }),
      { msg_type: 'TEXT', content: JSON.stringify({ content: 'Thanks, samples are on the way' }) },
    );
    await syncAndWait(t, { resources: ['conversations'] });
    expect(lastRun().outcome).toBe('ok');
    const row = world.db
      .prepare('SELECT conversation_index AS i FROM messages WHERE message_id = ?')
      .get(sent.message_id) as { i: string } | undefined;
    expect(row).toBeDefined();
    // One past the last stored: indistinguishable from it as a JS number.
    expect(BigInt(row!.i)).toBe(BigInt(conv.last) + 1n);
    expect(Number(row!.i)).toBe(Number(conv.last));
    expect(
      world.db.prepare('SELECT last_index FROM conversations WHERE conversation_id = ?').pluck().get(conv.id),
    ).toBe(row!.i);
  });

  it('a message TikTok sends with an unreadable index is kept aside; the others are stored', async () => {
    await admin(world.info, 'POST', '/faults', {
      corruptRecordEveryN: 1,
      pathContains: '/messages',
      corruptField: 'conversation_index',
      corruptValue: { value: 1 },
    });
    try {
      const before = world.db.prepare('SELECT COUNT(*) FROM messages').pluck().get() as number;
      // A fresh database sees every message as new: read everything again there.
      world.db.exec("DELETE FROM messages; UPDATE conversations SET last_index = '0'");
      await syncAndWait(t, { resources: ['conversations'] });
      const run = lastRun();
      expect(run.outcome).toBe('partial');
      const aside = run.resources.flatMap((r) => r.quarantined);
      expect(aside.length).toBeGreaterThan(0);
      expect(aside.every((q) => !q.stored && q.issues[0]?.path === 'conversation_index')).toBe(true);
      const after = world.db.prepare('SELECT COUNT(*) FROM messages').pluck().get() as number;
      expect(after).toBe(before - aside.length);
    } finally {
      await admin(world.info, 'DELETE', '/faults');
    }
  });
});
