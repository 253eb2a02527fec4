import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { admin, connectShop, shopCaller, startWorld, type SyncWorld } from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor, type TestSync } from '../../helpers/sync-service';

/**
 * TikTok does not state the order of Get Message in the Conversation (docs/tiktok-api/affiliate.md). With
 * the sandbox serving it oldest first (`messageOrder`), pages and the messages within them, the
 * conversation sync still stores every message, and finds the ones that arrived since on the last page.
 */

let world: SyncWorld;
let t: TestSync;
let shop: { id: string; cipher: string };
/** A conversation with several pages of messages. */
let long: string;

const messagePage = z.object({
  next_page_token: z.string(),
  messages: z.array(z.object({ conversation_index: z.string(), message_body: z.object({ id: z.string() }) })),
});

/** Every message of a conversation as the sandbox serves it, page by page: [id, index]. */
async function remoteMessages(conversationId: string): Promise<Array<[string, string]>> {
  const call = shopCaller(world, shop.cipher);
  const out: Array<[string, string]> = [];
  let token = '';
  do {
    const p = await call(
      'GET',
      `/affiliate_seller/202412/conversation/${conversationId}/messages`,
      messagePage,
      undefined,
      { page_size: '20', ...(token ? { page_token: token } : {}) },
    );
    out.push(...p.messages.map((m): [string, string] => [m.message_body.id, m.conversation_index]));
    token = p.next_page_token;
  } while (token);
  return out;
}

const storedIds = (conversationId: string): string[] =>
  (
    world.db
      .prepare('SELECT message_id FROM messages WHERE conversation_id = ?')
      .pluck()
      .all(conversationId) as string[]
  ).sort();

beforeAll(async () => {
  world = await startWorld({ config: { messageOrder: 'oldest_first' } });
  shop = (await connectShop(world))[0]!;
  const list = await shopCaller(world, shop.cipher)(
    'GET',
    '/affiliate_seller/202412/conversations',
    z.object({ conversations: z.array(z.object({ id: z.string() })) }),
    undefined,
    { page_size: '50' },
  );
  long = list.conversations[0]!.id;
  for (let i = 0; i < 45; i++)
    await admin(world.info, 'POST', '/messages', { text: `earlier ${i}`, conversationId: long });
  t = syncServiceFor(world);
}, 60_000);
afterAll(async () => {
  await t?.service.close();
  await world?.close();
});

const lastRun = () => t.service.history({ limit: 1 }).runs[0]!;

describe('conversation sync, messages served oldest first', () => {
  it('stores every message of a conversation whose pages run oldest first', async () => {
    const remote = await remoteMessages(long);
    expect(remote.length).toBeGreaterThan(40);
    // The sandbox does serve them oldest first: indexes grow along the pages.
    const indexes = remote.map(([, i]) => BigInt(i));
    expect(indexes.every((i, k) => k === 0 || i > indexes[k - 1]!)).toBe(true);

    await syncAndWait(t, { resources: ['conversations'] });
    expect(lastRun().outcome, JSON.stringify(lastRun().resources)).toBe('ok');
    expect(storedIds(long)).toEqual(remote.map(([id]) => id).sort());
  });

  it('finds the messages that arrived since on the last page, the first pages all stored', async () => {
    await admin(world.info, 'POST', '/messages', { text: 'Is the sample on its way?', conversationId: long });
    await admin(world.info, 'POST', '/messages', { text: 'Any news?', conversationId: long });
    const remote = await remoteMessages(long);
    expect(storedIds(long)).toHaveLength(remote.length - 2);

    await syncAndWait(t, { resources: ['conversations'] });
    expect(lastRun().outcome).toBe('ok');
    expect(storedIds(long)).toEqual(remote.map(([id]) => id).sort());
    const newest = world.db
      .prepare('SELECT last_index FROM conversations WHERE conversation_id = ?')
      .pluck()
      .get(long) as string;
    expect(newest).toBe(remote.at(-1)![1]);
  });
});
