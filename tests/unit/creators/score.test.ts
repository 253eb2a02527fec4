import { describe, expect, it } from 'vitest';
import { defaultScoreRules, type ScoreRules, scoreRulesSchema } from '@shared/creator-score';
import {
  categoryLookup,
  computeScore,
  explainScore,
  type ScoreFeatures,
} from '../../../src-main/creators/score';
import { unknownCreator } from '../../helpers/score-features';

const base = unknownCreator;
const ctx = { shopRegions: ['US'] };
const rules = (r: ScoreRules['rules']): ScoreRules => scoreRulesSchema.parse({ version: 1, rules: r });

describe('eligibility score', () => {
  it('is 100 × earned weight ÷ weight of the rules that apply', () => {
    const r = rules([
      { kind: 'followers', weight: 30, min: 1_000, target: 100_000 },
      { kind: 'region', weight: 10, regions: [] },
      { kind: 'category', weight: 50, categories: [] }, // unconfigured: does not apply
    ]);
    expect(computeScore({ ...base, followers: 100_000, region: 'US' }, r, ctx)).toBe(100);
    expect(computeScore({ ...base, followers: 100_000, region: 'GB' }, r, ctx)).toBe(75);
    // Log scale: 10k is halfway between 1k and 100k.
    expect(computeScore({ ...base, followers: 10_000, region: 'GB' }, r, ctx)).toBe(38);
    expect(computeScore({ ...base, followers: 500, region: 'US' }, r, ctx)).toBe(25);
  });

  it('explains every point, and the breakdown adds up to the score', () => {
    const x: ScoreFeatures = {
      ...base,
      followers: 50_000,
      gmvMinor: 2_000_000,
      gmvCurrency: 'USD',
      engagementBp: 450,
      categories: ['Beauty'],
      region: 'US',
      invitations: 4,
      accepted: 3,
      unitsOrdered: 100,
      unitsRefunded: 10,
    };
    const b = explainScore(x, defaultScoreRules, ctx, null);
    expect(b.score).toBe(computeScore(x, defaultScoreRules, ctx));
    const total = b.items.reduce((n, i) => n + i.points, 0);
    expect(Math.abs(total - b.computed)).toBeLessThanOrEqual(1);
    const item = (k: string) => b.items.find((i) => i.kind === k)!;
    expect(item('gmv').status).toBe('met');
    expect(item('unitsSold').status).toBe('unknown');
    expect(item('acceptance')).toMatchObject({ status: 'partial', value: 7_500 });
    expect(item('onTimePosting').status).toBe('neutral');
    expect(item('refunds')).toMatchObject({ status: 'partial', value: 1_000 });
    expect(item('category')).toMatchObject({ status: 'unknown', maxPoints: 0 });
  });

  it('an override wins but the computed score stays visible', () => {
    const b = explainScore({ ...base, followers: 100_000 }, defaultScoreRules, ctx, 5);
    expect(b.score).toBe(5);
    expect(b.computed).toBeGreaterThan(5);
  });

  it('GMV in another currency than the rule is not compared', () => {
    const r = rules([{ kind: 'gmv', weight: 10, currency: 'USD', min: 0, target: 100 }]);
    expect(
      explainScore({ ...base, gmvMinor: 5_000, gmvCurrency: 'GBP' }, r, ctx, null).items[0]!.status,
    ).toBe('unknown');
  });

  it('rejects rules that cannot be scored', () => {
    expect(
      scoreRulesSchema.safeParse({ version: 1, rules: [{ kind: 'acceptance', weight: 0 }] }).success,
    ).toBe(false);
    expect(
      scoreRulesSchema.safeParse({
        version: 1,
        rules: [
          { kind: 'acceptance', weight: 5 },
          { kind: 'acceptance', weight: 6 },
        ],
      }).success,
    ).toBe(false);
  });

  it("matches categories with the merchant's products, by TikTok's id or by name, and names the match", () => {
    const r = rules([{ kind: 'category', weight: 10, categories: [] }]);
    const products = {
      shopRegions: ['US'],
      productCategories: categoryLookup([
        { id: '601152', name: 'Beauty & Personal Care' },
        { id: '601450', name: 'Home Supplies' },
      ]),
    };
    const item = (x: ScoreFeatures, c = products) => explainScore(x, r, c, null).items[0]!;
    // A marketplace creator carries category ids; an imported one names them, in any case.
    expect(item({ ...base, categories: ['601152'] })).toMatchObject({
      status: 'met',
      matched: ['Beauty & Personal Care'],
    });
    expect(item({ ...base, categories: ['home supplies', 'Toys'] })).toMatchObject({
      status: 'met',
      matched: ['Home Supplies'],
    });
    expect(item({ ...base, categories: ['Toys'] })).toMatchObject({ status: 'missed', matched: [] });
    expect(computeScore({ ...base, categories: ['Toys'] }, r, products)).toBe(0);
    // No product read yet: the rule does not apply rather than punish everyone.
    expect(
      item({ ...base, categories: ['601152'] }, { shopRegions: ['US'], productCategories: new Map() }),
    ).toMatchObject({
      status: 'unknown',
      maxPoints: 0,
    });
    // A list the merchant typed wins over their products.
    const typed = rules([{ kind: 'category', weight: 10, categories: ['Toys'] }]);
    expect(explainScore({ ...base, categories: ['toys'] }, typed, products, null).items[0]).toMatchObject({
      status: 'met',
      matched: ['Toys'],
    });
  });
});
