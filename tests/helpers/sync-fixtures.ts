import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { regionTimeZone } from '../../src-shared/time';
import { type Database, openDatabase } from '../../src-main/db/connection';
import { type Profile, sandboxProfile } from '../../src-main/profile/profile';
import {
  type SandboxHandle,
  type SandboxInfo,
  type SandboxOptions,
  startSandbox,
} from '../../src-main/sandbox/index';
import { adsRequest } from '../../src-main/tiktok/ads/request';
import { shopRequest } from '../../src-main/tiktok/shop/request';
import type { TokenSource } from '../../src-main/tiktok/token-source';
import { makeTempDir } from './tmp';
import { storeText, type Translatable } from '@shared/texts';
import { accountStatusTexts } from '../../src-main/accounts/texts';

/**
 * Sync tests run against the real sandbox over HTTP with real signing. This file stands in for the
 * accounts module: it gets tokens the way the app would (admin grant → token exchange, no browser),
 * writes the `accounts` / `shops` / `advertisers` rows, and implements TokenSource (refresh on
 * `expired`, retire the Account on `revoked`).
 */

export const SHOP_ACCOUNT = 'acct-shop';
export const ADS_ACCOUNT = 'acct-ads';

export interface SyncWorld {
  sandbox: SandboxHandle;
  info: SandboxInfo;
  profile: Profile;
  db: Database;
  dbFile: string;
  tokens: TestTokenSource;
  close(): Promise<void>;
}

export async function admin(
  info: SandboxInfo,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(`${info.adminBase}${path}`, {
    method,
    headers: { authorization: `Bearer ${info.adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const shopTokenData = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  access_token_expire_in: z.number(),
});
const shopTokenEnvelope = z.object({ code: z.number(), message: z.string(), data: shopTokenData.nullable() });

async function shopTokenCall(info: SandboxInfo, path: string, params: Record<string, string>) {
  const q = new URLSearchParams({ app_key: info.shop.appKey, app_secret: info.shop.appSecret, ...params });
  const body = shopTokenEnvelope.parse(await (await fetch(`${info.shopAuthBase}${path}?${q}`)).json());
  if (body.code !== 0 || !body.data) throw new Error(`${path}: ${body.message} (${body.code})`);
  return body.data;
}

interface Held {
  provider: 'shop' | 'ads';
  access: string;
  refresh: string | null;
}

/** A TokenSource over tokens held in memory; account status lives in the `accounts` table like the real one. */
export class TestTokenSource implements TokenSource {
  readonly held = new Map<string, Held>();
  readonly reports: Array<{ accountId: string; kind: 'expired' | 'revoked' }> = [];
  accessTokenCalls = 0;

  constructor(
    private readonly db: Database,
    private readonly info: SandboxInfo,
  ) {}

  private statusOf(accountId: string): string | undefined {
    return this.db.prepare('SELECT status FROM accounts WHERE id = ?').pluck().get(accountId) as
      string | undefined;
  }

  private setStatus(accountId: string, status: 'expired' | 'revoked', reason: Translatable): void {
    this.db
      .prepare('UPDATE accounts SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?')
      .run(status, storeText(reason), Date.now(), accountId);
  }

  async accessToken(accountId: string): Promise<string> {
    this.accessTokenCalls++;
    const status = this.statusOf(accountId);
    if (status === 'revoked') throw new AppError('AUTH_REVOKED', accountStatusTexts.disconnected());
    if (status === 'expired') throw new AppError('AUTH_EXPIRED', accountStatusTexts.expired());
    const h = this.held.get(accountId);
    if (!h) throw new AppError('NOT_FOUND', 'no token');
    return h.access;
  }

  async reportAuthFailure(accountId: string, kind: 'expired' | 'revoked', _message: string): Promise<string> {
    this.reports.push({ accountId, kind });
    const h = this.held.get(accountId);
    if (kind === 'revoked' || !h || !h.refresh) {
      this.setStatus(accountId, 'revoked', accountStatusTexts.revoked());
      this.held.delete(accountId);
      throw new AppError('AUTH_REVOKED', accountStatusTexts.revoked());
    }
    try {
      const t = await shopTokenCall(this.info, '/api/v2/token/refresh', {
        refresh_token: h.refresh,
        grant_type: 'refresh_token',
      });
      h.access = t.access_token;
      h.refresh = t.refresh_token;
      return h.access;
    } catch {
      this.setStatus(accountId, 'expired', accountStatusTexts.expired());
      throw new AppError('AUTH_EXPIRED', accountStatusTexts.expired());
    }
  }
}

const regionCurrency: Record<string, string> = { US: 'USD', GB: 'GBP' };

function insertAccount(
  db: Database,
  id: string,
  provider: 'shop' | 'ads',
  remoteId: string,
  name: string,
): void {
  const now = Date.now();
  db.prepare(
    `INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
     VALUES (?, ?, 'active', ?, ?, ?, ?)`,
  ).run(id, provider, remoteId, name, now, now);
}

export async function connectShop(
  world: Pick<SyncWorld, 'db' | 'info' | 'profile' | 'tokens'>,
  id = SHOP_ACCOUNT,
) {
  const { code } = z
    .object({ code: z.string() })
    .parse(await admin(world.info, 'POST', '/grant', { provider: 'shop' }));
  const t = await shopTokenCall(world.info, '/api/v2/token/get', {
    auth_code: code,
    grant_type: 'authorized_code',
  });
  insertAccount(world.db, id, 'shop', `seller-${id}`, 'Sandbox seller');
  world.tokens.held.set(id, { provider: 'shop', access: t.access_token, refresh: t.refresh_token });
  const data = await shopRequest({
    app: {
      apiBase: world.profile.shopApiBase,
      appKey: world.profile.shop.appKey,
      appSecret: world.profile.shop.appSecret,
    },
    accessToken: t.access_token,
    method: 'GET',
    path: '/authorization/202309/shops',
    data: z.object({
      shops: z.array(z.object({ id: z.string(), name: z.string(), region: z.string(), cipher: z.string() })),
    }),
  });
  const insert = world.db.prepare(
    'INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const s of data.shops)
    insert.run(s.id, id, s.name, s.region, regionCurrency[s.region] ?? 'USD', s.cipher);
  return data.shops;
}

export async function connectAds(
  world: Pick<SyncWorld, 'db' | 'info' | 'profile' | 'tokens'>,
  id = ADS_ACCOUNT,
) {
  const { auth_code } = z
    .object({ auth_code: z.string() })
    .parse(await admin(world.info, 'POST', '/grant', { provider: 'ads' }));
  const base = world.profile.adsBase;
  const token = await adsRequest({
    base,
    method: 'POST',
    path: '/open_api/v1.3/oauth2/access_token/',
    body: { app_id: world.info.ads.appId, secret: world.info.ads.secret, auth_code },
    data: z.object({ access_token: z.string(), advertiser_ids: z.array(z.string()) }),
  });
  insertAccount(world.db, id, 'ads', token.advertiser_ids.join(','), 'Sandbox advertiser');
  world.tokens.held.set(id, { provider: 'ads', access: token.access_token, refresh: null });
  const info = await adsRequest({
    base,
    accessToken: token.access_token,
    method: 'GET',
    path: '/open_api/v1.3/advertiser/info/',
    query: { advertiser_ids: token.advertiser_ids },
    data: z.object({
      list: z.array(
        z.object({ advertiser_id: z.string(), name: z.string(), currency: z.string(), timezone: z.string() }),
      ),
    }),
  });
  const insert = world.db.prepare(
    `INSERT INTO advertisers (advertiser_id, account_id, name, currency, timezone, status) VALUES (?, ?, ?, ?, ?, 'STATUS_ENABLE')`,
  );
  for (const a of info.list) insert.run(a.advertiser_id, id, a.name, a.currency, a.timezone);
  return { token: token.access_token, advertisers: info.list };
}

/** Signed Shop API calls for one connected shop, as the app makes them (the Account's current token). */
export function shopCaller(
  world: Pick<SyncWorld, 'profile' | 'tokens'>,
  cipher: string,
  accountId = SHOP_ACCOUNT,
) {
  return async <S extends z.ZodType>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    data: S,
    body?: unknown,
    query: Record<string, string> = {},
  ): Promise<z.output<S>> =>
    shopRequest({
      app: {
        apiBase: world.profile.shopApiBase,
        appKey: world.profile.shop.appKey,
        appSecret: world.profile.shop.appSecret,
      },
      accessToken: await world.tokens.accessToken(accountId),
      method,
      path,
      query: { ...query, shop_cipher: cipher },
      body,
      data,
    });
}

/**
 * Invites five marketplace creators (from `firstCreator` on) to a target collaboration ending `days` after
 * `nowSec`, through the Shop API like the app; returns its id.
 */
export async function inviteCreators(
  call: ReturnType<typeof shopCaller>,
  opts: { days: number; nowSec: number; firstCreator: number },
): Promise<string> {
  const creators = await call(
    'POST',
    '/affiliate_seller/202508/marketplace_creators/search',
    z.object({ creators: z.array(z.object({ creator_open_id: z.string() })) }),
    {},
    { page_size: '12' },
  );
  const products = await call(
    'POST',
    '/product/202309/products/search',
    z.object({ products: z.array(z.object({ id: z.string() })) }),
    { status: 'ACTIVATE' },
    { page_size: '1' },
  );
  const created = await call(
    'POST',
    '/affiliate_seller/202508/target_collaborations',
    z.object({ target_collaboration: z.object({ id: z.string() }) }),
    {
      name: `Ends in ${opts.days} days`,
      message: 'We would love to work with you',
      end_time: String(opts.nowSec + opts.days * 86_400),
      products: [{ id: products.products[0]!.id, target_commission_rate: 1500 }],
      creator_user_open_ids: creators.creators
        .slice(opts.firstCreator, opts.firstCreator + 5)
        .map((c) => c.creator_open_id),
      seller_contact_info: { email: 'team@example.com' },
      free_sample_rule: { has_free_sample: false, is_sample_approval_exempt: false },
    },
  );
  return created.target_collaboration.id;
}

/** A sandbox, a fresh database file in a temp folder, and a TokenSource; nothing connected yet. */
export async function startWorld(options: SandboxOptions = {}): Promise<SyncWorld> {
  const sandbox = await startSandbox({ scale: 'tiny', seed: 7, ...options });
  const tmp = makeTempDir('shopmesh-sync-');
  const dbFile = join(tmp.dir, 'shopmesh.db');
  const db = openDatabase(dbFile);
  const world: SyncWorld = {
    sandbox,
    info: sandbox.info,
    profile: sandboxProfile(sandbox.info),
    db,
    dbFile,
    tokens: new TestTokenSource(db, sandbox.info),
    close: async () => {
      db.close();
      await sandbox.close().catch(() => undefined); // a test may have stopped it already
      tmp.cleanup();
    },
  };
  return world;
}

/**
 * The shop-local day of an instant, straight from Intl (not the app's cached `zonedDay`), so the rollup
 * checks below do not share the code they check.
 */
export function localDayOf(ms: number, region: string): string {
  return new Date(ms).toLocaleDateString('en-CA', { timeZone: regionTimeZone(region) });
}

type Row = Record<string, string | number>;

/** Groups rows by `keys` and sums `sums`, sorted by the keys like `ORDER BY 1, 2, …`. */
export function groupSum(rows: Row[], keys: string[], sums: string[]): Row[] {
  const groups = new Map<string, Row>();
  for (const r of rows) {
    const k = JSON.stringify(keys.map((c) => r[c]));
    let g = groups.get(k);
    if (!g) {
      g = Object.fromEntries([...keys.map((c) => [c, r[c]!]), ...sums.map((c) => [c, 0])]) as Row;
      groups.set(k, g);
    }
    for (const c of sums) g[c] = (g[c] as number) + (r[c] as number);
  }
  return [...groups.values()].sort((a, b) => {
    for (const c of keys) if (a[c] !== b[c]) return String(a[c]) < String(b[c]) ? -1 : 1;
    return 0;
  });
}

/** order_days recomputed from the raw rows in the shop's local days: what the rebuilt rollup must equal. */
export function recomputedOrderDays(db: Database): unknown[] {
  const rows = db
    .prepare(
      `SELECT o.shop_id, o.create_time, s.region, o.currency, status != 'CANCELLED' AS orders,
         status = 'CANCELLED' AS cancelled_orders,
         CASE WHEN status != 'CANCELLED' THEN units ELSE 0 END AS units,
         CASE WHEN status != 'CANCELLED' THEN total_minor ELSE 0 END AS gross_minor,
         CASE WHEN status != 'CANCELLED' THEN refund_minor ELSE 0 END AS refunds_minor,
         CASE WHEN status != 'CANCELLED' THEN seller_discount_minor ELSE 0 END AS seller_discount_minor,
         CASE WHEN status != 'CANCELLED' THEN platform_discount_minor ELSE 0 END AS platform_discount_minor,
         CASE WHEN status != 'CANCELLED' THEN tax_minor ELSE 0 END AS tax_minor,
         CASE WHEN status != 'CANCELLED' THEN shipping_fee_minor ELSE 0 END AS shipping_minor
       FROM orders o JOIN shops s USING (shop_id)`,
    )
    .all() as Row[];
  for (const r of rows) r.day = localDayOf(r.create_time as number, r.region as string);
  return groupSum(
    rows,
    ['shop_id', 'day', 'currency'],
    [
      'orders',
      'cancelled_orders',
      'units',
      'gross_minor',
      'refunds_minor',
      'seller_discount_minor',
      'platform_discount_minor',
      'tax_minor',
      'shipping_minor',
    ],
  );
}

export function storedOrderDays(db: Database): unknown[] {
  return db
    .prepare(
      `SELECT shop_id, day, currency, orders, cancelled_orders, units, gross_minor, refunds_minor,
         seller_discount_minor, platform_discount_minor, tax_minor, shipping_minor
       FROM order_days WHERE orders != 0 OR cancelled_orders != 0 ORDER BY 1, 2, 3`,
    )
    .all();
}

export function recomputedProductDays(db: Database): unknown[] {
  const rows = db
    .prepare(
      `SELECT o.shop_id, o.create_time, s.region, l.product_id, l.currency, l.cancelled = 0 AS units,
         CASE WHEN l.cancelled = 0 THEN l.sale_price_minor ELSE 0 END AS gross_minor,
         l.cancelled AS refunded_units, CASE WHEN l.cancelled THEN l.sale_price_minor ELSE 0 END AS refunds_minor
       FROM order_lines l JOIN orders o USING (order_id) JOIN shops s ON s.shop_id = o.shop_id
       WHERE o.status != 'CANCELLED'`,
    )
    .all() as Row[];
  for (const r of rows) r.day = localDayOf(r.create_time as number, r.region as string);
  return groupSum(
    rows,
    ['shop_id', 'day', 'product_id', 'currency'],
    ['units', 'gross_minor', 'refunded_units', 'refunds_minor'],
  );
}

export function storedProductDays(db: Database): unknown[] {
  return db
    .prepare(
      `SELECT shop_id, day, product_id, currency, units, gross_minor, refunded_units, refunds_minor
       FROM product_days ORDER BY 1, 2, 3, 4`,
    )
    .all();
}

export function recomputedAdDays(db: Database): unknown[] {
  return db
    .prepare(
      `SELECT advertiser_id, day, currency, SUM(spend_minor) AS spend_minor, SUM(impressions) AS impressions,
         SUM(clicks) AS clicks, SUM(reach) AS reach, SUM(conversions) AS conversions,
         SUM(conversion_value_minor) AS conversion_value_minor
       FROM ad_report_days GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    .all();
}

export function storedAdDays(db: Database): unknown[] {
  return db
    .prepare(
      `SELECT advertiser_id, day, currency, spend_minor, impressions, clicks, reach, conversions,
         conversion_value_minor FROM ad_days WHERE impressions != 0 OR spend_minor != 0 ORDER BY 1, 2, 3`,
    )
    .all();
}

export function count(db: Database, table: string): number {
  return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
}
