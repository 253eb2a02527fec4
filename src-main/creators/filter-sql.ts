import type { Database } from 'better-sqlite3';
import { type CreatorFilter, creatorFilterSchema, stageRank } from '@shared/creators';
import { ftsQuery } from './fts-text';

/**
 * A creators:search filter as SQL over `creator_index i`. Multi-valued facts (tags, lists, categories,
 * shops, sources) live in their own tables keyed by record; each becomes `i.creator_id IN (subquery)`,
 * which SQLite evaluates once per query rather than once per row.
 */

export interface SqlPart {
  sql: string;
  args: Array<string | number>;
}

const DAY = 86_400_000;
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
const canonicalOf = (table: string, where: string): string =>
  `i.creator_id IN (SELECT r.canonical_id FROM ${table} JOIN creators r ON r.id = x.creator_id WHERE ${where})`;

export interface FilterSqlOptions {
  /**
   * The query walks a sort index: the text match must test each row the walk meets (the unary plus keeps
   * it off the index), else SQLite turns it into a skip-scan seeking every match once per distinct sort value.
   */
  textAsRowTest?: boolean;
}

export function filterSql(
  db: Database,
  filter: CreatorFilter,
  now: number,
  options: FilterSqlOptions = {},
): SqlPart {
  const where: string[] = [];
  const args: Array<string | number> = [];
  const add = (sql: string, ...a: Array<string | number>): void => {
    where.push(sql);
    args.push(...a);
  };
  const range = (
    col: string,
    r: { min?: number | undefined; max?: number | undefined } | undefined,
  ): void => {
    if (r?.min !== undefined) add(`${col} >= ?`, r.min);
    if (r?.max !== undefined) add(`${col} <= ?`, r.max);
  };

  if (filter.text !== undefined) {
    const q = ftsQuery(filter.text);
    const test = options.textAsRowTest ? '+i.creator_id' : 'i.creator_id';
    if (q !== null) add(`${test} IN (SELECT rowid FROM creator_fts WHERE creator_fts MATCH ?)`, q);
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
  if (filter.categories?.length) {
    add(
      canonicalOf('creator_categories x', `x.category IN (${marks(filter.categories.length)})`),
      ...filter.categories,
    );
  }
  if (filter.regions?.length) add(`i.region IN (${marks(filter.regions.length)})`, ...filter.regions);
  if (filter.stages?.length) {
    add(`i.stage_rank IN (${marks(filter.stages.length)})`, ...filter.stages.map(stageRank));
  }
  if (filter.tagIds?.length) {
    add(canonicalOf('creator_tags x', `x.tag_id IN (${marks(filter.tagIds.length)})`), ...filter.tagIds);
  }
  if (filter.listIds?.length) {
    const part = listsSql(db, filter.listIds, now);
    add(part.sql, ...part.args);
  }
  if (filter.lastContacted?.notWithinDays !== undefined) {
    add(
      '(i.last_contacted_at IS NULL OR i.last_contacted_at < ?)',
      now - filter.lastContacted.notWithinDays * DAY,
    );
  }
  if (filter.lastContacted?.withinDays !== undefined) {
    add('i.last_contacted_at >= ?', now - filter.lastContacted.withinDays * DAY);
  }
  if (filter.hasContact !== undefined) add('i.has_contact = ?', filter.hasContact ? 1 : 0);
  if (filter.sources?.length) {
    const s = filter.sources;
    add(
      `(${canonicalOf('creator_sightings x', `x.source IN (${marks(s.length)})`)}
        OR i.creator_id IN (SELECT canonical_id FROM creators WHERE origin IN (${marks(s.length)})))`,
      ...s,
      ...s,
    );
  }
  if (filter.shopIds?.length) {
    add(
      canonicalOf('creator_sightings x', `x.shop_id IN (${marks(filter.shopIds.length)})`),
      ...filter.shopIds,
    );
  }
  if (filter.blocked !== undefined) add('i.blocked = ?', filter.blocked ? 1 : 0);
  return { sql: where.length ? where.join(' AND ') : '1', args };
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
    ors.push(canonicalOf('creator_list_members x', `x.list_id IN (${marks(statics.length)})`));
    args.push(...statics);
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
