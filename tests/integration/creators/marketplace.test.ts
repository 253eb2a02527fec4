import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MarketplaceSearchResult, SavedSearch } from '@shared/marketplace';
import { type AccountsTestApp, connectThrough, makeAccountsApp, sandboxAdmin } from '../../helpers/accounts';

let t: AccountsTestApp;
let shopId: string;

beforeAll(async () => {
  t = await makeAccountsApp({ sandbox: { scale: 'demo' } });
  await connectThrough(t, 'shop');
  shopId = (t.app.db.prepare("SELECT shop_id FROM shops WHERE region = 'US'").pluck().get() as string) ?? '';
});
afterEach(async () => {
  await sandboxAdmin(t.sandbox, 'POST', '/config', { dailyQuota: 10_000 });
});
afterAll(async () => t.cleanup());

const quotaLeft = async (): Promise<number> =>
  (
    await t.invoke<{ shops: Array<{ shopId: string; search: { left: number } }> }>('marketplace:quota', {})
  ).shops.find((s) => s.shopId === shopId)!.search.left;

describe('Creator Marketplace search', () => {
  it('pages with the search key, stores every result as a creator with its 30-day figures, and counts the quota', async () => {
    const before = await quotaLeft();
    const first = await t.invoke<MarketplaceSearchResult>('marketplace:search', {
      shopId,
      filters: { followersMin: 10_000 },
      pageSize: 12,
    });
    expect(first.creators).toHaveLength(12);
    expect(first.creators.every((c) => (c.followers ?? 0) >= 10_000 && c.region === 'US')).toBe(true);
    expect(first.creators.every((c) => !c.known)).toBe(true);
    const second = await t.invoke<MarketplaceSearchResult>('marketplace:search', {
      shopId,
      filters: { followersMin: 10_000 },
      pageSize: 12,
      pageToken: first.nextPageToken,
      searchKey: first.searchKey,
    });
    expect(new Set([...first.creators, ...second.creators].map((c) => c.creatorId)).size).toBe(24);
    expect(second.quota.left).toBe(before - 2);
    // Searching again finds the same creators, now known.
    const again = await t.invoke<MarketplaceSearchResult>('marketplace:search', {
      shopId,
      filters: { followersMin: 10_000 },
      pageSize: 12,
    });
    expect(again.creators.every((c) => c.known)).toBe(true);
    const stats = await t.invoke<{ shops: Array<{ shopId: string; followers: number | null }> }>(
      'marketplace:creatorStats',
      { creatorId: first.creators[0]!.creatorId },
    );
    expect(stats.shops).toMatchObject([{ shopId, followers: first.creators[0]!.followers }]);
    const origin = t.app.db
      .prepare("SELECT count(*) FROM creator_origins WHERE source = 'marketplace'")
      .pluck()
      .get() as number;
    expect(origin).toBe(24);
  });

  it("fills each creator's categories from TikTok's category_ids, and the Category filter finds them", async () => {
    const page = await t.invoke<MarketplaceSearchResult>('marketplace:search', {
      shopId,
      filters: { keyword: '' },
      pageSize: 20,
    });
    const byCategory = new Map<string, Set<number>>();
    for (const c of page.creators)
      for (const id of c.categoryIds) byCategory.set(id, (byCategory.get(id) ?? new Set()).add(c.creatorId));
    expect(byCategory.size).toBeGreaterThan(0);
    // The search itself asks the CRM to re-index what it stored; waiting for that pass is waiting on state.
    await t.app.creators.worker.kick('manual');
    for (const [category, ids] of byCategory) {
      const found = await t.invoke<{ items: Array<{ id: number }> }>('creators:search', {
        filter: { categories: [category] },
        limit: 500,
      });
      const foundIds = new Set(found.items.map((c) => c.id));
      for (const id of ids) expect(foundIds.has(id)).toBe(true);
    }
  });

  it("keeps the marketplace's GMV over a file's, and takes the file's units sold and engagement it has none of", async () => {
    const page = await t.invoke<MarketplaceSearchResult>('marketplace:search', {
      shopId,
      filters: { followersMin: 1_000 },
      pageSize: 20,
    });
    const precise = page.creators.filter((c) => c.gmv !== null && c.handle !== null).slice(0, 6);
    expect(precise.length).toBeGreaterThan(2);
    const csv = [
      'handle,GMV,currency,units sold,engagement rate',
      ...precise.map((c, i) => `${c.handle},1.23,${c.gmv?.currency},${7_001 + i},${i + 1}.5%`),
    ].join('\n');
    const up = await t.invoke<{ uploadId: string }>('creators:importUpload', {
      offset: 0,
      data: Buffer.from(csv).toString('base64'),
    });
    const dry = await t.invoke<{
      report: { importId: string; mergedIntoExisting: number; badRows: unknown[] };
    }>('creators:import', { step: 'dryRun', uploadId: up.uploadId, fileName: 'other-tool.csv' });
    expect(dry.report).toMatchObject({ mergedIntoExisting: precise.length, badRows: [] });
    await t.invoke('creators:import', { step: 'confirm', importId: dry.report.importId });
    await t.app.creators.worker.kick('manual');
    const ids = async (filter: object): Promise<number[]> =>
      (await t.invoke<{ items: Array<{ id: number }> }>('creators:search', { filter, limit: 500 })).items
        .map((c) => c.id)
        .sort((a, b) => a - b);
    for (const [i, c] of precise.entries()) {
      const gmv = c.gmv as { amountMinor: number; currency: string };
      const at = (min: number, max: number) => ({ currency: gmv.currency, min, max });
      expect(await ids({ text: c.handle, gmv: at(gmv.amountMinor, gmv.amountMinor) })).toContain(c.creatorId);
      expect(await ids({ gmv: at(123, 123) })).not.toContain(c.creatorId);
      expect(await ids({ unitsSold: { min: 7_001 + i, max: 7_001 + i } })).toEqual([c.creatorId]);
      expect(await ids({ engagement: { min: (i + 1) * 100 + 50, max: (i + 1) * 100 + 50 } })).toEqual([
        c.creatorId,
      ]);
    }
  });

  it('answers the Done-when query over categories the search filled: US beauty, 10k–100k, GMV over $1k, not contacted in 30 days', async () => {
    const beauty = '601152';
    const seen = new Map<number, MarketplaceSearchResult['creators'][number]>();
    let pageToken: string | undefined;
    let searchKey: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page: MarketplaceSearchResult = await t.invoke<MarketplaceSearchResult>('marketplace:search', {
        shopId,
        filters: { followersMin: 10_000, followersMax: 100_000 },
        pageSize: 20,
        ...(pageToken ? { pageToken, searchKey } : {}),
      });
      for (const c of page.creators) seen.set(c.creatorId, c);
      if (!page.nextPageToken) break;
      pageToken = page.nextPageToken;
      searchKey = page.searchKey;
    }
    await t.app.creators.worker.kick('manual');
    const found = await t.invoke<{
      items: Array<{
        id: number;
        region: string | null;
        followers: number | null;
        gmv: { amountMinor: number; currency: string } | null;
      }>;
    }>('creators:search', {
      filter: {
        regions: ['US'],
        followers: { min: 10_000, max: 100_000 },
        gmv: { currency: 'USD', min: 100_001 },
        categories: [beauty],
        lastContacted: { notWithinDays: 30 },
      },
      limit: 500,
    });
    // Brute force over what TikTok's answers said, for the creators this search brought.
    const expected = [...seen.values()]
      .filter(
        (c) =>
          c.region === 'US' &&
          (c.followers ?? -1) >= 10_000 &&
          (c.followers ?? Infinity) <= 100_000 &&
          c.gmv?.currency === 'USD' &&
          c.gmv.amountMinor >= 100_001 &&
          c.categoryIds.includes(beauty),
      )
      .map((c) => c.creatorId)
      .sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(0);
    const foundIds = found.items.map((c) => c.id);
    expect(foundIds.filter((id) => seen.has(id)).sort((a, b) => a - b)).toEqual(expected);
  });

  it('creator performance is read through the shop, kept, and counted separately', async () => {
    const page = await t.invoke<MarketplaceSearchResult>('marketplace:search', { shopId, pageSize: 12 });
    const id = page.creators[3]!.creatorId;
    const res = await t.invoke<{
      performance: { followers: number | null; followerGender: unknown[] };
      quota: { used: number };
    }>('marketplace:performance', { creatorId: id, shopId });
    expect(res.performance.followers).toBe(page.creators[3]!.followers);
    expect(res.performance.followerGender.length).toBeGreaterThan(0);
    expect(res.quota.used).toBe(1);
    const stats = await t.invoke<{ shops: Array<{ performance: { fetchedAt: number } | null }> }>(
      'marketplace:creatorStats',
      { creatorId: id },
    );
    expect(stats.shops[0]!.performance?.fetchedAt).toBeGreaterThan(0);
  });

  it('when TikTok says the day’s quota is used up, no further search is sent until it resets', async () => {
    await sandboxAdmin(t.sandbox, 'POST', '/config', { dailyQuota: 1 });
    const other =
      (t.app.db.prepare("SELECT shop_id FROM shops WHERE region = 'GB'").pluck().get() as string) ?? '';
    await t.invoke('marketplace:search', { shopId: other, pageSize: 12 });
    await expect(t.invoke('marketplace:search', { shopId: other, pageSize: 12 })).rejects.toMatchObject({
      shape: { code: 'RATE_LIMITED' },
    });
    const requests = async () =>
      (
        await sandboxAdmin<{ entries: Array<{ path: string; query: string }> }>(
          t.sandbox,
          'GET',
          '/requests?limit=5000',
        )
      ).entries.filter((e) => e.path.endsWith('/marketplace_creators/search')).length;
    const sent = await requests();
    await expect(t.invoke('marketplace:search', { shopId: other, pageSize: 12 })).rejects.toMatchObject({
      shape: { code: 'RATE_LIMITED' },
    });
    expect(await requests()).toBe(sent);
    const quota = await t.invoke<{
      shops: Array<{ shopId: string; search: { exhausted: boolean; left: number } }>;
    }>('marketplace:quota', { shopId: other });
    expect(quota.shops[0]!.search).toMatchObject({ exhausted: true, left: 0 });
  });
});

describe('saved searches', () => {
  it('refresh up to their page budget, rank results and tell new creators from known ones', async () => {
    const saved = await t.invoke<SavedSearch>('marketplace:saveSearch', {
      name: 'US big creators',
      shopId,
      filters: { followersMin: 50_000 },
      pageSize: 20,
      maxPages: 2,
    });
    expect(saved).toMatchObject({ lastRefreshedAt: null, resultCount: 0, autoRefresh: true });
    const r1 = await t.invoke<{ pages: number; found: number; newCreators: number; search: SavedSearch }>(
      'marketplace:refreshSearch',
      { id: saved.id },
    );
    expect(r1).toMatchObject({
      pages: 2,
      found: 40,
      newCreators: 40,
      search: { lastOutcome: 'partial', resultCount: 40 },
    });
    const r2 = await t.invoke<{ newCreators: number }>('marketplace:refreshSearch', { id: saved.id });
    expect(r2.newCreators).toBe(0);
    const results = await t.invoke<{
      items: Array<{ rank: number; isNew: boolean }>;
      nextAfter: number | null;
    }>('marketplace:searchResults', { id: saved.id, limit: 25 });
    expect(results.items.map((i) => i.rank)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(results.items.some((i) => i.isNew)).toBe(false);
    expect(results.nextAfter).toBe(25);
    const list = await t.invoke<SavedSearch[]>('marketplace:savedSearches', {});
    expect(list.map((s) => s.name)).toContain('US big creators');
    expect(await t.invoke('marketplace:deleteSearch', { id: saved.id })).toEqual({ deleted: true });
  });

  it('stop while the interactive reserve is all that is left of the day’s quota', async () => {
    const saved = await t.invoke<SavedSearch>('marketplace:saveSearch', {
      name: 'Reserve',
      shopId,
      filters: {},
      maxPages: 3,
    });
    // As if the shop had spent all but 1,000 searches today.
    t.app.db
      .prepare('UPDATE marketplace_quota SET used = 9000 WHERE shop_id = ? AND api = ?')
      .run(shopId, 'search');
    const r = await t.invoke<{ pages: number; search: SavedSearch }>('marketplace:refreshSearch', {
      id: saved.id,
    });
    expect(r).toMatchObject({ pages: 0, search: { lastOutcome: 'quota' } });
    // A search by hand still goes through.
    await t.invoke('marketplace:search', { shopId, pageSize: 12 });
  });
});
