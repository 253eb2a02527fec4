import type { Database } from 'better-sqlite3';
import { defaultScoreRules, type ScoreRules, scoreRulesSchema } from '@shared/creator-score';
import type { Logger } from '../log/logger';
import type { ScoreContext } from './score';

/** The merchant's scoring rules (one row), and what the rules compare against (the shops' regions). */
export class ScoreRulesStore {
  private cached: ScoreRules | null = null;

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

  context(): ScoreContext {
    return {
      shopRegions: this.db
        .prepare('SELECT DISTINCT region FROM shops ORDER BY region')
        .pluck()
        .all() as string[],
    };
  }
}
