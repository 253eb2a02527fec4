import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shopWrite } from '../../../src-main/tiktok/shop/data-call';
import { shopRequest } from '../../../src-main/tiktok/shop/request';
import { admin, connectShop, SHOP_ACCOUNT, startWorld, type SyncWorld } from '../../helpers/sync-fixtures';

/**
 * Write mode against the sandbox: faults that carry a write out and then lose or fail its answer. The app
 * must report "outcome unknown" after exactly one request, and the sandbox's logs must show the write was
 * committed, so a caller that reconciles finds it done.
 */

let world: SyncWorld;
let shop: { id: string; cipher: string };
let token: string;
let product: { id: string; skuId: string; currency: string };

const productSchema = z.object({
  products: z.array(
    z.object({
      id: z.string(),
      status: z.string(),
      skus: z.array(z.object({ id: z.string(), price: z.object({ currency: z.string() }) })),
    }),
  ),
});

beforeAll(async () => {
  world = await startWorld();
  const shops = await connectShop(world);
  shop = shops[0]!;
  token = world.tokens.held.get(SHOP_ACCOUNT)!.access;
  const page = await shopRequest({
    ...base(),
    method: 'POST',
    path: '/product/202502/products/search',
    query: { shop_cipher: shop.cipher, page_size: 50 },
    body: { status: 'ACTIVATE' },
    data: productSchema,
  });
  const p = page.products.find((x) => x.skus.length > 0)!;
  product = { id: p.id, skuId: p.skus[0]!.id, currency: p.skus[0]!.price.currency };
});
afterAll(async () => world.close());
afterEach(async () => {
  await admin(world.info, 'DELETE', '/faults');
  await admin(world.info, 'DELETE', '/requests');
});

function base() {
  return {
    app: {
      apiBase: world.profile.shopApiBase,
      appKey: world.profile.shop.appKey,
      appSecret: world.profile.shop.appSecret,
    },
    accessToken: token,
  };
}

const updatePrice = (amount: string, timeoutMs?: number) =>
  shopRequest({
    ...base(),
    mode: 'write',
    timeoutMs,
    method: 'POST',
    path: `/product/202309/products/${product.id}/prices/update`,
    query: { shop_cipher: shop.cipher },
    body: { skus: [{ id: product.skuId, price: { amount, currency: product.currency } }] },
    data: z.unknown(),
  });

interface LogEntry {
  path: string;
  status: number;
  fault: string | null;
  committed: boolean;
}
interface WriteEntry {
  kind: string;
  answer: string;
  detail: { productId: string; request: { skus: Array<{ price: { amount: string } }> } };
}

async function priceRequests(): Promise<LogEntry[]> {
  const log = (await admin(world.info, 'GET', '/requests')) as { entries: LogEntry[] };
  return log.entries.filter((e) => e.path.endsWith('/prices/update'));
}

async function lastPriceWrite(): Promise<WriteEntry | undefined> {
  const w = (await admin(world.info, 'GET', '/writes?kind=product.price')) as { entries: WriteEntry[] };
  return w.entries.at(-1);
}

describe('a write whose answer is lost', () => {
  it('committed, then the connection dropped: one request, outcome unknown, logged as committed', async () => {
    await admin(world.info, 'POST', '/faults', { commitThenDropEveryN: 1, pathContains: '/prices/update' });
    const r = await updatePrice('12.34');
    expect(r).toMatchObject({ kind: 'unknown', unknown: { code: 'OUTCOME_UNKNOWN', reason: 'reset' } });
    expect(await priceRequests()).toEqual([
      expect.objectContaining({ fault: 'commitThenDrop', committed: true, status: 0 }),
    ]);
    expect(await lastPriceWrite()).toMatchObject({
      answer: 'dropped',
      detail: { request: { skus: [{ price: { amount: '12.34' } }] } },
    });
  });

  it('committed, then answered 500: one request, outcome unknown', async () => {
    await admin(world.info, 'POST', '/faults', {
      commitThenServerErrorEveryN: 1,
      pathContains: '/prices/update',
    });
    const r = await updatePrice('12.35');
    expect(r).toMatchObject({ kind: 'unknown', unknown: { reason: 'server_error' } });
    expect(await priceRequests()).toEqual([
      expect.objectContaining({ fault: 'commitThenServerError', committed: true, status: 500 }),
    ]);
    expect(await lastPriceWrite()).toMatchObject({ answer: 'server_error' });
  });

  it('answered after the client gave up: outcome unknown, and the write did happen', async () => {
    await admin(world.info, 'POST', '/faults', { latencyMs: 400, pathContains: '/prices/update' });
    const r = await updatePrice('12.36', 150);
    expect(r).toMatchObject({ kind: 'unknown', unknown: { reason: 'timeout' } });
    await new Promise((done) => setTimeout(done, 400));
    expect(await priceRequests()).toEqual([expect.objectContaining({ committed: true })]);
  });

  it('a rate-limited write is retried (TikTok did nothing) and then done, once', async () => {
    // Every 2nd request under /products/ is refused: the read below passes, the write's first try is the 2nd.
    await admin(world.info, 'POST', '/faults', {
      rateLimitEveryN: 2,
      pathContains: `/products/${product.id}`,
    });
    await shopRequest({
      ...base(),
      method: 'GET',
      path: `/product/202309/products/${product.id}`,
      query: { shop_cipher: shop.cipher },
      data: z.unknown(),
    });
    expect(await updatePrice('12.37')).toEqual({ kind: 'done', value: {} });
    const requests = await priceRequests();
    expect(requests.map((e) => [e.status, e.committed])).toEqual([
      [429, false],
      [200, true],
    ]);
  });

  it('the data-client helper for writes is the same write mode', async () => {
    await admin(world.info, 'POST', '/faults', { commitThenDropEveryN: 1, pathContains: '/prices/update' });
    const r = await shopWrite({ ...base(), cipher: shop.cipher }, 'product.price', {
      method: 'POST',
      path: `/product/202309/products/${product.id}/prices/update`,
      body: { skus: [{ id: product.skuId, price: { amount: '12.38', currency: product.currency } }] },
      data: z.unknown(),
    });
    expect(r.kind).toBe('unknown');
    expect(await priceRequests()).toHaveLength(1);
  });

  it('a read keeps retrying a lost answer', async () => {
    const injected = async () =>
      ((await admin(world.info, 'GET', '/faults')) as { injected: { commitThenDrop: number } }).injected
        .commitThenDrop;
    const before = await injected();
    await admin(world.info, 'POST', '/faults', { commitThenDropEveryN: 2, pathContains: '/products/search' });
    const page = await shopRequest({
      ...base(),
      method: 'POST',
      path: '/product/202502/products/search',
      query: { shop_cipher: shop.cipher, page_size: 5 },
      body: {},
      data: productSchema,
    });
    const page2 = await shopRequest({
      ...base(),
      method: 'POST',
      path: '/product/202502/products/search',
      query: { shop_cipher: shop.cipher, page_size: 5 },
      body: {},
      data: productSchema,
    });
    expect(page2.products).toEqual(page.products);
    expect((await injected()) - before).toBe(1);
  });
});
