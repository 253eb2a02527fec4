/* eslint-disable @typescript-eslint/no-explicit-any -- sandbox JSON replies are inspected ad hoc; the shapes under test are the assertions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SandboxHandle } from '../../../src-main/sandbox/index';
import { shapeProblems } from '../../helpers/shape';
import {
  admin,
  adminJson,
  allPages,
  pngHeader,
  sandboxNow,
  shop as typedShop,
  shopAuthorize,
  shopsOf,
  start,
  uploadImage as typedUploadImage,
  type ShopResponse,
} from './helpers';
import { affiliateOrder, outcomes } from './shapes';

// Partly typed: `/admin/outcomes` and the affiliate order pages parse through shapes.ts; the other shop
// replies are still read as `any` (their shapes are the next to write, like shop-data's), so the typed
// helpers are wrapped for them.
type LooseReply = Omit<ShopResponse, 'json'> & { json: ShopResponse['json'] & { data: any } };
const shop = async (...args: Parameters<typeof typedShop>): Promise<LooseReply> => typedShop(...args);
const uploadImage = async (...args: Parameters<typeof typedUploadImage>): Promise<LooseReply> =>
  typedUploadImage(...args);

let sb: SandboxHandle;

/** Where the answer's shape differs from the official sample response mirrored in the fixture of `page`. */
function sampleProblems(page: string, data: unknown): string[] {
  const fixture = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../fixtures/tiktok-samples/shop', `${page}.json`), 'utf8'),
  ) as { conditional: Record<string, string>; response: { data: unknown } };
  return shapeProblems(fixture.response.data, data, new Set(Object.keys(fixture.conditional)));
}
let token: string;
let us: { id: string; cipher: string };

beforeAll(async () => {
  sb = await start({ scale: 'demo' });
});
afterAll(async () => {
  await sb.close();
});

async function fresh(): Promise<void> {
  await admin(sb.info, 'POST', '/reset');
  // QPS limits are covered by the gateway tests; these loops would trip them on a fast machine.
  await admin(sb.info, 'POST', '/config', { shopQps: 100_000 });
  token = (await shopAuthorize(sb.info)).access_token;
  us = (await shopsOf(sb.info, token))[0]!;
}

afterEach(async () => {
  await admin(sb.info, 'POST', '/clock', { offsetMs: 0, frozen: false });
});

const search = (body: unknown, query: Record<string, string>) =>
  shop(sb.info, '/affiliate_seller/202508/marketplace_creators/search', {
    token,
    cipher: us.cipher,
    body,
    query,
  });

async function creators(n: number, body: Record<string, unknown> = {}): Promise<any[]> {
  const out: any[] = [];
  let pt: string | undefined;
  let key: string | undefined;
  while (out.length < n) {
    const r = await search(
      { ...body, ...(key ? { search_key: key } : {}) },
      { page_size: '20', ...(pt ? { page_token: pt } : {}) },
    );
    out.push(...r.json.data.creators);
    pt = r.json.data.next_page_token;
    key = r.json.data.search_key;
    if (!pt) break;
  }
  return out;
}

async function product(): Promise<string> {
  const s = await shop(sb.info, '/product/202309/products/search', {
    token,
    cipher: us.cipher,
    body: { status: 'ACTIVATE' },
    query: { page_size: '1' },
  });
  return s.json.data.products[0].id;
}

function collabBody(
  creatorIds: string[],
  productId: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: 'Autumn push',
    message: 'We would love to work with you',
    end_time: String(Math.floor(Date.now() / 1000) + 30 * 86_400),
    products: [{ id: productId, target_commission_rate: 1500 }],
    creator_user_open_ids: creatorIds,
    seller_contact_info: { email: 'team@maplemoss.example' },
    free_sample_rule: { has_free_sample: true, is_sample_approval_exempt: false },
    ...extra,
  };
}

async function send(conversationId: string, msgType: string, content: unknown) {
  return shop(sb.info, `/affiliate_seller/202412/conversations/${conversationId}/messages`, {
    token,
    cipher: us.cipher,
    body: { msg_type: msgType, content: JSON.stringify(content) },
  });
}

async function conversation(openId: string): Promise<string> {
  const r = await shop(sb.info, '/affiliate_seller/202508/conversations', {
    token,
    cipher: us.cipher,
    body: { creator_open_id: openId },
  });
  expect(r.json.code).toBe(0);
  return r.json.data.conversation_id;
}

describe('creator marketplace search', () => {
  it('page_size must be 12 or 20; later pages need the search_key', async () => {
    await fresh();
    expect((await search({}, { page_size: '10' })).json.code).toBe(36009004);
    const first = await search({}, { page_size: '12' });
    expect(first.json.code).toBe(0);
    expect(first.json.data.creators).toHaveLength(12);
    const pt = first.json.data.next_page_token;
    expect((await search({}, { page_size: '12', page_token: pt })).json.code).toBe(36009004);
    const second = await search(
      { search_key: first.json.data.search_key },
      { page_size: '12', page_token: pt },
    );
    expect(second.json.code).toBe(0);
    const ids = new Set(
      [...first.json.data.creators, ...second.json.data.creators].map((c: any) => c.creator_open_id),
    );
    expect(ids.size).toBe(24);
  });

  it('filters by follower count and keeps hostile nicknames as data', async () => {
    const list = await creators(60, { follower_demographics: { count_range: { count_ge: 10_000 } } });
    expect(list.every((c) => c.follower_count >= 10_000)).toBe(true);
    const all = await creators(400);
    expect(all.some((c) => /<script>|<img/.test(c.nickname))).toBe(true);
    expect(all.every((c) => c.selection_region === 'US')).toBe(true);
  });

  it('the 10,000/day quota answers 45101004 and resets the next UTC day', async () => {
    await fresh();
    await admin(sb.info, 'POST', '/config', { dailyQuota: 2 });
    try {
      expect((await search({}, { page_size: '12' })).json.code).toBe(0);
      expect((await search({}, { page_size: '12' })).json.code).toBe(0);
      expect((await search({}, { page_size: '12' })).json.code).toBe(45101004);
      await admin(sb.info, 'POST', '/clock', { advanceDays: 1 });
      expect((await search({}, { page_size: '12' })).json.code).toBe(0);
    } finally {
      await admin(sb.info, 'POST', '/config', { dailyQuota: 10_000 });
    }
  });
});

describe('target collaborations', () => {
  it('create → search → detail; creators accept over time', async () => {
    await fresh();
    const list = await creators(40);
    const productId = await product();
    const ids = list.slice(0, 30).map((c) => c.creator_open_id);
    const r = await shop(sb.info, '/affiliate_seller/202508/target_collaborations', {
      token,
      cipher: us.cipher,
      body: collabBody(ids, productId),
    });
    expect(r.json.code).toBe(0);
    const id = r.json.data.target_collaboration.id;
    const s = await shop(sb.info, '/affiliate_seller/202508/target_collaborations/search', {
      token,
      cipher: us.cipher,
      body: { collaboration_status: 'ONGOING' },
      query: { page_size: '10' },
    });
    expect(s.json.data.target_collaborations.map((c: any) => c.id)).toContain(id);
    expect(s.json.data.target_collaborations[0].creator_inivited_count).toBe(30);
    expect(s.json.data.target_collaborations[0].showcase_creator_count).toBe(0);
    await admin(sb.info, 'POST', '/clock', { advanceDays: 4 });
    const d = await shop(sb.info, `/affiliate_seller/202508/target_collaborations/${id}`, {
      token,
      cipher: us.cipher,
    });
    const accepted = d.json.data.target_collaboration.creators.filter(
      (c: any) => c.showcase_product_count > 0,
    ).length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(30);
    expect(
      (await shop(sb.info, '/affiliate_seller/202508/target_collaborations/1', { token, cipher: us.cipher }))
        .json.code,
    ).toBe(50001700);
  });

  it('re-inviting the same creator and product: conflicts, then 16024022 when nothing is new', async () => {
    await fresh();
    const list = await creators(3);
    const productId = await product();
    const a = list[0].creator_open_id;
    const b = list[1].creator_open_id;
    expect(
      (
        await shop(sb.info, '/affiliate_seller/202508/target_collaborations', {
          token,
          cipher: us.cipher,
          body: collabBody([a], productId),
        })
      ).json.code,
    ).toBe(0);
    const partial = await shop(sb.info, '/affiliate_seller/202508/target_collaborations', {
      token,
      cipher: us.cipher,
      body: collabBody([a, b], productId),
    });
    expect(partial.json.code).toBe(0);
    expect(partial.json.data.target_collaboration_conflicts).toEqual([
      { creator_user_open_id: a, product_id: productId },
    ]);
    const none = await shop(sb.info, '/affiliate_seller/202508/target_collaborations', {
      token,
      cipher: us.cipher,
      body: collabBody([a], productId),
    });
    expect(none.json.code).toBe(16024022);
  });

  it('validates commission, sensitive words, foreign products and the 50-creator batch', async () => {
    await fresh();
    const list = await creators(60);
    const productId = await product();
    const one = [list[0].creator_open_id];
    const post = (body: unknown) =>
      shop(sb.info, '/affiliate_seller/202508/target_collaborations', { token, cipher: us.cipher, body });
    expect(
      (await post(collabBody(one, productId, { products: [{ id: productId, target_commission_rate: 999 }] })))
        .json.code,
    ).toBe(36009004);
    expect((await post(collabBody(one, productId, { message: 'add me on WhatsApp' }))).json.code).toBe(
      50001703,
    );
    expect((await post(collabBody(one, '1729380000000000013'.replace(/3$/, '4')))).json.code).toBe(16024008);
    expect(
      (
        await post(
          collabBody(
            list.slice(0, 51).map((c) => c.creator_open_id),
            productId,
          ),
        )
      ).json.code,
    ).toBe(36009004);
    expect((await post(collabBody(one, productId, { end_time: 1234567890 }))).json.code).toBe(36009004);
  });

  it('the weekly pool refuses new creators with 16024019 and refills next week', async () => {
    await fresh();
    await admin(sb.info, 'POST', '/config', { weeklyPool: [2, 2] });
    try {
      const list = (await creators(20)).filter((c) => c);
      const productId = await product();
      const post = (ids: string[]) =>
        shop(sb.info, '/affiliate_seller/202508/target_collaborations', {
          token,
          cipher: us.cipher,
          body: collabBody(ids, productId),
        });
      expect((await post([list[3].creator_open_id, list[4].creator_open_id])).json.code).toBe(0);
      expect((await post([list[5].creator_open_id])).json.code).toBe(16024019);
      await admin(sb.info, 'POST', '/clock', { advanceDays: 7 });
      token = (await shopAuthorize(sb.info)).access_token; // the old one lived exactly 7 days
      expect((await post([list[5].creator_open_id])).json.code).toBe(0);
    } finally {
      await admin(sb.info, 'POST', '/config', { weeklyPool: [500, 50] });
    }
  });
});

describe('messages', () => {
  it('sends TEXT, IMAGE, PRODUCT_CARD and TARGET_COLLABORATION_CARD and lists them newest first', async () => {
    await fresh();
    const list = await creators(20);
    const target = list.find((c, i) => i > 3) ?? list[0];
    const conv = await conversation(target.creator_open_id);
    const again = await shop(sb.info, '/affiliate_seller/202508/conversations', {
      token,
      cipher: us.cipher,
      body: { creator_open_id: target.creator_open_id },
    });
    expect(again.json.data).toEqual({ conversation_id: conv, is_new: false });
    const productId = await product();
    const collab = await shop(sb.info, '/affiliate_seller/202508/target_collaborations', {
      token,
      cipher: us.cipher,
      body: collabBody([target.creator_open_id], productId),
    });
    // An IMAGE names a picture uploaded to TikTok first; any other address is refused.
    expect(
      (await send(conv, 'IMAGE', { url: 'https://example.com/a.png', width: 1280, height: 720 })).json.code,
    ).toBe(36009004);
    const image = await uploadImage(sb.info, token, pngHeader(1280, 720));
    expect(image.json.code).toBe(0);
    const sent = [
      await send(conv, 'TEXT', { content: 'Hi! 👋 <b>hello</b>' }),
      await send(conv, 'IMAGE', { url: image.json.data.url, width: 1280, height: 720 }),
      await send(conv, 'PRODUCT_CARD', { product_id: productId }),
      await send(conv, 'TARGET_COLLABORATION_CARD', {
        target_collaboration_id: collab.json.data.target_collaboration.id,
      }),
    ];
    expect(sent.map((s) => s.json.code)).toEqual([0, 0, 0, 0]);
    const m = await shop(sb.info, `/affiliate_seller/202412/conversation/${conv}/messages`, {
      token,
      cipher: us.cipher,
      query: { page_size: '20' },
    });
    const types = m.json.data.messages.map((x: any) => x.message_body.type);
    expect(types.slice(0, 4)).toEqual(['TARGET_COLLABORATION_CARD', 'PRODUCT_CARD', 'IMAGE', 'TEXT']);
    expect(JSON.parse(m.json.data.messages[3].message_body.content)).toEqual({
      content: 'Hi! 👋 <b>hello</b>',
    });
    expect((await send(conv, 'TEXT', 'not an object')).json.code).toBe(36009004);
    const notJson = await shop(sb.info, `/affiliate_seller/202412/conversations/${conv}/messages`, {
      token,
      cipher: us.cipher,
      body: { msg_type: 'TEXT', content: { content: 'x' } },
    });
    expect(notJson.json.code).toBe(36009004);
  });

  it('only five messages before a reply; a reply (after a delay) lifts the limit; privacy creators refuse', async () => {
    await fresh();
    const list = await creators(200);
    let replied: string | null = null;
    // Find a creator who answers: message each until one replies within two days.
    for (const c of list.slice(3, 40)) {
      const conv = await conversation(c.creator_open_id);
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) codes.push((await send(conv, 'TEXT', { content: `hello ${i}` })).json.code);
      if (codes.includes(45101021)) continue;
      expect(codes).toEqual([0, 0, 0, 0, 0, 16030002]);
      await admin(sb.info, 'POST', '/clock', { advanceDays: 2.1 });
      const m = await shop(sb.info, `/affiliate_seller/202412/conversation/${conv}/messages`, {
        token,
        cipher: us.cipher,
        query: { page_size: '20' },
      });
      const fromCreator = m.json.data.messages.filter(
        (x: any) => x.message_body.sender_id !== m.json.data.messages.at(-1).message_body.sender_id,
      );
      if (fromCreator.length > 0) {
        replied = conv;
        expect((await send(conv, 'TEXT', { content: 'thanks!' })).json.code).toBe(0);
        const unreplied = await shop(sb.info, '/affiliate_seller/202412/conversations', {
          token,
          cipher: us.cipher,
          query: { page_size: '50', conversation_status: 'ALL' },
        });
        expect(unreplied.json.data.conversations.some((x: any) => x.id === conv)).toBe(true);
        break;
      }
      await admin(sb.info, 'POST', '/clock', { offsetMs: 0 });
    }
    expect(replied).not.toBeNull();
  });

  it('creators with privacy controls answer 45101021', async () => {
    await fresh();
    const list = await creators(400);
    let refused = 0;
    for (const c of list.slice(0, 60)) {
      const code = (await send(await conversation(c.creator_open_id), 'TEXT', { content: 'hi' })).json.code;
      if (code === 45101021) refused++;
      else expect(code).toBe(0);
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('the weekly pool also bounds messages (16030002); connected creators are exempt', async () => {
    await fresh();
    await admin(sb.info, 'POST', '/config', { weeklyPool: [1, 1] });
    try {
      const list = await creators(20);
      const ok = (await send(await conversation(list[5].creator_open_id), 'TEXT', { content: 'one' })).json
        .code;
      expect(ok).toBe(0);
      expect(
        (await send(await conversation(list[6].creator_open_id), 'TEXT', { content: 'two' })).json.code,
      ).toBe(16030002);
      // The same creator again in the same week counts once.
      expect(
        (await send(await conversation(list[5].creator_open_id), 'TEXT', { content: 'again' })).json.code,
      ).toBe(0);
      // Creators who messaged first start connected: their conversation is already listed and unread.
      const convs = await shop(sb.info, '/affiliate_seller/202412/conversations', {
        token,
        cipher: us.cipher,
        query: { page_size: '50', conversation_status: 'UNREAD', only_need_conversation_id: 'false' },
      });
      const seeded = convs.json.data.conversations[convs.json.data.conversations.length - 1];
      expect(seeded.unread_count).toBeGreaterThan(0);
      expect((await send(seeded.id, 'TEXT', { content: 'thanks for writing!' })).json.code).toBe(0);
    } finally {
      await admin(sb.info, 'POST', '/config', { weeklyPool: [500, 50] });
    }
  });
});

describe('read status', () => {
  const list = async (status: 'ALL' | 'UNREAD' | 'UNREPLIED'): Promise<Map<string, number>> => {
    const r = await shop(sb.info, '/affiliate_seller/202412/conversations', {
      token,
      cipher: us.cipher,
      query: { page_size: '50', conversation_status: status, only_need_conversation_id: 'false' },
    });
    expect(r.json.code).toBe(0);
    return new Map(r.json.data.conversations.map((c: any) => [c.id, c.unread_count]));
  };
  const newestUnread = async (): Promise<any[]> => {
    const r = await shop(sb.info, '/affiliate_seller/202412/conversations/messages/list/newest', {
      token,
      cipher: us.cipher,
    });
    expect(r.json.code).toBe(0);
    return r.json.data.newest_message_list;
  };

  // Get Conversation List 202412 (UNREAD): messages "stay unread until explicitly marked as read by calling
  // Mark Conversation Read. Replying to a message does not change the read / unread status."
  it('a seller’s reply leaves the creator’s messages unread; only Mark Conversation Read reads them', async () => {
    await fresh();
    const unread = await list('UNREAD');
    const [conv, count] = [...unread].find(([, n]) => n > 0)!;
    expect(count).toBeGreaterThan(0);
    expect((await list('UNREPLIED')).has(conv)).toBe(true);

    expect((await send(conv, 'TEXT', { content: 'thanks for writing!' })).json.code).toBe(0);
    // Replied, so no longer UNREPLIED, but every message the creator sent is as unread as before.
    expect((await list('UNREPLIED')).has(conv)).toBe(false);
    expect((await list('UNREAD')).get(conv)).toBe(count);
    expect((await list('ALL')).get(conv)).toBe(count);
    const newest = (await newestUnread()).find((x) => x.conversation_id === conv);
    expect(newest).toMatchObject({ unread_message_count: count });
    expect(JSON.parse(newest.content)).not.toEqual({ content: 'thanks for writing!' });

    const read = await shop(sb.info, '/affiliate_seller/202412/conversatons/read', {
      token,
      cipher: us.cipher,
      body: { conversation_ids: [conv] },
    });
    expect(read.json.data).toEqual({ failed_conversation_ids: [] });
    expect((await list('UNREAD')).has(conv)).toBe(false);
    expect((await list('ALL')).get(conv)).toBe(0);
    expect((await newestUnread()).some((x) => x.conversation_id === conv)).toBe(false);
  });
});

describe('affiliate orders and promotion links', () => {
  it('affiliate orders page once each with string commission rates and money objects', async () => {
    await fresh();
    const now = await sandboxNow(sb.info);
    const { items } = await allPages(
      (pt) =>
        shop(sb.info, '/affiliate_seller/202410/orders/search', {
          token,
          cipher: us.cipher,
          body: { create_time_ge: now - 20 * 86_400 },
          query: { page_size: '100', ...(pt ? { page_token: pt } : {}) },
        }),
      'orders',
      affiliateOrder,
    );
    expect(items.length).toBeGreaterThan(50);
    expect(new Set(items.map((o) => o.id)).size).toBe(items.length);
    const sku = items.find((o) => o.skus.length > 0)!.skus[0]!;
    expect(sku.commission_rate).toMatch(/^\d+$/);
    expect(Number(sku.commission_rate)).toBeGreaterThanOrEqual(1000);
    expect(sku.estimated_paid_commission.amount).toMatch(/^\d+\.\d{2}$/);
  });

  it('invited creators accept, post and sell after the delays /admin/config sets; the orders name the collaboration', async () => {
    await fresh();
    await admin(sb.info, 'POST', '/config', {
      acceptShare: 1,
      acceptDelaySec: [3_600, 7_200],
      postShare: 1,
      postDelaySec: [3_600, 3_600],
      salesPerPost: [2, 2],
    });
    const invitedAt = await sandboxNow(sb.info);
    const list = (await creators(5)).slice(0, 5);
    const products = await shop(sb.info, '/product/202309/products/search', {
      token,
      cipher: us.cipher,
      body: { status: 'ACTIVATE' },
      query: { page_size: '3' },
    });
    const productIds: string[] = products.json.data.products.map((p: any) => p.id);
    const body = collabBody(
      list.map((c) => c.creator_open_id),
      productIds[0]!,
      { products: productIds.map((id) => ({ id, target_commission_rate: 1200 })) },
    );
    const created = await shop(sb.info, '/affiliate_seller/202508/target_collaborations', {
      token,
      cipher: us.cipher,
      body,
    });
    expect(created.json.code).toBe(0);
    const id: string = created.json.data.target_collaboration.id;
    // The admin view says when each creator does what (drawn when the invitation was made).
    const planned = (await adminJson(sb.info, 'GET', '/outcomes', outcomes)).collaborations.find(
      (c) => c.id === id,
    )!.creators;
    expect(planned).toHaveLength(5);
    for (const c of planned) {
      // Every creator accepts and posts (acceptShare and postShare 1): neither time is null.
      const { acceptAt, contentAt } = z.object({ acceptAt: z.number(), contentAt: z.number() }).parse(c);
      expect(acceptAt - invitedAt).toBeGreaterThanOrEqual(3_600);
      expect(acceptAt - invitedAt).toBeLessThan(7_200 + 5);
      expect(contentAt - acceptAt).toBe(3_600);
      expect(c.showcasedProductIds.length).toBeGreaterThan(0);
      expect(productIds).toEqual(expect.arrayContaining(c.showcasedProductIds));
      expect(c.showcasedProductIds).toEqual(expect.arrayContaining(c.featuredProductIds));
      expect(c.sales).toHaveLength(2);
    }
    const detail = async () =>
      (
        await shop(sb.info, `/affiliate_seller/202508/target_collaborations/${id}`, {
          token,
          cipher: us.cipher,
        })
      ).json.data.target_collaboration;
    const collabOrders = async (extra: Record<string, unknown> = {}, pageSize = '100') =>
      allPages(
        (pt) =>
          shop(sb.info, '/affiliate_seller/202410/orders/search', {
            token,
            cipher: us.cipher,
            body: { create_time_ge: invitedAt - 3 * 86_400, ...extra },
            query: { page_size: pageSize, ...(pt ? { page_token: pt } : {}) },
          }),
        'orders',
        affiliateOrder,
      );
    const ofCollab = (orders: z.infer<typeof affiliateOrder>[]) =>
      orders.filter((o) => o.skus[0]?.target_collaboration_id === id);

    // Before anyone accepts: nothing in the showcase, no orders.
    expect((await detail()).showcase_creator_count).toBe(0);
    expect(ofCollab((await collabOrders()).items)).toHaveLength(0);

    // Two hours on: all accepted (some showcase only part of the products), none posted yet.
    await admin(sb.info, 'POST', '/clock', { advanceSec: 7_205 });
    const accepted = await detail();
    expect(accepted.showcase_creator_count).toBe(5);
    expect(accepted.content_creator_count).toBe(0);
    for (const c of accepted.creators) {
      const plan = planned.find((p) => p.creatorOpenId === c.creator_open_id);
      expect(c.showcase_product_count).toBe(plan?.showcasedProductIds.length);
      expect(c.content_product_count).toBe(0);
    }

    // Fifteen days on: posted, and every sale is an affiliate order through this collaboration.
    await admin(sb.info, 'POST', '/clock', { advanceDays: 15 });
    token = (await shopAuthorize(sb.info)).access_token; // the old token lapsed after 7 days
    const posted = await detail();
    expect(posted.content_creator_count).toBe(5);
    const { items } = await collabOrders();
    expect(new Set(items.map((o) => o.id)).size).toBe(items.length);
    const times = items.map((o) => o.create_time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const mine = ofCollab(items);
    expect(mine.map((o) => o.id).sort()).toEqual(
      planned.flatMap((c) => c.sales.map((s) => s.orderId)).sort(),
    );
    for (const o of mine) {
      const sku = o.skus[0]!;
      const plan = planned.find((p) => p.username === sku.creator_username);
      expect(plan).toBeDefined();
      expect(plan?.featuredProductIds).toContain(sku.product_id);
      expect(sku.commission_rate).toBe('1200');
      expect(sku.open_collaboration_id).toBe('');
      expect(o.create_time).toBeGreaterThan(plan?.contentAt ?? Infinity);
    }
    // program_id narrows to the collaboration; small pages merge both kinds without losing one.
    const byProgram = await collabOrders({ program_id: id });
    expect(byProgram.items.map((o) => o.id).sort()).toEqual(mine.map((o) => o.id).sort());
    const paged = await collabOrders({}, '7');
    expect(paged.items.map((o) => o.id)).toEqual(items.map((o) => o.id));
    // Both answers in the shapes of TikTok's official samples (tests/fixtures/tiktok-samples/).
    const ordersPage = await shop(sb.info, '/affiliate_seller/202410/orders/search', {
      token,
      cipher: us.cipher,
      body: { program_id: id },
      query: { page_size: '100' },
    });
    expect(ordersPage.json.data.total_count).toBe(mine.length);
    expect(sampleProblems('affiliate-orders-search-202410', ordersPage.json.data)).toEqual([]);
    expect(sampleProblems('target-collaboration-detail-202508', { target_collaboration: posted })).toEqual(
      [],
    );
  });

  it('promotion link for own product; 16024008 for a foreign one', async () => {
    const productId = await product();
    const r = await shop(sb.info, `/affiliate_seller/202405/products/${productId}/promotion_link/generate`, {
      token,
      cipher: us.cipher,
      body: {},
    });
    expect(r.json.data.product_promotion_link).toMatch(/^https:\/\//);
    const gb = (await shopsOf(sb.info, token))[1]!;
    const f = await shop(sb.info, `/affiliate_seller/202405/products/${productId}/promotion_link/generate`, {
      token,
      cipher: gb.cipher,
      body: {},
    });
    expect(f.json.code).toBe(16024008);
  });
});
