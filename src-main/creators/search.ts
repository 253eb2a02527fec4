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
import { filterParts, filterSql, joinParts, type SqlPart } from './filter-sql';
import { ftsQuery } from './fts-text';
import { liveIndexName } from './index-names';
import { prepareCached } from './statement-cache';
import { type StatsRow, statsSelect } from './stats-columns';
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

/** The index of `creator_index` that holds each sort column in order (migration 013; its live name: index-names.ts). */
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
  /**
   * How many entries of the sort index a page without text walks (reading each one's row) before it reads
   * the table through instead: a filter few creators match, or whose matches sit far down the sort order,
   * would otherwise read row after row of all N. A sequential read of the table costs about as much as
   * N/13 row reads by id (200k creators: 30 ms ≈ 15k reads); with a window of N/20 the worst page costs
   * about 1.6 table reads, while a usual filter fills its page long before.
   */
  walkWindow: (creators: number): number => Math.max(1_000, Math.round(creators / 20)),
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

export interface IndexRow extends StatsRow {
  creator_id: number;
  handle: string | null;
  nickname: string | null;
  avatar_url: string | null;
  region: string | null;
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

export const rowColumns = `i.creator_id, i.handle, i.nickname, i.avatar_url, i.region, ${statsSelect('i')},
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
  const col = spec.column;
  const desc = q.sort.direction === 'desc';
  const sortKey = `${q.sort.column}:${q.sort.direction}`;
  const cursor = q.cursor ? decodeCursor(q.cursor, sortKey) : null;
  const cmp = desc ? '<' : '>';
  const dir = desc ? 'DESC' : 'ASC';
  const order = `ORDER BY ${col} ${dir}, i.creator_id ${dir}`;
  const text = q.filter.text === undefined ? null : ftsQuery(q.filter.text);
  const walk = text === null || manyMatches(db, text);
  // The filters but the text, which each plan places itself; those on the sort column narrow a walk of its
  // index without reading rows.
  const parts = filterParts(db, { ...q.filter, text: undefined }, now);
  const rest = joinParts(parts);
  const onSort = joinParts(parts.filter((p) => p.column === col));
  const textTest = (term: string): SqlPart =>
    text === null ? { sql: '1', args: [] } : { sql: `${term} IN (${ftsMatches})`, args: [text] };
  const need = q.limit + 1;
  const rows: IndexRow[] = [];
  const run = (sql: string, args: Array<string | number>, limit: number): void => {
    rows.push(...(prepareCached(db, sql).all(...args, limit) as IndexRow[]));
  };

  let nullsRead = false;
  // Rows with a value, from the cursor on, in sort order.
  if (!cursor || cursor.v !== null) {
    const after = (v: string | number | null, id: number): SqlPart =>
      v === null ? { sql: '1', args: [] } : { sql: `(${col}, i.creator_id) ${cmp} (?, ?)`, args: [v, id] };
    const from = cursor ? after(cursor.v, cursor.id) : after(null, 0);
    const hasValue = spec.nullable ? `${col} IS NOT NULL` : '1';
    let fallbackFrom: SqlPart | null = from;
    if (walk) {
      const index = `creator_index i INDEXED BY ${liveIndexName(db, sortIndexes[q.sort.column])}`;
      const t = textTest('+i.creator_id');
      // Without text, where a window of the sort index from the cursor ends: the window's entries only,
      // no row read. None when fewer entries are left: the walk may go to the end. A text walk needs no
      // window: it reads only rows the text matches, never more than fetching them all would.
      const end =
        text === null
          ? (prepareCached(
              db,
              `SELECT ${col} AS v, i.creator_id AS id FROM ${index}
                WHERE ${hasValue} AND ${from.sql} AND ${onSort.sql} ${order} LIMIT 1 OFFSET ?`,
            ).get(...from.args, ...onSort.args, searchPlan.walkWindow(creatorCount(db)) - 1) as
              { v: string | number; id: number } | undefined)
          : undefined;
      const within: SqlPart = end
        ? { sql: `(${col}, i.creator_id) ${desc ? '>=' : '<='} (?, ?)`, args: [end.v, end.id] }
        : { sql: '1', args: [] };
      // The walk reads rows in sort order until a page of them passes the filters.
      run(
        `SELECT ${rowColumns}, ${col} AS sort_value FROM ${index}
          WHERE ${hasValue} AND ${from.sql} AND ${within.sql} AND ${t.sql} AND ${rest.sql} ${order} LIMIT ?`,
        [...from.args, ...within.args, ...t.args, ...rest.args],
        need,
      );
      // A short page: the window held too few matches, and past it the filters take over.
      fallbackFrom = end ? after(end.v, end.id) : null;
    }
    if (fallbackFrom && rows.length < need) {
      // Text: fetch every match (few, or past the window) by id and sort them. No text: read the table
      // through once (sequential pages), which beats seeking row after row of a sort index few match.
      // Rows without a value come in the same read, after the others (in id order), not in a second one.
      const t = textTest('i.creator_id');
      const cond = spec.nullable
        ? `((${col} IS NOT NULL AND ${fallbackFrom.sql}) OR ${col} IS NULL)`
        : fallbackFrom.sql;
      run(
        `${selectRows(col)} WHERE ${cond} AND ${t.sql} AND ${rest.sql}
          ORDER BY ${col} IS NULL, ${col} ${dir}, i.creator_id ${dir} LIMIT ?`,
        [...fallbackFrom.args, ...t.args, ...rest.args],
        need - rows.length,
      );
      nullsRead = true;
    }
  }
  // Then rows without a value, in id order: the table's own order.
  if (spec.nullable && !nullsRead && rows.length < need) {
    const t = textTest('i.creator_id');
    const where = [`${col} IS NULL`, t.sql, rest.sql];
    const args = [...t.args, ...rest.args];
    if (cursor && cursor.v === null) {
      where.push(`i.creator_id ${cmp} ?`);
      args.push(cursor.id);
    }
    run(
      `${selectRows(col)} WHERE ${where.join(' AND ')} ORDER BY i.creator_id ${dir} LIMIT ?`,
      args,
      need - rows.length,
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

const ftsMatches = 'SELECT rowid FROM creator_fts WHERE creator_fts MATCH ?';
/** Rows by id (the window's, the text's matches) or by reading the table through: never a filter's index. */
const selectRows = (col: string): string =>
  `SELECT ${rowColumns}, ${col} AS sort_value FROM creator_index i NOT INDEXED`;

/** The largest id stands in for the number of creators (ids are dense). */
const creatorCount = (db: Database): number =>
  (prepareCached(db, 'SELECT MAX(creator_id) FROM creator_index').pluck().get() as number | null) ?? 0;

/** Whether a text matches enough creators for the walk to pay (searchPlan); counting stops early. */
function manyMatches(db: Database, text: string): boolean {
  const above = searchPlan.walkIndexAbove(creatorCount(db));
  const matches = prepareCached(db, `SELECT COUNT(*) FROM (${ftsMatches} LIMIT ?)`)
    .pluck()
    .get(text, above + 1) as number;
  return matches > above;
}

/**
 * How many Creators a filter matches. Unfiltered, SQLite counts the entries of the smallest index; filtered,
 * it reads the table through (text matches: by id) rather than seek row after row through a filter's index,
 * which for a range matching half the creators costs ten times the read.
 */
export function countCreators(db: Database, filter: CreatorFilter, now: number): number {
  const base = filterSql(db, filter, now);
  const from = base.sql === '1' ? 'creator_index i' : 'creator_index i NOT INDEXED';
  return prepareCached(db, `SELECT COUNT(*) FROM ${from} WHERE ${base.sql}`)
    .pluck()
    .get(...base.args) as number;
}

/** Every Creator id a filter matches (bulk actions over "all matching"), in id order. */
export function matchingIds(db: Database, filter: CreatorFilter, now: number): number[] {
  const base = filterSql(db, filter, now);
  return db
    .prepare(`SELECT i.creator_id FROM creator_index i NOT INDEXED WHERE ${base.sql} ORDER BY i.creator_id`)
    .pluck()
    .all(...base.args) as number[];
}
