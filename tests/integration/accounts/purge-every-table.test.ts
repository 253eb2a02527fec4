import type { Database } from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { type AccountsTestApp, connectThrough, makeAccountsApp } from '../../helpers/accounts';
import { testVaultEnv } from '../../helpers/app';

/**
 * Tables that hold an `account_id` but keep their rows when the Account's data is purged, each with why.
 * Anything else with an `account_id` must be empty for the Account afterwards.
 */
const keptAfterPurge: Record<string, string> = {
  accounts: 'deleted, or kept nameless while finance records need it (checked below)',
  sync_runs:
    'sync history: counts, durations and outcomes; kept while the anonymised Account is, errors cleared',
  finance_statements:
    'finance and payment records: kept for the finance retention period (5 years) from their date',
  finance_days: 'the daily rollup of those finance records, kept with them',
};

/** Tables with neither an `account_id` nor a foreign key, and why they hold no Account's data. */
const notAccountData: Record<string, string> = {
  activity_log: "the merchant's own audit trail (what was connected, disconnected, synced); kept by design",
  secrets: "sealed values keyed by owner id; an Account's tokens are checked by the disconnect tests",
  vault_keys: 'the wrapped data keys of the vault',
  creators:
    'creators are shared across Accounts; one no sighting refers to any more is deleted with the purge',
  currency_rates: 'exchange rates the merchant typed for reporting; they belong to no Account',
  analytics_view:
    "the dashboard's saved filter (period, currency, chosen shops); ids of a purged shop are ignored on read",
  // The creator CRM (docs/creators.md): the merchant's own organisation of creators, shared by every shop.
  tags: "the merchant's own tags for creators, shared by every shop; kept by design",
  creator_lists:
    "the merchant's own lists and saved searches of creators, shared by every shop; kept by design",
  creator_score_rules: "the merchant's weights for the eligibility score; no Account's data",
  creator_dirty: 'creator ids waiting to be re-indexed: derived work, no data of its own',
  creator_fts: 'FTS5 search index over creator_index: derived from creators, rebuilt from them',
  order_search: "the orders' search index: triggers drop a row with its order (checked below)",
  product_search: "the products' search index: triggers drop a row with its product (checked below)",
  order_views: "the merchant's saved Orders filters (names and filter values), no TikTok data",
  schema_migrations: 'which database migrations ran, and when',
  message_image_files:
    "pictures of message templates: the merchant's own, like templates shared by every shop; kept by design",
  marketplace_saved_searches:
    "the merchant's saved Creator Marketplace filters, like lists; one whose shop is gone fails its daily refresh",
};

interface Table {
  name: string;
  columns: string[];
  parents: Array<{ table: string; from: string; to: string }>;
}

function schema(db: Database): Table[] {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  // An FTS5 table's shadow tables (`<name>_data`, `_idx`, …) belong to it and are classified with it.
  const virtual = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
    .pluck()
    .all() as string[];
  const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
  return names
    .filter((name) => !shadow(name))
    .map((name) => ({
      name,
      columns: (db.pragma(`table_info(${name})`) as Array<{ name: string }>).map((c) => c.name),
      parents: (
        db.pragma(`foreign_key_list(${name})`) as Array<{ table: string; from: string; to: string }>
      ).map((f) => ({ table: f.table, from: f.from, to: f.to })),
    }));
}

const rowsOf = (db: Database, table: string, accountId: string): number =>
  db.prepare(`SELECT count(*) FROM ${table} WHERE account_id = ?`).pluck().get(accountId) as number;

/** Rows whose parent row is gone: a purge that left children behind. */
const orphans = (db: Database, t: Table): number =>
  t.parents.reduce(
    (sum, p) =>
      sum +
      (db
        .prepare(
          `SELECT count(*) FROM ${t.name} c WHERE c.${p.from} IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM ${p.table} p WHERE p.${p.to} = c.${p.from})`,
        )
        .pluck()
        .get() as number),
    0,
  );

let t: AccountsTestApp | undefined;
afterEach(async () => {
  await t?.cleanup();
});

it("disconnecting with 'delete now' empties every table holding the Account's data, found from the schema", async () => {
  let nowMs = Date.now();
  t = await makeAccountsApp({ env: { ...testVaultEnv }, now: () => nowMs });
  const db = t.app.db;
  const shop = (await connectThrough(t, 'shop')).result.accountId!;
  const ads = (await connectThrough(t, 'ads')).result.accountId!;
  await t.invoke('sync:run', {});
  await t.app.sync.whenIdle();
  const sku = db.prepare('SELECT sku_id FROM order_lines LIMIT 1').pluck().get() as string;
  await t.invoke('products:setCosts', { items: [{ skuId: sku, cost: '3.10', shippingCost: '0.90' }] });

  const tables = schema(db);
  const owned = tables.filter((x) => x.columns.includes('account_id') && !(x.name in keptAfterPurge));
  const unclassified = tables
    .filter(
      (x) =>
        !x.columns.includes('account_id') &&
        x.parents.length === 0 &&
        !(x.name in notAccountData) &&
        !(x.name in keptAfterPurge),
    )
    .map((x) => x.name);
  // A new table must say whose data it holds: an account_id, a parent, or a reason in this file.
  expect(unclassified).toEqual([]);
  const names = new Set(tables.map((x) => x.name));
  expect(Object.keys({ ...keptAfterPurge, ...notAccountData }).filter((n) => !names.has(n))).toEqual([]);
  const before = Object.fromEntries(owned.map((x) => [x.name, rowsOf(db, x.name, shop)]));
  for (const table of ['orders', 'products', 'shops', 'sync_cursors', 'order_days', 'product_costs'])
    expect(before[table], table).toBeGreaterThan(0);
  const adsBefore = rowsOf(db, 'ad_report_days', ads);
  const financeBefore = {
    statements: rowsOf(db, 'finance_statements', shop),
    days: rowsOf(db, 'finance_days', shop),
  };
  expect(adsBefore).toBeGreaterThan(0);

  await t.invoke('accounts:disconnect', { accountId: shop, deleteData: 'now' });

  const left = Object.fromEntries(
    owned.map((x) => [x.name, rowsOf(db, x.name, shop)]).filter(([, n]) => n !== 0),
  );
  expect(left).toEqual({});
  const orphaned = Object.fromEntries(tables.map((x) => [x.name, orphans(db, x)]).filter(([, n]) => n !== 0));
  expect(orphaned).toEqual({});
  // The search indexes follow their tables row for row: nothing of the purged shop stays searchable.
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  expect(count('order_search')).toBe(count('orders'));
  expect(count('product_search')).toBe(count('products'));
  // The other Account's data is untouched.
  expect(rowsOf(db, 'ad_report_days', ads)).toBe(adsBefore);

  // Finance records stay for their retention period on a nameless Account row; nothing else names it.
  const kept = rowsOf(db, 'finance_statements', shop);
  expect(kept).toBe(financeBefore.statements);
  expect(kept).toBeGreaterThan(0);
  expect(
    db.prepare('SELECT display_name, scopes, status_reason FROM accounts WHERE id = ?').get(shop),
  ).toEqual({
    display_name: '',
    scopes: '[]',
    status_reason: null,
  });
  expect(
    db.prepare('SELECT count(*) FROM sync_runs WHERE account_id = ? AND error IS NOT NULL').pluck().get(shop),
  ).toBe(0);
  expect((await t.invoke<{ accounts: unknown[] }>('accounts:list')).accounts).toHaveLength(1);

  // Five years on, the retention run deletes them and the Account row with its run history.
  nowMs += 6 * 366 * 86_400_000;
  const report = t.app.privacy.runRetention();
  expect(report).toMatchObject({ financeRecords: kept + financeBefore.days, accountsForgotten: 1 });
  expect(db.prepare('SELECT count(*) FROM accounts WHERE id = ?').pluck().get(shop)).toBe(0);
  expect(rowsOf(db, 'sync_runs', shop)).toBe(0);
});
