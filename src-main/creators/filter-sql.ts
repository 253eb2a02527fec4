import type { Database } from 'better-sqlite3';
import { type CreatorFilter, creatorFilterSchema, stageRank } from '@shared/creators';
import { ftsQuery } from './fts-text';
import { setNeedle } from './index-sets';

/**
 * A creators:search filter as SQL over `creator_index i`, every condition on the row itself: multi-valued
 * facts (tags, static lists, categories, shops, sources) are sets on the row (index-sets.ts), so a filter
 * costs nothing before the first row and the same for page 1,000 as for page 1. Only a text search (and a
 * dynamic list's saved text) collects ids first, from the FTS index.
 */

export interface SqlPart {
  sql: string;
  args: Array<string | number>;
}

const DAY = 86_400_000;
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
/** Any of `values` is in the row's set `column`. */
function inSet(column: string, values: ReadonlyArray<string | number>): SqlPart {
  return {
    sql: `(${values.map(() => `instr(${column}, ?) > 0`).join(' OR ')})`,
    args: values.map(setNeedle),
  };
}

/** One condition of a filter; `column` names the one column of `creator_index` it tests, if it tests one. */
export interface FilterPart extends SqlPart {
  column: string | null;
}

export function filterSql(db: Database, filter: CreatorFilter, now: number): SqlPart {
  return joinParts(filterParts(db, filter, now));
}

export function joinParts(parts: readonly SqlPart[]): SqlPart {
  return {
    sql: parts.length ? parts.map((p) => p.sql).join(' AND ') : '1',
    args: parts.flatMap((p) => p.args),
  };
}

/** The filter's conditions, each on its own (a walk of one column's index can test that column's). */
export function filterParts(db: Database, filter: CreatorFilter, now: number): FilterPart[] {
  const parts: FilterPart[] = [];
  const on =
    (column: string | null) =>
    (sql: string, ...args: Array<string | number>): void => {
      parts.push({ sql, args, column });
    };
  const add = on(null);
  const range = (
    col: string,
    r: { min?: number | undefined; max?: number | undefined } | undefined,
  ): void => {
    if (r?.min !== undefined) on(col)(`${col} >= ?`, r.min);
    if (r?.max !== undefined) on(col)(`${col} <= ?`, r.max);
  };

  if (filter.text !== undefined) {
    const q = ftsQuery(filter.text);
    if (q !== null) add('i.creator_id IN (SELECT rowid FROM creator_fts WHERE creator_fts MATCH ?)', q);
  }
  range('i.followers', filter.followers);
  if (filter.gmv) {
    add('i.gmv_currency = ?', filter.gmv.currency);
    range('i.gmv_minor', filter.gmv);
  }
  range('i.units_sold', filter.unitsSold);
  range('i.avg_video_views', filter.avgVideoViews);
  range('i.engagement_bp', filter.engagement);
  range('i.score', filter.score);
  const set = (part: SqlPart): void => add(part.sql, ...part.args);
  if (filter.categories?.length) set(inSet('i.category_set', filter.categories));
  if (filter.regions?.length) {
    on('i.region')(`i.region IN (${marks(filter.regions.length)})`, ...filter.regions);
  }
  if (filter.stages?.length) {
    on('i.stage_rank')(`i.stage_rank IN (${marks(filter.stages.length)})`, ...filter.stages.map(stageRank));
  }
  if (filter.tagIds?.length) set(inSet('i.tag_set', filter.tagIds));
  if (filter.listIds?.length) set(listsSql(db, filter.listIds, now));
  if (filter.lastContacted?.notWithinDays !== undefined) {
    on('i.last_contacted_at')(
      '(i.last_contacted_at IS NULL OR i.last_contacted_at < ?)',
      now - filter.lastContacted.notWithinDays * DAY,
    );
  }
  if (filter.lastContacted?.withinDays !== undefined) {
    on('i.last_contacted_at')('i.last_contacted_at >= ?', now - filter.lastContacted.withinDays * DAY);
  }
  if (filter.hasContact !== undefined) add('i.has_contact = ?', filter.hasContact ? 1 : 0);
  // A source is where a record was sighted or how it came in (its origin): the set holds both.
  if (filter.sources?.length) set(inSet('i.source_set', filter.sources));
  if (filter.shopIds?.length) set(inSet('i.shop_set', filter.shopIds));
  if (filter.blocked !== undefined) add('i.blocked = ?', filter.blocked ? 1 : 0);
  return parts;
}

/** Members of static lists, or creators a dynamic list's saved filter matches now. */
function listsSql(db: Database, listIds: readonly number[], now: number): SqlPart {
  const lists = db
    .prepare(`SELECT id, kind, filter FROM creator_lists WHERE id IN (${marks(listIds.length)})`)
    .all(...listIds) as Array<{ id: number; kind: 'static' | 'dynamic'; filter: string | null }>;
  const ors: string[] = [];
  const args: Array<string | number> = [];
  const statics = lists.filter((l) => l.kind === 'static').map((l) => l.id);
  if (statics.length) {
    const part = inSet('i.list_set', statics);
    ors.push(part.sql);
    args.push(...part.args);
  }
  for (const l of lists) {
    if (l.kind !== 'dynamic' || l.filter === null) continue;
    // Saved filters cannot name lists (schema), so this never recurses further.
    const saved = creatorFilterSchema.parse({ ...JSON.parse(l.filter), listIds: undefined });
    const part = filterSql(db, saved, now);
    ors.push(`(${part.sql})`);
    args.push(...part.args);
  }
  // Unknown list ids match nothing rather than everything.
  return { sql: ors.length ? `(${ors.join(' OR ')})` : '0', args };
}
