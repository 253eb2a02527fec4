import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { connectShop, shopCaller, startWorld, type SyncWorld } from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor } from '../../helpers/sync-service';

/**
 * Product search 202502 (issue 9.7): audit status, listing quality, drafts and per-SKU status are stored;
 * DELETED products are kept; the sandbox answers and filters as the reference documents.
 */

let world: SyncWorld;
let shops: Array<{ id: string; cipher: string; region: string }>;
beforeAll(async () => {
  world = await startWorld({ scale: 'demo' });
  shops = await connectShop(world);
  const t = syncServiceFor(world);
  await syncAndWait(t, { resources: ['products'] });
  await t.service.close();
});
afterAll(async () => world.close());

const rows = <T>(sql: string, ...args: unknown[]): T[] => world.db.prepare(sql).all(...args) as T[];

describe('product search 202502', () => {
  it('stores audit status, listing quality, drafts and SKU status', async () => {
    const audits = rows<{ audit_status: string; status: string }>(
      'SELECT DISTINCT audit_status, status FROM products',
    );
    expect(audits).toContainEqual({ audit_status: 'APPROVED', status: 'ACTIVATE' });
    expect(audits.every((a) => a.audit_status !== null)).toBe(true);
    const us = shops.find((s) => s.region === 'US')!;
    const gb = shops.find((s) => s.region !== 'US')!;
    // Listing quality is a US-only field.
    expect(
      rows<{ n: number }>(
        `SELECT COUNT(*) AS n FROM products WHERE shop_id = ? AND listing_quality_tier IS NULL`,
        us.id,
      )[0]!.n,
    ).toBe(0);
    expect(
      rows<{ n: number }>(
        `SELECT COUNT(*) AS n FROM products WHERE shop_id = ? AND listing_quality_tier IS NOT NULL`,
        gb.id,
      )[0]!.n,
    ).toBe(0);
    expect(
      rows<{ n: number }>('SELECT COUNT(*) AS n FROM products WHERE has_draft = 1')[0]!.n,
    ).toBeGreaterThan(0);
    const skuStates = rows<{ status: string; deactivation_source: string | null }>(
      'SELECT DISTINCT status, deactivation_source FROM product_skus ORDER BY 1, 2',
    );
    expect(skuStates).toEqual(
      expect.arrayContaining([
        { status: 'NORMAL', deactivation_source: null },
        { status: 'DEACTIVATED', deactivation_source: 'SELLER' },
        { status: 'DEACTIVATED', deactivation_source: 'PLATFORM' },
      ]),
    );
  });

  it('keeps products TikTok reports as DELETED, with their SKUs', () => {
    const deleted = rows<{ product_id: string; skus: number }>(
      `SELECT p.product_id, COUNT(s.sku_id) AS skus FROM products p LEFT JOIN product_skus s USING (product_id)
       WHERE p.status = 'DELETED' GROUP BY 1`,
    );
    expect(deleted.length).toBeGreaterThan(0);
    expect(deleted.every((d) => d.skus > 0)).toBe(true);
  });

  it('the sandbox filters by SKU ids (at most 10), audit status and listing quality as documented', async () => {
    const us = shops.find((s) => s.region === 'US')!;
    const call = shopCaller(world, us.cipher);
    const page = z.object({
      total_count: z.number(),
      products: z.array(
        z.object({
          id: z.string(),
          audit: z.object({ status: z.string() }),
          listing_quality_tier: z.string().optional(),
          skus: z.array(z.object({ id: z.string() })),
        }),
      ),
    });
    const search = (body: unknown) =>
      call('POST', '/product/202502/products/search', page, body, { page_size: '100' });
    const sku = rows<{ sku_id: string; product_id: string }>(
      'SELECT sku_id, product_id FROM product_skus JOIN products USING (product_id) WHERE shop_id = ? LIMIT 1',
      us.id,
    )[0]!;
    expect((await search({ sku_ids: [sku.sku_id] })).products.map((p) => p.id)).toEqual([sku.product_id]);
    await expect(search({ sku_ids: Array.from({ length: 11 }, (_, i) => String(i)) })).rejects.toMatchObject({
      message: expect.stringContaining('12019087'),
    });
    const auditing = await search({ audit_status: ['AUDITING'] });
    expect(auditing.products.every((p) => p.audit.status === 'AUDITING')).toBe(true);
    const poor = await search({ listing_quality_tiers: ['POOR'] });
    expect(poor.total_count).toBeGreaterThan(0);
    expect(poor.products.every((p) => p.listing_quality_tier === 'POOR')).toBe(true);
  });
});
