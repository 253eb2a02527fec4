import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import {
  type CreatorFilter,
  type CreatorRow,
  type CreatorSortColumn,
  type CreatorsPage,
  creatorsSearchInputSchema,
  type CreatorsSearchInput,
  type CreatorStage,
} from '@shared/creators';
import { filterSql } from './filter-sql';
import { ftsQuery } from './fts-text';
import { prepareCached } from './statement-cache';
import { creatorTexts } from './texts';

/**
 * The creators table: one page of `creator_index` by keyset. A page continues after the last row's
 * (sort value, id), never by OFFSET, so page 1,000 costs what page 1 costs. Empty values sort last in both
 * directions: rows with a value come first (range on the column's index), then rows without (by id).
 */

interface SortSpec {
  column: string;
  nullable: boolean;
}

const sortColumns: Record<CreatorSortColumn, SortSpec> = {
  handle: { column: 'i.handle', nullable: true },
  nickname: { column: 'i.nickname', nullable: true },
  region: { column: 'i.region', nullable: true },
  followers: { column: 'i.followers', nullable: true },
  gmv: { column: 'i.gmv_minor', nullable: true },
  unitsSold: { column: 'i.units_sold', nullable: true },
  avgVideoViews: { column: 'i.avg_video_views', nullable: true },
  engagement: { column: 'i.engagement_bp', nullable: true },
  category: { column: 'i.category', nullable: true },
  score: { column: 'i.score', nullable: true },
  stage: { column: 'i.stage_rank', nullable: false },
  tags: { column: 'i.tag_names', nullable: true },
  lastContactedAt: { column: 'i.last_contacted_at', nullable: true },
  affiliateGmv: { column: 'i.affiliate_gmv_minor', nullable: false },
  affiliateOrders: { column: 'i.affiliate_orders', nullable: false },
  firstSeenAt: { column: 'i.first_seen_at', nullable: false },
  lastActivityAt: { column: 'i.last_activity_at', nullable: true },
};

/** The index of `creator_index` that holds each sort column in order (migration 013). */
const sortIndexes: Record<CreatorSortColumn, string> = {
  handle: 'creator_index_handle',
  nickname: 'creator_index_nickname',
  region: 'creator_index_region',
  followers: 'creator_index_followers',
  gmv: 'creator_index_gmv',
  unitsSold: 'creator_index_units',
  avgVideoViews: 'creator_index_views',
  engagement: 'creator_index_engagement',
  category: 'creator_index_category',
  score: 'creator_index_score',
  stage: 'creator_index_stage',
  tags: 'creator_index_tags',
  lastContactedAt: 'creator_index_contacted',
  affiliateGmv: 'creator_index_affiliate_gmv',
  affiliateOrders: 'creator_index_orders',
  firstSeenAt: 'creator_index_first_seen',
  lastActivityAt: 'creator_index_activity',
};

/**
 * Two ways to a page of text matches in sort order: fetch every match and sort them (m table seeks for m
 * matches), or walk the sort column's index testing each entry's id against the matches first (a cheap
 * probe, ~1/20 of a seek) and seeking only the entries the text matches, to check the other filters. With
 * other filters keeping a share f of rows, a page of 100 costs the walk ~100·N/(m·f) probes and ~100/f seeks
 * for N creators; it is never worse than N probes plus the m seeks fetching costs anyway. Measured on 200k
 * creators (f ≈ 0.06), fetching 14k matches took 28 ms, walking for them 5 ms; the two meet near
 * m = √(50·N), about 3k matches among 200k creators. Only a name or a rare word matches fewer.
 */
export const searchPlan = {
  walkIndexAbove: (creators: number): number => Math.max(1_000, Math.round(Math.sqrt(50 * creators))),
};

/** Position after the last row of a page; `s` ties it to the sort it was made for. */
interface Cursor {
  s: string;
  v: string | number | null;
  id: number;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(text: string, sortKey: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString()) as Partial<Cursor>;
    if (
      c.s === sortKey &&
      Number.isInteger(c.id) &&
      (c.v === null || typeof c.v === 'string' || typeof c.v === 'number')
    ) {
      return c as Cursor;
    }
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION', creatorTexts.sortCursor());
}

export interface IndexRow {
  creator_id: number;
  handle: string | null;
  nickname: string | null;
  avatar_url: string | null;
  region: string | null;
  followers: number | null;
  gmv_minor: number | null;
  gmv_currency: string | null;
  units_sold: number | null;
  avg_video_views: number | null;
  engagement_bp: number | null;
  category: string | null;
  stage: CreatorStage;
  score: number | null;
  tag_names: string | null;
  last_contacted_at: number | null;
  has_contact: number;
  blocked: number;
  affiliate_orders: number;
  affiliate_gmv_minor: number;
  affiliate_currency: string | null;
  first_seen_at: number;
  last_activity_at: number | null;
  sort_value: string | number | null;
}

export const rowColumns = `i.creator_id, i.handle, i.nickname, i.avatar_url, i.region, i.followers, i.gmv_minor, i.gmv_currency, i.units_sold, i.avg_video_views, i.engagement_bp,
  i.category, i.stage, i.score, i.tag_names, i.last_contacted_at, i.has_contact, i.blocked, i.affiliate_orders,
  i.affiliate_gmv_minor, i.affiliate_currency, i.first_seen_at, i.last_activity_at`;

export function toCreatorRow(r: IndexRow): CreatorRow {
  return {
    id: r.creator_id,
    handle: r.handle,
    nickname: r.nickname,
    avatarUrl: r.avatar_url,
    region: r.region,
    followers: r.followers,
    gmv:
      r.gmv_minor !== null && r.gmv_currency ? { amountMinor: r.gmv_minor, currency: r.gmv_currency } : null,
    unitsSold: r.units_sold,
    avgVideoViews: r.avg_video_views,
    engagementBp: r.engagement_bp,
    category: r.category,
    score: r.score,
    stage: r.stage,
    tags: r.tag_names ? r.tag_names.split(', ') : [],
    lastContactedAt: r.last_contacted_at,
    hasContact: r.has_contact === 1,
    blocked: r.blocked === 1,
    affiliateGmv:
      r.affiliate_currency !== null
        ? { amountMinor: r.affiliate_gmv_minor, currency: r.affiliate_currency }
        : null,
    affiliateOrders: r.affiliate_orders,
    firstSeenAt: r.first_seen_at,
    lastActivityAt: r.last_activity_at,
  };
}

export function searchCreators(db: Database, input: CreatorsSearchInput, now: number): CreatorsPage {
  const q = creatorsSearchInputSchema.parse(input);
  const spec = sortColumns[q.sort.column];
  const desc = q.sort.direction === 'desc';
  const sortKey = `${q.sort.column}:${q.sort.direction}`;
  const cursor = q.cursor ? decodeCursor(q.cursor, sortKey) : null;
  const cmp = desc ? '<' : '>';
  const dir = desc ? 'DESC' : 'ASC';
  const text = q.filter.text === undefined ? null : ftsQuery(q.filter.text);
  let walkIndex = false;
  if (text !== null) {
    // The largest id stands in for the number of creators (ids are dense); counting the matches stops early.
    const creators =
      (prepareCached(db, 'SELECT MAX(creator_id) FROM creator_index').pluck().get() as number) ?? 0;
    const above = searchPlan.walkIndexAbove(creators);
    const matches = prepareCached(
      db,
      'SELECT COUNT(*) FROM (SELECT rowid FROM creator_fts WHERE creator_fts MATCH ? LIMIT ?)',
    )
      .pluck()
      .get(text, above + 1) as number;
    walkIndex = matches > above;
  }
  const base = filterSql(db, q.filter, now, { textAsRowTest: walkIndex });
  const from = (hint: string): string =>
    `SELECT ${rowColumns}, ${spec.column} AS sort_value FROM creator_index i ${walkIndex ? hint : ''}`;
  const select = from(`INDEXED BY ${sortIndexes[q.sort.column]}`);
  // Rows without a value come in id order: the table itself is in that order.
  const selectNulls = from('NOT INDEXED');

  const rows: IndexRow[] = [];
  // Rows with a value: from the cursor on, in index order.
  if (!cursor || cursor.v !== null) {
    const where = [base.sql];
    const args = [...base.args];
    if (spec.nullable) where.push(`${spec.column} IS NOT NULL`);
    if (cursor) {
      where.push(`(${spec.column}, i.creator_id) ${cmp} (?, ?)`);
      args.push(cursor.v as string | number, cursor.id);
    }
    rows.push(
      ...(prepareCached(
        db,
        `${select} WHERE ${where.join(' AND ')} ORDER BY ${spec.column} ${dir}, i.creator_id ${dir} LIMIT ?`,
      ).all(...args, q.limit + 1) as IndexRow[]),
    );
  }
  // Then rows without one, by id.
  if (spec.nullable && rows.length <= q.limit) {
    const where = [base.sql, `${spec.column} IS NULL`];
    const args = [...base.args];
    if (cursor && cursor.v === null) {
      where.push(`i.creator_id ${cmp} ?`);
      args.push(cursor.id);
    }
    rows.push(
      ...(prepareCached(
        db,
        `${selectNulls} WHERE ${where.join(' AND ')} ORDER BY i.creator_id ${dir} LIMIT ?`,
      ).all(...args, q.limit + 1 - rows.length) as IndexRow[]),
    );
  }
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toCreatorRow),
    nextCursor:
      rows.length > q.limit && last
        ? encodeCursor({ s: sortKey, v: last.sort_value, id: last.creator_id })
        : null,
  };
}

export function countCreators(db: Database, filter: CreatorFilter, now: number): number {
  const base = filterSql(db, filter, now);
  return db
    .prepare(`SELECT COUNT(*) FROM creator_index i WHERE ${base.sql}`)
    .pluck()
    .get(...base.args) as number;
}

/** Every Creator id a filter matches (bulk actions over "all matching"), in id order. */
export function matchingIds(db: Database, filter: CreatorFilter, now: number): number[] {
  const base = filterSql(db, filter, now);
  return db
    .prepare(`SELECT i.creator_id FROM creator_index i WHERE ${base.sql} ORDER BY i.creator_id`)
    .pluck()
    .all(...base.args) as number[];
}
