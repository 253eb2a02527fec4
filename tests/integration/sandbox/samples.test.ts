/* eslint-disable @typescript-eslint/no-explicit-any -- sandbox JSON replies are inspected ad hoc; the shapes under test are the assertions. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SandboxHandle } from '../../../src-main/sandbox/index';
import { compareShapes, officialSample } from '../../helpers/json-shape';
import { admin, shop as typedShop, shopAuthorize, shopsOf, start, type ShopResponse } from './helpers';

// Not typed yet: this file still reads replies as `any` (its shapes are the next to write, like
// shop-data's); the typed helpers are wrapped so the reads below stay as they were.
type LooseReply = Omit<ShopResponse, 'json'> & { json: ShopResponse['json'] & { data: any } };

/** The part of a marketplace creator search reply the category tests read: each creator's open id and category ids. */
const creatorIdsReply = z.object({
  creators: z.array(z.object({ creator_open_id: z.string(), category_ids: z.array(z.string()) })),
});
type MarketplaceCreatorIds = z.infer<typeof creatorIdsReply>['creators'][number];
const shop = async (...args: Parameters<typeof typedShop>): Promise<LooseReply> => typedShop(...args);

let sb: SandboxHandle;
let token: string;
let us: { id: string; cipher: string };

beforeAll(async () => {
  sb = await start({ scale: 'demo' });
});
afterAll(async () => {
  await sb.close();
});

async function fresh(untick: string[] = []): Promise<void> {
  await admin(sb.info, 'POST', '/reset');
  await admin(sb.info, 'POST', '/config', { shopQps: 100_000, shopAccessTtlSec: 90 * 86_400 });
  token = (await shopAuthorize(sb.info, untick)).access_token;
  us = (await shopsOf(sb.info, token))[0]!;
}

afterEach(async () => {
  await admin(sb.info, 'POST', '/clock', { offsetMs: 0, frozen: false });
});

const searchSamples = (body: unknown, query: Record<string, string> = {}) =>
  shop(sb.info, '/affiliate_seller/202508/sample_applications/search', {
    token,
    cipher: us.cipher,
    body,
    query,
  });

const review = (id: string, body: unknown) =>
  shop(sb.info, `/affiliate_seller/202507/sample_applications/${id}/review`, {
    token,
    cipher: us.cipher,
    body,
  });

const fulfillments = (id: string, body: unknown = {}) =>
  shop(sb.info, `/affiliate_seller/202409/sample_applications/${id}/fulfillments/search`, {
    token,
    cipher: us.cipher,
    body,
  });

async function allSamples(body: Record<string, unknown> = {}): Promise<any[]> {
  const out: any[] = [];
  let pt: string | undefined;
  for (;;) {
    const r = await searchSamples(body, { page_size: '50', ...(pt ? { page_token: pt } : {}) });
    expect(r.json.code).toBe(0);
    out.push(...r.json.data.sample_applications);
    pt = r.json.data.next_page_token;
    if (!pt) return out;
  }
}

/** Fields the sandbox leaves out on purpose, with the documented reason. */
function expectSameShape(official: unknown, actual: unknown, absentOk: string[] = []): void {
  const diff = compareShapes(official, actual);
  expect(diff.extra, 'fields TikTok does not send').toEqual([]);
  expect(diff.typeMismatch, 'fields with another JSON type than TikTok sends').toEqual([]);
  expect(diff.missing.filter((m) => !absentOk.includes(m))).toEqual([]);
}

describe('sandbox replies have the shape of TikTok’s official samples', () => {
  it('marketplace creator search', async () => {
    await fresh();
    const creators: any[] = [];
    let pt = '';
    let key: string | undefined;
    while (creators.length < 200) {
      const r = await shop(sb.info, '/affiliate_seller/202508/marketplace_creators/search', {
        token,
        cipher: us.cipher,
        body: key ? { search_key: key } : {},
        query: { page_size: '20', ...(pt ? { page_token: pt } : {}) },
      });
      expect(r.json.code).toBe(0);
      creators.push(...r.json.data.creators);
      pt = r.json.data.next_page_token;
      key = r.json.data.search_key;
      if (!pt) break;
    }
    const sample = officialSample('marketplace-creators-search');
    expectSameShape(sample.response, {
      ...sample.response,
      data: { next_page_token: pt, search_key: key, creators },
    });
    // Exact figures and ranges are exclusive: a creator who hides figures shows ranges (US) instead.
    expect(creators.some((c) => c.gmv && !c.gmv_range)).toBe(true);
    expect(creators.some((c) => !c.gmv && c.gmv_range)).toBe(true);
  });

  it("carries TikTok's category ids (decimal strings, as the sample's \"60001\"), which the shop's products name", async () => {
    await fresh();
    const creators: MarketplaceCreatorIds[] = [];
    let pt = '';
    let key: string | undefined;
    for (let page = 0; page < 5; page++) {
      const r = await shop(sb.info, '/affiliate_seller/202508/marketplace_creators/search', {
        token,
        cipher: us.cipher,
        body: key ? { search_key: key } : {},
        query: { page_size: '20', ...(pt ? { page_token: pt } : {}) },
      });
      creators.push(...creatorIdsReply.parse(r.json.data).creators);
      pt = r.json.data.next_page_token;
      key = r.json.data.search_key;
      if (!pt) break;
    }
    const sample = creatorIdsReply.parse(
      z.object({ data: z.unknown() }).parse(officialSample('marketplace-creators-search').response).data,
    );
    const sampleIds = sample.creators[0]!.category_ids;
    const idForm = /^\d+$/;
    expect(sampleIds.every((id) => idForm.test(id))).toBe(true);
    const creatorIds = new Set<string>(creators.flatMap((c) => c.category_ids));
    expect(creatorIds.size).toBeGreaterThan(1);
    for (const id of creatorIds) expect(id).toMatch(idForm);
    // Get Product names every level of a product's category: the app names creators' ids from those.
    const listed = await shop(sb.info, '/product/202309/products/search', {
      token,
      cipher: us.cipher,
      body: { status: 'ACTIVATE' },
      query: { page_size: '50' },
    });
    const named = new Map<string, string>();
    for (const p of listed.json.data.products) {
      const d = await shop(sb.info, `/product/202309/products/${p.id}`, { token, cipher: us.cipher });
      for (const level of d.json.data.category_chains) named.set(level.id, level.local_name);
    }
    const shared = [...creatorIds].filter((id) => named.has(id));
    expect(shared.length, 'creator categories the shop sells in').toBeGreaterThan(1);
  });

  it('filters by nothing TikTok does not document: a `category` body field is ignored', async () => {
    await fresh();
    const search = async (body: Record<string, unknown>) => {
      const r = await shop(sb.info, '/affiliate_seller/202508/marketplace_creators/search', {
        token,
        cipher: us.cipher,
        body,
        query: { page_size: '20' },
      });
      return creatorIdsReply.parse(r.json.data).creators.map((c) => c.creator_open_id);
    };
    const all = await search({});
    expect(all).toHaveLength(20);
    expect(await search({ category: ['0'] })).toEqual(all);
  });

  it('the official request sample is accepted as it stands', async () => {
    await fresh();
    const sample = officialSample('marketplace-creators-search');
    const { search_key: _key, ...filters } = sample.request ?? {};
    const r = await shop(sb.info, '/affiliate_seller/202508/marketplace_creators/search', {
      token,
      cipher: us.cipher,
      body: filters,
      query: { page_size: '12' },
    });
    expect(r.json.code).toBe(0);
  });

  it('creator performance', async () => {
    await fresh();
    const list = await shop(sb.info, '/affiliate_seller/202508/marketplace_creators/search', {
      token,
      cipher: us.cipher,
      body: {},
      query: { page_size: '20' },
    });
    const replies = [];
    for (const c of list.json.data.creators) {
      const r = await shop(sb.info, `/affiliate_seller/202508/marketplace_creators/${c.creator_open_id}`, {
        token,
        cipher: us.cipher,
      });
      expect(r.json.code).toBe(0);
      replies.push(r.json.data.creator);
    }
    const official = officialSample('marketplace-creator-performance').response;
    expectSameShape(
      { ...official, data: { creator: [(official.data as any).creator] } },
      { ...official, data: { creator: replies } },
    );
  });

  it('sample application search, review and fulfillments', async () => {
    await fresh();
    const apps = await allSamples();
    const search = officialSample('sample-applications-search').response;
    expectSameShape(search, {
      ...search,
      data: { next_page_token: '', total_count: apps.length, sample_applications: apps },
    });
    const done = apps.find((a) => a.status === 'COMPLETED');
    const f = await fulfillments(done.id);
    expect(f.json.code).toBe(0);
    expect(f.json.data.fulfillments.length).toBeGreaterThan(0);
    const official = officialSample('sample-fulfillments-search').response;
    const allContent = [];
    for (const a of apps.filter((x) => x.status === 'COMPLETED'))
      allContent.push(...(await fulfillments(a.id)).json.data.fulfillments);
    expectSameShape(official, { ...official, data: { fulfillments: allContent } });
  });
});

describe('sample applications', () => {
  it('a fresh sandbox has applications waiting for review, paged by up to 50', async () => {
    await fresh();
    const pending = await allSamples({ status: 'PENDING' });
    expect(pending.length).toBeGreaterThan(3);
    expect(pending.every((a) => a.status === 'PENDING' && a.fulfillment_status === 'PENDING')).toBe(true);
    expect((await searchSamples({}, { page_size: '51' })).json.code).toBe(36009004);
    const first = await searchSamples({}, { page_size: '5' });
    expect(first.json.data.sample_applications).toHaveLength(5);
    expect(first.json.data.total_count).toBeGreaterThan(5);
    // A page token belongs to its query.
    expect(
      (await searchSamples({ status: 'PENDING' }, { page_token: first.json.data.next_page_token })).json.code,
    ).toBe(36009004);
  });

  it('filters by the documented (misspelled) creator field and ignores the correctly spelled one', async () => {
    await fresh();
    const all = await allSamples();
    const openId = all[0].creator.creator_open_id;
    const mine = await allSamples({ creator_user_oepn_id: openId });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.creator.creator_open_id === openId)).toBe(true);
    expect(await allSamples({ creator_user_open_id: openId })).toHaveLength(all.length);
  });

  it('approve: PENDING → AWAITING_SHIPMENT → SHIPPED → CONTENT_PENDING as time passes, with an order and tracking', async () => {
    await fresh();
    const pending = (await allSamples({ status: 'PENDING' })).filter(
      (a) => a.is_approvable && !a.partner_name,
    );
    const app = pending[0];
    expect((await review(app.id, { review_result: 'APPROVE' })).json).toMatchObject({ code: 0, data: {} });
    const after = (await allSamples({ status: 'AWAITING_SHIPMENT' })).find((a) => a.id === app.id);
    expect(after.order_id).toMatch(/^\d{18,20}$/);
    expect(after.shipment_expiration_time).toBeGreaterThan(0);
    // Reviewing twice is refused [U code]; the write log shows one review.
    expect((await review(app.id, { review_result: 'APPROVE' })).json.code).toBe(98001004);
    const writes = (await admin(sb.info, 'GET', '/writes?kind=affiliate.sample_review')).json;
    expect(JSON.stringify(writes)).toContain(app.id);
    await admin(sb.info, 'POST', '/clock', { advanceDays: 10 });
    const later = (await allSamples()).find((a) => a.id === app.id);
    expect(['CONTENT_PENDING', 'COMPLETED']).toContain(later.status);
    expect(later.tracking_number).toMatch(/^TT\d{10}$/);
  });

  it('reject needs one of the documented reasons', async () => {
    await fresh();
    const app = (await allSamples({ status: 'PENDING' })).find((a) => !a.partner_name);
    expect((await review(app.id, { review_result: 'REJECT' })).json.code).toBe(36009004);
    expect(
      (await review(app.id, { review_result: 'REJECT', reject_reason: 'TOO_EXPENSIVE' })).json.code,
    ).toBe(36009004);
    expect((await review(app.id, { review_result: 'MAYBE' })).json.code).toBe(36009004);
    expect((await review(app.id, { review_result: 'REJECT', reject_reason: 'NOT_MATCH' })).json.code).toBe(0);
    const now = (await allSamples()).find((a) => a.id === app.id);
    expect(now.status).toBe('REJECT_CANCELLED');
  });

  it('agency applications cannot be reviewed by the seller (16022020); unknown ids are refused', async () => {
    await fresh();
    const agency = (await allSamples({ status: 'PENDING' })).find((a) => a.partner_name);
    if (agency) expect((await review(agency.id, { review_result: 'APPROVE' })).json.code).toBe(16022020);
    const other = (await allSamples()).length;
    expect(other).toBeGreaterThan(0);
    expect((await review('8070740000000000013', { review_result: 'APPROVE' })).json.code).toBe(98001004);
    expect((await review('1', { review_result: 'APPROVE' })).json.code).toBe(98001004);
  });

  it('not approvable when the product has no sample stock left; the reasons say why', async () => {
    await fresh();
    await admin(sb.info, 'POST', '/clock', { advanceDays: -3 });
    const blocked = (await allSamples({ status: 'PENDING' })).filter((a) => !a.is_approvable);
    for (const a of blocked) expect(a.disapprovable_reasons.length).toBeGreaterThan(0);
    const one = blocked.find((a) => !a.partner_name);
    if (one) expect((await review(one.id, { review_result: 'APPROVE' })).json.code).toBe(98001004);
  });

  it('an application nobody reviews within 7 days is OVERDUE_CANCELLED', async () => {
    await fresh();
    const pending = await allSamples({ status: 'PENDING' });
    await admin(sb.info, 'POST', '/clock', { advanceDays: 8 });
    const later = await allSamples();
    for (const p of pending) expect(later.find((a) => a.id === p.id)?.status).toBe('OVERDUE_CANCELLED');
  });

  it('a creator who never posts goes overdue 14 days after delivery, then UNFULFILL_CANCELLED', async () => {
    await fresh();
    const overdue = (await allSamples()).filter(
      (a) => a.status === 'CONTENT_PENDING' && a.fulfillment_status === 'OVERDUE',
    );
    expect(overdue.length).toBeGreaterThan(0);
    await admin(sb.info, 'POST', '/clock', { advanceDays: 8 });
    const apps = await allSamples();
    // Past the grace period each is cancelled, unless the creator posted late within it (then completed).
    for (const o of overdue)
      expect(['UNFULFILL_CANCELLED', 'COMPLETED']).toContain(apps.find((a) => a.id === o.id)?.status);
    const cancelled = apps.find(
      (a) => overdue.some((o) => o.id === a.id) && a.status === 'UNFULFILL_CANCELLED',
    );
    expect(cancelled).toBeDefined();
    expect((await fulfillments(cancelled.id)).json.data.fulfillments).toEqual([]);
  });

  it('review needs the collaboration write scope; search needs read', async () => {
    await fresh(['seller.affiliate_collaboration.write']);
    const app = (await allSamples({ status: 'PENDING' }))[0];
    expect((await review(app.id, { review_result: 'APPROVE' })).json.code).toBe(105005);
  });
});

describe('creator performance', () => {
  it('refuses a creator of another region (16901006) and an unknown one (16901008); counts against the daily quota', async () => {
    await fresh();
    const gb = (await shopsOf(sb.info, token))[1]!;
    const list = await shop(sb.info, '/affiliate_seller/202508/marketplace_creators/search', {
      token,
      cipher: gb.cipher,
      body: {},
      query: { page_size: '12' },
    });
    const gbCreator = list.json.data.creators[0].creator_open_id;
    const path = (id: string) => `/affiliate_seller/202508/marketplace_creators/${id}`;
    expect((await shop(sb.info, path(gbCreator), { token, cipher: us.cipher })).json.code).toBe(16901006);
    expect((await shop(sb.info, path('AAAAAAAAAAAAAAAA'), { token, cipher: us.cipher })).json.code).toBe(
      16901008,
    );
    await admin(sb.info, 'POST', '/config', { dailyQuota: 1 });
    try {
      expect((await shop(sb.info, path(gbCreator), { token, cipher: gb.cipher })).json.code).toBe(0);
      expect((await shop(sb.info, path(gbCreator), { token, cipher: gb.cipher })).json.code).toBe(45101004);
    } finally {
      await admin(sb.info, 'POST', '/config', { dailyQuota: 10_000 });
    }
  });
});
