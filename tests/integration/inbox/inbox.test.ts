import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ShopApi } from '../../../src-main/creators/shop-api';
import { InboxService } from '../../../src-main/inbox/service';
import { silentLogger } from '../../../src-main/log/logger';
import { admin, connectShop, shopCaller, startWorld, type SyncWorld } from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor, type TestSync } from '../../helpers/sync-service';
import { writesOf } from '../../helpers/outreach-world';

/**
 * The inbox against the sandbox: the synced conversations of every shop with their unread counts, a quick
 * reply sent exactly once per key (also when TikTok's answer is lost after the message went out), and
 * mark-as-read reaching TikTok.
 */

let world: SyncWorld;
let sync: TestSync;
let inbox: InboxService;
let shops: Array<{ id: string; cipher: string }>;
/** The conversation the reply test writes in: unread before the reply, and after it (TikTok's rule). */
let repliedIn = '';
const changed: string[][] = [];

beforeAll(async () => {
  world = await startWorld();
  shops = await connectShop(world);
  sync = syncServiceFor(world);
  await syncAndWait(sync, { resources: ['conversations'] });
  inbox = new InboxService({
    db: world.db,
    api: new ShopApi(world.db, world.tokens, world.profile, silentLogger(), Date.now),
    logger: silentLogger(),
    now: Date.now,
    emitChanged: (ids) => changed.push(ids),
  });
}, 60_000);
afterAll(async () => {
  await sync.service.close();
  await world.close();
});

const unreadAtTikTok = async (cipher: string): Promise<string[]> => {
  const call = shopCaller(world, cipher);
  const data = await call(
    'GET',
    '/affiliate_seller/202412/conversations',
    z.object({ conversations: z.array(z.object({ id: z.string() })) }),
    undefined,
    { page_size: '50', conversation_status: 'UNREAD' },
  );
  return data.conversations.map((c) => c.id);
};

describe('the inbox', () => {
  it('lists the conversations of every shop, latest first, with their unread counts', () => {
    const all = inbox.list({ unread: false, limit: 200 });
    expect(all.total).toBeGreaterThan(0);
    expect(new Set(all.items.map((c) => c.shopId))).toEqual(new Set(shops.map((s) => s.id)));
    const times = all.items.map((c) => c.lastMessageAt ?? 0);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const counts = inbox.counts();
    expect(counts.unread).toBe(all.items.reduce((a, c) => a + c.unreadCount, 0));
    const unread = inbox.list({ unread: true, limit: 200 });
    expect(unread.total).toBe(counts.unreadConversations);
    expect(unread.items.every((c) => c.unreadCount > 0)).toBe(true);
    // Keyset pages of one cover the same list without repeats.
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = inbox.list({ unread: false, limit: 1, ...(cursor ? { cursor } : {}) });
      paged.push(...page.items.map((c) => c.conversationId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all.items.map((c) => c.conversationId));
  });

  it('shows a conversation oldest first, with the creator’s words as text', () => {
    const conv = inbox.list({ unread: true, limit: 1 }).items[0]!;
    const view = inbox.messages({ conversationId: conv.conversationId, limit: 50 });
    expect(view.conversation.conversationId).toBe(conv.conversationId);
    expect(view.items.length).toBeGreaterThan(0);
    const fromCreator = view.items.filter((m) => m.fromCreator && m.kind === 'TEXT');
    expect(fromCreator.length).toBeGreaterThan(0);
    expect(fromCreator.every((m) => typeof m.text === 'string' && m.text.length > 0)).toBe(true);
    const times = view.items.map((m) => m.createdAt ?? 0);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('sends a quick reply once per key, even when the answer is lost after it went out', async () => {
    const conv = inbox.list({ unread: true, limit: 1, shopId: shops[0]!.id }).items[0]!;
    expect(conv.unreadCount).toBeGreaterThan(0);
    repliedIn = conv.conversationId;
    const since = Math.max(0, ...(await writesOf(world)).map((x) => x.seq));
    const sent = await inbox.reply({
      conversationId: conv.conversationId,
      text: 'Thanks! The sample ships tomorrow.',
      key: 'reply-key-0001',
    });
    expect(sent).toMatchObject({ state: 'sent' });
    // The same click again (a retried request): nothing more is sent.
    expect(
      await inbox.reply({
        conversationId: conv.conversationId,
        text: 'Thanks! The sample ships tomorrow.',
        key: 'reply-key-0001',
      }),
    ).toEqual(sent);
    await expect(
      inbox.reply({ conversationId: conv.conversationId, text: 'Something else', key: 'reply-key-0001' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    // TikTok takes the next one, then a gateway loses the answer: it is read back, not sent again.
    await admin(world.info, 'POST', '/faults', {
      commitThenGatewayTimeoutEveryN: 1,
      pathContains: `conversations/${conv.conversationId}/messages`,
    });
    const lost = await inbox.reply({
      conversationId: conv.conversationId,
      text: 'Here is the size guide you asked for.',
      key: 'reply-key-0002',
    });
    await admin(world.info, 'DELETE', '/faults');
    expect(lost.state).toBe('sent');
    const writes = (await writesOf(world, since)).filter((w) => w.kind === 'affiliate.message');
    expect(writes.map((w) => [w.detail.conversationId, w.answer])).toEqual([
      [conv.conversationId, 'sent'],
      [conv.conversationId, 'gateway_timeout'],
    ]);
    expect(writes.map((w) => w.detail.messageId)).toEqual([sent.messageId, lost.messageId]);

    // Both show in the conversation before the next sync brings them back.
    const view = inbox.messages({ conversationId: conv.conversationId, limit: 50 });
    expect(view.items.slice(-2).map((m) => [m.text, m.replyState])).toEqual([
      ['Thanks! The sample ships tomorrow.', 'sent'],
      ['Here is the size guide you asked for.', 'sent'],
    ]);
    expect(changed.flat()).toContain(conv.conversationId);

    // Replying does not read the creator's messages (Get Conversation List 202412): still unread at
    // TikTok, here, and after the next sync.
    expect(await unreadAtTikTok(shops[0]!.cipher)).toContain(conv.conversationId);
    expect(inbox.queries.conversation(conv.conversationId)?.unreadCount).toBe(conv.unreadCount);
    await syncAndWait(sync, { resources: ['conversations'] });
    expect(inbox.queries.conversation(conv.conversationId)?.unreadCount).toBe(conv.unreadCount);
  });

  it('marks conversations read at TikTok and here', async () => {
    // The conversation replied in is among them: the reply left it unread.
    const all = inbox.list({ unread: true, limit: 200 }).items;
    const unread = [
      all.find((c) => c.conversationId === repliedIn)!,
      ...all.filter((c) => c.conversationId !== repliedIn).slice(0, 1),
    ];
    expect(unread[0]).toBeDefined();
    const picked = unread.map((c) => c.conversationId);
    const cipherOf = (shopId: string) => shops.find((s) => s.id === shopId)!.cipher;
    for (const c of unread) expect(await unreadAtTikTok(cipherOf(c.shopId))).toContain(c.conversationId);
    const r = await inbox.markRead([...picked, 'not-a-conversation']);
    expect(r).toEqual({ read: picked, failed: ['not-a-conversation'] });
    for (const c of unread) {
      expect(await unreadAtTikTok(cipherOf(c.shopId))).not.toContain(c.conversationId);
      expect(inbox.queries.conversation(c.conversationId)?.unreadCount).toBe(0);
    }
    // The next sync agrees with what was marked here.
    await syncAndWait(sync, { resources: ['conversations'] });
    for (const id of picked) expect(inbox.queries.conversation(id)?.unreadCount).toBe(0);
  });
});
