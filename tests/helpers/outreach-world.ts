import { z } from 'zod';
import { silentLogger } from '../../src-main/log/logger';
import { OutreachQueue, type OutreachQueueDeps } from '../../src-main/outreach/queue';
import { OutreachService } from '../../src-main/outreach/service';
import type { SandboxOptions } from '../../src-main/sandbox/index';
import { shopRequest } from '../../src-main/tiktok/shop/request';
import { admin, connectShop, SHOP_ACCOUNT, startWorld, type SyncWorld } from './sync-fixtures';

/**
 * An outreach test world: the sandbox, a connected shop, creators of the shop's region found through the
 * marketplace search (as the CRM would store them), and the queue and service over the test database.
 */
export interface OutreachWorld extends SyncWorld {
  shop: { id: string; cipher: string; region: string };
  productId: string;
  /** Creator ids (database) of the shop's region, in marketplace order. */
  creatorIds: number[];
  queue: (extra?: Partial<OutreachQueueDeps>) => OutreachQueue;
  service: OutreachService;
}

const searchData = z.object({
  next_page_token: z.string().default(''),
  search_key: z.string().optional(),
  creators: z.array(
    z.object({
      creator_open_id: z.string(),
      username: z.string(),
      nickname: z.string(),
      selection_region: z.string(),
    }),
  ),
});

export async function startOutreachWorld(
  creators: number,
  options: SandboxOptions = {},
): Promise<OutreachWorld> {
  const world = await startWorld(options);
  await admin(world.info, 'POST', '/config', { shopQps: 100_000, weeklyPool: [null] });
  const shops = await connectShop(world);
  const shop = shops.find((s) => s.region === 'US') ?? shops[0]!;
  const token = world.tokens.held.get(SHOP_ACCOUNT)!.access;
  const app = {
    apiBase: world.profile.shopApiBase,
    appKey: world.profile.shop.appKey,
    appSecret: world.profile.shop.appSecret,
  };
  const products = await shopRequest({
    app,
    accessToken: token,
    method: 'POST',
    path: '/product/202309/products/search',
    query: { shop_cipher: shop.cipher, page_size: 1 },
    body: { status: 'ACTIVATE' },
    data: z.object({ products: z.array(z.object({ id: z.string() })) }),
  });
  const insert = world.db.prepare(
    `INSERT OR IGNORE INTO creators (canonical_id, open_id, handle, nickname, region, first_seen_at, updated_at)
     VALUES (0, ?, ?, ?, ?, 1, 1)`,
  );
  const rooted = world.db.prepare('UPDATE creators SET canonical_id = id WHERE id = ?');
  const ids: number[] = [];
  let pageToken = '';
  let searchKey: string | undefined;
  for (let page = 0; ids.length < creators && page < 500; page++) {
    const data = await shopRequest({
      app,
      accessToken: token,
      method: 'POST',
      path: '/affiliate_seller/202508/marketplace_creators/search',
      query: { shop_cipher: shop.cipher, page_size: 20, page_token: pageToken || undefined },
      body: searchKey ? { search_key: searchKey } : {},
      data: searchData,
    });
    for (const c of data.creators) {
      if (c.selection_region !== shop.region || ids.length >= creators) continue;
      const r = insert.run(c.creator_open_id, c.username, c.nickname, c.selection_region);
      if (r.changes !== 1) continue;
      ids.push(Number(r.lastInsertRowid));
      rooted.run(r.lastInsertRowid);
    }
    pageToken = data.next_page_token;
    searchKey = data.search_key;
    if (!pageToken) break;
  }
  const now = () => Date.now();
  return {
    ...world,
    shop: { id: shop.id, cipher: shop.cipher, region: shop.region },
    productId: products.products[0]!.id,
    creatorIds: ids,
    queue: (extra = {}) =>
      new OutreachQueue({
        db: world.db,
        tokens: world.tokens,
        app,
        now,
        logger: silentLogger(),
        random: () => 0,
        ...extra,
      }),
    service: new OutreachService({ db: world.db, now }),
  };
}

export interface WriteEntry {
  seq: number;
  kind: string;
  detail: { creators?: string[]; conversationId?: string; messageId?: string };
  answer: string;
}

export async function writesOf(world: SyncWorld, since = 0): Promise<WriteEntry[]> {
  const r = (await admin(world.info, 'GET', `/writes?since=${since}`)) as { entries: WriteEntry[] };
  return r.entries;
}

/** How many committed invitations and messages reached each creator open id / conversation. */
export function contactCounts(writes: WriteEntry[]): {
  invites: Map<string, number>;
  messages: Map<string, number>;
} {
  const invites = new Map<string, number>();
  const messages = new Map<string, number>();
  for (const w of writes) {
    if (w.kind === 'affiliate.target_collaboration')
      for (const c of w.detail.creators ?? []) invites.set(c, (invites.get(c) ?? 0) + 1);
    if (w.kind === 'affiliate.message' && w.detail.conversationId)
      messages.set(w.detail.conversationId, (messages.get(w.detail.conversationId) ?? 0) + 1);
  }
  return { invites, messages };
}

/**
 * What every test Outreach shares: the world's shop and product at 15 % commission, no free sample, paced
 * fast, without a send window, daily cap or weekly pool. Templates are the caller's (see `outreachInput`).
 */
export function outreachBase(
  w: OutreachWorld,
  creatorIds: number[],
  action: 'invite' | 'message' | 'both',
  name = `Outreach ${action}`,
) {
  return {
    accountId: SHOP_ACCOUNT,
    shopId: w.shop.id,
    name,
    action,
    creatorIds,
    products: [{ productId: w.productId, commissionBp: 1500 }],
    freeSample: { hasFreeSample: false, approvalExempt: false },
    sellerEmail: 'team@maplemoss.example',
    values: {},
    window: null,
    dailyCap: null,
    ratePerMinute: 3_000,
    weeklyPool: null,
  };
}

/**
 * An Outreach of the world's shop and product to `creatorIds` (`outreachBase`), with an invitation and a
 * message template saved for it through `service` (names made unique).
 */
export function outreachInput(
  w: OutreachWorld,
  service: OutreachService,
  creatorIds: number[],
  action: 'invite' | 'message' | 'both',
  name = `Outreach ${action}`,
) {
  const invitation = service.templates.save({
    name: `Invite ${Math.random()}`,
    kind: 'invitation',
    language: 'en',
    body: '{{shop_name}} offers {{commission}} on {{product_names}}.',
  });
  const message = service.templates.save({
    name: `Message ${Math.random()}`,
    kind: 'message',
    language: 'en',
    body: 'Hi {{creator_name}}, a sample from {{shop_name}}?',
  });
  return {
    ...outreachBase(w, creatorIds, action, name),
    invitationTemplateId: invitation.id,
    messageTemplateId: message.id,
    // The world syncs no products; the name is given as the wizard would show it.
    values: { productNames: 'Moss lamp' },
  };
}
