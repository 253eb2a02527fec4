import type { Database } from 'better-sqlite3';
import type { AdvertiserInfo } from '../tiktok/ads/advertisers';
import type { AuthorizedShop } from '../tiktok/shop/shops';

/**
 * What an Account's grant reaches: its shops or advertisers. Written when the Account is connected and
 * re-read by every sync (`shops` / `advertisers` resources), so a shop authorized later is picked up and
 * one no longer authorized stops being synced (its synced rows stay until the Account's data is purged).
 */

export interface ChildCounts {
  inserted: number;
  updated: number;
  removed: number;
}

function replaceChildren<T>(
  db: Database,
  accountId: string,
  table: 'shops' | 'advertisers',
  key: 'shop_id' | 'advertiser_id',
  columns: readonly string[],
  items: readonly T[],
  values: (item: T) => Array<string | null>,
): ChildCounts {
  const select = db.prepare<[string], Record<string, string | null>>(
    `SELECT ${[key, ...columns].join(', ')} FROM ${table} WHERE account_id = ?`,
  );
  const stored = new Map(select.all(accountId).map((r) => [r[key], r]));
  const rows = items.map(values);
  const keep = rows.map(([id]) => id);
  const removed = db
    .prepare(`DELETE FROM ${table} WHERE account_id = ? AND ${key} NOT IN (SELECT value FROM json_each(?))`)
    .run(accountId, JSON.stringify(keep)).changes;
  const upsert = db.prepare(
    `INSERT INTO ${table} (${key}, account_id, ${columns.join(', ')})
     VALUES (?, ?, ${columns.map(() => '?').join(', ')})
     ON CONFLICT (${key}) DO UPDATE SET account_id = excluded.account_id,
       ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  );
  let inserted = 0;
  let updated = 0;
  for (const [id, ...rest] of rows) {
    const old = stored.get(id ?? '');
    if (old && columns.every((c, i) => old[c] === rest[i])) continue;
    if (old) updated++;
    else inserted++;
    upsert.run(id, accountId, ...rest);
  }
  return { inserted, updated, removed };
}

export function writeShops(db: Database, accountId: string, shops: readonly AuthorizedShop[]): ChildCounts {
  return replaceChildren(
    db,
    accountId,
    'shops',
    'shop_id',
    ['name', 'region', 'currency', 'cipher', 'seller_type', 'code'],
    shops,
    (s) => [s.shopId, s.name, s.region, s.currency, s.cipher, s.sellerType, s.code],
  );
}

export function writeAdvertisers(
  db: Database,
  accountId: string,
  advertisers: readonly AdvertiserInfo[],
): ChildCounts {
  return replaceChildren(
    db,
    accountId,
    'advertisers',
    'advertiser_id',
    ['name', 'currency', 'timezone', 'status'],
    advertisers,
    (a) => [a.advertiserId, a.name, a.currency, a.timezone, a.status],
  );
}
