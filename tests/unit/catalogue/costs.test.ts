import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityLog } from '../../../src-main/activity/activity-log';
import { CostCsv } from '../../../src-main/catalogue/cost-csv';
import { ProductCostStore } from '../../../src-main/catalogue/costs';
import type { Database } from '../../../src-main/db/connection';
import { financeCutoff, purgeAccount } from '../../../src-main/privacy/account-purge';
import { catalogueDb } from '../../helpers/catalogue-rows';

let db: Database;
let catalogue: { costs: ProductCostStore; costCsv: CostCsv };
let activity: ActivityLog;
const now = () => Date.UTC(2026, 2, 1);

beforeEach(() => {
  db = catalogueDb();
  activity = new ActivityLog(db, now);
  const costs = new ProductCostStore(db, activity, now);
  catalogue = { costs, costCsv: new CostCsv(db, costs) };
});
afterEach(() => db.close());

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

describe('per-SKU costs', () => {
  it('stores cost and shipping cost in minor units of the shop currency, and logs it', () => {
    const res = catalogue.costs.set({
      items: [
        { skuId: 'S1', cost: '4.20', shippingCost: '1.05' },
        { skuId: 'S4', cost: '500' },
      ],
    });
    expect(res.changed).toBe(2);
    const byId = new Map(catalogue.costs.list({}).map((c) => [c.skuId, c]));
    expect(byId.get('S1')).toMatchObject({
      cost: usd(420),
      shippingCost: usd(105),
      source: 'manual',
      shopId: 'shop-1',
    });
    expect(byId.get('S4')).toMatchObject({ cost: { amountMinor: 500, currency: 'JPY' }, shippingCost: null });
    expect(catalogue.costs.unitCosts(['S1', 'S3'])).toEqual(
      new Map([['S1', { currency: 'USD', costMinor: 420, shippingCostMinor: 105 }]]),
    );
    const [entry] = activity.list({ limit: 5 }).items;
    expect(entry).toMatchObject({ kind: 'catalogue.costsUpdated', params: { count: 2, source: 'manual' } });
  });

  it('keeps an omitted field, clears a null one, and deletes the row when both are empty', () => {
    catalogue.costs.set({ items: [{ skuId: 'S1', cost: '4.20', shippingCost: '1.00' }] });
    catalogue.costs.set({ items: [{ skuId: 'S1', shippingCost: null }] });
    expect(catalogue.costs.list({ skuIds: ['S1'] })[0]).toMatchObject({ cost: usd(420), shippingCost: null });
    catalogue.costs.set({ items: [{ skuId: 'S1', cost: null }] });
    expect(catalogue.costs.list({ skuIds: ['S1'] })).toEqual([]);
  });

  it('refuses the whole request when one item is wrong, naming each problem, and writes nothing', () => {
    catalogue.costs.set({ items: [{ skuId: 'S2', cost: '3.00' }] });
    let error: unknown;
    try {
      catalogue.costs.set({
        items: [
          { skuId: 'S1', cost: '4.999' },
          { skuId: 'S2', cost: '-1' },
          { skuId: 'nope', cost: '1' },
          { skuId: 'S4', cost: '12.5' },
          { skuId: 'S3', cost: 'ten' },
        ],
      });
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: 'VALIDATION' });
    const issues = (error as { details: { issues: Array<{ path: string; message: string }> } }).details
      .issues;
    expect(issues.map((i) => i.path)).toEqual([
      'items.0.cost',
      'items.1.cost',
      'items.2.skuId',
      'items.3.cost',
      'items.4.cost',
    ]);
    expect(issues[0]!.message).toMatch(/more decimals than USD allows/);
    expect(issues[3]!.message).toMatch(/JPY allows \(0\)/);
    expect(catalogue.costs.list({}).map((c) => c.skuId)).toEqual(['S2']);
  });

  it('goes with the Account when its data is deleted', () => {
    catalogue.costs.set({ items: [{ skuId: 'S1', cost: '4.20' }] });
    expect(catalogue.costs.purgeAccount('acct-1')).toBe(1);
    purgeAccount(db, 'acct-1', financeCutoff(Date.now(), 5), Date.now());
    expect(catalogue.costs.list({})).toEqual([]);
  });
});

describe('costs from CSV', () => {
  it('previews changes without writing, then applies them', () => {
    catalogue.costs.set({ items: [{ skuId: 'S2', cost: '3.00', shippingCost: '1.00' }] });
    const csv = [
      'Seller SKU,Shop,Cost,Shipping Cost',
      'CANDLE-S,Sandbox US,4.20,',
      'CANDLE-L,,3.00,1.00',
      'MUG,,2.50,0.80',
      'CANDLE-S,Tokyo,450,',
      ',,,',
    ].join('\r\n');
    db.prepare("UPDATE shops SET name = 'Sandbox US' WHERE shop_id = 'shop-1'").run();
    const preview = catalogue.costCsv.import({ csv, mode: 'preview' });
    expect(preview).toMatchObject({ mode: 'preview', lines: 4, unchanged: 1, issues: [], applied: false });
    expect(preview.changes.map((c) => [c.line, c.skuId, c.after.cost?.amountMinor])).toEqual([
      [2, 'S1', 420],
      [4, 'S3', 250],
      [5, 'S4', 450],
    ]);
    expect(catalogue.costs.list({}).map((c) => c.skuId)).toEqual(['S2']);

    const applied = catalogue.costCsv.import({ csv, mode: 'apply' });
    expect(applied.applied).toBe(true);
    expect(new Map(catalogue.costs.list({}).map((c) => [c.skuId, c.source]))).toEqual(
      new Map([
        ['S1', 'import'],
        ['S2', 'manual'],
        ['S3', 'import'],
        ['S4', 'import'],
      ]),
    );
  });

  it('reports every refused line and applies nothing while one is refused', () => {
    const csv = [
      'sku_id,seller_sku,cost,shipping_cost,currency',
      'S1,,4.999,,',
      ',CANDLE-S,1.00,,',
      'S9,,1.00,,',
      'S3,,1.00,,EUR',
      'S2,,abc,,',
      'S4,,-2,,',
      'S1,,2.50,,',
    ].join('\n');
    const res = catalogue.costCsv.import({ csv, mode: 'apply' });
    expect(res.applied).toBe(false);
    expect(res.issues.map((i) => [i.line, i.column, i.reason])).toEqual([
      [2, 'cost', 'tooManyDecimals'],
      [3, 'seller_sku', 'ambiguousSellerSku'],
      [4, 'sku_id', 'unknownSku'],
      [5, 'currency', 'currencyMismatch'],
      [6, 'cost', 'notNumber'],
      [7, 'cost', 'negative'],
      [8, 'sku_id', 'duplicate'],
    ]);
    expect(res.issues.every((i) => i.message.length > 0)).toBe(true);
    expect(catalogue.costs.list({})).toEqual([]);
  });

  it.each([
    ['', 'emptyFile'],
    ['sku_id,price\nS1,1.00', 'missingColumn'],
    ['cost\n1.00', 'missingColumn'],
    ['sku_id,cost\n"S1,1.00', 'unreadableFile'],
  ])('refuses file %j as %s', (csv, reason) => {
    const res = catalogue.costCsv.import({ csv, mode: 'apply' });
    expect(res.issues.map((i) => i.reason)).toEqual([reason]);
    expect(res.applied).toBe(false);
  });

  it('exports every SKU in the layout import reads, with spreadsheet formulas defused', () => {
    catalogue.costs.set({ items: [{ skuId: 'S1', cost: '4.20', shippingCost: '1.05' }] });
    const out = catalogue.costCsv.export(undefined, now());
    expect(out.fileName).toBe('shopmesh-costs-2026-03-01.csv');
    expect(out.rows).toBe(4);
    const lines = out.csv.split('\r\n');
    expect(lines[0]).toBe('sku_id,seller_sku,shop,product,currency,cost,shipping_cost');
    expect(lines).toContain('S1,CANDLE-S,Shop,Soy Candle,USD,4.20,1.05');
    expect(lines.find((l) => l.startsWith('S3'))).toContain(`"'=HYPERLINK(""x"")"`);
    // Round trip: importing the export changes nothing.
    const again = catalogue.costCsv.import({ csv: out.csv, mode: 'preview' });
    expect(again).toMatchObject({ issues: [], changes: [], unchanged: 1 });
  });
});
