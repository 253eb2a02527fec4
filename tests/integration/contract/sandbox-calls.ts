import { z } from 'zod';
import { uploadMessageImage } from '../../../src-main/tiktok/shop/message-images';
import { solidPng } from '../../helpers/images';
import { shopRequest } from '../../../src-main/tiktok/shop/request';
import { adsRequest, type AdsRequest } from '../../../src-main/tiktok/ads/request';
import { createPkcePair } from '../../../src-main/oauth/pkce';
import {
  admin,
  ADS_ACCOUNT,
  SHOP_ACCOUNT,
  type shopCaller,
  type SyncWorld,
} from '../../helpers/sync-fixtures';

type AdsQuery = NonNullable<AdsRequest<z.ZodType>['query']>;

/**
 * One call per reference sample (tests/fixtures/tiktok-samples/<name>.json), made to the sandbox the way
 * the app or a seller would, returning what the comparison looks at: a Shop/Ads answer's `data`, or the
 * whole body of the auth hosts and Login Kit.
 */
export interface SandboxCall {
  calls: Record<string, () => Promise<unknown>>;
}

const unknownData = z.unknown();
const idList = <K extends string>(key: K) => z.object({ [key]: z.array(z.object({ id: z.string() })) });

export async function sandboxAnswers(
  world: SyncWorld,
  ctx: { shop: ReturnType<typeof shopCaller>; cipher: string; collaborationId: string },
): Promise<SandboxCall> {
  const { shop } = ctx;
  const products = (await shop(
    'POST',
    '/product/202502/products/search',
    idList('products'),
    { status: 'ACTIVATE' },
    { page_size: '5' },
  )) as { products: Array<{ id: string }> };
  const productId = products.products[0]!.id;
  const conversations = z.object({ conversations: z.array(z.object({ id: z.string() })) }).parse(
    await shop('GET', '/affiliate_seller/202412/conversations', unknownData, undefined, {
      page_size: '20',
    }),
  );
  const conversationId = conversations.conversations[0]!.id;
  const creators = z
    .object({ creators: z.array(z.object({ creator_open_id: z.string() })) })
    .parse(
      await shop(
        'POST',
        '/affiliate_seller/202508/marketplace_creators/search',
        unknownData,
        {},
        { page_size: '12' },
      ),
    );

  /** A live product not in a promotion, whose price can be changed. */
  const liveProduct = async () => {
    const page = z
      .object({
        products: z.array(
          z.object({
            id: z.string(),
            skus: z.array(z.object({ id: z.string(), price: z.object({ currency: z.string() }) })),
          }),
        ),
      })
      .parse(
        await shop(
          'POST',
          '/product/202502/products/search',
          unknownData,
          { status: 'ACTIVATE' },
          { page_size: '50' },
        ),
      );
    for (const p of page.products) {
      const sku = p.skus[0]!;
      const probe = await shop('POST', `/product/202309/products/${p.id}/prices/update`, unknownData, {
        skus: [{ id: sku.id, price: { amount: '19.99', currency: sku.price.currency } }],
      }).then(
        () => true,
        () => false,
      );
      if (probe) return { id: p.id, skuId: sku.id, currency: sku.price.currency };
    }
    throw new Error('no live product outside a promotion');
  };

  const unsigned = {
    app: {
      apiBase: world.profile.shopApiBase,
      appKey: world.profile.shop.appKey,
      appSecret: world.profile.shop.appSecret,
    },
    accessToken: await world.tokens.accessToken(SHOP_ACCOUNT),
  };

  const ads = await world.tokens.accessToken(ADS_ACCOUNT);
  const advertiserId = world.db
    .prepare('SELECT advertiser_id FROM advertisers LIMIT 1')
    .pluck()
    .get() as string;
  const adsGet = (path: string, query: Record<string, unknown>) =>
    adsRequest({
      base: world.profile.adsBase,
      accessToken: ads,
      method: 'GET',
      path,
      query: { advertiser_id: advertiserId, ...query } as AdsQuery,
      data: unknownData,
    });

  // Login Kit: an authorization code for a loopback redirect, exchanged like the desktop flow does.
  const pkce = createPkcePair('hex');
  const redirectUri = 'http://127.0.0.1:5000/callback/login';
  const loginToken = async (): Promise<Record<string, unknown>> => {
    const { code } = z.object({ code: z.string() }).parse(
      await admin(world.info, 'POST', '/grant', {
        provider: 'login',
        redirect_uri: redirectUri,
        code_challenge: pkce.challenge,
      }),
    );
    const res = await fetch(`${world.info.identityBase}/v2/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_key: world.info.identity.clientKey,
        client_secret: world.info.identity.clientSecret,
        code,
        grant_type: 'authorization_code',
        redirect_uri: redirectUri,
        code_verifier: pkce.verifier,
      }),
    });
    return z.record(z.string(), z.unknown()).parse(await res.json());
  };

  const calls: Record<string, () => Promise<unknown>> = {
    'login/oauth-token-v2': loginToken,
    'login/user-info-v2': async () => {
      const token = z.object({ access_token: z.string() }).parse(await loginToken()).access_token;
      const res = await fetch(`${world.info.identityBase}/v2/user/info/?fields=open_id,union_id,avatar_url`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return res.json();
    },
    'ads/campaign-get-v1.3': () => adsGet('/open_api/v1.3/campaign/get/', { page_size: 10 }),
    'shop/authorized-shops-202309': () =>
      shopRequest({ ...unsigned, method: 'GET', path: '/authorization/202309/shops', data: unknownData }),
    'shop/active-shops-202309': () =>
      shopRequest({ ...unsigned, method: 'GET', path: '/seller/202309/shops', data: unknownData }),
    'shop/product-detail-202309': () => shop('GET', `/product/202309/products/${productId}`, unknownData),
    'shop/product-search-202502': () =>
      shop('POST', '/product/202502/products/search', unknownData, {}, { page_size: '100' }),
    'shop/orders-search-202309': () =>
      shop('POST', '/order/202309/orders/search', unknownData, {}, { page_size: '100' }),
    'shop/order-detail-202507': async () => {
      const page = z
        .object({ orders: z.array(z.object({ id: z.string(), status: z.string() })) })
        .parse(await shop('POST', '/order/202309/orders/search', unknownData, {}, { page_size: '100' }));
      // Shipped orders: their packages are set.
      const ids = page.orders
        .filter((o) => o.status === 'COMPLETED')
        .slice(0, 3)
        .map((o) => o.id);
      return shop('GET', '/order/202507/orders', unknownData, undefined, { ids: ids.join(',') });
    },
    'shop/statements-202309': () =>
      shop('GET', '/finance/202309/statements', unknownData, undefined, {
        page_size: '20',
        sort_field: 'statement_time',
      }),
    'shop/affiliate-orders-search-202410': () =>
      shop('POST', '/affiliate_seller/202410/orders/search', unknownData, {}, { page_size: '100' }),
    'shop/target-collaborations-search-202508': () =>
      shop(
        'POST',
        '/affiliate_seller/202508/target_collaborations/search',
        unknownData,
        { collaboration_status: 'VALID' },
        { page_size: '20' },
      ),
    'shop/target-collaboration-detail-202508': () =>
      shop('GET', `/affiliate_seller/202508/target_collaborations/${ctx.collaborationId}`, unknownData),
    'shop/target-collaboration-create-202508': async () => {
      // The same creators and product again: TikTok reports the pairs as conflicts next to the new id.
      const body = {
        name: 'Contract check',
        end_time: String(Math.floor(Date.now() / 1000) + 20 * 86_400),
        products: [{ id: productId, target_commission_rate: 1200 }],
        creator_user_open_ids: [creators.creators[0]!.creator_open_id, creators.creators[9]!.creator_open_id],
        seller_contact_info: { email: 'team@example.com' },
        free_sample_rule: { has_free_sample: false, is_sample_approval_exempt: false },
      };
      return shop('POST', '/affiliate_seller/202508/target_collaborations', unknownData, body);
    },
    'shop/target-collaboration-remove-202409': async () => {
      const nowSec = Math.floor(Date.now() / 1000);
      const id = z.object({ target_collaboration: z.object({ id: z.string() }) }).parse(
        await shop('POST', '/affiliate_seller/202508/target_collaborations', unknownData, {
          name: 'To remove',
          end_time: String(nowSec + 20 * 86_400),
          products: [{ id: products.products[1]!.id, target_commission_rate: 1200 }],
          creator_user_open_ids: [creators.creators[10]!.creator_open_id],
          seller_contact_info: { email: 'team@example.com' },
          free_sample_rule: { has_free_sample: false, is_sample_approval_exempt: false },
        }),
      ).target_collaboration.id;
      return shop('DELETE', `/affiliate_seller/202409/target_collaborations/${id}`, unknownData, {});
    },
    'shop/marketplace-creators-search-202508': () =>
      shop(
        'POST',
        '/affiliate_seller/202508/marketplace_creators/search',
        unknownData,
        {},
        { page_size: '12' },
      ),
    'shop/conversation-create-202508': () =>
      shop('POST', '/affiliate_seller/202508/conversations', unknownData, {
        creator_open_id: creators.creators[3]!.creator_open_id,
        only_need_conversation_id: false,
      }),
    'shop/conversations-202412': () =>
      shop('GET', '/affiliate_seller/202412/conversations', unknownData, undefined, {
        page_size: '20',
        only_need_conversation_id: 'false',
      }),
    'shop/messages-202412': () =>
      shop(
        'GET',
        `/affiliate_seller/202412/conversation/${conversationId}/messages`,
        unknownData,
        undefined,
        {
          page_size: '20',
        },
      ),
    'shop/send-message-202412': () =>
      shop('POST', `/affiliate_seller/202412/conversations/${conversationId}/messages`, unknownData, {
        msg_type: 'TEXT',
        content: JSON.stringify({ content: 'Thanks for getting in touch!' }),
      }),
    'shop/conversations-read-202412': () =>
      // An id that is not the shop's: it comes back in `failed_conversation_ids`, and nothing real is read.
      shop('POST', '/affiliate_seller/202412/conversatons/read', unknownData, {
        conversation_ids: ['7451800000000000099'],
      }),
    'shop/newest-unread-messages-202412': () =>
      shop('GET', '/affiliate_seller/202412/conversations/messages/list/newest', unknownData),
    'shop/price-update-202309': async () => {
      const p = await liveProduct();
      return shop('POST', `/product/202309/products/${p.id}/prices/update`, unknownData, {
        skus: [{ id: p.skuId, price: { amount: '19.99', currency: p.currency } }],
      });
    },
    'shop/inventory-update-202309': async () => {
      // One SKU with a warehouse it does not have: TikTok answers code 0 with that SKU in `errors`.
      const p = await liveProduct();
      return shop('POST', `/product/202309/products/${p.id}/inventory/update`, unknownData, {
        skus: [{ id: p.skuId, inventory: [{ warehouse_id: '7068500000000000009', quantity: 5 }] }],
      });
    },
    'shop/image-upload-202511': () =>
      uploadMessageImage(
        { ...unsigned, cipher: '' },
        { bytes: solidPng(1280, 720), fileName: 'banner.png', mime: 'image/png' },
      ),
    'shop/promotion-link-202405': () =>
      shop('POST', `/affiliate_seller/202405/products/${productId}/promotion_link/generate`, unknownData, {}),
  };
  return { calls };
}
