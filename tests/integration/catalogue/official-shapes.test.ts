import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  normaliseProductDetail,
  productDetailDataSchema,
} from '../../../src-main/tiktok/shop/product-detail';
import { inventoryDataSchema } from '../../../src-main/tiktok/shop/product-writes';
import { activityDataSchema, activitySearchDataSchema } from '../../../src-main/tiktok/shop/promotions';
import { shopRequest } from '../../../src-main/tiktok/shop/request';
import { type CatalogueWorld, editableProducts, startCatalogueWorld } from '../../helpers/catalogue-world';
import { SHOP_ACCOUNT } from '../../helpers/sync-fixtures';

/**
 * TikTok's official sample answers (tests/fixtures/tiktok/) against the app's schemas, and the sandbox's
 * answers against the samples' shape: every field the sandbox sends exists in the official sample with the
 * same JSON type, so the app is never tested against a shape TikTok does not send.
 */

const fixture = (name: string): { data: unknown } =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/tiktok', name), 'utf8')) as {
    data: unknown;
  };

/** path → JSON type, arrays as `[]`, for every leaf and object of a value. */
function shapeOf(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (path) out.set(path, type);
  if (Array.isArray(value)) for (const v of value) shapeOf(v, `${path}[]`, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) shapeOf(v, path ? `${path}.${k}` : k, out);
  return out;
}

function expectSameShape(sandbox: unknown, official: unknown): void {
  const mine = shapeOf(sandbox);
  const theirs = shapeOf(official);
  const differences = [...mine]
    .filter(([path, type]) => theirs.get(path) !== type)
    .map(([p, t]) => `${p}: ${t} vs ${theirs.get(p) ?? 'absent'}`);
  expect(differences).toEqual([]);
}

let w: CatalogueWorld;
let productId = '';
let skuId = '';
let warehouseId = '';
beforeAll(async () => {
  w = await startCatalogueWorld();
  const [first] = [...(await editableProducts(w)).values()];
  productId = first![0]!.product_id;
  skuId = first![0]!.sku_id;
  warehouseId = (JSON.parse(first![0]!.warehouses) as Array<{ warehouseId: string }>)[0]!.warehouseId;
}, 60_000);
afterAll(async () => w.close());

async function raw(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const cipher = w.world.db
    .prepare('SELECT cipher FROM shops s JOIN products p ON p.shop_id = s.shop_id WHERE p.product_id = ?')
    .pluck()
    .get(productId) as string;
  return shopRequest({
    app: {
      apiBase: w.world.profile.shopApiBase,
      appKey: w.world.profile.shop.appKey,
      appSecret: w.world.profile.shop.appSecret,
    },
    accessToken: await w.world.tokens.accessToken(SHOP_ACCOUNT),
    method,
    path,
    query: { shop_cipher: cipher },
    body,
    data: z.unknown(),
  });
}

describe('official samples and the sandbox agree', () => {
  it('Get Product', async () => {
    const official = fixture('get-product-202309.json').data;
    const parsed = normaliseProductDetail(productDetailDataSchema.parse(official));
    expect(parsed.skus[0]).toMatchObject({
      skuId: '10001',
      priceMinor: 11750,
      currency: 'USD',
      status: 'DEACTIVATED',
    });
    expect(parsed.images[0]?.url).toMatch(/^https:/);
    expect(parsed.auditStatus).toBe('AUDITING');
    // The shape check uses the whole official sample (the contract tests' copy): the one above is trimmed
    // to the fields this test parses, and the sandbox sends every documented field.
    const whole = (
      JSON.parse(
        readFileSync(
          join(import.meta.dirname, '../../fixtures/tiktok-samples/shop/product-detail-202309.json'),
          'utf8',
        ),
      ) as { response: { data: unknown } }
    ).response.data;
    expectSameShape(await raw('GET', `/product/202309/products/${productId}`), whole);
  });

  it('Update Inventory, with a per-SKU error', async () => {
    const official = fixture('update-inventory-202309.json').data;
    expect(inventoryDataSchema.parse(official).errors[0]).toMatchObject({
      code: 12052990,
      detail: { sku_id: '1729592969712207013' },
    });
    const answer = await raw('POST', `/product/202309/products/${productId}/inventory/update`, {
      skus: [
        {
          id: skuId,
          inventory: [
            { warehouse_id: '7068517275539719942', quantity: 5 },
            { warehouse_id: warehouseId, quantity: 5 },
          ],
        },
      ],
    });
    expect(answer).toMatchObject({ errors: [{ detail: { sku_id: skuId } }] });
    expectSameShape(answer, official);
  });

  it('Update Price', async () => {
    const official = fixture('update-price-202309.json').data;
    const answer = await raw('POST', `/product/202309/products/${productId}/prices/update`, {
      skus: [{ id: skuId, price: { amount: '21.50', currency: 'USD' } }],
    });
    expect(answer).toEqual(official);
  });

  it('Search Activities and Get Activity', async () => {
    const search = fixture('search-activities-202309.json').data;
    const detail = fixture('get-activity-202309.json').data;
    expect(activitySearchDataSchema.parse(search).activities[0]?.activity_type).toBe('FIXED_PRICE');
    expect(activityDataSchema.parse(detail).products[0]?.skus[0]?.id).toBe('7136382541418366725');
    const found = (await raw('POST', '/promotion/202309/activities/search', { status: 'ONGOING' })) as {
      activities: Array<{ id: string }>;
    };
    expectSameShape(found, search);
    expectSameShape(await raw('GET', `/promotion/202309/activities/${found.activities[0]!.id}`), detail);
  });
});
