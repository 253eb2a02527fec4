import type { Database, Statement } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { type CreatorStage, stageRank } from '@shared/creators';
import { creatorTexts } from './texts';

/**
 * One Creator across shops and regions (rules in docs/creators.md).
 *
 * A `creators` row is a *record*: one set of TikTok ids, or one handle. Records that are the same person form
 * a merge tree; its root (`canonical_id`) is the Creator. Open id, user id and IM id are *strong* ids: each
 * belongs to one record, and one TikTok answer naming two of them links their creators. A handle is only
 * an attribute: handles are renamed and reused, so two creators known by ids are never merged because of
 * one. A record known by nothing but a handle (affiliate orders carry only that; manual entries may too)
 * is attached, as an undoable merge, to the first identified creator seen with that handle.
 */

export interface CreatorIds {
  openId?: string | null | undefined;
  userId?: string | null | undefined;
  imId?: string | null | undefined;
  handle?: string | null | undefined;
}

export interface CreatorSighting extends CreatorIds {
  nickname?: string | null | undefined;
  avatarUrl?: string | null | undefined;
  /** The creator's own region (TikTok's `selection_region`), not the shop's. */
  region?: string | null | undefined;
}

export type CreatorOrigin = 'sync' | 'marketplace' | 'import' | 'manual' | 'sample';
export type SightingSource = 'affiliate_order' | 'collaboration' | 'conversation' | 'marketplace' | 'sample';

export interface ResolveOptions {
  /** How a record this call creates came to be (kept for retention: only `sync` records go with an Account). */
  origin: CreatorOrigin;
  /** The shop that showed this creator; recorded as a sighting. Imports and manual entries have none. */
  place?: { accountId: string; shopId: string; source: SightingSource } | undefined;
  now: number;
}

export interface ResolvedCreator {
  /** The record the ids belong to: reference it from rows that came from TikTok. */
  recordId: number;
  /** The Creator (root of the merge tree) as of now: what the merchant sees. */
  creatorId: number;
  /** A new record was created by this call. */
  created: boolean;
}

export type MergeCause = 'manual' | 'linked_ids' | 'handle_only';

/** Kept in a merge's evidence: what the merge wrote on the kept record, for a split to give back. */
interface MergeUndo {
  stage?: { from: CreatorStage; to: CreatorStage };
  /** The record whose score by hand the kept record took. */
  scoreOverrideFrom?: number;
}

type StrongKind = 'open_id' | 'user_id' | 'im_id';

function strongOf(s: CreatorIds): Array<[StrongKind, string]> {
  const out: Array<[StrongKind, string]> = [];
  const add = (k: StrongKind, v: string | null | undefined): void => {
    const t = v?.trim();
    if (t) out.push([k, t]);
  };
  add('open_id', s.openId);
  add('user_id', s.userId);
  add('im_id', s.imId);
  return out;
}

/** Handles are shown with and without a leading "@"; stored without. */
export function normaliseHandle(handle: string | null | undefined): string | null {
  const h = handle?.trim().replace(/^@+/, '');
  return h ? h : null;
}

interface RecordRow {
  id: number;
  canonical_id: number;
  merged_into: number | null;
  open_id: string | null;
  user_id: string | null;
  im_id: string | null;
  handle: string | null;
  nickname: string | null;
  stage: CreatorStage;
  score_override: number | null;
  first_seen_at: number;
}

export class CreatorIdentity {
  private readonly byStrong: Record<StrongKind, Statement<[string], RecordRow>>;
  private readonly setStrong: Record<StrongKind, Statement<[string, number]>>;
  private readonly getRecord: Statement<[number], RecordRow>;
  private readonly insertRecord: Statement;
  private readonly fixCanonical: Statement<[number, number]>;
  private readonly touch: Statement;
  private readonly setHandle: Statement<[string, number]>;
  private readonly upsertHandle: Statement<[number, string, number, number]>;
  private readonly sight: Statement;
  private readonly markDirty: Statement<[number]>;
  private readonly handleBearer: Statement<[string], { id: number }>;
  private readonly handleOnlyGroups: Statement<[string, number], { canonical_id: number }>;

  constructor(private readonly db: Database) {
    const by = (k: StrongKind): Statement<[string], RecordRow> =>
      db.prepare(`SELECT * FROM creators WHERE ${k} = ?`);
    const set = (k: StrongKind): Statement<[string, number]> =>
      db.prepare(`UPDATE creators SET ${k} = ? WHERE id = ? AND ${k} IS NULL`);
    this.byStrong = { open_id: by('open_id'), user_id: by('user_id'), im_id: by('im_id') };
    this.setStrong = { open_id: set('open_id'), user_id: set('user_id'), im_id: set('im_id') };
    this.getRecord = db.prepare('SELECT * FROM creators WHERE id = ?');
    this.insertRecord = db.prepare(`
      INSERT INTO creators (canonical_id, open_id, user_id, im_id, handle, nickname, avatar_url, region, origin,
                            first_seen_at, updated_at)
      VALUES (0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.fixCanonical = db.prepare('UPDATE creators SET canonical_id = ? WHERE id = ?');
    this.touch = db.prepare(`
      UPDATE creators SET nickname = COALESCE(?, nickname), avatar_url = COALESCE(?, avatar_url),
        region = COALESCE(?, region), updated_at = ? WHERE id = ?`);
    this.setHandle = db.prepare('UPDATE creators SET handle = ? WHERE id = ?');
    this.upsertHandle = db.prepare(`
      INSERT INTO creator_handles (creator_id, handle, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (creator_id, handle) DO UPDATE SET last_seen_at = MAX(last_seen_at, excluded.last_seen_at)`);
    this.sight = db.prepare(`
      INSERT INTO creator_sightings (creator_id, account_id, shop_id, source, first_seen_at, last_seen_at)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (creator_id, shop_id, source) DO UPDATE SET last_seen_at = excluded.last_seen_at,
        account_id = excluded.account_id`);
    this.markDirty = db.prepare('INSERT OR IGNORE INTO creator_dirty (creator_id) VALUES (?)');
    // Who shows this handle now: identified records first, then the one seen with it most recently.
    this.handleBearer = db.prepare(`
      SELECT c.id FROM creators c JOIN creator_handles h ON h.creator_id = c.id AND h.handle = c.handle
      WHERE c.handle = ?
      ORDER BY (c.open_id IS NULL AND c.user_id IS NULL AND c.im_id IS NULL), h.last_seen_at DESC, c.id
      LIMIT 1`);
    // Creators known by nothing but this handle (no record of the group has a strong id).
    this.handleOnlyGroups = db.prepare(`
      SELECT DISTINCT c.canonical_id FROM creators c
      WHERE c.handle = ? AND c.canonical_id <> ?
        AND NOT EXISTS (SELECT 1 FROM creators g WHERE g.canonical_id = c.canonical_id
                          AND (g.open_id IS NOT NULL OR g.user_id IS NOT NULL OR g.im_id IS NOT NULL))`);
  }

  /**
   * The record and Creator for what TikTok (or an import) told us, creating a record when none matches,
   * recording where it was seen and marking the Creator for re-indexing. Null when the sighting carries no
   * id and no handle. Call inside the caller's write transaction (sync pages, imports).
   */
  resolve(s: CreatorSighting, options: ResolveOptions): ResolvedCreator | null {
    const strong = strongOf(s);
    const handle = normaliseHandle(s.handle);
    if (strong.length === 0 && handle === null) return null;
    const { now } = options;
    let created = false;
    let record: RecordRow | undefined;

    if (strong.length > 0) {
      const found: RecordRow[] = [];
      const unknown: Array<[StrongKind, string]> = [];
      for (const [kind, value] of strong) {
        const row = this.byStrong[kind].get(value);
        if (row) found.push(row);
        else unknown.push([kind, value]);
      }
      if (found.length === 0) {
        record = this.create(s, handle, options);
        created = true;
      } else {
        record = found[0]!;
        // One answer naming ids of two creators is TikTok saying they are one person.
        for (const other of found.slice(1)) {
          const a = this.canonicalOf(record.id);
          const b = this.canonicalOf(other.id);
          if (a !== b) this.mergeGroups(b, a, 'linked_ids', Object.fromEntries(strong), now);
        }
        for (const [kind, value] of unknown) {
          const target = found.find((r) => r[kind] === null);
          if (target) {
            this.setStrong[kind].run(value, target.id);
            target[kind] = value;
          } else {
            // The record already holds another id of this kind: keep both as records of one creator.
            const extra = this.create({ [camel(kind)]: value }, null, { ...options, place: undefined });
            created = true;
            this.mergeGroups(
              extra.id,
              this.canonicalOf(record.id),
              'linked_ids',
              Object.fromEntries(strong),
              now,
            );
          }
        }
      }
      // A creator so far known only by this handle is this one: attach it (undoable, see docs/creators.md).
      if (handle !== null) {
        for (const { canonical_id: other } of this.handleOnlyGroups.all(
          handle,
          this.canonicalOf(record.id),
        )) {
          this.mergeGroups(other, this.canonicalOf(record.id), 'handle_only', { handle }, now);
        }
      }
    } else {
      const bearer = this.handleBearer.get(handle!);
      if (bearer) record = this.getRecord.get(bearer.id);
      if (!record) {
        record = this.create(s, handle, options);
        created = true;
      }
    }

    if (!created) {
      this.touch.run(s.nickname || null, s.avatarUrl || null, s.region || null, now, record.id);
      // The handle of a sighting with strong ids is what this record is called now.
      if (handle !== null && strong.length > 0 && record.handle?.toLowerCase() !== handle.toLowerCase()) {
        this.setHandle.run(handle, record.id);
      }
    }
    if (
      handle !== null &&
      (created || strong.length > 0 || record.handle?.toLowerCase() === handle.toLowerCase())
    ) {
      this.upsertHandle.run(record.id, handle, now, now);
    }
    if (options.place) {
      const p = options.place;
      this.sight.run(record.id, p.accountId, p.shopId, p.source, now, now);
    }
    const creatorId = this.canonicalOf(record.id);
    this.markDirty.run(creatorId);
    return { recordId: record.id, creatorId, created };
  }

  /** The Creator a record belongs to; NOT_FOUND for an unknown id. */
  canonicalOf(recordId: number): number {
    const row = this.getRecord.get(recordId);
    if (!row) throw new AppError('NOT_FOUND', creatorTexts.creatorNotFound({ id: recordId }));
    return row.canonical_id;
  }

  /** Every record of a Creator (given any of its record ids), the canonical one first. */
  recordsOf(recordId: number): number[] {
    const canonical = this.canonicalOf(recordId);
    return this.db
      .prepare('SELECT id FROM creators WHERE canonical_id = ? ORDER BY id = ? DESC, id')
      .pluck()
      .all(canonical, canonical) as number[];
  }

  /**
   * Merges two Creators by hand. The one kept is `keepId`'s; the other's records join it and keep every
   * row they had, so `split` can undo it. Returns the kept Creator's id.
   */
  merge(keepId: number, mergeId: number, now: number): number {
    const keep = this.canonicalOf(keepId);
    const other = this.canonicalOf(mergeId);
    if (keep === other) throw new AppError('CONFLICT', creatorTexts.alreadyOne());
    return this.db.transaction(() => this.mergeGroups(other, keep, 'manual', { by: 'user' }, now))();
  }

  /**
   * Splits a merged record (and the records merged into it before) off its Creator again: it becomes its own
   * Creator with the stage, notes, tags and lists it had. Returns the new Creator's id.
   */
  split(recordId: number, now: number): { creatorId: number; formerCreatorId: number } {
    return this.db.transaction(() => {
      const row = this.getRecord.get(recordId);
      if (!row) throw new AppError('NOT_FOUND', creatorTexts.creatorNotFound({ id: recordId }));
      if (row.merged_into === null) {
        throw new AppError('CONFLICT', creatorTexts.notMerged());
      }
      const former = row.canonical_id;
      const subtree = this.db
        .prepare(
          `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT c.id FROM creators c JOIN sub ON c.merged_into = sub.id)
           SELECT id FROM sub`,
        )
        .pluck()
        .all(recordId) as number[];
      this.db.prepare('UPDATE creators SET merged_into = NULL WHERE id = ?').run(recordId);
      const setRoot = this.db.prepare('UPDATE creators SET canonical_id = ? WHERE id = ?');
      for (const id of subtree) setRoot.run(recordId, id);
      const merge = this.db
        .prepare<[number], { kept_id: number; evidence: string; merged_at: number }>(
          'SELECT kept_id, evidence, merged_at FROM creator_merges WHERE merged_id = ? AND split_at IS NULL',
        )
        .get(recordId);
      if (merge) this.undoMergeWrites(merge, recordId, now);
      this.db
        .prepare('UPDATE creator_merges SET split_at = ? WHERE merged_id = ? AND split_at IS NULL')
        .run(now, recordId);
      this.markDirty.run(recordId);
      this.markDirty.run(former);
      return { creatorId: recordId, formerCreatorId: former };
    })();
  }

  /**
   * A split gives the kept record back what the merge itself wrote on it: the stage it had, unless the stage
   * moved again while merged, and no score by hand, unless the one it took from the split record was changed
   * since. What the merchant did while the two were merged stays with the kept Creator.
   */
  private undoMergeWrites(
    merge: { kept_id: number; evidence: string; merged_at: number },
    splitId: number,
    now: number,
  ): void {
    const undo = (JSON.parse(merge.evidence) as { undo?: MergeUndo }).undo ?? {};
    const kept = this.getRecord.get(merge.kept_id);
    if (!kept) return;
    if (undo.stage && kept.stage === undo.stage.to) {
      const movedSince = this.db
        .prepare(
          `SELECT EXISTS (SELECT 1 FROM creator_stage_moves WHERE creator_id = ? AND moved_at >= ?
             AND NOT (cause = 'merge' AND ref = ?))`,
        )
        .pluck()
        .get(kept.id, merge.merged_at, String(splitId)) as number;
      if (movedSince === 0) {
        this.db
          .prepare('UPDATE creators SET stage = ?, stage_changed_at = ? WHERE id = ?')
          .run(undo.stage.from, now, kept.id);
        this.db
          .prepare(
            `INSERT INTO creator_stage_moves (creator_id, from_stage, to_stage, cause, ref, moved_at)
             VALUES (?, ?, ?, 'split', ?, ?)`,
          )
          .run(kept.id, undo.stage.to, undo.stage.from, String(splitId), now);
      }
    }
    if (undo.scoreOverrideFrom !== undefined) {
      // Still the very score (and reason and date) the merge copied: it goes back with its record only.
      this.db
        .prepare(
          `UPDATE creators SET score_override = NULL, score_override_reason = NULL, score_override_at = NULL
           WHERE id = ? AND (score_override, score_override_reason, score_override_at) IS
             (SELECT score_override, score_override_reason, score_override_at FROM creators WHERE id = ?)`,
        )
        .run(kept.id, undo.scoreOverrideFrom);
    }
  }

  private create(s: CreatorSighting, handle: string | null, options: ResolveOptions): RecordRow {
    const strong = Object.fromEntries(strongOf(s)) as Partial<Record<StrongKind, string>>;
    const id = Number(
      this.insertRecord.run(
        strong.open_id ?? null,
        strong.user_id ?? null,
        strong.im_id ?? null,
        handle,
        s.nickname || null,
        s.avatarUrl || null,
        s.region || null,
        options.origin,
        options.now,
        options.now,
      ).lastInsertRowid,
    );
    this.fixCanonical.run(id, id);
    return this.getRecord.get(id)!;
  }

  /** Joins Creator `absorbed` (a root) into Creator `kept` (a root); the older of the two keeps its id. */
  private mergeGroups(
    absorbed: number,
    kept: number,
    cause: MergeCause,
    evidence: object,
    now: number,
  ): number {
    if (cause !== 'manual') {
      const ra = this.getRecord.get(absorbed)!;
      const rk = this.getRecord.get(kept)!;
      if (ra.first_seen_at < rk.first_seen_at || (ra.first_seen_at === rk.first_seen_at && absorbed < kept)) {
        [absorbed, kept] = [kept, absorbed];
      }
    }
    const a = this.getRecord.get(absorbed)!;
    const k = this.getRecord.get(kept)!;
    // What the merge itself writes on the kept record, so that a split can give it back (see `split`).
    const undo: MergeUndo = {};
    this.db.prepare('UPDATE creators SET merged_into = ? WHERE id = ?').run(kept, absorbed);
    this.db.prepare('UPDATE creators SET canonical_id = ? WHERE canonical_id = ?').run(kept, absorbed);
    // The merged Creator is as far along the pipeline as the further of the two.
    if (stageRank(a.stage) > stageRank(k.stage)) {
      undo.stage = { from: k.stage, to: a.stage };
      this.db
        .prepare('UPDATE creators SET stage = ?, stage_changed_at = ? WHERE id = ?')
        .run(a.stage, now, kept);
      this.db
        .prepare(
          `INSERT INTO creator_stage_moves (creator_id, from_stage, to_stage, cause, ref, moved_at)
           VALUES (?, ?, ?, 'merge', ?, ?)`,
        )
        .run(kept, k.stage, a.stage, String(absorbed), now);
    }
    if (k.score_override === null && a.score_override !== null) {
      undo.scoreOverrideFrom = absorbed;
      // The reason and date go with the score they explain.
      this.db
        .prepare(
          `UPDATE creators SET (score_override, score_override_reason, score_override_at) =
             (SELECT score_override, score_override_reason, score_override_at FROM creators WHERE id = ?)
           WHERE id = ?`,
        )
        .run(absorbed, kept);
    }
    this.db
      .prepare(
        `INSERT INTO creator_merges (kept_id, merged_id, cause, evidence, merged_at) VALUES (?, ?, ?, ?, ?)`,
      )
      // Who was merged in, by the name the merchant knew then: the record's handle can change or be reused later.
      .run(
        kept,
        absorbed,
        cause,
        JSON.stringify({ ...evidence, undo, mergedName: { handle: a.handle, nickname: a.nickname } }),
        now,
      );
    this.markDirty.run(kept);
    this.markDirty.run(absorbed);
    return kept;
  }
}

function camel(kind: StrongKind): keyof CreatorIds {
  return kind === 'open_id' ? 'openId' : kind === 'user_id' ? 'userId' : 'imId';
}
