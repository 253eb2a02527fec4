import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SandboxHandle } from '../../../src-main/sandbox/index';
import { admin, dataOf, shop, shopAuthorize, shopsOf, start } from '../sandbox/helpers';
import { product } from '../sandbox/shapes';

/**
 * Bad input to the sandbox's admin routes (issue 15 item 7): wrong types, missing and misspelt fields,
 * unknown ids and tokens, oversized bodies. Each is refused with 400 (413 for size) and an error that names
 * the problem, and the sandbox is left exactly as it was: its state, settings, faults, clock, write log,
 * products and conversations are read through the admin and Shop APIs before and after.
 */

let sb: SandboxHandle;
let token: string;
let cipher: string;
let productId: string;
let orderId: string;
let skuId: string;
let conversationId: string;

const conversationList = z.object({
  conversations: z.array(z.object({ id: z.string() }).loose()),
});

async function products(): Promise<unknown> {
  const r = await shop(sb.info, '/product/202309/products/search', {
    token,
    cipher,
    body: {},
    query: { page_size: '100' },
  });
  return dataOf(r, z.object({ products: z.array(product) })).products;
}

async function conversations(): Promise<z.output<typeof conversationList>> {
  const r = await shop(sb.info, '/affiliate_seller/202412/conversations', {
    token,
    cipher,
    query: { page_size: '20', only_need_conversation_id: 'false' },
  });
  return dataOf(r, conversationList);
}

/** The order the tests write on, as Get Order Detail answers it. */
async function order(): Promise<unknown> {
  const r = await shop(sb.info, '/order/202309/orders', { token, cipher, query: { ids: orderId } });
  return dataOf(r, z.object({ orders: z.array(z.unknown()).length(1) })).orders[0];
}

/** The newest messages of the conversation the tests write in. */
async function messages(): Promise<unknown> {
  const r = await shop(sb.info, `/affiliate_seller/202412/conversation/${conversationId}/messages`, {
    token,
    cipher,
    query: { page_size: '20' },
  });
  return dataOf(r, z.object({ messages: z.array(z.unknown()) })).messages;
}

/** Everything an admin call could change, minus the clock's running time. */
async function snapshot(): Promise<unknown> {
  const state = (await admin(sb.info, 'GET', '/state')).json as Record<string, unknown> & {
    clock: Record<string, unknown>;
    faults: Record<string, unknown>;
  };
  // The clock runs, and the fault matcher counts this snapshot's own Shop API reads.
  const { nowMs: _ms, nowSec: _sec, ...clock } = state.clock;
  const { matched: _matched, ...faults } = state.faults;
  return {
    state: { ...state, clock, faults },
    writes: (await admin(sb.info, 'GET', '/writes')).json,
    outcomes: (await admin(sb.info, 'GET', '/outcomes')).json,
    products: await products(),
    conversations: await conversations(),
    messages: await messages(),
    order: await order(),
  };
}

beforeAll(async () => {
  sb = await start({ config: { shopQps: 100_000 } });
  token = (await shopAuthorize(sb.info)).access_token;
  cipher = (await shopsOf(sb.info, token))[0]!.cipher;
  const first = (await products()) as Array<z.output<typeof product>>;
  productId = first[0]!.id;
  skuId = first[0]!.skus[0]!.id;
  conversationId = (await conversations()).conversations[0]!.id;
  const search = await shop(sb.info, '/order/202309/orders/search', {
    token,
    cipher,
    body: {},
    query: { page_size: '1' },
  });
  orderId = dataOf(search, z.object({ orders: z.array(z.object({ id: z.string() }).loose()) })).orders[0]!.id;
});
afterAll(async () => sb?.close());

const big = 'x'.repeat(300 * 1024);

/** [route, body, a word the error must contain]. Bodies are sent as JSON unless they are a `raw` string. */
type Case = [string, unknown, string];
const cases = (): Case[] => [
  // POST /products: a change "in Seller Center"
  ['/products', {}, 'productId'],
  ['/products', { productId: 42, title: 'x' }, 'productId'],
  ['/products', { productId, title: '' }, 'title'],
  ['/products', { productId, title: 7 }, 'title'],
  ['/products', { productId, titel: 'typo' }, 'titel'],
  ['/products', { productId, status: 'ON_FIRE' }, 'status'],
  ['/products', { productId, inPromotion: 'yes' }, 'inPromotion'],
  ['/products', { productId: 'no-such-product', title: 'x' }, 'no-such-product'],
  [
    '/products',
    { productId, title: 'Renamed', skus: [{ id: 'no-such-sku', sellerSku: 'x' }] },
    'no-such-sku',
  ],
  ['/products', { productId, skus: [{ id: skuId, sellerSku: '' }] }, 'skus.0.sellerSku'],
  ['/products', { productId, skus: [{ id: skuId, price: '12,50' }] }, 'skus.0.price'],
  ['/products', { productId, skus: [{ id: skuId, price: 12.5 }] }, 'skus.0.price'],
  [
    '/products',
    { productId, skus: [{ id: skuId, inventory: [{ warehouse_id: 'w', quantity: -1 }] }] },
    'skus.0.inventory.0.quantity',
  ],
  ['/products', { productId, skus: { id: skuId } }, 'skus'],
  ['/products', { productId, title: 'x'.repeat(501) }, 'title'],
  ['/products', [productId], '(body)'],
  // POST /orders: what a buyer wrote
  ['/orders', { buyerMessage: 'hi' }, 'orderId'],
  ['/orders', { orderId: 'no-such-order', buyerMessage: 'hi' }, 'no-such-order'],
  ['/orders', { orderId, buyerMessage: 5 }, 'buyerMessage'],
  ['/orders', { orderId, recipientName: '' }, 'recipientName'],
  ['/orders', { orderId, buyer: 'x' }, 'buyer'],
  // POST /messages: a creator writes
  ['/messages', {}, 'text'],
  ['/messages', { text: '' }, 'text'],
  ['/messages', { text: 12 }, 'text'],
  ['/messages', { text: 'x'.repeat(2_001) }, 'text'],
  ['/messages', { text: 'hi', conversationId: 'no-such-conversation' }, 'no-such-conversation'],
  ['/messages', { text: 'hi', conversationId: 5 }, 'conversationId'],
  ['/messages', { text: 'hi', conversation: conversationId }, 'conversation'],
  // POST /faults, /config, /clock
  ['/faults', { rateLimitEvery: 1 }, 'rateLimitEvery'],
  ['/faults', { rateLimitEveryN: 0 }, 'rateLimitEveryN'],
  ['/faults', { rateLimitEveryN: '2' }, 'rateLimitEveryN'],
  ['/faults', { latencyMs: 3_600_000 }, 'latencyMs'],
  ['/faults', { families: ['nope'] }, 'families.0'],
  ['/config', { shopQPS: 5 }, 'shopQPS'],
  ['/config', { shopQps: 'fast' }, 'shopQps'],
  ['/config', { dailyQuota: -1 }, 'dailyQuota'],
  ['/clock', { advanceDays: '1' }, 'advanceDays'],
  ['/clock', { advanceDay: 1 }, 'advanceDay'],
  ['/clock', { offsetMs: 1.5 }, 'offsetMs'],
  ['/clock', { offsetMs: 1e18 }, 'offsetMs'],
  ['/clock', { frozen: 'true' }, 'frozen'],
  // POST /tokens/*, /grant
  ['/tokens/expire', { provider: 'tiktok' }, 'provider'],
  ['/tokens/expire', { provider: 'shop', which: 'all' }, 'which'],
  ['/tokens/expire', { provider: 'shop', token: 'not-a-token' }, 'token'],
  ['/tokens/revoke', {}, 'provider'],
  ['/tokens/revoke', { provider: 'ads', token }, 'token'],
  ['/tokens/revoke', { provider: 'shop', token: 123 }, 'token'],
  ['/grant', { provider: 'shop', scopes: ['everything'] }, 'scopes.0'],
  ['/grant', { provider: 'login', code_challenge: 'abc' }, 'redirect_uri'],
  ['/grant', { provider: 'login', redirect_uri: 'not a url', code_challenge: 'abc' }, 'redirect_uri'],
  ['/grant', { provider: 'ads', extra: true }, 'extra'],
  ['/grant', { provider: 'nobody' }, 'provider'],
];

async function post(path: string, body: unknown, raw?: string): Promise<{ status: number; error: string }> {
  const res = await fetch(`${sb.info.adminBase}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sb.info.adminToken}`, 'content-type': 'application/json' },
    body: raw ?? JSON.stringify(body),
  });
  const text = await res.text();
  const parsed = z.object({ error: z.string() }).loose().safeParse(JSON.parse(text));
  return { status: res.status, error: parsed.success ? parsed.data.error : text };
}

describe('admin routes refuse bad input by name and change nothing', () => {
  it('wrong types, missing and misspelt fields, unknown ids and tokens: 400 naming the field', async () => {
    const before = await snapshot();
    const problems: string[] = [];
    for (const [path, body, word] of cases()) {
      const { status, error } = await post(path, body);
      if (status !== 400 || !error.includes(word))
        problems.push(`${path} ${JSON.stringify(body).slice(0, 80)} → ${status} ${error.slice(0, 200)}`);
      // The refusal stays short however big the body was.
      if (error.length > 1_000) problems.push(`${path}: a ${error.length}-character error`);
    }
    expect(problems).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('a body that is not JSON, or too big, is refused and changes nothing', async () => {
    const before = await snapshot();
    expect(await post('/products', null, '{"productId": ')).toMatchObject({
      status: 400,
      error: 'body must be JSON',
    });
    expect(await post('/messages', null, 'text=hi')).toMatchObject({
      status: 400,
      error: 'body must be JSON',
    });
    // A body over the admin limit gets its 413, not a connection reset while it is still being sent.
    for (const path of ['/messages', '/products', '/faults']) {
      const reply = await post(path, { text: big, productId, title: big });
      expect(reply.status, path).toBe(413);
      expect(reply.error, path).toContain('too large');
    }
    // Many small problems still make one short answer.
    const many = await post('/products', {
      productId,
      skus: Array.from({ length: 100 }, () => ({ id: 1, sellerSku: 2, price: 3 })),
    });
    expect(many.status).toBe(400);
    expect(many.error.length).toBeLessThan(1_000);
    expect(await snapshot()).toEqual(before);
  });

  it('the same routes with good bodies do change the sandbox (so "nothing changed" above means something)', async () => {
    const before = await snapshot();
    expect(
      await post('/products', {
        productId,
        title: 'Renamed in Seller Center',
        skus: [{ id: skuId, sellerSku: 'RENAMED-1' }],
      }),
    ).toMatchObject({ status: 200 });
    const renamed = (await products()) as Array<z.output<typeof product>>;
    const p = renamed.find((x) => x.id === productId)!;
    expect(p.title).toBe('Renamed in Seller Center');
    expect(await post('/messages', { text: 'hello', conversationId })).toMatchObject({ status: 200 });
    expect(
      await post('/orders', { orderId, buyerMessage: '<b>wrap it</b>', street: '1 Main St' }),
    ).toMatchObject({
      status: 200,
    });
    expect(await order()).toMatchObject({
      buyer_message: '<b>wrap it</b>',
      recipient_address: { full_address: expect.stringMatching(/^1 Main St, /) },
    });
    expect(await post('/faults', { latencyMs: 1, pathContains: '/nowhere' })).toMatchObject({ status: 200 });
    const after = (await snapshot()) as Record<string, unknown>;
    const was = before as Record<string, unknown>;
    expect(after.products).not.toEqual(was.products);
    expect(after.messages).not.toEqual(was.messages);
    expect(after.order).not.toEqual(was.order);
    expect(after.state).not.toEqual(was.state);
    // Last, since it ends this test's access: the token refused above as the wrong provider's is a shop one.
    expect(await post('/tokens/expire', { provider: 'shop', token })).toMatchObject({ status: 200 });
    expect((await shop(sb.info, '/authorization/202309/shops', { token })).json.code).not.toBe(0);
  });
});
