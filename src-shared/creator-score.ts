import { z } from 'zod';

/**
 * The eligibility score: 0–100 from weighted rules the merchant edits. Each rule earns a share of its weight;
 * the score is the earned total over the total weight. The same rules explain every score ("why this score").
 */

const weight = z.number().int().min(0).max(100);
const amount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Nothing below `min`, the full weight from `target` up; between them on a log scale (counts span decades). */
const rampRule = <K extends string>(kind: K) =>
  z
    .object({ kind: z.literal(kind), weight, min: amount, target: amount })
    .strict()
    .refine((r) => r.target > r.min, 'target must be above min');

export const scoreRuleSchema = z.union([
  rampRule('followers'),
  z
    .object({
      kind: z.literal('gmv'),
      weight,
      currency: z.string().regex(/^[A-Z]{3}$/),
      min: amount,
      target: amount,
    })
    .strict()
    .refine((r) => r.target > r.min, 'target must be above min'),
  rampRule('unitsSold'),
  rampRule('videoViews'),
  /** Engagement rate in hundredths of a percent; linear between min and target. */
  rampRule('engagement'),
  /** Full weight when one of the creator's categories is one the merchant sells; empty = their products'. */
  z
    .object({ kind: z.literal('category'), weight, categories: z.array(z.string().min(1).max(100)).max(100) })
    .strict(),
  /** Full weight in one of these regions; empty = the regions of the connected shops. */
  z
    .object({ kind: z.literal('region'), weight, regions: z.array(z.string().min(2).max(8)).max(50) })
    .strict(),
  /** This merchant's history: share of invitations the creator accepted. */
  z.object({ kind: z.literal('acceptance'), weight }).strict(),
  /** Share of free samples the creator posted content for in time. */
  z.object({ kind: z.literal('onTimePosting'), weight }).strict(),
  /** Full weight with no refunds, nothing at `maxRateBp` (hundredths of a percent of units) or more. */
  z.object({ kind: z.literal('refunds'), weight, maxRateBp: z.number().int().min(1).max(10_000) }).strict(),
]);
export type ScoreRule = z.infer<typeof scoreRuleSchema>;
export type ScoreRuleKind = ScoreRule['kind'];

export const scoreRulesSchema = z
  .object({ version: z.literal(1), rules: z.array(scoreRuleSchema).min(1).max(20) })
  .strict()
  .refine((v) => new Set(v.rules.map((r) => r.kind)).size === v.rules.length, 'each rule kind at most once')
  .refine((v) => v.rules.some((r) => r.weight > 0), 'at least one rule needs a weight above 0');
export type ScoreRules = z.infer<typeof scoreRulesSchema>;

export const defaultScoreRules: ScoreRules = {
  version: 1,
  rules: [
    { kind: 'followers', weight: 20, min: 1_000, target: 100_000 },
    { kind: 'gmv', weight: 20, currency: 'USD', min: 10_000, target: 1_000_000 },
    { kind: 'unitsSold', weight: 10, min: 10, target: 1_000 },
    { kind: 'videoViews', weight: 10, min: 500, target: 50_000 },
    { kind: 'engagement', weight: 10, min: 100, target: 800 },
    { kind: 'category', weight: 5, categories: [] },
    { kind: 'region', weight: 5, regions: [] },
    { kind: 'acceptance', weight: 10 },
    { kind: 'onTimePosting', weight: 5 },
    { kind: 'refunds', weight: 5, maxRateBp: 2_000 },
  ],
};

/**
 * One rule's part of a score. `status`: met (full weight), partial, missed (nothing), unknown (no figure
 * for the creator: nothing earned), neutral (no history with this merchant yet: half the weight).
 */
export const scoreItemSchema = z.object({
  kind: z.enum([
    'followers',
    'gmv',
    'unitsSold',
    'videoViews',
    'engagement',
    'category',
    'region',
    'acceptance',
    'onTimePosting',
    'refunds',
  ]),
  weight: z.number().int(),
  /** Share of the 100 points this rule can give, and what it gave (one decimal). */
  maxPoints: z.number(),
  points: z.number(),
  status: z.enum(['met', 'partial', 'missed', 'unknown', 'neutral']),
  /** The creator's figure the rule looked at (count, minor units, basis points, or a rate in basis points). */
  value: z.number().nullable(),
  /** Text values the rule compared (categories, regions). */
  matched: z.array(z.string()),
});
export type ScoreItem = z.infer<typeof scoreItemSchema>;

export const scoreBreakdownSchema = z.object({
  /** What the table shows: the override when set, else computed. */
  score: z.number().int(),
  computed: z.number().int(),
  override: z.number().int().nullable(),
  items: z.array(scoreItemSchema),
});
export type ScoreBreakdown = z.infer<typeof scoreBreakdownSchema>;

export const scoreProgressSchema = z.object({
  state: z.enum(['running', 'done', 'cancelled']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Why it runs: rules edited, a sync brought new figures, or start-up catch-up. */
  reason: z.enum(['rules', 'sync', 'startup', 'manual']),
});
export type ScoreProgress = z.infer<typeof scoreProgressSchema>;

/** What the category and region rules use when the merchant typed no list: their products and shops. */
export const scoreRulesUseSchema = z.object({
  regions: z.array(z.string()),
  categories: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ScoreRulesUse = z.infer<typeof scoreRulesUseSchema>;

export const scoreStatusSchema = z.object({
  running: z.boolean(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
