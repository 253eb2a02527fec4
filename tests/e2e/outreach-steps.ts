import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { type APIRequestContext, expect } from '@playwright/test';
import type { z } from 'zod';
import { creatorRegion } from '../../src-main/sandbox/data/creator-region';
import { creatorCodec } from '../../src-main/sandbox/data/generator';
import { DEFAULT_SEED } from '../../src-main/sandbox/index';
import { makeCredentials } from '../../src-main/sandbox/state';
import { callApi, type RunningWebApp } from './web-app';

/**
 * Steps the outreach specs share: the embedded sandbox's admin API (replies parsed through the zod shapes of
 * tests/integration/sandbox/shapes.ts, so a changed reply fails with the field's path), the sandbox's creators
 * put into the CRM as a sync or import would, and an invitation Outreach run to its end.
 */

export interface SandboxAdminApi {
  get<S extends z.ZodType>(shape: S, path: string): Promise<z.infer<S>>;
  post(path: string, data: unknown): Promise<void>;
}

export function sandboxAdminApi(request: APIRequestContext, origin: string, token: string): SandboxAdminApi {
  const headers = { Authorization: `Bearer ${token}` };
  return {
    async get(shape, path) {
      const res = await request.get(`${origin}/admin${path}`, { headers });
      expect(res.ok(), `GET ${path}: ${res.status()}`).toBe(true);
      return shape.parse(await res.json());
    },
    async post(path, data) {
      const res = await request.post(`${origin}/admin${path}`, { headers, data });
      expect(res.ok(), `POST ${path}: ${await res.text()}`).toBe(true);
    },
  };
}

/**
 * Puts the sandbox's creators of `region` that the CRM does not hold yet (among the first 40; at most
 * `limit`) into the CRM by open id, handles `<prefix>_<n>`, and returns their creator ids.
 */
export function addSandboxCreators(dataDir: string, region: string, prefix: string, limit = 40): number[] {
  const db = new BetterSqlite3(join(dataDir, 'shopmesh.db'));
  try {
    const codec = creatorCodec(DEFAULT_SEED, makeCredentials(DEFAULT_SEED).shop.appKey);
    const known = db.prepare('SELECT 1 FROM creators WHERE open_id = ?').pluck();
    const fresh = Array.from({ length: 40 }, (_, i) => i)
      .filter((i) => creatorRegion({ dataset: { seed: DEFAULT_SEED } }, i) === region)
      .filter((i) => known.get(codec.encode(i)) === undefined)
      .slice(0, limit);
    const insert = db.prepare(
      `INSERT INTO creators (canonical_id, open_id, handle, nickname, region, first_seen_at, updated_at)
       VALUES (0, ?, ?, ?, ?, 1, 1)`,
    );
    for (const i of fresh) insert.run(codec.encode(i), `${prefix}_${i}`, `${prefix} ${i}`, region);
    db.exec('UPDATE creators SET canonical_id = id WHERE canonical_id = 0');
    const openIds = fresh.map((i) => codec.encode(i));
    return db
      .prepare(`SELECT id FROM creators WHERE open_id IN (${openIds.map(() => '?').join(',')}) ORDER BY id`)
      .pluck()
      .all(...openIds) as number[];
  } finally {
    db.close();
  }
}

/** Creates an invitation Outreach (with its own template), starts it and waits until it has finished. */
export async function inviteToTheEnd(
  app: RunningWebApp,
  request: APIRequestContext,
  input: {
    accountId: string;
    shopId: string;
    name: string;
    creatorIds: number[];
    productIds: string[];
    templateName: string;
  },
): Promise<number> {
  const call = <T>(channel: string, data: unknown) => callApi<T>(app, request, channel, data);
  const template = await call<{ id: number }>('templates:save', {
    name: input.templateName,
    kind: 'invitation',
    language: 'en',
    body: '{{shop_name}} would love you to try {{product_names}}.',
  });
  const { outreach } = await call<{ outreach: { id: number } }>('outreach:create', {
    accountId: input.accountId,
    shopId: input.shopId,
    name: input.name,
    action: 'invite',
    creatorIds: input.creatorIds,
    products: input.productIds.map((productId) => ({ productId, commissionBp: 1500 })),
    freeSample: { hasFreeSample: false, approvalExempt: false },
    sellerEmail: 'team@maplemoss.example',
    invitationTemplateId: template.id,
    values: { productNames: 'our lamps' },
    ratePerMinute: 600,
    weeklyPool: null,
  });
  await call('outreach:start', { id: outreach.id });
  await expect
    .poll(async () => (await call<{ status: string }>('outreach:get', { id: outreach.id })).status, {
      timeout: 60_000,
    })
    .toBe('finished');
  return outreach.id;
}
