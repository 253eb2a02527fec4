import type { Database, Statement } from 'better-sqlite3';
import type { CreatorStage } from '@shared/creators';
import { chooseStats, type SourcedStats } from './figures-precedence';
import { pickStats, type StatsRow, statsSelect } from './stats-columns';

/**
 * What the indexer reads to rebuild Creators' derived rows, for a whole batch of Creators at once: one query
 * per source table over the batch (the ids go in as one JSON array and drive an index lookup on
 * `creators.canonical_id`), grouped by Creator in SQL, instead of some twenty statements per Creator. Each
 * query keeps the order the per-Creator reads had (categories and names in SQLite's own order, tags by name
 * without case, notes by date), so the rows it builds are the same.
 */

export interface RecordSource {
  id: number;
  origin: string;
  handle: string | null;
  nickname: string | null;
  avatar_url: string | null;
  region: string | null;
  updated_at: number;
  first_seen_at: number;
  stage: CreatorStage;
  score_override: number | null;
}

export interface CreatorSources {
  /** The Creator's records in id order; the canonical one is among them. */
  records: RecordSource[];
  /** Every handle and nickname ever seen, once each. */
  names: string[];
  stats: StatsRow | null;
  categories: string[];
  tags: Array<{ id: number; name: string }>;
  lists: number[];
  sightings: Array<{ shop_id: string; source: string; last_seen_at: number }>;
  notes: string[];
  blocked: boolean;
  /** Per currency, most orders first. */
  orders: Array<{ currency: string | null; n: number; gmv: number; last: number }>;
  units: { units: number; refunded: number };
  collabs: { invited: number; accepted: number; last: number | null };
  messages: { sent: number | null; last: number | null };
}

/** The batch's records: `k.value` is a Creator id, `c` each of its records. */
const batch = 'json_each(:ids) k CROSS JOIN creators c ON c.canonical_id = k.value';

function statements(db: Database) {
  const s = <R>(sql: string): Statement<[{ ids: string }], R> => db.prepare<[{ ids: string }], R>(sql);
  return {
    records: s<RecordSource & { cid: number }>(`SELECT c.canonical_id AS cid, c.id, c.origin, c.handle,
        c.nickname, c.avatar_url, c.region, c.updated_at, c.first_seen_at, c.stage, c.score_override
      FROM ${batch} ORDER BY c.id`),
    names: s<{ cid: number; name: string }>(`SELECT DISTINCT cid, name FROM (
        SELECT c.canonical_id AS cid, h.handle AS name FROM ${batch} JOIN creator_handles h ON h.creator_id = c.id
        UNION SELECT c.canonical_id, c.handle FROM ${batch} WHERE c.handle IS NOT NULL
        UNION SELECT c.canonical_id, c.nickname FROM ${batch} WHERE c.nickname IS NOT NULL)
      ORDER BY cid, name`),
    stats: s<SourcedStats & { cid: number }>(`SELECT
        c.canonical_id AS cid, ${statsSelect('s')}, s.source, s.updated_at AS at
      FROM ${batch} JOIN creator_stats s ON s.creator_id = c.id ORDER BY cid, c.id`),
    categories: s<{ cid: number; category: string }>(`SELECT DISTINCT c.canonical_id AS cid, x.category
      FROM ${batch} JOIN creator_categories x ON x.creator_id = c.id ORDER BY cid, x.category`),
    tags: s<{ cid: number; id: number; name: string }>(`SELECT DISTINCT c.canonical_id AS cid, t.id, t.name
      FROM ${batch} JOIN creator_tags ct ON ct.creator_id = c.id JOIN tags t ON t.id = ct.tag_id
      ORDER BY cid, t.name COLLATE NOCASE, t.id`),
    lists: s<{ cid: number; list_id: number }>(`SELECT DISTINCT c.canonical_id AS cid, m.list_id
      FROM ${batch} JOIN creator_list_members m ON m.creator_id = c.id`),
    sightings: s<{ cid: number; shop_id: string; source: string; last_seen_at: number }>(`SELECT
        c.canonical_id AS cid, x.shop_id, x.source, x.last_seen_at
      FROM ${batch} JOIN creator_sightings x ON x.creator_id = c.id`),
    notes: s<{ cid: number; body: string }>(`SELECT c.canonical_id AS cid, n.body
      FROM ${batch} JOIN creator_notes n ON n.creator_id = c.id ORDER BY cid, n.created_at, n.id`),
    blocked: s<{ cid: number }>(`SELECT DISTINCT c.canonical_id AS cid
      FROM ${batch} JOIN creator_blocklist b ON b.creator_id = c.id`),
    orders: s<{ cid: number; currency: string | null; n: number; gmv: number; last: number }>(`SELECT
        c.canonical_id AS cid, o.currency, COUNT(*) AS n, SUM(o.gmv_minor) AS gmv, MAX(o.create_time) AS last
      FROM ${batch} JOIN affiliate_orders o ON o.creator_id = c.id
      GROUP BY cid, o.currency ORDER BY cid, n DESC, o.currency`),
    units: s<{ cid: number; units: number; refunded: number }>(`SELECT c.canonical_id AS cid,
        COALESCE(SUM(q.quantity), 0) AS units, COALESCE(SUM(q.refunded_quantity), 0) AS refunded
      FROM ${batch} JOIN affiliate_orders o ON o.creator_id = c.id
        JOIN affiliate_order_skus q ON q.order_id = o.order_id
      GROUP BY cid`),
    collabs: s<{ cid: number; invited: number; accepted: number; last: number | null }>(`SELECT
        c.canonical_id AS cid, COUNT(*) AS invited, COALESCE(SUM(cc.accepted), 0) AS accepted,
        MAX(COALESCE(x.start_time, x.synced_at)) AS last
      FROM ${batch} JOIN collaboration_creators cc ON cc.creator_id = c.id
        JOIN collaborations x ON x.collaboration_id = cc.collaboration_id
      GROUP BY cid`),
    messages: s<{ cid: number; sent: number | null; last: number | null }>(`SELECT c.canonical_id AS cid,
        MAX(CASE WHEN m.from_creator = 0 THEN m.create_time END) AS sent, MAX(m.create_time) AS last
      FROM ${batch} JOIN conversations v ON v.creator_id = c.id
        JOIN messages m ON m.conversation_id = v.conversation_id
      GROUP BY cid`),
  };
}

export class IndexSources {
  private readonly s: ReturnType<typeof statements>;

  constructor(db: Database) {
    this.s = statements(db);
  }

  /** The sources of each Creator in `creatorIds` (canonical ids; an id that is none gets no entry). */
  read(creatorIds: readonly number[]): Map<number, CreatorSources> {
    const ids = { ids: JSON.stringify(creatorIds) };
    const out = new Map<number, CreatorSources>();
    for (const { cid, ...record } of this.s.records.all(ids)) {
      let src = out.get(cid);
      if (!src) {
        src = {
          records: [],
          names: [],
          stats: null,
          categories: [],
          tags: [],
          lists: [],
          sightings: [],
          notes: [],
          blocked: false,
          orders: [],
          units: { units: 0, refunded: 0 },
          collabs: { invited: 0, accepted: 0, last: null },
          messages: { sent: null, last: null },
        };
        out.set(cid, src);
      }
      src.records.push(record);
    }
    const each = <R extends { cid: number }>(rows: R[], add: (src: CreatorSources, row: R) => void): void => {
      for (const row of rows) {
        const src = out.get(row.cid);
        if (src) add(src, row);
      }
    };
    each(this.s.names.all(ids), (src, r) => src.names.push(r.name));
    // A Creator of several records: the same precedence as between one record's sources.
    const statsRows = new Map<number, SourcedStats[]>();
    for (const { cid, ...row } of this.s.stats.all(ids)) {
      const rows = statsRows.get(cid);
      if (rows) rows.push(row);
      else statsRows.set(cid, [row]);
    }
    for (const [cid, rows] of statsRows) {
      const src = out.get(cid);
      const chosen = src ? chooseStats(rows) : null;
      if (src && chosen) src.stats = pickStats(chosen);
    }
    each(this.s.categories.all(ids), (src, r) => src.categories.push(r.category));
    each(this.s.tags.all(ids), (src, r) => src.tags.push({ id: r.id, name: r.name }));
    each(this.s.lists.all(ids), (src, r) => src.lists.push(r.list_id));
    each(this.s.sightings.all(ids), (src, { cid: _, ...r }) => src.sightings.push(r));
    each(this.s.notes.all(ids), (src, r) => src.notes.push(r.body));
    each(this.s.blocked.all(ids), (src) => {
      src.blocked = true;
    });
    each(this.s.orders.all(ids), (src, { cid: _, ...r }) => src.orders.push(r));
    each(this.s.units.all(ids), (src, r) => {
      src.units = { units: r.units, refunded: r.refunded };
    });
    each(this.s.collabs.all(ids), (src, { cid: _, ...r }) => {
      src.collabs = r;
    });
    each(this.s.messages.all(ids), (src, { cid: _, ...r }) => {
      src.messages = r;
    });
    return out;
  }
}
