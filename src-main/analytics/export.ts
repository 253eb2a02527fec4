import Papa from 'papaparse';
import { csvCell } from '../core/csv-cell';
import type { AdNode, AffiliateChoice, exportTables } from '@shared/analytics';
import { fromMinorUnits } from '../core/money';
import type { AnalyticsDeps, Query } from './context';
import { buildAdsTree } from './ads-tree';
import { buildBreakdown } from './breakdown';
import { buildOverview } from './overview';
import { listAffiliateOrders } from './affiliate';
import { listStatements } from './statements';
import { buildTimeseries } from './timeseries';

type Table = (typeof exportTables)[number];
type Cell = string | number | null;
type Row = Record<string, Cell>;

/** Figures in minor units: written as decimals of their currency ("12.35"), never as cents. */
const moneyKeys = new Set([
  'gmv',
  'refunds',
  'aov',
  'spend',
  'conversionValue',
  'cpa',
  'affiliateGmv',
  'commissionEstimated',
  'commissionActual',
  'revenue',
  'fees',
  'adjustments',
  'shippingCost',
  'settlement',
  'gmvMinor',
  'estCommissionMinor',
  'actualCommissionMinor',
  'revenueMinor',
  'feeMinor',
  'adjustmentMinor',
  'shippingCostMinor',
  'settlementMinor',
  'spendMinor',
  'conversionValueMinor',
  'cpaMinor',
]);

const money = (v: number | null | undefined, currency: string | null): Cell =>
  v === null || v === undefined ? null : currency ? fromMinorUnits(Math.round(v), currency) : v;

function rowsOf(
  deps: AnalyticsDeps,
  q: Query,
  table: Table,
  grain: 'day' | 'week' | 'month',
  affiliate: AffiliateChoice,
): Row[] {
  switch (table) {
    case 'kpis':
      return buildOverview(deps, q).kpis.flatMap((k) => {
        const unit = (c: string | null): string | null => (k.kind === 'money' ? c : null);
        const rows: Row[] = k.values.map((v) => ({
          kpi: k.key,
          currency: v.currency,
          value: money(v.value, unit(v.currency)),
          previous: money(v.previous, unit(v.currency)),
          converted: '',
          rates: '',
          unavailable: k.unavailable,
        }));
        if (k.converted)
          rows.push({
            kpi: k.key,
            currency: k.converted.currency,
            value: money(k.converted.value, unit(k.converted.currency)),
            previous: money(k.converted.previous, unit(k.converted.currency)),
            converted: 'yes',
            rates: k.converted.rates.map((r) => `1 ${r.currency} = ${r.rate} (${r.asOf})`).join('; '),
            unavailable: k.converted.missing.length > 0 ? 'missingRate' : null,
          });
        if (rows.length === 0) rows.push({ kpi: k.key, unavailable: k.unavailable });
        return rows;
      });
    case 'timeseries': {
      const t = buildTimeseries(deps, q, grain);
      return t.series.flatMap((s) =>
        t.buckets.map((b, i) => ({
          bucket: b,
          metric: s.metric,
          currency: s.currency,
          converted: s.converted ? 'yes' : '',
          value: money(s.values[i], s.currency),
          previousBucket: t.previousBuckets[i] ?? null,
          previous: money(s.previous[i], s.currency),
        })),
      );
    }
    case 'shops':
    case 'products':
    case 'creators':
    case 'campaigns':
      return buildBreakdown(deps, q, table, 1000).rows.map((r) => ({
        id: r.id,
        label: r.label,
        detail: r.detail,
        currency: r.currency,
        ...Object.fromEntries(
          Object.entries(r.metrics).map(([k, v]) => [k, moneyKeys.has(k) ? money(v, r.currency) : v]),
        ),
      }));
    case 'ads': {
      const out: Row[] = [];
      const walk = (n: AdNode, path: string[]): void => {
        out.push({
          level: n.level,
          id: n.id,
          name: n.name,
          parents: path.join(' / '),
          status: n.status,
          currency: n.currency,
          ...Object.fromEntries(
            Object.entries(n.metrics).map(([k, v]) => [k, moneyKeys.has(k) ? money(v, n.currency) : v]),
          ),
        });
        for (const c of n.children) walk(c, [...path, n.name]);
      };
      for (const c of buildAdsTree(deps, q).campaigns) walk(c, []);
      return out;
    }
    case 'statements':
    case 'affiliateOrders': {
      const out: Row[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Array<Record<string, unknown>>; nextCursor: string | null } =
          table === 'statements'
            ? listStatements(deps, q, 500, cursor)
            : listAffiliateOrders(deps, q, 500, cursor, affiliate.creatorId, affiliate.collaboration);
        for (const item of page.items) {
          const currency = typeof item.currency === 'string' ? item.currency : null;
          out.push(
            Object.fromEntries(
              Object.entries(item).map(([k, v]) => [
                k,
                moneyKeys.has(k) && typeof v === 'number' ? money(v, currency) : (v as Cell),
              ]),
            ),
          );
        }
        cursor = page.nextCursor;
      } while (cursor !== null);
      return out;
    }
  }
}

/**
 * Any table or chart of the analytics pages as CSV text: papaparse quotes what needs quoting, and a UTF-8
 * byte-order mark makes spreadsheet programs read Chinese product names and creator handles correctly.
 */
export function exportCsv(
  deps: AnalyticsDeps,
  q: Query,
  table: Table,
  grain: 'day' | 'week' | 'month',
  headings: Record<string, string>,
  affiliate: AffiliateChoice = { creatorId: null, collaboration: null },
): { filename: string; csv: string; rows: number } {
  const rows = rowsOf(deps, q, table, grain, affiliate);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  // A product title such as "=HYPERLINK(…)" must stay text in a spreadsheet; negative amounts stay numbers.
  const data = rows.map((r) => keys.map((k) => csvCell(r[k] ?? '')));
  const csv = Papa.unparse({ fields: keys.map((k) => headings[k] ?? k), data }, { newline: '\r\n' });
  return {
    filename: `shopmesh-${table}-${q.period.from}-to-${q.period.to}.csv`,
    csv: `\uFEFF${csv}\r\n`,
    rows: rows.length,
  };
}
