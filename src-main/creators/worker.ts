import type { Database } from 'better-sqlite3';
import type { ScoreProgress } from '@shared/creator-score';
import type { CreatorsChanged } from '@shared/creators';
import type { Logger } from '../log/logger';
import { IndexRebuild, stagingIndex } from './index-rebuild';
import type { CreatorIndexer } from './indexer';
import { computeScore } from './score';
import type { ScoreRulesStore } from './score-rules';
import {
  type ScoreFeatureRow,
  scoreFeatureSelect,
  scoreFeatureTables,
  scoreFeaturesOf,
} from './stats-columns';

/**
 * Background upkeep of the derived creator rows, on the main thread in short slices: each slice works for
 * at most `sliceMs` and then yields to the event loop (IPC, sync pages), so a 200k recompute never holds
 * the thread for long. Two jobs: re-indexing creators marked dirty (after a sync, an import, a merge) and
 * re-scoring every creator after the rules change.
 */

export interface WorkerEvents {
  scoreProgress(p: ScoreProgress): void;
  changed(c: CreatorsChanged): void;
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Re-index batches. Each is one transaction, and its commit writes every page of the creator table's many
 * sort indexes it touched into the WAL, so a few large batches cost far less than many small ones (20k
 * creators on a loaded machine: 15 s in batches of 100, 9 s of 500, 8 s of 2,000; in batches of ~10, five
 * minutes). A batch holds the write lock and the app's thread while it runs, so it aims at `indexSliceMs`:
 * a sync worker's write waits at most about that long.
 */
const minIndexBatch = 250;
const maxIndexBatch = 5_000;

/** The next batch size: the last one scaled by how far its time was from `aimMs`. */
const nextBatch = (batch: number, tookMs: number, aimMs: number): number =>
  Math.max(minIndexBatch, Math.min(maxIndexBatch, Math.round(batch * (aimMs / Math.max(tookMs, 0.5)))));

export class CreatorsWorker {
  private draining: Promise<void> | null = null;
  private rescoring: Promise<void> | null = null;
  /** Bumped by every rules change: a pass started under older rules starts over. */
  private generation = 0;
  private progress = { running: false, done: 0, total: 0 };
  /** Set for good by `stop` (shutdown), or for a while by `pause` (a wipe or a restore of the database). */
  private stopped = false;
  private closed = false;
  /** A re-score asked for, or cut short, while paused: run on `resume` (dirty creators wait in their table). */
  private deferredRescore: ScoreProgress['reason'] | null = null;
  private readonly rebuild: IndexRebuild;

  constructor(
    private readonly deps: {
      db: Database;
      indexer: CreatorIndexer;
      rules: ScoreRulesStore;
      events: WorkerEvents;
      logger: Logger;
      now: () => number;
      sliceMs?: number;
      /** How long one re-index batch (one transaction, holding the write lock) aims to take. */
      indexSliceMs?: number;
      progressEveryMs?: number;
      /** How many dirty Creators start a full rebuild (index-rebuild.ts `defaultFullRebuildFrom`). */
      fullRebuildFrom?: number;
    },
  ) {
    this.rebuild = new IndexRebuild(deps.db, deps.fullRebuildFrom);
  }

  private get sliceMs(): number {
    return this.deps.sliceMs ?? 12;
  }

  private get indexSliceMs(): number {
    return this.deps.indexSliceMs ?? 50;
  }

  status(): { running: boolean; done: number; total: number } {
    return { ...this.progress };
  }

  /** Re-index dirty creators soon (coalesces: one drain at a time picks up whatever is dirty). */
  kick(reason: ScoreProgress['reason']): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.draining) return this.draining;
    this.draining = this.drain(reason)
      .catch((err: unknown) => this.deps.logger.error({ err }, 'creator re-index failed'))
      .finally(() => {
        this.draining = null;
      });
    return this.draining;
  }

  private async drain(reason: ScoreProgress['reason']): Promise<void> {
    const { indexer, events, now } = this.deps;
    this.rebuild.recover();
    let total = indexer.pending();
    if (total === 0) return;
    if (this.rebuild.worthIt(total)) {
      const built = await this.rebuildAll(reason);
      if (built === null) {
        events.scoreProgress({ state: 'cancelled', done: 0, total, reason });
        return;
      }
      // What changed while it ran is still marked: updated in place below.
      total = indexer.pending();
      if (total === 0) {
        events.scoreProgress({ state: 'done', done: built, total: built, reason });
        return;
      }
    }
    let done = 0;
    let batch = minIndexBatch;
    let lastEmit = 0;
    const changed = new Set<number>();
    events.scoreProgress({ state: 'running', done, total, reason });
    while (!this.stopped) {
      const started = performance.now();
      const taken = indexer.drain(batch, now());
      if (taken.taken === 0) break;
      taken.creators.forEach((id) => changed.add(id));
      done += taken.taken;
      total = Math.max(total, done);
      // Aim each batch at indexSliceMs whatever the machine: grow or shrink it by what the last one took.
      batch = nextBatch(batch, performance.now() - started, this.indexSliceMs);
      if (performance.now() - lastEmit > (this.deps.progressEveryMs ?? 250)) {
        lastEmit = performance.now();
        // Counting what is left reads the whole dirty table: only as often as progress is shown.
        total = Math.max(total, done + indexer.pending());
        events.scoreProgress({ state: 'running', done, total, reason });
        events.changed({ ids: changed.size <= 500 ? [...changed] : null, reason: 'sync' });
        changed.clear();
      }
      await yieldToLoop();
    }
    events.scoreProgress({ state: this.stopped ? 'cancelled' : 'done', done, total, reason });
    if (changed.size > 0) events.changed({ ids: changed.size <= 500 ? [...changed] : null, reason: 'sync' });
  }

  /**
   * Builds every Creator's rows anew into staging tables, in batches that yield like the drain's, then swaps
   * them in (index-rebuild.ts). Returns how many Creators it built, or null when stopped first: the old index
   * keeps serving, and the next drain finds the staging tables and starts over.
   */
  private async rebuildAll(reason: ScoreProgress['reason']): Promise<number | null> {
    const { db, indexer, events, now } = this.deps;
    const total = db.prepare('SELECT COUNT(*) FROM creators WHERE canonical_id = id').pluck().get() as number;
    const generation = this.generation;
    this.rebuild.begin();
    indexer.startBuild(stagingIndex);
    let done = 0;
    try {
      let after = 0;
      let batch = minIndexBatch;
      let lastEmit = performance.now();
      events.scoreProgress({ state: 'running', done, total, reason });
      while (!this.stopped) {
        const started = performance.now();
        const ids = this.rebuild.next(after, batch);
        if (ids.length === 0) break;
        indexer.build(ids, now());
        after = ids.at(-1)!;
        done += ids.length;
        batch = nextBatch(batch, performance.now() - started, this.indexSliceMs);
        if (performance.now() - lastEmit > (this.deps.progressEveryMs ?? 250)) {
          lastEmit = performance.now();
          events.scoreProgress({ state: 'running', done, total: Math.max(total, done), reason });
        }
        await yieldToLoop();
      }
      // Each index on its own, yielding between two: the longest the thread is held is one index's build.
      for (const step of this.rebuild.indexSteps()) {
        if (this.stopped) return null;
        db.exec(step);
        await yieldToLoop();
      }
      if (this.stopped) return null;
      this.rebuild.swap();
    } finally {
      indexer.endBuild();
    }
    events.changed({ ids: null, reason: 'sync' });
    // Rows built before a rules change carry the older scores: score them all again.
    if (generation !== this.generation) void this.rescoreAll('rules');
    return done;
  }

  /** Re-scores every creator with the current rules; a later call restarts the pass with newer rules. */
  rescoreAll(reason: ScoreProgress['reason']): Promise<void> {
    if (this.stopped) {
      if (!this.closed) this.deferredRescore ??= reason;
      return Promise.resolve();
    }
    this.generation++;
    if (this.rescoring) return this.rescoring;
    this.rescoring = this.rescore(reason)
      .catch((err: unknown) => this.deps.logger.error({ err }, 'creator re-score failed'))
      .finally(() => {
        this.rescoring = null;
        this.progress.running = false;
      });
    return this.rescoring;
  }

  private async rescore(reason: ScoreProgress['reason']): Promise<void> {
    const { db, events } = this.deps;
    const select = db.prepare<[number, number], ScoreFeatureRow & { creator_id: number }>(`
      SELECT i.creator_id, ${scoreFeatureSelect} FROM ${scoreFeatureTables}
      WHERE i.creator_id > ? ORDER BY i.creator_id LIMIT ?`);
    const update = db.prepare('UPDATE creator_index SET score = ? WHERE creator_id = ? AND score IS NOT ?');
    let generation = -1;
    let after = 0;
    let lastEmit = 0;
    const chunk = 500;
    while (!this.stopped) {
      if (generation !== this.generation) {
        generation = this.generation;
        after = 0;
        this.progress = {
          running: true,
          done: 0,
          total: db.prepare('SELECT COUNT(*) FROM creator_index').pluck().get() as number,
        };
        events.scoreProgress({ state: 'running', done: 0, total: this.progress.total, reason });
      }
      const rules = this.deps.rules.get();
      const ctx = this.deps.rules.context();
      const started = performance.now();
      let last = after;
      // One slice: as many chunks as fit in sliceMs, each its own short transaction.
      do {
        const rows = select.all(last, chunk);
        if (rows.length === 0) {
          last = Number.MAX_SAFE_INTEGER;
          break;
        }
        db.transaction(() => {
          for (const r of rows) {
            const score = r.score_override ?? computeScore(scoreFeaturesOf(r), rules, ctx);
            update.run(score, r.creator_id, score);
          }
        })();
        last = rows.at(-1)!.creator_id;
        this.progress.done += rows.length;
        if (rows.length < chunk) {
          last = Number.MAX_SAFE_INTEGER;
          break;
        }
      } while (performance.now() - started < this.sliceMs);
      after = last;
      const finished = after === Number.MAX_SAFE_INTEGER;
      if (finished && generation === this.generation) break;
      if (performance.now() - lastEmit > (this.deps.progressEveryMs ?? 250)) {
        lastEmit = performance.now();
        events.scoreProgress({ state: 'running', ...this.counts(), reason });
      }
      await yieldToLoop();
    }
    events.scoreProgress({ state: this.stopped ? 'cancelled' : 'done', ...this.counts(), reason });
    if (!this.stopped) events.changed({ ids: null, reason: 'score' });
    else if (!this.closed) this.deferredRescore ??= reason;
  }

  private counts(): { done: number; total: number } {
    return { done: Math.min(this.progress.done, this.progress.total), total: this.progress.total };
  }

  /** Resolves when nothing is queued or running (tests, benches, shutdown). */
  async idle(): Promise<void> {
    while (this.draining || this.rescoring) await Promise.all([this.draining, this.rescoring]);
  }

  /** For good (shutdown): nothing runs after this. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.closed = true;
    await this.idle();
  }

  /**
   * Stops between two slices and waits until nothing runs, while something else rewrites the tables under
   * the derived rows ("delete all my data", a restore). Whatever is asked for meanwhile waits for `resume`.
   */
  async pause(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  /** After `pause`: re-index whatever is dirty now, and re-score if a rules change came in meanwhile. */
  resume(reason: ScoreProgress['reason']): void {
    if (this.closed || !this.stopped) return;
    this.stopped = false;
    const rescore = this.deferredRescore;
    this.deferredRescore = null;
    void this.kick(reason);
    if (rescore) void this.rescoreAll(rescore);
  }
}
