import type { Database } from '../../src-main/db/connection';
import type { CreatorStage } from '@shared/creators';
import { seededRandom } from './seeded-random';

/**
 * A generated population of creators, written straight into the CRM tables, plus the same facts as plain
 * objects so a test can compute by brute force what a search should return. Deterministic per seed.
 * Some creators are two records merged into one, with tags, lists and categories on either record.
 */

export interface WorldCreator {
  id: number;
  /** The merged-in second record, if any. */
  otherRecord: number | null;
  handles: string[];
  /** What the table shows (the latest record's). */
  handle: string;
  nickname: string;
  nicknames: string[];
  region: string;
  followers: number | null;
  gmvMinor: number | null;
  gmvCurrency: string | null;
  unitsSold: number | null;
  avgVideoViews: number | null;
  engagementBp: number | null;
  categories: string[];
  stage: CreatorStage;
  tags: string[];
  notes: string[];
  lists: number[];
  lastContactedAt: number | null;
  hasContact: boolean;
  blocked: boolean;
  shops: string[];
  sources: string[];
  origin: string;
  orders: Array<{ currency: string; gmvMinor: number; at: number }>;
  firstSeenAt: number;
  lastSeenAt: number | null;
}

export interface World {
  creators: WorldCreator[];
  tagIds: Map<string, number>;
  listIds: number[];
  shops: string[];
  facts: Map<number, { hasContact: boolean; lastContactedAt: number | null }>;
}

export const latinNames = [
  'anna',
  'bella',
  'chen',
  'david',
  'elena',
  'felix',
  'grace',
  'hiro',
  'iris',
  'josé',
  'kim',
  'luna',
  'mia',
  'nora',
  'olga',
  'Pierre',
  'Zoë',
];
export const cjkNames = ['李小美', '王芳', '张伟', '美妆达人', '小红', '陈静', '佐藤さくら'];
export const thaiNames = ['สมชาย', 'มาลี', 'ก้องภพ', 'ใจดี', 'น้ำฝน'];
const words = ['beauty', 'fitness', 'gamer', 'chef', 'travel', 'mom', 'tech', 'style', 'daily'];
const tagPool = ['VIP', 'summer', 'beauty-pro', '重点', 'ติดต่อแล้ว', 'retry'];
const noteWords = [
  'loves skincare',
  'asked for samples',
  '回复很快',
  'ส่งของแล้ว',
  'great engagement',
  'slow to reply',
];
const regions = ['US', 'GB', 'TH', 'MY', 'SG'];
// Two names hold the separator and the escape of the index's sets (src-main/creators/index-sets.ts).
export const categoryPool = ['Beauty', 'Fashion', 'Food', 'Home, Garden', 'Sports', 'Tech', '100% Cotton'];
const stages: CreatorStage[] = [
  'new',
  'new',
  'contacted',
  'invited',
  'accepted',
  'sample_sent',
  'posted',
  'active',
  'declined',
];
const syncSources = ['affiliate_order', 'collaboration', 'conversation', 'marketplace'];
const DAY = 86_400_000;

/** How a world's categories are made. */
export interface WorldOptions {
  /** What categories are drawn from (default `categoryPool`: names that stress the index's sets). */
  categories?: readonly string[];
  /**
   * False: each creator's categories are drawn but not written, for a test that gives them to the app as a
   * merchant does (a CSV import's `categories` column) and still knows which each creator has.
   */
  writeCategories?: boolean;
  /**
   * The connected shop Account the world's sightings and affiliate orders belong to (an app journey
   * connects one first). Without it the world brings its own Account, "World", with three shops: fine for
   * code that reads the tables, but an app started on it has an Account it holds no tokens for, whose sync
   * fails (and says so in the top bar).
   */
  owner?: { accountId: string; shopIds: readonly string[] };
}

export function buildWorld(
  db: Database,
  n: number,
  seed: number,
  now: number,
  options: WorldOptions = {},
): World {
  const pool = options.categories ?? categoryPool;
  const writeCategories = options.writeCategories ?? true;
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const maybe = <T>(p: number, v: () => T): T | null => (r() < p ? v() : null);
  const accountId = options.owner?.accountId ?? 'world';
  const shops = options.owner ? [...options.owner.shopIds] : ['shop-us', 'shop-gb', 'shop-th'];
  if (!options.owner) {
    db.prepare(
      `INSERT OR IGNORE INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
       VALUES ('world', 'shop', 'active', 'r-world', 'World', 1, 1)`,
    ).run();
    const shopInsert = db.prepare(
      `INSERT OR IGNORE INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES (?, 'world', ?, ?, ?, 'c')`,
    );
    shopInsert.run('shop-us', 'US Shop', 'US', 'USD');
    shopInsert.run('shop-gb', 'UK Shop', 'GB', 'GBP');
    shopInsert.run('shop-th', 'Thai Shop', 'TH', 'THB');
  }
  // What the merchant wrote (tags, lists, notes, blocks) dates from a month before `now`, not from 1970.
  const made = now - 30 * DAY;
  const tagIds = new Map<string, number>();
  for (const t of tagPool) {
    tagIds.set(
      t,
      Number(db.prepare('INSERT INTO tags (name, created_at) VALUES (?, ?)').run(t, made).lastInsertRowid),
    );
  }
  const listIds = [1, 2, 3].map((i) =>
    Number(
      db
        .prepare(`INSERT INTO creator_lists (name, kind, created_at, updated_at) VALUES (?, 'static', ?, ?)`)
        .run(`List ${i}`, made, made).lastInsertRowid,
    ),
  );

  const s = {
    record: db.prepare(
      `INSERT INTO creators (canonical_id, merged_into, open_id, handle, nickname, region, origin, stage, first_seen_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    fix: db.prepare('UPDATE creators SET canonical_id = ? WHERE id = ?'),
    handle: db.prepare('INSERT OR IGNORE INTO creator_handles VALUES (?, ?, ?, ?)'),
    stats: db.prepare(
      `INSERT INTO creator_stats (creator_id, source, followers, gmv_minor, gmv_currency, units_sold, avg_video_views, engagement_bp, updated_at)
       VALUES (?, 'marketplace', ?, ?, ?, ?, ?, ?, ?)`,
    ),
    category: db.prepare('INSERT OR IGNORE INTO creator_categories VALUES (?, ?)'),
    tag: db.prepare(`INSERT OR IGNORE INTO creator_tags VALUES (?, ?, ${made})`),
    note: db.prepare(
      `INSERT INTO creator_notes (creator_id, body, created_at, updated_at) VALUES (?, ?, ${made}, ${made})`,
    ),
    member: db.prepare(`INSERT OR IGNORE INTO creator_list_members VALUES (?, ?, ${made})`),
    block: db.prepare(`INSERT INTO creator_blocklist VALUES (?, 'Missed a sample deadline', ${made})`),
    sight: db.prepare(`INSERT OR IGNORE INTO creator_sightings VALUES (?, ?, ?, ?, ?, ?)`),
    order: db.prepare(
      `INSERT INTO affiliate_orders (order_id, account_id, shop_id, status, create_time, creator_id, creator_handle,
         currency, gmv_minor, est_commission_minor, actual_commission_minor, etag, synced_at)
       VALUES (?, ?, ?, 'COMPLETED', ?, ?, ?, ?, ?, 0, 0, 'e', 1)`,
    ),
    merge: db.prepare(
      `INSERT INTO creator_merges (kept_id, merged_id, cause, evidence, merged_at) VALUES (?, ?, 'manual', '{}', 1)`,
    ),
    dirty: db.prepare('INSERT OR IGNORE INTO creator_dirty VALUES (?)'),
  };

  const creators: WorldCreator[] = [];
  const facts = new Map<number, { hasContact: boolean; lastContactedAt: number | null }>();
  let orderNo = 0;
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const script = r();
      const base = script < 0.6 ? pick(latinNames) : script < 0.85 ? pick(cjkNames) : pick(thaiNames);
      const handle = `${pick(latinNames).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}_${pick(words)}${i}`;
      const nickname = r() < 0.5 ? `${base} ${pick(words)}` : base;
      const region = pick(regions);
      const stage = pick(stages);
      const origin = r() < 0.1 ? pick(['import', 'manual']) : 'sync';
      const firstSeenAt = now - Math.floor(r() * 400) * DAY;
      const id = Number(
        s.record.run(
          0,
          null,
          `open-${seed}-${i}`,
          handle,
          nickname,
          region,
          origin,
          stage,
          firstSeenAt,
          firstSeenAt + 10,
        ).lastInsertRowid,
      );
      s.fix.run(id, id);
      s.handle.run(id, handle, firstSeenAt, firstSeenAt);
      const c: WorldCreator = {
        id,
        otherRecord: null,
        handles: [handle],
        handle,
        nickname,
        nicknames: [nickname],
        region,
        followers: null,
        gmvMinor: null,
        gmvCurrency: null,
        unitsSold: null,
        avgVideoViews: null,
        engagementBp: null,
        categories: [],
        stage,
        tags: [],
        notes: [],
        lists: [],
        lastContactedAt: null,
        hasContact: false,
        blocked: false,
        shops: [],
        sources: origin === 'sync' ? [] : [origin],
        origin,
        orders: [],
        firstSeenAt,
        lastSeenAt: null,
      };
      // Every tenth creator is two records merged; the other record is older and carries some data too.
      let records = [id];
      if (i % 10 === 3) {
        const oldHandle = `${handle}_old`;
        const other = Number(
          s.record.run(
            id,
            id,
            `open-${seed}-${i}-b`,
            oldHandle,
            null,
            null,
            'sync',
            'new',
            firstSeenAt + 5,
            firstSeenAt,
          ).lastInsertRowid,
        );
        s.handle.run(other, oldHandle, firstSeenAt, firstSeenAt);
        s.merge.run(id, other);
        c.otherRecord = other;
        c.handles.push(oldHandle);
        records = [id, other];
      }
      if (r() < 0.8) {
        c.followers = Math.floor(10 ** (2 + r() * 5));
        c.gmvCurrency = pick(['USD', 'USD', 'GBP']);
        c.gmvMinor = maybe(0.9, () => Math.floor(10 ** (3 + r() * 5)));
        c.unitsSold = maybe(0.9, () => Math.floor(r() * 5000));
        c.avgVideoViews = maybe(0.9, () => Math.floor(10 ** (2 + r() * 4)));
        c.engagementBp = maybe(0.9, () => Math.floor(r() * 1500));
        s.stats.run(
          id,
          c.followers,
          c.gmvMinor,
          c.gmvCurrency,
          c.unitsSold,
          c.avgVideoViews,
          c.engagementBp,
          5,
        );
      }
      for (const rec of records) {
        if (r() < 0.6) {
          const cat = pick(pool);
          if (writeCategories) s.category.run(rec, cat);
          if (!c.categories.includes(cat)) c.categories.push(cat);
        }
        if (r() < 0.3) {
          const t = pick(tagPool);
          s.tag.run(rec, tagIds.get(t));
          if (!c.tags.includes(t)) c.tags.push(t);
        }
        if (r() < 0.2) {
          const body = `${pick(noteWords)} ${pick(words)}`;
          s.note.run(rec, body);
          c.notes.push(body);
        }
        if (r() < 0.15) {
          const l = pick(listIds);
          s.member.run(l, rec);
          if (!c.lists.includes(l)) c.lists.push(l);
        }
        if (r() < 0.7) {
          const shop = pick(shops);
          const src = pick(syncSources);
          const seen = now - Math.floor(r() * 90) * DAY;
          s.sight.run(rec, accountId, shop, src, seen, seen);
          if (!c.shops.includes(shop)) c.shops.push(shop);
          if (!c.sources.includes(src)) c.sources.push(src);
          c.lastSeenAt = Math.max(c.lastSeenAt ?? 0, seen);
        }
      }
      c.categories.sort();
      if (r() < 0.05) {
        s.block.run(id);
        c.blocked = true;
      }
      if (stage === 'active') {
        for (let k = 0; k < 1 + Math.floor(r() * 3); k++) {
          const currency = k === 0 ? pick(['USD', 'GBP']) : c.orders[0]!.currency;
          const o = { currency, gmvMinor: Math.floor(r() * 100_000), at: now - Math.floor(r() * 60) * DAY };
          s.order.run(`AO-${seed}-${orderNo++}`, accountId, shops[0], o.at, id, handle, currency, o.gmvMinor);
          c.orders.push(o);
        }
      }
      c.hasContact = r() < 0.3;
      c.lastContactedAt = maybe(0.5, () => now - Math.floor(r() * 120) * DAY);
      facts.set(id, { hasContact: c.hasContact, lastContactedAt: c.lastContactedAt });
      s.dirty.run(id);
      creators.push(c);
    }
  })();
  return { creators, tagIds, listIds, shops, facts };
}
