import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { ActivityKind, ActivityParams } from '@shared/activity';
import type { BulkAction, CreatorSelection } from '@shared/creator-lists';
import { creatorSelectionSchema } from '@shared/creator-lists';
import type { CreatorDetail } from '@shared/creator-detail';
import type { ScoreProgress, ScoreRules } from '@shared/creator-score';
import type {
  CreatorFacets,
  CreatorFilter,
  CreatorNote,
  CreatorsChanged,
  CreatorsPage,
  CreatorsSearchInput,
  CreatorsUpdateInput,
} from '@shared/creators';
import { creatorsUpdateInputSchema } from '@shared/creators';
import type { Logger } from '../log/logger';
import { CreatorBlocklist } from './blocklist';
import { creatorCategoriesSql } from './category-names';
import { creatorDetail } from './detail';
import { exportCreators } from './export';
import { CreatorExtensions } from './extensions';
import { CreatorIdentity, type CreatorSighting, type ResolveOptions, type ResolvedCreator } from './identity';
import { CreatorIndexer } from './indexer';
import { CreatorLists } from './lists';
import { ScoreRulesStore } from './score-rules';
import { countCreators, matchingIds, searchCreators } from './search';
import { StageMoves } from './stages';
import { CreatorNotes, CreatorTags } from './tags-notes';
import { creatorTimeline } from './timeline';
import { CreatorsWorker } from './worker';
import { creatorTexts } from './texts';

export interface CreatorsServiceOptions {
  db: Database;
  logger: Logger;
  now: () => number;
  emitChanged: (c: CreatorsChanged) => void;
  emitScoreProgress: (p: ScoreProgress) => void;
  record: (kind: ActivityKind, params: ActivityParams) => void;
  /** How many stale Creators start a full index rebuild (tests make it small; index-rebuild.ts). */
  fullRebuildFrom?: number;
}

/**
 * The creator CRM's one entry point for handlers and other modules: identity (`resolve`), the table
 * (`search`), one creator (`get`, `timeline`), the merchant's edits, lists, the blocklist, bulk actions,
 * export, and the background upkeep of the search index and scores.
 */
export class CreatorsService {
  readonly identity: CreatorIdentity;
  readonly extensions = new CreatorExtensions();
  readonly stages: StageMoves;
  readonly tags: CreatorTags;
  readonly notes: CreatorNotes;
  readonly lists: CreatorLists;
  readonly blocklist: CreatorBlocklist;
  readonly rules: ScoreRulesStore;
  readonly indexer: CreatorIndexer;
  readonly worker: CreatorsWorker;
  private readonly db: Database;
  private readonly now: () => number;

  constructor(private readonly o: CreatorsServiceOptions) {
    const { db, now } = o;
    this.db = db;
    this.now = now;
    this.identity = new CreatorIdentity(db);
    this.stages = new StageMoves(db);
    this.tags = new CreatorTags(db);
    this.notes = new CreatorNotes(db);
    this.lists = new CreatorLists(db, now);
    this.blocklist = new CreatorBlocklist(db, this.stages);
    this.rules = new ScoreRulesStore(db, o.logger);
    this.indexer = new CreatorIndexer({
      db,
      stages: this.stages,
      extensions: this.extensions,
      rules: () => this.rules.get(),
      scoreContext: () => this.rules.context(),
    });
    this.worker = new CreatorsWorker({
      db,
      indexer: this.indexer,
      rules: this.rules,
      events: { scoreProgress: o.emitScoreProgress, changed: o.emitChanged },
      logger: o.logger.child({ module: 'creators' }),
      now,
      fullRebuildFrom: o.fullRebuildFrom,
    });
  }

  /**
   * Identity for imports, marketplace results and samples (rules in docs/creators.md). Call inside your
   * write transaction; the Creator is re-indexed in the background (call `worker.kick` after the batch).
   */
  resolve(sighting: CreatorSighting, options: ResolveOptions): ResolvedCreator | null {
    return this.identity.resolve(sighting, options);
  }

  /** The Creator id for any of its record ids (NOT_FOUND for an unknown one). */
  creatorOf(id: number): number {
    return this.identity.canonicalOf(id);
  }

  search(input: CreatorsSearchInput): CreatorsPage {
    return searchCreators(this.db, input, this.now());
  }

  count(filter: CreatorFilter): number {
    return countCreators(this.db, filter, this.now());
  }

  facets(): CreatorFacets {
    const q = (sql: string): string[] => this.db.prepare(sql).pluck().all() as string[];
    return {
      regions: q('SELECT DISTINCT region FROM creator_index WHERE region IS NOT NULL ORDER BY 1'),
      categories: this.db.prepare(creatorCategoriesSql).all() as CreatorFacets['categories'],
      // DISTINCT over creator_index_currency skips from one currency to the next instead of reading all rows.
      currencies: q(
        `SELECT DISTINCT gmv_currency FROM creator_index WHERE gmv_currency IS NOT NULL
         UNION SELECT currency FROM shops WHERE currency IS NOT NULL ORDER BY 1`,
      ),
      shops: this.db
        .prepare('SELECT shop_id AS shopId, name, region FROM shops ORDER BY name, shop_id')
        .all() as CreatorFacets['shops'],
      tags: this.tags.all(),
    };
  }

  get(id: number): CreatorDetail {
    const creatorId = this.creatorOf(id);
    const records = this.identity.recordsOf(creatorId);
    let detail = creatorDetail(this.deps(), creatorId, records);
    if (!detail) {
      this.indexer.refresh([creatorId], this.now());
      detail = creatorDetail(this.deps(), creatorId, records);
    }
    if (!detail) throw new AppError('NOT_FOUND', creatorTexts.creatorNotFound({ id }));
    return detail;
  }

  timeline(input: { id: number } & Record<string, unknown>): ReturnType<typeof creatorTimeline> {
    const creatorId = this.creatorOf(input.id);
    return creatorTimeline(this.db, this.extensions, creatorId, this.identity.recordsOf(creatorId), {
      ...input,
      id: creatorId,
    });
  }

  private deps(): Parameters<typeof creatorDetail>[0] {
    return {
      db: this.db,
      extensions: this.extensions,
      tags: this.tags,
      notes: this.notes,
      lists: this.lists,
      blocklist: this.blocklist,
      rules: this.rules,
    };
  }

  /** Runs an edit in one transaction, re-indexes what it touched at once and tells open views. */
  private edit<T>(ids: readonly number[], reason: CreatorsChanged['reason'], fn: () => T): T {
    const result = this.db.transaction(fn)();
    this.indexer.refresh(ids, this.now());
    this.o.emitChanged({ ids: ids.length <= 500 ? [...ids] : null, reason });
    return result;
  }

  update(input: CreatorsUpdateInput): CreatorDetail {
    const q = creatorsUpdateInputSchema.parse(input);
    const id = this.creatorOf(q.id);
    const now = this.now();
    this.edit([id], 'edit', () => {
      if (q.stage !== undefined) {
        if (this.blocklist.isBlocked(id)) {
          throw new AppError('CONFLICT', creatorTexts.blockedStage());
        }
        this.stages.move(id, q.stage, 'manual', null, now);
      }
      if (q.scoreOverride !== undefined) {
        const set = q.scoreOverride !== null;
        this.db
          .prepare(
            'UPDATE creators SET score_override = ?, score_override_reason = ?, score_override_at = ? WHERE id = ?',
          )
          .run(q.scoreOverride, set ? (q.scoreOverrideReason ?? null) : null, set ? now : null, id);
      }
      for (const name of q.addTags ?? []) this.tags.add([id], this.tags.ensure(name, now), now);
      for (const name of q.removeTags ?? []) {
        const tagId = this.tags.idOf(name);
        if (tagId !== null) this.tags.remove([id], tagId);
      }
    });
    return this.get(id);
  }

  addNote(creatorId: number, body: string): CreatorNote {
    const id = this.creatorOf(creatorId);
    return this.edit([id], 'edit', () => this.notes.add(id, body, this.now()));
  }

  editNote(noteId: number, body: string): CreatorNote {
    const note = this.notes.edit(noteId, body, this.now());
    const id = this.creatorOf(note.creatorId);
    this.indexer.refresh([id], this.now());
    this.o.emitChanged({ ids: [id], reason: 'edit' });
    return note;
  }

  deleteNote(noteId: number): { creatorId: number } {
    const record = this.notes.delete(noteId);
    const id = this.creatorOf(record);
    this.indexer.refresh([id], this.now());
    this.o.emitChanged({ ids: [id], reason: 'edit' });
    return { creatorId: id };
  }

  merge(keepId: number, mergeId: number): { creatorId: number } {
    const absorbed = this.creatorOf(mergeId);
    const kept = this.identity.merge(keepId, mergeId, this.now());
    this.indexer.refresh([kept, absorbed], this.now());
    this.o.emitChanged({ ids: [kept, absorbed], reason: 'merge' });
    this.o.record('creator.merged', { keptId: kept, mergedId: absorbed });
    return { creatorId: kept };
  }

  split(recordId: number): { creatorId: number; formerCreatorId: number } {
    const result = this.identity.split(recordId, this.now());
    this.indexer.refresh([result.creatorId, result.formerCreatorId], this.now());
    this.o.emitChanged({ ids: [result.creatorId, result.formerCreatorId], reason: 'split' });
    this.o.record('creator.split', { creatorId: result.creatorId, formerCreatorId: result.formerCreatorId });
    return result;
  }

  /** The Creator ids a selection names (explicit ids resolve to their Creators; a filter matches now). */
  selectionIds(selection: CreatorSelection): number[] {
    const s = creatorSelectionSchema.parse(selection);
    if ('ids' in s) return [...new Set(s.ids.map((id) => this.creatorOf(id)))];
    const except = new Set(s.exceptIds);
    return matchingIds(this.db, s.filter, this.now()).filter((id) => !except.has(id));
  }

  bulk(selection: CreatorSelection, action: BulkAction): { selected: number; changed: number } {
    const ids = this.selectionIds(selection);
    const now = this.now();
    let changed = 0;
    // Big selections are applied in chunks, each its own transaction and re-index, so the app stays responsive.
    for (let i = 0; i < ids.length; i += 2_000) {
      const chunk = ids.slice(i, i + 2_000);
      changed += this.edit(chunk, 'bulk', () => this.applyBulk(chunk, action, now));
    }
    if (action.kind === 'block' || action.kind === 'unblock') {
      this.o.record(action.kind === 'block' ? 'creator.blocked' : 'creator.unblocked', {
        count: changed,
        reason: action.kind === 'block' ? action.reason : null,
      });
    } else {
      this.o.record('creator.bulk', { action: action.kind, count: changed });
    }
    return { selected: ids.length, changed };
  }

  private applyBulk(ids: readonly number[], action: BulkAction, now: number): number {
    switch (action.kind) {
      case 'addTag':
        return this.tags.add(ids, this.tags.ensure(action.tag, now), now);
      case 'removeTag': {
        const tagId = this.tags.idOf(action.tag);
        return tagId === null ? 0 : this.tags.remove(ids, tagId);
      }
      case 'addToList':
        return this.lists.addMembers(action.listId, ids);
      case 'removeFromList':
        return this.lists.removeMembers(action.listId, ids);
      case 'setStage': {
        const blocked = this.blocklist.blockedAmong(ids);
        return ids.filter((id) => !blocked.has(id) && this.stages.move(id, action.stage, 'bulk', null, now))
          .length;
      }
      case 'block':
        return this.blocklist.add(ids, action.reason, now);
      case 'unblock':
        return this.blocklist.remove(ids, now);
    }
  }

  export(selection: CreatorSelection, includeContacts: boolean): ReturnType<typeof exportCreators> {
    if (includeContacts && !this.extensions.all().some((e) => e.exportColumns)) {
      throw new AppError('VALIDATION', creatorTexts.noContacts());
    }
    const result = exportCreators(
      this.db,
      this.extensions,
      this.selectionIds(selection),
      { includeContacts },
      this.now(),
    );
    this.o.record('creator.exported', { count: result.rows, contacts: includeContacts });
    return result;
  }

  setScoreRules(rules: ScoreRules): ScoreRules {
    this.rules.set(rules, this.now());
    this.o.record('creator.scoreRulesChanged', { rules: rules.rules.length });
    void this.worker.rescoreAll('rules');
    return rules;
  }

  /** Starts the background upkeep: index what is dirty (a migration marks everything) after start-up. */
  start(): void {
    void this.worker.kick('startup');
  }

  close(): Promise<void> {
    return this.worker.stop();
  }
}
