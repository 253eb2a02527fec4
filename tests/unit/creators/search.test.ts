import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScoreRules } from '@shared/creator-score';
import {
  type CreatorFilter,
  type CreatorSort,
  creatorSortColumns,
  creatorSources,
  type CreatorStage,
  stageRank,
} from '@shared/creators';
import { openDatabase, type Database } from '../../../src-main/db/connection';
import { CreatorsService } from '../../../src-main/creators/service';
import { computeScore } from '../../../src-main/creators/score';
import { searchPlan } from '../../../src-main/creators/search';
import { silentLogger } from '../../../src-main/log/logger';
import {
  buildWorld,
  categoryPool,
  cjkNames,
  latinNames,
  thaiNames,
  type World,
  type WorldCreator,
} from '../../helpers/creator-world';

const NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;
let db: Database;
let crm: CreatorsService;
let world: World;

beforeAll(() => {
  db = openDatabase(':memory:');
  crm = new CreatorsService({
    db,
    logger: silentLogger(),
    now: () => NOW,
    emitChanged: () => {},
    emitScoreProgress: () => {},
    record: () => {},
  });
  world = buildWorld(db, 1_000, 42, NOW);
  crm.extensions.register('test-contacts', {
    facts: (_db, ids) => world.facts.get(ids[0]!) ?? {},
  });
  while (crm.indexer.drain(500, NOW).taken > 0);
});
afterAll(() => db.close());

// ---- the brute-force oracle -------------------------------------------------------------------------------
const spaceless = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/** Tokens as FTS5 unicode61 (remove_diacritics 2) sees our segmented text. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let word = '';
  const flush = (): void => {
    if (word) out.push(word);
    word = '';
  };
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    const bare = segment.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (spaceless.test(segment)) {
      flush();
      if (bare) out.push(bare);
    } else if (/^[\p{L}\p{N}]+$/u.test(bare)) word += bare;
    else flush();
  }
  flush();
  return out;
}

function phraseIn(hay: string[], q: string[]): boolean {
  for (let i = 0; i + q.length <= hay.length; i++) {
    let ok = true;
    for (let j = 0; j < q.length && ok; j++) {
      ok = j === q.length - 1 ? hay[i + j]!.startsWith(q[j]!) : hay[i + j] === q[j];
    }
    if (ok) return true;
  }
  return false;
}

const utf8Sort = (xs: string[]): string[] =>
  [...xs].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
const nocase = (s: string): string => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
const nocaseSort = (xs: string[]): string[] =>
  [...xs].sort((a, b) => Buffer.compare(Buffer.from(nocase(a)), Buffer.from(nocase(b))));

const columnCache = new Map<number, string[][]>();
function textMatches(c: WorldCreator, text: string): boolean {
  const words = text
    .trim()
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  const columns = columnCache.get(c.id) ?? [
    tokens(utf8Sort([...new Set([...c.handles.map((h) => h), ...c.nicknames])]).join(' | ')),
    tokens(c.notes.join(' | ')),
    tokens(nocaseSort(c.tags).join(' | ')),
  ];
  columnCache.set(c.id, columns);
  return words.every((w) => columns.some((col) => phraseIn(col, tokens(w))));
}

const scoreCache = new Map<number, number>();
function score(c: WorldCreator): number {
  const cached = scoreCache.get(c.id);
  if (cached !== undefined) return cached;
  const v = computeScore(
    {
      followers: c.followers,
      gmvMinor: c.gmvMinor,
      gmvCurrency: c.gmvCurrency,
      unitsSold: c.unitsSold,
      avgVideoViews: c.avgVideoViews,
      engagementBp: c.engagementBp,
      categories: c.categories,
      region: c.region,
      invitations: 0,
      accepted: 0,
      samplesDue: null,
      samplesPostedOnTime: null,
      unitsOrdered: 0,
      unitsRefunded: 0,
    },
    defaultScoreRules,
    { shopRegions: ['GB', 'TH', 'US'] },
  );
  scoreCache.set(c.id, v);
  return v;
}

const inRange = (v: number | null, r?: { min?: number | undefined; max?: number | undefined }): boolean =>
  !r || (v !== null && (r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max));

function matches(c: WorldCreator, f: CreatorFilter): boolean {
  if (f.text !== undefined && !textMatches(c, f.text)) return false;
  if (!inRange(c.followers, f.followers)) return false;
  if (f.gmv && (c.gmvCurrency !== f.gmv.currency || !inRange(c.gmvMinor, f.gmv))) return false;
  if (!inRange(c.unitsSold, f.unitsSold) || !inRange(c.avgVideoViews, f.avgVideoViews)) return false;
  if (!inRange(c.engagementBp, f.engagement) || !inRange(score(c), f.score)) return false;
  if (f.categories?.length && !c.categories.some((x) => f.categories!.includes(x))) return false;
  if (f.regions?.length && !f.regions.includes(c.region)) return false;
  if (f.stages?.length && !f.stages.includes(c.stage)) return false;
  if (f.tagIds?.length && !c.tags.some((t) => f.tagIds!.includes(world.tagIds.get(t)!))) return false;
  if (f.listIds?.length && !c.lists.some((l) => f.listIds!.includes(l))) return false;
  const lc = f.lastContacted;
  if (
    lc?.notWithinDays !== undefined &&
    c.lastContactedAt !== null &&
    c.lastContactedAt >= NOW - lc.notWithinDays * DAY
  )
    return false;
  if (
    lc?.withinDays !== undefined &&
    (c.lastContactedAt === null || c.lastContactedAt < NOW - lc.withinDays * DAY)
  )
    return false;
  if (f.hasContact !== undefined && c.hasContact !== f.hasContact) return false;
  if (f.sources?.length && !c.sources.some((s) => f.sources!.includes(s as never))) return false;
  if (f.shopIds?.length && !c.shops.some((s) => f.shopIds!.includes(s))) return false;
  if (f.blocked !== undefined && c.blocked !== f.blocked) return false;
  return true;
}

function sortValue(c: WorldCreator, column: CreatorSort['column']): string | number | null {
  const main = c.orders[0];
  switch (column) {
    case 'handle':
      return nocase(c.handle);
    case 'nickname':
      return nocase(c.nickname);
    case 'region':
      return c.region;
    case 'followers':
      return c.followers;
    case 'gmv':
      return c.gmvMinor;
    case 'unitsSold':
      return c.unitsSold;
    case 'avgVideoViews':
      return c.avgVideoViews;
    case 'engagement':
      return c.engagementBp;
    case 'category':
      return c.categories[0] ?? null;
    case 'score':
      return score(c);
    case 'stage':
      return stageRank(c.stage);
    case 'tags':
      return c.tags.length ? nocase(nocaseSort(c.tags).join(', ')) : null;
    case 'lastContactedAt':
      return c.lastContactedAt;
    case 'affiliateGmv':
      return main
        ? c.orders.filter((o) => o.currency === main.currency).reduce((n, o) => n + o.gmvMinor, 0)
        : 0;
    case 'affiliateOrders':
      return c.orders.length;
    case 'firstSeenAt':
      return c.firstSeenAt;
    case 'lastActivityAt':
      return Math.max(c.lastSeenAt ?? -1, ...c.orders.map((o) => o.at)) === -1
        ? null
        : Math.max(c.lastSeenAt ?? -1, ...c.orders.map((o) => o.at));
  }
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)));
}

function expected(f: CreatorFilter, sort: CreatorSort): number[] {
  const dir = sort.direction === 'asc' ? 1 : -1;
  return world.creators
    .filter((c) => matches(c, f))
    .map((c) => ({ id: c.id, v: sortValue(c, sort.column) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) {
        if (a.v !== b.v) return a.v === null ? 1 : -1;
        return dir * (a.id - b.id);
      }
      return dir * (compare(a.v, b.v) || a.id - b.id);
    })
    .map((x) => x.id);
}

function allPages(filter: CreatorFilter, sort: CreatorSort, limit: number): number[] {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1_000; guard++) {
    const page = crm.search({ filter, sort, limit, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

// ---- random filters ---------------------------------------------------------------------------------------
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

function randomText(r: () => number): string {
  const pickFrom = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const kind = r();
  if (kind < 0.3) {
    const name = pickFrom(latinNames);
    return name.slice(0, 1 + Math.floor(r() * name.length));
  }
  if (kind < 0.55) {
    const name = [...pickFrom(cjkNames)];
    const start = Math.floor(r() * name.length);
    return name.slice(start, start + 1 + Math.floor(r() * 2)).join('');
  }
  if (kind < 0.7) {
    const name = [...new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(pickFrom(thaiNames))].map(
      (s) => s.segment,
    );
    const start = Math.floor(r() * name.length);
    return name.slice(start, start + 1 + Math.floor(r() * 3)).join('');
  }
  if (kind < 0.8) return pickFrom(['VIP', 'summer', '重点', 'beauty-p', 'samples', '回复', 'ส่ง']);
  if (kind < 0.9) return `${pickFrom(['anna', 'chen', 'luna'])} ${pickFrom(['be', 'fit', 'ch'])}`;
  return pickFrom(['josé_b', 'Jose', 'ZOË', 'zoe', '@', 'pierre_t']);
}

function randomFilter(r: () => number): CreatorFilter {
  const f: CreatorFilter = {};
  const pickFrom = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const some = <T>(xs: readonly T[]): T[] => xs.filter(() => r() < 0.35).slice(0, 3);
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) {
    switch (Math.floor(r() * 17)) {
      case 0:
        f.text = randomText(r);
        break;
      case 1:
        f.followers = r() < 0.5 ? { min: Math.floor(10 ** (2 + r() * 4)) } : { min: 1_000, max: 100_000 };
        break;
      case 2:
        f.gmv = { currency: pickFrom(['USD', 'GBP']), min: Math.floor(10 ** (3 + r() * 4)) };
        break;
      case 3:
        f.unitsSold = { max: Math.floor(r() * 5_000) };
        break;
      case 4:
        f.avgVideoViews = { min: Math.floor(r() * 5_000), max: 500_000 };
        break;
      case 5:
        f.engagement = { min: Math.floor(r() * 800) };
        break;
      case 6:
        f.score = { min: Math.floor(r() * 60) };
        break;
      case 7:
        f.categories = some([...categoryPool, 'Home', 'Cotton']);
        break;
      case 8:
        f.regions = some(['US', 'GB', 'TH', 'MY', 'SG']);
        break;
      case 9:
        f.stages = some(['new', 'contacted', 'active', 'declined', 'posted'] as CreatorStage[]);
        break;
      case 10:
        f.tagIds = some([...world.tagIds.values()]);
        break;
      case 11:
        f.listIds = some(world.listIds);
        break;
      case 12:
        f.lastContacted = r() < 0.5 ? { notWithinDays: 30 } : { withinDays: 1 + Math.floor(r() * 90) };
        break;
      case 13:
        f.hasContact = r() < 0.5;
        break;
      case 14:
        f.sources = some(creatorSources);
        break;
      case 15:
        f.shopIds = some(world.shops);
        break;
      case 16:
        f.blocked = r() < 0.3;
        break;
    }
  }
  return f;
}

/** Runs `n` random filter and sort combinations page by page against the oracle. */
function agreeOn(n: number, seed: number): void {
  const r = rng(seed);
  let nonEmpty = 0;
  for (let i = 0; i < n; i++) {
    const filter = randomFilter(r);
    const sort: CreatorSort = {
      column: creatorSortColumns[Math.floor(r() * creatorSortColumns.length)]!,
      direction: r() < 0.5 ? 'asc' : 'desc',
    };
    const want = expected(filter, sort);
    if (want.length > 0) nonEmpty++;
    const got = allPages(filter, sort, 25 + Math.floor(r() * 150));
    expect(got, JSON.stringify({ filter, sort })).toEqual(want);
    expect(crm.count(filter), JSON.stringify(filter)).toBe(want.length);
  }
  // The combinations must exercise real results, not only empty pages.
  expect(nonEmpty).toBeGreaterThan(n / 2);
}

describe('creators:search against a brute-force filter over the same rows', () => {
  it('agrees on 200 random filter and sort combinations, paging through every page by keyset', () => {
    agreeOn(200, 7);
  }, 60_000);

  it('agrees too when text matches are found by walking the sort index (many matches among many creators)', () => {
    const usual = searchPlan.walkIndexAbove;
    searchPlan.walkIndexAbove = () => 0;
    try {
      agreeOn(100, 11);
    } finally {
      searchPlan.walkIndexAbove = usual;
    }
  }, 60_000);

  it('agrees too when a page outgrows its window of the sort index and the filters take over', () => {
    const usual = { ...searchPlan };
    // Tiny windows: most pages fill partly from the window and the rest from the table read, with and
    // without text (a text walk has no window: this checks it keeps none).
    searchPlan.walkWindow = () => 7;
    try {
      agreeOn(80, 13);
      searchPlan.walkIndexAbove = () => 0;
      agreeOn(80, 17);
    } finally {
      Object.assign(searchPlan, usual);
    }
  }, 60_000);

  it('finds Chinese and Thai nicknames by any run of characters, and Latin names by prefix, accents ignored', () => {
    const find = (text: string): WorldCreator[] => {
      const ids = new Set(allPages({ text }, { column: 'handle', direction: 'asc' }, 500));
      return world.creators.filter((c) => ids.has(c.id));
    };
    expect(find('小美').every((c) => c.nicknames.some((n) => n.includes('小美')))).toBe(true);
    expect(find('小美').length).toBe(
      world.creators.filter((c) => c.nicknames.some((n) => n.includes('小美'))).length,
    );
    expect(find('小美').length).toBeGreaterThan(0);
    expect(find('มาลี').length).toBe(
      world.creators.filter((c) => c.nicknames.some((n) => n.includes('มาลี'))).length,
    );
    expect(find('มาลี').length).toBeGreaterThan(0);
    expect(find('さくら').length).toBeGreaterThan(0);
    expect(find('jos').length).toBe(find('JOSÉ').length);
    expect(find('jos').length).toBeGreaterThan(0);
  });

  it('refuses a cursor made for another sort', () => {
    const page = crm.search({ sort: { column: 'followers', direction: 'desc' }, limit: 5 });
    expect(page.nextCursor).not.toBeNull();
    expect(() =>
      crm.search({ sort: { column: 'handle', direction: 'desc' }, limit: 5, cursor: page.nextCursor! }),
    ).toThrow(/does not belong to this sort/);
  });
});
