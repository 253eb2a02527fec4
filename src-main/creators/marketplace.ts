import type { Database } from 'better-sqlite3';
import { AppError, isAppError } from '@shared/errors';
import {
  type CreatorPerformanceView,
  type MarketplaceCreatorView,
  type MarketplaceFiltersInput,
  marketplaceFiltersSchema,
  type MarketplaceSearchResult,
  type SavedSearch,
} from '@shared/marketplace';
import { type z } from 'zod';
import type {
  creatorStatsSchema,
  marketplaceQuotaResultSchema,
  refreshResultSchema,
  saveSearchInputSchema,
  savedResultsSchema,
} from '@shared/marketplace';
import type { Logger } from '../log/logger';
import {
  type CreatorPerformance,
  creatorPerformance,
  type MarketplaceCreator,
  type MarketplacePageSize,
  searchMarketplaceCreators,
} from '../tiktok/shop/marketplace-creators';
import { INTERACTIVE_RESERVE, type QuotaApi, QuotaLedger } from './marketplace-quota';
import type { CreatorOrigins } from './origins';
import type { ShopApi } from './shop-api';
import { creatorSourceTexts } from './texts';

/** TikTok's answer when the shop's 10,000 requests of the day are used up. */
const QUOTA_REACHED = 45101004;

interface StatsRow {
  creator_id: number;
  shop_id: string;
  region: string | null;
  followers: number | null;
  avg_video_views: number | null;
  avg_live_viewers: number | null;
  currency: string | null;
  gmv_minor: number | null;
  gmv_min_minor: number | null;
  gmv_max_minor: number | null;
  gmv_range_label: string | null;
  units_min: number | null;
  units_max: number | null;
  units_range_label: string | null;
  category_ids: string;
  follower_ages: string;
  major_gender: string | null;
  major_gender_bp: number | null;
  performance: string | null;
  searched_at: number | null;
  open_id: string | null;
  handle: string | null;
  nickname: string | null;
  avatar_url: string | null;
}

interface SavedRow {
  id: number;
  name: string;
  shop_id: string;
  filters: string;
  page_size: number;
  max_pages: number;
  auto_refresh: number;
  created_at: number;
  last_refreshed_at: number | null;
  last_outcome: SavedSearch['lastOutcome'];
  last_found: number | null;
  last_new: number | null;
  result_count: number;
}

export interface MarketplaceDeps {
  db: Database;
  shopApi: ShopApi;
  origins: CreatorOrigins;
  logger: Logger;
  now: () => number;
  /** Creators were stored or changed: the CRM re-indexes them in the background (worker.kick). */
  onStored?: () => void;
}

/**
 * The Creator Marketplace as a source of creators. Every result is stored as a creator (source
 * `marketplace`) with the shop's 30-day figures, so it can be found, scored and listed offline. Requests
 * are counted against the shop's daily quota before they leave; saved searches refresh only while more than
 * the interactive reserve is left, so the merchant can still search by hand late in the day.
 */
export class MarketplaceService {
  private readonly quota: QuotaLedger;
  private readonly sql: ReturnType<typeof prepare>;

  constructor(private readonly deps: MarketplaceDeps) {
    const { db } = deps;
    this.quota = new QuotaLedger(db, deps.now);
    this.sql = prepare(db);
  }

  quotaOf(shopId?: string): z.infer<typeof marketplaceQuotaResultSchema> {
    const shops = this.deps.shopApi.shops().filter((s) => !shopId || s.shopId === shopId);
    if (shopId && shops.length === 0) throw new AppError('NOT_FOUND', creatorSourceTexts.noShop());
    return {
      shops: shops.map((s) => ({
        shopId: s.shopId,
        shopName: s.name,
        region: s.region,
        search: this.quota.status(s.shopId, 'search'),
        performance: this.quota.status(s.shopId, 'performance'),
      })),
    };
  }

  /** One page of a live marketplace search; its creators are stored before the page is returned. */
  async search(input: {
    shopId: string;
    filters: MarketplaceFiltersInput;
    pageSize: MarketplacePageSize;
    pageToken?: string | undefined;
    searchKey?: string | undefined;
  }): Promise<MarketplaceSearchResult> {
    const page = await this.metered(input.shopId, 'search', (ctx) =>
      searchMarketplaceCreators(ctx, {
        filters: input.filters,
        pageSize: input.pageSize,
        pageToken: input.pageToken ?? '',
        searchKey: input.searchKey ?? null,
      }),
    );
    const shop = this.deps.shopApi.shop(input.shopId);
    const creators = this.deps.db
      .transaction(() => page.creators.map((c) => this.store(c, shop.shopId, shop.accountId, null).view))
      .immediate();
    this.deps.onStored?.();
    return {
      creators,
      nextPageToken: page.nextPageToken,
      searchKey: page.searchKey,
      quota: this.quota.status(input.shopId, 'search'),
    };
  }

  async performance(
    creatorId: number,
    shopId: string,
  ): Promise<{ performance: CreatorPerformanceView; quota: ReturnType<QuotaLedger['status']> }> {
    const holder = this.sql.openIdOf.get(creatorId) as
      { id: number; open_id: string | null; canonical_id: number } | undefined;
    if (holder === undefined)
      throw new AppError('NOT_FOUND', creatorSourceTexts.noCreator({ id: creatorId }));
    const openId = holder.open_id;
    if (!openId) throw new AppError('VALIDATION', creatorSourceTexts.noOpenId());
    const perf = await this.metered(shopId, 'performance', (ctx) => creatorPerformance(ctx, openId));
    const shop = this.deps.shopApi.shop(shopId);
    const view = performanceView(holder.canonical_id, shopId, this.deps.now(), perf);
    this.deps.db
      .transaction(() => {
        this.sql.setPerformance.run(holder.id, shopId, shop.accountId, JSON.stringify(view), view.fetchedAt);
        // Performance detail names the creator's categories too (docs/tiktok-api/affiliate-creators-and-samples.md).
        this.deps.origins.addCategories(holder.id, perf.categoryIds);
        this.sql.markDirty.run(holder.canonical_id);
      })
      .immediate();
    this.deps.onStored?.();
    return { performance: view, quota: this.quota.status(shopId, 'performance') };
  }

  stats(creatorId: number): z.infer<typeof creatorStatsSchema> {
    const rows = this.sql.statsOf.all(creatorId) as StatsRow[];
    return {
      shops: rows.map((r) => {
        const { creatorId: _id, known: _known, ...view } = viewOfRow(r);
        return {
          ...view,
          shopId: r.shop_id,
          searchedAt: r.searched_at,
          performance: r.performance ? (JSON.parse(r.performance) as CreatorPerformanceView) : null,
        };
      }),
    };
  }

  savedSearches(): SavedSearch[] {
    return (this.sql.savedAll.all() as SavedRow[]).map(savedOf);
  }

  saveSearch(input: z.output<typeof saveSearchInputSchema>): SavedSearch {
    this.deps.shopApi.shop(input.shopId);
    const now = this.deps.now();
    const values = [
      input.name,
      input.shopId,
      JSON.stringify(input.filters),
      input.pageSize,
      input.maxPages,
      input.autoRefresh ? 1 : 0,
    ] as const;
    let id = input.id;
    if (id === undefined) id = Number(this.sql.insertSaved.run(...values, now, now).lastInsertRowid);
    else if (this.sql.updateSaved.run(...values, now, id).changes === 0)
      throw new AppError('NOT_FOUND', creatorSourceTexts.noSavedSearch());
    return this.savedOne(id);
  }

  deleteSearch(id: number): { deleted: boolean } {
    return { deleted: this.sql.deleteSaved.run(id).changes > 0 };
  }

  /**
   * Runs a saved search again, up to its page budget, while the shop keeps its interactive reserve. Found
   * creators are stored and ranked; those never seen by this search before count as new.
   */
  async refresh(id: number): Promise<z.infer<typeof refreshResultSchema>> {
    const search = this.savedOne(id);
    const shop = this.deps.shopApi.shop(search.shopId);
    const now = this.deps.now();
    let pageToken = '';
    let searchKey: string | null = null;
    let pages = 0;
    let found = 0;
    let fresh = 0;
    let outcome: NonNullable<SavedSearch['lastOutcome']> = 'ok';
    let failure: unknown = null;
    for (;;) {
      if (pages >= search.maxPages) {
        outcome = 'partial';
        break;
      }
      if (this.quota.status(shop.shopId, 'search').left <= INTERACTIVE_RESERVE) {
        outcome = 'quota';
        break;
      }
      let page;
      try {
        page = await this.metered(shop.shopId, 'search', (ctx) =>
          searchMarketplaceCreators(ctx, {
            filters: search.filters,
            pageSize: search.pageSize,
            pageToken,
            searchKey,
          }),
        );
      } catch (err) {
        outcome = isAppError(err) && err.details?.remoteCode === QUOTA_REACHED ? 'quota' : 'failed';
        failure = outcome === 'failed' ? err : null;
        break;
      }
      const rankBase = pages * search.pageSize;
      pages++;
      this.deps.db
        .transaction(() => {
          page.creators.forEach((c, i) => {
            const stored = this.store(c, shop.shopId, shop.accountId, search.name);
            const first = this.sql.upsertResult
              .pluck()
              .get(id, stored.recordId, rankBase + i + 1, now, now) as number;
            found++;
            if (first === now) fresh++;
          });
        })
        .immediate();
      if (!page.nextPageToken) break;
      pageToken = page.nextPageToken;
      searchKey = page.searchKey;
    }
    this.sql.finishRefresh.run(now, outcome, found, fresh, id);
    if (found > 0) this.deps.onStored?.();
    if (failure !== null && pages === 0) throw failure;
    return {
      search: this.savedOne(id),
      pages,
      found,
      newCreators: fresh,
      quota: this.quota.status(shop.shopId, 'search'),
    };
  }

  /** Refreshes the saved searches marked for it that have not run in the last day (after a sync, at start-up). */
  async refreshDue(): Promise<number> {
    const ids = this.sql.dueAuto.pluck().all(this.deps.now() - 86_400_000) as number[];
    let done = 0;
    for (const id of ids) {
      try {
        await this.refresh(id);
        done++;
      } catch (err) {
        this.deps.logger.warn(
          { searchId: id, code: isAppError(err) ? err.code : 'INTERNAL' },
          'saved search refresh failed',
        );
      }
    }
    return done;
  }

  results(input: {
    id: number;
    after?: number | undefined;
    limit: number;
  }): z.infer<typeof savedResultsSchema> {
    const search = this.savedOne(input.id);
    const rows = this.sql.results.all(search.shopId, input.id, input.after ?? 0, input.limit) as Array<
      StatsRow & { rank: number; first_seen_at: number; creator_id: number }
    >;
    return {
      items: rows.map((r) => ({
        ...viewOfRow(r),
        rank: r.rank,
        firstSeenAt: r.first_seen_at,
        isNew: search.lastRefreshedAt !== null && r.first_seen_at === search.lastRefreshedAt,
      })),
      nextAfter: rows.length === input.limit ? (rows.at(-1)?.rank ?? null) : null,
    };
  }

  private savedOne(id: number): SavedSearch {
    const row = this.sql.savedOne.get(id) as SavedRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', creatorSourceTexts.noSavedSearch());
    return savedOf(row);
  }

  /** Spends one request of the shop's daily quota and makes the call; a 45101004 marks the day exhausted. */
  private async metered<T>(
    shopId: string,
    api: QuotaApi,
    call: Parameters<ShopApi['call']>[1] extends (ctx: infer C, ...rest: never[]) => unknown
      ? (ctx: C) => Promise<T>
      : never,
  ): Promise<T> {
    const shop = this.deps.shopApi.shop(shopId);
    const status = this.quota.status(shopId, api);
    if (status.exhausted || status.left <= 0)
      throw new AppError('RATE_LIMITED', creatorSourceTexts.quotaUsedUp(), {
        remoteCode: QUOTA_REACHED,
        resetsAt: status.resetsAt,
      });
    try {
      return await this.deps.shopApi.call(shopId, (ctx) => {
        this.quota.spend(shopId, shop.accountId, api);
        return call(ctx);
      });
    } catch (err) {
      if (isAppError(err) && err.details?.remoteCode === QUOTA_REACHED) {
        this.quota.markExhausted(shopId, shop.accountId, api);
        throw new AppError('RATE_LIMITED', creatorSourceTexts.quotaUsedUp(), {
          remoteCode: QUOTA_REACHED,
          resetsAt: this.quota.status(shopId, api).resetsAt,
        });
      }
      throw err;
    }
  }

  /** Stores one result as a creator with this shop's figures; runs inside the caller's transaction. */
  private store(
    c: MarketplaceCreator,
    shopId: string,
    accountId: string,
    detail: string | null,
  ): { view: MarketplaceCreatorView; recordId: number } {
    const saved = this.deps.origins.save(
      {
        openId: c.openId,
        handle: c.handle,
        nickname: c.nickname,
        region: c.region,
        avatarUrl: c.avatarUrl,
        followers: c.followers,
        gmv: c.gmv,
        avgVideoViews: c.avgVideoViews,
        // A search result gives units sold as a range only, and no engagement rate.
        unitsSold: null,
        engagementBp: null,
        // TikTok's ids of the creator's main product categories (docs/tiktok-api/affiliate-creators-and-samples.md).
        categories: c.categoryIds,
        contacts: {},
      },
      {
        source: 'marketplace',
        detail,
        place: { accountId, shopId, source: 'marketplace' },
      },
      this.deps.now(),
    );
    const currency = c.gmv?.currency ?? c.gmvRange?.min?.currency ?? c.gmvRange?.max?.currency ?? null;
    this.sql.upsertStats.run({
      creatorId: saved.recordId,
      shopId,
      accountId,
      region: c.region,
      followers: c.followers,
      avgVideoViews: c.avgVideoViews,
      avgLiveViewers: c.avgLiveViewers,
      currency,
      gmv: c.gmv?.amountMinor ?? null,
      liveGmv: c.liveGmv?.amountMinor ?? null,
      videoGmv: c.videoGmv?.amountMinor ?? null,
      gmvMin: c.gmvRange?.min?.amountMinor ?? null,
      gmvMax: c.gmvRange?.max?.amountMinor ?? null,
      gmvLabel: c.gmvRange?.label ?? null,
      unitsMin: c.unitsSoldRange?.min ?? null,
      unitsMax: c.unitsSoldRange?.max ?? null,
      unitsLabel: c.unitsSoldRange?.label ?? null,
      categories: JSON.stringify(c.categoryIds),
      ages: JSON.stringify(c.followerAges),
      gender: c.majorGender?.gender ?? null,
      genderBp: c.majorGender?.shareBp ?? null,
      now: this.deps.now(),
    });
    const view: MarketplaceCreatorView = {
      creatorId: saved.creatorId,
      known: !saved.created,
      openId: c.openId,
      handle: c.handle,
      nickname: c.nickname,
      avatarUrl: c.avatarUrl,
      region: c.region,
      categoryIds: c.categoryIds,
      followers: c.followers,
      avgVideoViews: c.avgVideoViews,
      avgLiveViewers: c.avgLiveViewers,
      gmv: c.gmv,
      gmvRange: c.gmvRange,
      unitsSoldRange: c.unitsSoldRange,
      followerAges: c.followerAges,
      majorGender: c.majorGender,
    };
    return { view, recordId: saved.recordId };
  }
}

function prepare(db: Database) {
  return {
    upsertStats: db.prepare(`
      INSERT INTO marketplace_creator_stats (creator_id, shop_id, account_id, region, followers, avg_video_views,
        avg_live_viewers, currency, gmv_minor, live_gmv_minor, video_gmv_minor, gmv_min_minor, gmv_max_minor,
        gmv_range_label, units_min, units_max, units_range_label, category_ids, follower_ages, major_gender,
        major_gender_bp, searched_at)
      VALUES (@creatorId, @shopId, @accountId, @region, @followers, @avgVideoViews, @avgLiveViewers, @currency,
        @gmv, @liveGmv, @videoGmv, @gmvMin, @gmvMax, @gmvLabel, @unitsMin, @unitsMax, @unitsLabel, @categories,
        @ages, @gender, @genderBp, @now)
      ON CONFLICT (creator_id, shop_id) DO UPDATE SET account_id = excluded.account_id, region = excluded.region,
        followers = excluded.followers, avg_video_views = excluded.avg_video_views,
        avg_live_viewers = excluded.avg_live_viewers, currency = excluded.currency, gmv_minor = excluded.gmv_minor,
        live_gmv_minor = excluded.live_gmv_minor, video_gmv_minor = excluded.video_gmv_minor,
        gmv_min_minor = excluded.gmv_min_minor, gmv_max_minor = excluded.gmv_max_minor,
        gmv_range_label = excluded.gmv_range_label, units_min = excluded.units_min, units_max = excluded.units_max,
        units_range_label = excluded.units_range_label, category_ids = excluded.category_ids,
        follower_ages = excluded.follower_ages, major_gender = excluded.major_gender,
        major_gender_bp = excluded.major_gender_bp, searched_at = excluded.searched_at`),
    setPerformance: db.prepare(`
      INSERT INTO marketplace_creator_stats (creator_id, shop_id, account_id, performance, performance_at)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (creator_id, shop_id) DO UPDATE SET performance = excluded.performance,
        performance_at = excluded.performance_at`),
    markDirty: db.prepare('INSERT OR IGNORE INTO creator_dirty (creator_id) VALUES (?)'),
    statsOf: db.prepare(`
      SELECT s.*, c.open_id, c.handle, c.nickname, c.avatar_url, c.canonical_id AS creator_id
      FROM marketplace_creator_stats s JOIN creators c ON c.id = s.creator_id
      WHERE s.creator_id IN (SELECT id FROM creators WHERE canonical_id = (SELECT canonical_id FROM creators WHERE id = ?))
      ORDER BY s.shop_id, s.searched_at DESC`),
    // The record of the Creator that holds an open id (the Creator's own first).
    openIdOf: db.prepare(`
      SELECT r.id, r.open_id, c.canonical_id FROM creators c JOIN creators r ON r.canonical_id = c.canonical_id
      WHERE c.id = ? ORDER BY r.open_id IS NULL, r.id = r.canonical_id DESC, r.id LIMIT 1`),
    savedAll: db.prepare(`${savedSelect} ORDER BY s.name COLLATE NOCASE, s.id`),
    savedOne: db.prepare(`${savedSelect} WHERE s.id = ?`),
    insertSaved: db.prepare(`
      INSERT INTO marketplace_saved_searches (name, shop_id, filters, page_size, max_pages, auto_refresh,
        created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    updateSaved: db.prepare(`
      UPDATE marketplace_saved_searches SET name = ?, shop_id = ?, filters = ?, page_size = ?, max_pages = ?,
        auto_refresh = ?, updated_at = ? WHERE id = ?`),
    deleteSaved: db.prepare('DELETE FROM marketplace_saved_searches WHERE id = ?'),
    finishRefresh: db.prepare(`
      UPDATE marketplace_saved_searches SET last_refreshed_at = ?, last_outcome = ?, last_found = ?, last_new = ?
      WHERE id = ?`),
    upsertResult: db.prepare(`
      INSERT INTO marketplace_saved_results (search_id, creator_id, rank, first_seen_at, last_seen_at)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (search_id, creator_id) DO UPDATE SET rank = excluded.rank, last_seen_at = excluded.last_seen_at
      RETURNING first_seen_at`),
    results: db.prepare(`
      SELECT r.rank, r.first_seen_at, s.*, c.open_id, c.handle, c.nickname, c.avatar_url,
        c.canonical_id AS creator_id
      FROM marketplace_saved_results r
      JOIN creators c ON c.id = r.creator_id
      LEFT JOIN marketplace_creator_stats s ON s.creator_id = r.creator_id AND s.shop_id = ?
      WHERE r.search_id = ? AND r.rank > ? ORDER BY r.rank LIMIT ?`),
    dueAuto: db.prepare(`
      SELECT id FROM marketplace_saved_searches
      WHERE auto_refresh = 1 AND (last_refreshed_at IS NULL OR last_refreshed_at < ?) ORDER BY last_refreshed_at`),
  };
}

const savedSelect = `
  SELECT s.*, (SELECT count(*) FROM marketplace_saved_results r WHERE r.search_id = s.id) AS result_count
  FROM marketplace_saved_searches s`;

function savedOf(r: SavedRow): SavedSearch {
  return {
    id: r.id,
    name: r.name,
    shopId: r.shop_id,
    // Stored by saveSearch from validated input; parsed again so a hand-edited row cannot break the page.
    filters: marketplaceFiltersSchema.catch({}).parse(JSON.parse(r.filters)),
    pageSize: r.page_size === 12 ? 12 : 20,
    maxPages: r.max_pages,
    autoRefresh: r.auto_refresh === 1,
    createdAt: r.created_at,
    lastRefreshedAt: r.last_refreshed_at,
    lastOutcome: r.last_outcome,
    lastFound: r.last_found,
    lastNew: r.last_new,
    resultCount: r.result_count,
  };
}

function jsonList(text: string | null): string[] {
  if (!text) return [];
  const v: unknown = JSON.parse(text);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function viewOfRow(r: StatsRow & { creator_id: number }): MarketplaceCreatorView {
  const currency = r.currency;
  return {
    creatorId: r.creator_id,
    known: true,
    openId: r.open_id ?? '',
    handle: r.handle,
    nickname: r.nickname,
    avatarUrl: r.avatar_url,
    region: r.region,
    categoryIds: jsonList(r.category_ids),
    followers: r.followers,
    avgVideoViews: r.avg_video_views,
    avgLiveViewers: r.avg_live_viewers,
    gmv: r.gmv_minor !== null && currency ? { amountMinor: r.gmv_minor, currency } : null,
    gmvRange:
      r.gmv_range_label !== null || r.gmv_min_minor !== null
        ? {
            min: r.gmv_min_minor !== null && currency ? { amountMinor: r.gmv_min_minor, currency } : null,
            max: r.gmv_max_minor !== null && currency ? { amountMinor: r.gmv_max_minor, currency } : null,
            label: r.gmv_range_label,
          }
        : null,
    unitsSoldRange:
      r.units_min !== null || r.units_range_label !== null
        ? { min: r.units_min, max: r.units_max, label: r.units_range_label }
        : null,
    followerAges: jsonList(r.follower_ages),
    majorGender: r.major_gender ? { gender: r.major_gender, shareBp: r.major_gender_bp } : null,
  };
}

function performanceView(
  creatorId: number,
  shopId: string,
  now: number,
  p: CreatorPerformance,
): CreatorPerformanceView {
  const {
    openId: _o,
    handle: _h,
    nickname: _n,
    avatarUrl: _a,
    region: _r,
    categoryIds: _c,
    unitsSoldRange: _u,
    ...rest
  } = p;
  return { creatorId, shopId, fetchedAt: now, ...rest };
}
