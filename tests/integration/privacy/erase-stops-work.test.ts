import { afterEach, expect, it } from 'vitest';
import { fromMinorUnits } from '../../../src-main/core/money';
import { type AccountsTestApp, connectThrough, makeAccountsApp, sandboxAdmin } from '../../helpers/accounts';
import { until } from '../../helpers/until';

/**
 * "Delete all my data" (and a restore) stop every piece of background work that writes — the sync, the
 * outreach queue, the catalogue write queue, the creators index and score worker — and wait for what each has
 * in flight to settle before the wipe. Otherwise a TikTok answer arriving after the wipe is written against
 * rows that are gone (foreign keys refuse it, so it ends as an error in the log), the sync could start again
 * mid-erase, and the merchant is told everything stopped while requests are still going out in their name.
 */

let t: AccountsTestApp | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const LATENCY_MS = 2_000;

/** Every table but FTS5 search indexes and their shadow tables, with its row count when it has rows. */
function nonEmptyTables(t: AccountsTestApp): Record<string, number> {
  const all = t.app.db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all() as Array<{ name: string; sql: string }>;
  const virtual = all.filter((x) => x.sql.startsWith('CREATE VIRTUAL TABLE')).map((x) => x.name);
  return Object.fromEntries(
    all
      .map((x) => x.name)
      .filter((name) => !virtual.includes(name) && !virtual.some((v) => name.startsWith(`${v}_`)))
      .map((name) => [name, t.app.db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number])
      .filter(([, n]) => n !== 0),
  );
}

it('erase waits for the price change and the outreach message in flight; nothing lands after the wipe', async () => {
  t = await makeAccountsApp();
  const app = t.app;
  await connectThrough(t, 'shop');
  await t.invoke('sync:run', {});
  await app.sync.whenIdle();

  // A price change whose request TikTok answers slowly.
  const sku = app.db
    .prepare(
      `SELECT s.sku_id, s.product_id, s.price_minor, s.currency FROM product_skus s
         JOIN products p ON p.product_id = s.product_id
        WHERE p.status = 'ACTIVATE' AND s.price_minor IS NOT NULL ORDER BY s.sku_id LIMIT 1`,
    )
    .get() as { sku_id: string; product_id: string; price_minor: number; currency: string };
  await sandboxAdmin(t.sandbox, 'POST', '/products', { productId: sku.product_id, inPromotion: false });
  // Every Shop API request from here on is answered slowly.
  await sandboxAdmin(t.sandbox, 'POST', '/faults', { latencyMs: LATENCY_MS, families: ['shop-api'] });
  await t.invoke('products:updatePrices', {
    items: [{ skuId: sku.sku_id, price: fromMinorUnits(sku.price_minor + 100, sku.currency) }],
  });

  // An outreach message to synced creators of the shop.
  const shop = app.db.prepare('SELECT shop_id, account_id, region FROM shops LIMIT 1').get() as {
    shop_id: string;
    account_id: string;
    region: string;
  };
  const creatorIds = app.db
    .prepare(
      'SELECT id FROM creators WHERE open_id IS NOT NULL AND (region = ? OR region IS NULL) ORDER BY id LIMIT 3',
    )
    .pluck()
    .all(shop.region) as number[];
  expect(creatorIds.length).toBeGreaterThan(0);
  const template = await t.invoke<{ id: number }>('templates:save', {
    name: 'Hello',
    kind: 'message',
    language: 'en',
    body: 'Hi {{creator_name}}',
  });
  const { outreach } = await t.invoke<{ outreach: { id: number } }>('outreach:create', {
    accountId: shop.account_id,
    shopId: shop.shop_id,
    name: 'Before the erase',
    action: 'message',
    creatorIds,
    messageTemplateId: template.id,
    values: {},
    ratePerMinute: 3_000,
    weeklyPool: null,
  });
  await t.invoke('outreach:start', { id: outreach.id });
  const inFlight = (table: string) =>
    app.db.prepare(`SELECT count(*) FROM ${table} WHERE state = 'sending'`).pluck().get() as number;
  await until(() => inFlight('catalogue_writes') === 1 && inFlight('deliveries') >= 1, 15_000);

  const erased = t.invoke('privacy:eraseAll', { confirmation: 'DELETE' });
  // While the erase waits for the price write (its answer takes LATENCY_MS), nothing can start a sync.
  await new Promise((r) => setTimeout(r, 200));
  await expect(t.invoke('sync:run', {})).rejects.toMatchObject({ shape: { code: 'CONFLICT' } });
  await erased;
  const changes = app.db.prepare('SELECT total_changes()').pluck().get() as number;
  const dataVersion = app.db.pragma('data_version', { simple: true }) as number;

  // The price write reached TikTok (the queue let it land before the wipe)…
  const writes = await sandboxAdmin<{ entries: Array<{ kind: string }> }>(t.sandbox, 'GET', '/writes');
  expect(writes.entries.map((w) => w.kind)).toEqual(
    expect.arrayContaining(['product.price', 'affiliate.message']),
  );
  // …and nothing was written after the wipe, by this connection or the sync worker's.
  await new Promise((r) => setTimeout(r, 1_000));
  const { schema_migrations: _ledger, ...left } = nonEmptyTables(t);
  expect(left).toEqual({ vault_keys: 1 });
  expect(app.db.prepare('SELECT total_changes()').pluck().get()).toBe(changes);
  expect(app.db.pragma('data_version', { simple: true })).toBe(dataVersion);

  // The work started again: a new shop syncs, and the catalogue queue sends again.
  await sandboxAdmin(t.sandbox, 'DELETE', '/faults');
  await connectThrough(t, 'shop');
  await t.invoke('sync:run', {});
  await app.sync.whenIdle();
  expect(app.db.prepare('SELECT count(*) FROM products').pluck().get()).toBeGreaterThan(0);
}, 60_000);
