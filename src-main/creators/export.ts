import type { Database } from 'better-sqlite3';
import Papa from 'papaparse';
import { csvCell } from '../core/csv-cell';
import type { CreatorRow } from '@shared/creators';
import type { CreatorExtensions } from './extensions';
import { type IndexRow, rowColumns, toCreatorRow } from './search';

/**
 * A CSV of Creators for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese and Thai names), money as
 * decimal amounts next to their currency, times in ISO 8601 UTC. Private contacts come only from the
 * contacts extension and only when the user ticked them.
 */

const iso = (t: number | null): string => (t === null ? '' : new Date(t).toISOString());
const minorDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
const decimal = (m: { amountMinor: number; currency: string } | null): string =>
  m === null ? '' : (m.amountMinor / 10 ** minorDigits(m.currency)).toFixed(minorDigits(m.currency));

const columns: Array<[string, (r: CreatorRow) => string | number]> = [
  ['id', (r) => r.id],
  ['handle', (r) => r.handle ?? ''],
  ['nickname', (r) => r.nickname ?? ''],
  ['region', (r) => r.region ?? ''],
  ['followers', (r) => r.followers ?? ''],
  ['gmv', (r) => decimal(r.gmv)],
  ['gmv_currency', (r) => r.gmv?.currency ?? ''],
  ['units_sold', (r) => r.unitsSold ?? ''],
  ['avg_video_views', (r) => r.avgVideoViews ?? ''],
  ['engagement_percent', (r) => (r.engagementBp === null ? '' : (r.engagementBp / 100).toFixed(2))],
  ['category', (r) => r.category ?? ''],
  ['score', (r) => r.score ?? ''],
  ['stage', (r) => r.stage],
  ['tags', (r) => r.tags.join(', ')],
  ['last_contacted', (r) => iso(r.lastContactedAt)],
  ['blocked', (r) => (r.blocked ? 'yes' : 'no')],
  ['affiliate_gmv', (r) => decimal(r.affiliateGmv)],
  ['affiliate_currency', (r) => r.affiliateGmv?.currency ?? ''],
  ['affiliate_orders', (r) => r.affiliateOrders],
  ['first_seen', (r) => iso(r.firstSeenAt)],
];

export function exportCreators(
  db: Database,
  extensions: CreatorExtensions,
  ids: readonly number[],
  options: { includeContacts: boolean },
  now: number,
): { fileName: string; csv: string; rows: number } {
  const rows: CreatorRow[] = [];
  const byId = db.prepare(
    `SELECT ${rowColumns}, NULL AS sort_value FROM creator_index i WHERE i.creator_id = ?`,
  );
  for (const id of ids) {
    const r = byId.get(id) as IndexRow | undefined;
    if (r) rows.push(toCreatorRow(r));
  }
  const extra = extensions
    .all()
    .map((e) => e.exportColumns?.(db, ids, options))
    .filter((x) => x !== undefined);
  const header = [...columns.map(([name]) => name), ...extra.flatMap((e) => e.headers)];
  const body = rows.map((r) => [
    ...columns.map(([, get]) => csvCell(get(r))),
    ...extra.flatMap((e) => (e.values.get(r.id) ?? e.headers.map(() => '')).map(csvCell)),
  ]);
  const stamp = new Date(now).toISOString().slice(0, 16).replace(/[-:T]/g, '');
  return {
    fileName: `creators-${stamp}.csv`,
    csv: `\uFEFF${Papa.unparse([header, ...body], { newline: '\r\n' })}\r\n`,
    rows: rows.length,
  };
}
