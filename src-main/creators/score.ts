import type { ScoreBreakdown, ScoreItem, ScoreRule, ScoreRules } from '@shared/creator-score';

/**
 * The eligibility score as a pure function of one creator's figures and the merchant's rules, so the table's
 * number and the "why this score" breakdown can never disagree.
 *
 * Each rule earns a fraction of its weight; the score is 100 × earned ÷ the weight of the rules that apply.
 * The category and region rules compare with the merchant's own products' categories and connected shops'
 * regions unless the merchant typed a list; with neither (no product read yet, no shop) they do not apply.
 * A figure the creator lacks earns nothing ("unknown"); no history with this merchant yet earns half
 * ("neutral"), so newcomers are neither rewarded nor punished for it.
 */

export interface ScoreFeatures {
  followers: number | null;
  gmvMinor: number | null;
  gmvCurrency: string | null;
  unitsSold: number | null;
  avgVideoViews: number | null;
  engagementBp: number | null;
  categories: readonly string[];
  region: string | null;
  invitations: number;
  accepted: number;
  samplesDue: number | null;
  samplesPostedOnTime: number | null;
  unitsOrdered: number;
  unitsRefunded: number;
}

export interface ScoreContext {
  /** Regions of the connected shops: the region rule's default. */
  shopRegions: readonly string[];
  /**
   * The categories of the merchant's products (`score-categories.ts`), the category rule's default: each
   * category's id and name, lower-cased, to the name the breakdown shows. Creators carry either (TikTok's
   * marketplace gives ids, an import names).
   */
  productCategories?: ReadonlyMap<string, string>;
}

/** The context's category lookup from the merchant's categories (id and name of every level). */
export function categoryLookup(categories: ReadonlyArray<{ id: string; name: string }>): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const c of categories) {
    lookup.set(c.id.toLowerCase(), c.name);
    if (c.name) lookup.set(c.name.toLowerCase(), c.name);
  }
  return lookup;
}

const noCategories: ReadonlyMap<string, string> = new Map();

type Outcome = Pick<ScoreItem, 'status' | 'value' | 'matched'> & { fraction: number; applies: boolean };

/** 0 below min, 1 from target, between them on a log scale (followers and views span decades). */
function logRamp(value: number, min: number, target: number): number {
  if (value <= min) return 0;
  if (value >= target) return 1;
  const lo = Math.log(Math.max(min, 1));
  const hi = Math.log(target);
  return hi > lo ? Math.min(1, Math.max(0, (Math.log(value) - lo) / (hi - lo))) : 1;
}

function linearRamp(value: number, min: number, target: number): number {
  if (value <= min) return 0;
  if (value >= target) return 1;
  return (value - min) / (target - min);
}

function ramp(value: number | null, fraction: (v: number) => number): Outcome {
  if (value === null) return { status: 'unknown', value: null, matched: [], fraction: 0, applies: true };
  const f = fraction(value);
  return { status: statusOf(f), value, matched: [], fraction: f, applies: true };
}

function statusOf(f: number): ScoreItem['status'] {
  return f >= 1 ? 'met' : f <= 0 ? 'missed' : 'partial';
}

/** A rate from this merchant's history; no history is neutral. */
function history(numerator: number | null, denominator: number | null): Outcome {
  if (numerator === null || denominator === null || denominator <= 0) {
    return { status: 'neutral', value: null, matched: [], fraction: 0.5, applies: true };
  }
  const f = Math.min(1, Math.max(0, numerator / denominator));
  return { status: statusOf(f), value: Math.round(f * 10_000), matched: [], fraction: f, applies: true };
}

function evaluate(rule: ScoreRule, x: ScoreFeatures, ctx: ScoreContext): Outcome {
  switch (rule.kind) {
    case 'followers':
      return ramp(x.followers, (v) => logRamp(v, rule.min, rule.target));
    case 'gmv':
      // No exchange rates: GMV in another currency than the rule's is not comparable.
      return ramp(x.gmvCurrency === rule.currency ? x.gmvMinor : null, (v) =>
        logRamp(v, rule.min, rule.target),
      );
    case 'unitsSold':
      return ramp(x.unitsSold, (v) => logRamp(v, rule.min, rule.target));
    case 'videoViews':
      return ramp(x.avgVideoViews, (v) => logRamp(v, rule.min, rule.target));
    case 'engagement':
      return ramp(x.engagementBp, (v) => linearRamp(v, rule.min, rule.target));
    case 'category': {
      // The merchant's own list when they typed one, else what their products are.
      const wanted = rule.categories.length
        ? categoryLookup(rule.categories.map((c) => ({ id: c, name: c })))
        : (ctx.productCategories ?? noCategories);
      if (wanted.size === 0)
        return { status: 'unknown', value: null, matched: [], fraction: 0, applies: false };
      if (x.categories.length === 0)
        return { status: 'unknown', value: null, matched: [], fraction: 0, applies: true };
      const matched = [...new Set(x.categories.flatMap((c) => wanted.get(c.toLowerCase()) ?? []))];
      return {
        status: matched.length ? 'met' : 'missed',
        value: null,
        matched,
        fraction: matched.length ? 1 : 0,
        applies: true,
      };
    }
    case 'region': {
      const regions = rule.regions.length ? rule.regions : ctx.shopRegions;
      if (regions.length === 0)
        return { status: 'unknown', value: null, matched: [], fraction: 0, applies: false };
      if (x.region === null)
        return { status: 'unknown', value: null, matched: [], fraction: 0, applies: true };
      const hit = regions.some((r) => r.toUpperCase() === x.region!.toUpperCase());
      return {
        status: hit ? 'met' : 'missed',
        value: null,
        matched: hit ? [x.region] : [],
        fraction: hit ? 1 : 0,
        applies: true,
      };
    }
    case 'acceptance':
      return history(x.invitations > 0 ? x.accepted : null, x.invitations);
    case 'onTimePosting':
      return history(x.samplesPostedOnTime, x.samplesDue);
    case 'refunds': {
      if (x.unitsOrdered <= 0)
        return { status: 'neutral', value: null, matched: [], fraction: 0.5, applies: true };
      const rateBp = Math.round((x.unitsRefunded / x.unitsOrdered) * 10_000);
      const f = Math.max(0, 1 - rateBp / rule.maxRateBp);
      return { status: statusOf(f), value: rateBp, matched: [], fraction: f, applies: true };
    }
  }
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The full breakdown; `score` is what the table shows (the override when set). */
export function explainScore(
  x: ScoreFeatures,
  rules: ScoreRules,
  ctx: ScoreContext,
  override: number | null,
): ScoreBreakdown {
  const outcomes = rules.rules.map((rule) => ({ rule, o: evaluate(rule, x, ctx) }));
  const total = outcomes.reduce((n, { rule, o }) => n + (o.applies ? rule.weight : 0), 0);
  let earned = 0;
  const items: ScoreItem[] = outcomes.map(({ rule, o }) => {
    const weight = o.applies ? rule.weight : 0;
    earned += weight * o.fraction;
    const scale = total > 0 ? 100 / total : 0;
    return {
      kind: rule.kind,
      weight: rule.weight,
      maxPoints: round1(weight * scale),
      points: round1(weight * o.fraction * scale),
      status: o.status,
      value: o.value,
      matched: o.matched,
    };
  });
  const computed = total > 0 ? Math.round((100 * earned) / total) : 0;
  return { score: override ?? computed, computed, override, items };
}

/** Just the number, for recomputing 200k creators. */
export function computeScore(x: ScoreFeatures, rules: ScoreRules, ctx: ScoreContext): number {
  let total = 0;
  let earned = 0;
  for (const rule of rules.rules) {
    const o = evaluate(rule, x, ctx);
    if (!o.applies) continue;
    total += rule.weight;
    earned += rule.weight * o.fraction;
  }
  return total > 0 ? Math.round((100 * earned) / total) : 0;
}
