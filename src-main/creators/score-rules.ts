import type { Database } from 'better-sqlite3';
import {
  defaultScoreRules,
  type ScoreRules,
  scoreRulesSchema,
  type ScoreRulesUse,
} from '@shared/creator-score';
import type { Logger } from '../log/logger';
import { categoryLookup, type ScoreContext } from './score';
import { connectedShopRegions, merchantCategories } from './score-categories';

/**
 * The merchant's scoring rules (one row), and what the rules compare against: the connected shops' regions
 * and the categories of the merchant's products.
 */
export class ScoreRulesStore {
  private cached: ScoreRules | null = null;
  private cachedContext: ScoreContext | null = null;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
  ) {}

  get(): ScoreRules {
    if (this.cached) return this.cached;
    const raw = this.db.prepare('SELECT rules FROM creator_score_rules WHERE id = 1').pluck().get() as
      string | undefined;
    let rules = defaultScoreRules;
    if (raw !== undefined) {
      const parsed = scoreRulesSchema.safeParse(JSON.parse(raw));
      if (parsed.success) rules = parsed.data;
      // A row this build cannot read (written by a newer one): score with the defaults, keep the row.
      else
        this.logger.warn(
          { issues: parsed.error.issues.length },
          'stored score rules unreadable; using defaults',
        );
    }
    this.cached = rules;
    return rules;
  }

  set(rules: ScoreRules, now: number): void {
    this.db
      .prepare(
        `INSERT INTO creator_score_rules (id, rules, updated_at) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at`,
      )
      .run(JSON.stringify(rules), now);
    this.cached = rules;
  }

  /** What the category and region rules compare with when the merchant typed no list of their own. */
  used(): ScoreRulesUse {
    return { regions: connectedShopRegions(this.db), categories: merchantCategories(this.db) };
  }

  /**
   * Read once and kept (the indexer asks for it every batch): `forgetContext` after the products' categories
   * or the connected shops changed (`ProductCategories` does).
   */
  context(): ScoreContext {
    if (this.cachedContext) return this.cachedContext;
    const used = this.used();
    this.cachedContext = { shopRegions: used.regions, productCategories: categoryLookup(used.categories) };
    return this.cachedContext;
  }

  forgetContext(): void {
    this.cachedContext = null;
  }
}
