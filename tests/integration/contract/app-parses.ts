import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { getAdCampaigns } from '../../../src-main/tiktok/ads/ad-entities';
import type { AdsDataContext } from '../../../src-main/tiktok/ads/data-call';
import { identityTokenFromCode } from '../../../src-main/tiktok/identity/auth';
import { getIdentityUser } from '../../../src-main/tiktok/identity/user';
import { searchAffiliateOrders } from '../../../src-main/tiktok/shop/affiliate-orders';
import { collaborationCreators, searchCollaborations } from '../../../src-main/tiktok/shop/collaborations';
import {
  listConversations,
  listMessages,
  markConversationsRead,
} from '../../../src-main/tiktok/shop/conversations';
import type { ShopDataContext } from '../../../src-main/tiktok/shop/data-call';
import { listStatements } from '../../../src-main/tiktok/shop/finance';
import { searchOrders } from '../../../src-main/tiktok/shop/orders';
import { searchProducts } from '../../../src-main/tiktok/shop/products';
import { uploadMessageImage } from '../../../src-main/tiktok/shop/message-images';
import { generatePromotionLink } from '../../../src-main/tiktok/shop/promotion-links';
import { getAuthorizedShops } from '../../../src-main/tiktok/shop/shops';

/**
 * The app's own clients read each official sample, served as TikTok would serve it: every record is read
 * in full (nothing kept aside or stored without a field), so the app accepts the types TikTok documents.
 */

async function serving<T>(body: unknown, use: (base: string) => Promise<T>): Promise<T> {
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  try {
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

const shopCtx = (base: string): ShopDataContext => ({
  app: { apiBase: base, appKey: 'k', appSecret: 's' },
  accessToken: 't',
  cipher: 'c',
});

/** A page read in full: as many items as the sample has records, none rejected. */
function complete(page: { items: unknown[]; rejected: unknown[] }, records: number): void {
  expect(page.rejected).toEqual([]);
  expect(page.items).toHaveLength(records);
}

const count = (response: Record<string, unknown>, key: string): number =>
  ((response.data as Record<string, unknown[]>)[key] ?? []).length;

const adsCtx = (base: string): AdsDataContext => ({
  base,
  accessToken: 't',
  advertiserId: 'a',
  currency: 'USD',
});
const identityApp = (base: string) => ({ base, clientKey: 'k', clientSecret: 's' });

export const appParses: Record<string, (response: Record<string, unknown>) => Promise<void>> = {
  'ads/campaign-get-v1.3': (r) =>
    serving(r, async (base) => {
      const page = await getAdCampaigns(adsCtx(base), 1);
      complete(page, count(r, 'list'));
      expect(page.items[0]!.budgetMinor).toBeGreaterThan(0);
    }),
  'login/oauth-token-v2': (r) =>
    serving(r, async (base) => {
      const t = await identityTokenFromCode(
        identityApp(base),
        { code: 'c', redirectUri: 'http://127.0.0.1/', codeVerifier: 'v' },
        Date.now,
      );
      expect(t.scopes.length).toBeGreaterThan(0);
    }),
  'login/user-info-v2': (r) =>
    serving(r, async (base) => {
      const user = await getIdentityUser(identityApp(base), 't', []);
      expect(user.openId).toBe((r.data as { user: { open_id: string } }).user.open_id);
    }),
  'shop/authorized-shops-202309': (r) =>
    serving(r, async (base) => {
      const shops = await getAuthorizedShops({ apiBase: base, appKey: 'k', appSecret: 's' }, 't');
      expect(shops).toHaveLength(count(r, 'shops'));
    }),
  'shop/product-search-202502': (r) =>
    serving(r, async (base) => {
      const page = await searchProducts(shopCtx(base), {});
      complete(page, count(r, 'products'));
      expect(page.items[0]).toMatchObject({ auditStatus: expect.any(String), hasDraft: expect.any(Boolean) });
    }),
  'shop/orders-search-202309': (r) =>
    serving(r, async (base) => {
      const page = await searchOrders(shopCtx(base), {});
      complete(page, count(r, 'orders'));
      expect(page.items[0]!.lines.length).toBeGreaterThan(0);
    }),
  'shop/statements-202309': (r) =>
    serving(r, async (base) => complete(await listStatements(shopCtx(base), {}), count(r, 'statements'))),
  'shop/affiliate-orders-search-202410': (r) =>
    serving(r, async (base) => complete(await searchAffiliateOrders(shopCtx(base), {}), count(r, 'orders'))),
  'shop/target-collaborations-search-202508': (r) =>
    serving(r, async (base) =>
      complete(
        await searchCollaborations(shopCtx(base), { status: 'VALID' }),
        count(r, 'target_collaborations'),
      ),
    ),
  'shop/target-collaboration-detail-202508': (r) =>
    serving(r, async (base) => {
      const detail = await collaborationCreators(shopCtx(base), 'x');
      expect(detail.rejected).toEqual([]);
      expect(detail.creators.length).toBeGreaterThan(0);
      // TikTok's sample lists its products: the pairs an outreach plan must not invite again.
      const sample = (r.data as { target_collaboration: { products: unknown[] } }).target_collaboration;
      expect(detail.productIds.length).toBe(sample.products.length);
      expect(detail.productIds.length).toBeGreaterThan(0);
    }),
  'shop/conversations-202412': (r) =>
    serving(r, async (base) => {
      const page = await listConversations(shopCtx(base), {});
      complete(page, count(r, 'conversations'));
      expect(page.items[0]!.avatarUrl).toMatch(/^https:/);
    }),
  'shop/conversations-read-202412': (r) =>
    serving(r, async (base) =>
      expect(await markConversationsRead(shopCtx(base), ['x'])).toEqual({
        failed: (r.data as { failed_conversation_ids: string[] }).failed_conversation_ids,
      }),
    ),
  'shop/image-upload-202511': (r) =>
    serving(r, async (base) => {
      expect(
        await uploadMessageImage(shopCtx(base), {
          bytes: new Uint8Array([1]),
          fileName: 'a.png',
          mime: 'image/png',
        }),
      ).toEqual(r.data);
    }),
  'shop/promotion-link-202405': (r) =>
    serving(r, async (base) => {
      expect(await generatePromotionLink(shopCtx(base), '789078671231')).toEqual({
        kind: 'done',
        value: (r.data as { product_promotion_link: string }).product_promotion_link,
      });
    }),
  'shop/messages-202412': (r) =>
    serving(r, async (base) => complete(await listMessages(shopCtx(base), 'x', {}), count(r, 'messages'))),
};
