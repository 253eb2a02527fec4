import { afterAll, beforeAll, expect, it } from 'vitest';
import { ProductCategories } from '../../../src-main/creators/score-categories';
import { explainScore, type ScoreFeatures } from '../../../src-main/creators/score';
import { ScoreRulesStore } from '../../../src-main/creators/score-rules';
import { ShopApi } from '../../../src-main/creators/shop-api';
import { silentLogger } from '../../../src-main/log/logger';
import { creatorCategories } from '../../../src-main/sandbox/data/names';
import { defaultScoreRules } from '@shared/creator-score';
import { sandboxCalls } from '../../helpers/catalogue-world';
import { unknownCreator } from '../../helpers/score-features';
import { admin, connectShop, startWorld, type SyncWorld } from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor } from '../../helpers/sync-service';

/**
 * Issue 12 item 4 on a synced sandbox shop (real HTTP, signing and OAuth): the score's category and region
 * rules compare creators with the categories of the merchant's own products, read with Get Product, and the
 * regions of their connected shops — not a fixed list — and the breakdown names what matched.
 */

let world: SyncWorld;
let categories: ProductCategories;
let rules: ScoreRulesStore;
const productReads = async () => (await sandboxCalls(world, '/product/202309/products/')).length;
const liveProducts = () =>
  world.db.prepare("SELECT count(*) FROM products WHERE status <> 'DELETED'").pluck().get() as number;

beforeAll(async () => {
  world = await startWorld();
  await connectShop(world);
  await syncAndWait(syncServiceFor(world), { resources: ['products'] });
  const logger = silentLogger();
  rules = new ScoreRulesStore(world.db, logger);
  categories = new ProductCategories({
    db: world.db,
    api: new ShopApi(world.db, world.tokens, world.profile, logger, Date.now),
    rules,
    logger,
    now: Date.now,
  });
}, 90_000);
afterAll(async () => {
  await categories.close();
  await world.close();
});

const creator = (over: Partial<ScoreFeatures>): ScoreFeatures => ({ ...unknownCreator, ...over });

const item = (x: ScoreFeatures, kind: 'category' | 'region') =>
  explainScore(x, defaultScoreRules, rules.context(), null).items.find((i) => i.kind === kind)!;

it("reads each synced product's category once, and scores creators against what the merchant sells", async () => {
  const shopRegions = world.db.prepare('SELECT DISTINCT region FROM shops ORDER BY region').pluck().all();
  expect(shopRegions.length).toBeGreaterThan(0);
  // Before any product is read, the category rule cannot apply; the region rule already uses the shops.
  expect(rules.used()).toEqual({ regions: shopRegions, categories: [] });
  expect(item(creator({ categories: ['601152'] }), 'category')).toMatchObject({
    status: 'unknown',
    maxPoints: 0,
  });

  const before = await productReads();
  expect(await categories.refresh()).toBe(true);
  expect((await productReads()) - before).toBe(liveProducts());

  // Exactly the categories the sandbox gave the shop's products (TikTok's ids with their names).
  const used = rules.used().categories;
  expect(used.length).toBeGreaterThan(0);
  for (const c of used) expect(creatorCategories).toContainEqual(c);
  const chains = world.db.prepare('SELECT DISTINCT chain FROM product_categories').pluck().all() as string[];
  expect(
    new Set(chains.flatMap((c) => (JSON.parse(c) as Array<{ name: string }>).map((x) => x.name))),
  ).toEqual(new Set(used.map((c) => c.name)));

  // A marketplace creator with one of those category ids meets the rule and the breakdown names it; one
  // selling something else misses it; the same for the shop's region.
  const sold = used[0]!;
  const notSold = creatorCategories.find((c) => !used.some((u) => u.id === c.id));
  expect(item(creator({ categories: [sold.id] }), 'category')).toMatchObject({
    status: 'met',
    matched: [sold.name],
  });
  if (notSold) expect(item(creator({ categories: [notSold.id] }), 'category').status).toBe('missed');
  const region = shopRegions[0] as string;
  expect(item(creator({ region }), 'region')).toMatchObject({ status: 'met', matched: [region] });
  expect(item(creator({ region: 'ZZ' }), 'region')).toMatchObject({ status: 'missed', matched: [] });
});

it('reads again only a product edited since, and nothing when nothing changed', async () => {
  const before = await productReads();
  expect(await categories.refresh()).toBe(false);
  expect(await productReads()).toBe(before);

  const productId = world.db
    .prepare("SELECT product_id FROM products WHERE status <> 'DELETED' ORDER BY product_id LIMIT 1")
    .pluck()
    .get() as string;
  await admin(world.info, 'POST', '/products', { productId, title: 'Renamed lip balm' });
  await syncAndWait(syncServiceFor(world), { resources: ['products'] });
  await categories.refresh();
  expect(await productReads()).toBe(before + 1);
  expect((await sandboxCalls(world, `/products/${productId}`)).length).toBeGreaterThan(0);
});

it('forgets the categories and regions of a disconnected shop', async () => {
  world.db.prepare('UPDATE accounts SET disconnected_at = ?').run(Date.now());
  expect(await categories.refresh()).toBe(true);
  expect(rules.used()).toEqual({ regions: [], categories: [] });
  expect(item(creator({ categories: ['601152'], region: 'US' }), 'region')).toMatchObject({ maxPoints: 0 });
});
