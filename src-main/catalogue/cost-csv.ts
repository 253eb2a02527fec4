import type { Database } from 'better-sqlite3';
import Papa from 'papaparse';
import { csvCell } from '../core/csv-cell';
import {
  type CostImportIssue,
  type CostRefusal,
  importCostsInputSchema,
  type ImportCostsInput,
  type ImportCostsResult,
} from '@shared/catalogue';
import type { Money } from '@shared/sync';
import { fromMinorUnits } from '../core/money';
import { amountRefusalMessage, parseAmount } from './amounts';
import type { CostWrite, ProductCostStore } from './costs';
import type { SkuInfo } from './sku-lookup';

/**
 * Costs from a spreadsheet (docs/catalogue.md, "Costs from CSV"). A header row names the columns, in any
 * order and case: `sku_id` or `seller_sku` (with `shop` when a seller SKU is used in several shops), then
 * `cost` and/or `shipping_cost` in the shop's currency, and optionally `currency` (checked, never
 * converted). An empty amount keeps what is stored. `products:exportCosts` writes the same layout for
 * every synced SKU, so "export, fill in, import" round-trips.
 */

type Column = 'skuId' | 'sellerSku' | 'shop' | 'cost' | 'shippingCost' | 'currency';

const aliases: Record<string, Column> = {
  sku_id: 'skuId',
  skuid: 'skuId',
  sku: 'skuId',
  seller_sku: 'sellerSku',
  sellersku: 'sellerSku',
  shop: 'shop',
  shop_id: 'shop',
  shop_name: 'shop',
  cost: 'cost',
  unit_cost: 'cost',
  cogs: 'cost',
  shipping_cost: 'shippingCost',
  shipping: 'shippingCost',
  currency: 'currency',
};

/** Header names written by the export (and the first alias of each column). */
const exportHeader = [
  'sku_id',
  'seller_sku',
  'shop',
  'product',
  'currency',
  'cost',
  'shipping_cost',
] as const;

function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const messages: Record<
  Exclude<CostRefusal, 'notNumber' | 'negative' | 'tooManyDecimals' | 'tooLarge'>,
  string
> = {
  unknownSku: 'no synced SKU has this id or seller SKU',
  ambiguousSellerSku: 'this seller SKU is used in several shops; add a shop column',
  unknownShop: 'no connected shop has this id or name',
  currencyMismatch: "costs are kept in the shop's currency",
  duplicate: 'this SKU already appeared on an earlier line',
  nothingToSet: 'the line has neither a cost nor a shipping cost',
  missingColumn: 'the header needs sku_id or seller_sku, and cost or shipping_cost',
  emptyFile: 'the file has no lines',
  unreadableFile: 'the file could not be read as CSV',
};

export class CostCsv {
  constructor(
    private readonly db: Database,
    private readonly costs: ProductCostStore,
  ) {}

  import(input: ImportCostsInput): ImportCostsResult {
    const { csv, mode } = importCostsInputSchema.parse(input);
    const issues: CostImportIssue[] = [];
    const fileIssue = (reason: CostRefusal): ImportCostsResult => ({
      mode,
      lines: 0,
      changes: [],
      unchanged: 0,
      issues: [
        { line: 0, column: null, reason, params: {}, message: messages[reason as keyof typeof messages] },
      ],
      applied: false,
    });

    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: false });
    const rows = parsed.data.filter((r): r is string[] => Array.isArray(r));
    if (rows.every((r) => r.every((c) => c.trim() === ''))) return fileIssue('emptyFile');
    const fatal = parsed.errors.find((e) => e.type === 'Quotes');
    if (fatal) return fileIssue('unreadableFile');

    const header = (rows[0] ?? []).map(normaliseHeader);
    const at = new Map<Column, number>();
    header.forEach((h, i) => {
      const column = aliases[h];
      if (column && !at.has(column)) at.set(column, i);
    });
    const hasId = at.has('skuId') || at.has('sellerSku');
    const hasAmount = at.has('cost') || at.has('shippingCost');
    if (!hasId || !hasAmount) {
      return {
        ...fileIssue('missingColumn'),
        issues: [
          {
            line: 1,
            column: null,
            reason: 'missingColumn',
            params: { found: header.join(', ') },
            message: messages.missingColumn,
          },
        ],
      };
    }

    // Every SKU the file names, looked up in one pass each way.
    const cell = (row: string[], column: Column): string => {
      const i = at.get(column);
      return i === undefined ? '' : (row[i] ?? '').trim();
    };
    const dataRows = rows.slice(1).map((row, k) => ({ row, line: k + 2 }));
    const byId = this.costs.skus.many(dataRows.map((d) => cell(d.row, 'skuId')).filter((v) => v !== ''));
    const bySellerSku = at.has('sellerSku') ? this.costs.skus.bySellerSku() : new Map<string, SkuInfo[]>();

    const writes: Array<CostWrite & { line: number }> = [];
    const seen = new Map<string, number>();
    let lines = 0;
    for (const { row, line } of dataRows) {
      if (row.every((c) => c.trim() === '')) continue;
      lines++;
      const issue = (
        column: string | null,
        reason: CostRefusal,
        params: Record<string, string | number> = {},
      ) =>
        issues.push({
          line,
          column,
          reason,
          params,
          message:
            reason === 'notNumber' ||
            reason === 'negative' ||
            reason === 'tooManyDecimals' ||
            reason === 'tooLarge'
              ? amountRefusalMessage(reason, params)
              : messages[reason],
        });

      const sku = this.resolve(
        cell(row, 'skuId'),
        cell(row, 'sellerSku'),
        cell(row, 'shop'),
        byId,
        bySellerSku,
      );
      if (!sku.ok) {
        issue(sku.column, sku.reason, sku.params);
        continue;
      }
      const info = sku.info;
      const earlier = seen.get(info.skuId);
      if (earlier !== undefined) {
        issue(sku.column, 'duplicate', { firstLine: earlier });
        continue;
      }
      seen.set(info.skuId, line);
      const currency = cell(row, 'currency').toUpperCase();
      if (currency !== '' && currency !== info.currency) {
        issue('currency', 'currencyMismatch', { given: currency, currency: info.currency });
        continue;
      }
      const amounts: Partial<Record<'cost' | 'shippingCost', number>> = {};
      let bad = false;
      for (const field of ['cost', 'shippingCost'] as const) {
        const text = cell(row, field);
        if (text === '') continue;
        const p = parseAmount(text, info.currency);
        if (p.ok) amounts[field] = p.minor;
        else {
          issue(field === 'cost' ? 'cost' : 'shipping_cost', p.reason, p.params);
          bad = true;
        }
      }
      if (bad) continue;
      if (amounts.cost === undefined && amounts.shippingCost === undefined) continue;
      writes.push({
        line,
        sku: info,
        costMinor: amounts.cost ?? null,
        shippingCostMinor: amounts.shippingCost ?? null,
      });
    }

    // An empty amount keeps what is stored; only real differences are listed and written.
    const stored = this.costs.stored(writes.map((w) => w.sku.skuId));
    const changes: ImportCostsResult['changes'] = [];
    const effective: CostWrite[] = [];
    let unchanged = 0;
    for (const w of writes) {
      const before = stored.get(w.sku.skuId);
      const cost = w.costMinor ?? before?.cost?.amountMinor ?? null;
      const shipping = w.shippingCostMinor ?? before?.shippingCost?.amountMinor ?? null;
      if (
        cost === (before?.cost?.amountMinor ?? null) &&
        shipping === (before?.shippingCost?.amountMinor ?? null)
      ) {
        unchanged++;
        continue;
      }
      const money = (v: number | null): Money | null =>
        v === null ? null : { amountMinor: v, currency: w.sku.currency };
      changes.push({
        line: w.line,
        skuId: w.sku.skuId,
        sellerSku: w.sku.sellerSku,
        shopId: w.sku.shopId,
        productTitle: w.sku.productTitle,
        before: { cost: before?.cost ?? null, shippingCost: before?.shippingCost ?? null },
        after: { cost: money(cost), shippingCost: money(shipping) },
      });
      effective.push({ sku: w.sku, costMinor: cost, shippingCostMinor: shipping });
    }

    const applied = mode === 'apply' && issues.length === 0 && effective.length > 0;
    if (applied) this.costs.write(effective, 'import');
    return { mode, lines, changes, unchanged, issues, applied };
  }

  private resolve(
    skuId: string,
    sellerSku: string,
    shop: string,
    byId: Map<string, SkuInfo>,
    bySellerSku: Map<string, SkuInfo[]>,
  ):
    | { ok: true; info: SkuInfo; column: string }
    | { ok: false; column: string | null; reason: CostRefusal; params: Record<string, string> } {
    const inShop = (s: SkuInfo) =>
      shop === '' || s.shopId === shop || s.shopName.toLowerCase() === shop.toLowerCase();
    if (skuId !== '') {
      const info = byId.get(skuId);
      if (!info) return { ok: false, column: 'sku_id', reason: 'unknownSku', params: { value: skuId } };
      if (!inShop(info)) return { ok: false, column: 'shop', reason: 'unknownShop', params: { value: shop } };
      return { ok: true, info, column: 'sku_id' };
    }
    if (sellerSku === '') return { ok: false, column: null, reason: 'unknownSku', params: { value: '' } };
    const candidates = (bySellerSku.get(sellerSku) ?? []).filter(inShop);
    if (candidates.length === 0) {
      const anywhere = (bySellerSku.get(sellerSku) ?? []).length > 0;
      return anywhere
        ? { ok: false, column: 'shop', reason: 'unknownShop', params: { value: shop } }
        : { ok: false, column: 'seller_sku', reason: 'unknownSku', params: { value: sellerSku } };
    }
    if (candidates.length > 1)
      return { ok: false, column: 'seller_sku', reason: 'ambiguousSellerSku', params: { value: sellerSku } };
    return { ok: true, info: candidates[0]!, column: 'seller_sku' };
  }

  /** Every synced SKU (of one shop, or all) with its stored costs, in the layout `import` reads. */
  export(shopId: string | undefined, now: number): { fileName: string; csv: string; rows: number } {
    const rows = this.db
      .prepare<string[], Record<string, string | number | null>>(
        `SELECT s.sku_id, s.seller_sku, COALESCE(sh.name, p.shop_id) AS shop, p.title AS product,
                COALESCE(sh.currency, s.currency, p.currency, 'USD') AS currency,
                c.cost_minor, c.shipping_cost_minor
         FROM product_skus s
         JOIN products p ON p.product_id = s.product_id
         LEFT JOIN shops sh ON sh.shop_id = p.shop_id
         LEFT JOIN product_costs c ON c.sku_id = s.sku_id
         ${shopId ? 'WHERE p.shop_id = ?' : ''}
         ORDER BY shop, p.title, s.sku_id`,
      )
      .all(...(shopId ? [shopId] : []));
    const decimal = (minor: unknown, currency: string) =>
      typeof minor === 'number' ? fromMinorUnits(minor, currency) : '';
    const csv = Papa.unparse({
      fields: [...exportHeader],
      data: rows.map((r) => {
        const currency = String(r.currency);
        return [
          r.sku_id,
          r.seller_sku ?? '',
          r.shop,
          r.product,
          currency,
          decimal(r.cost_minor, currency),
          decimal(r.shipping_cost_minor, currency),
        ].map((v) => csvCell(String(v ?? '')));
      }),
    });
    const day = new Date(now).toISOString().slice(0, 10);
    return { fileName: `shopmesh-costs-${day}.csv`, csv, rows: rows.length };
  }
}
