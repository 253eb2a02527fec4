import { hasTable, type Migration } from './migration';

/**
 * What a merchant pays per unit of a SKU, entered by hand or imported from CSV (docs/catalogue.md). Net
 * contribution (analytics) and profit per creator (CRM) subtract these from sales. The row is keyed by the
 * SKU and is not a child of `product_skus`: a re-synced product replaces its SKU rows, and the merchant's
 * own figures must survive that. It belongs to the Account that owns the shop, so "delete my data" and the
 * retention purge take it with the synced rows.
 */
export const m015ProductCosts: Migration = {
  version: 15,
  name: 'product costs per SKU',
  alreadyApplied: (db) => hasTable(db, 'product_costs'),
  up(db) {
    db.exec(`
      CREATE TABLE product_costs (
        sku_id               TEXT    PRIMARY KEY,
        product_id           TEXT    NOT NULL,
        shop_id              TEXT    NOT NULL,
        account_id           TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        currency             TEXT    NOT NULL,   -- the shop's currency (docs/catalogue.md)
        cost_minor           INTEGER CHECK (cost_minor >= 0),            -- per unit; null = not known
        shipping_cost_minor  INTEGER CHECK (shipping_cost_minor >= 0),   -- per unit; null = not known
        source               TEXT    NOT NULL CHECK (source IN ('manual', 'import')),
        updated_at           INTEGER NOT NULL,
        CHECK (cost_minor IS NOT NULL OR shipping_cost_minor IS NOT NULL)
      ) STRICT;
      CREATE INDEX product_costs_product ON product_costs (product_id);
      CREATE INDEX product_costs_shop ON product_costs (shop_id);
      CREATE INDEX product_costs_account ON product_costs (account_id);
    `);
  },
};
