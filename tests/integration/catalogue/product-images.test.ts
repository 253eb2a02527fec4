import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageInfo } from '../../../src-main/core/image-info';
import { silentLogger } from '../../../src-main/log/logger';
import { productionProfile } from '../../../src-main/profile/profile';
import { refreshProduct } from '../../../src-main/products/detail';
import { ProductImages } from '../../../src-main/products/images';
import { imageUrlVerdict, parseImageSources } from '../../../src-main/tiktok/images';
import {
  normaliseProductDetail,
  productDetailDataSchema,
} from '../../../src-main/tiktok/shop/product-detail';
import { AppError } from '../../../src-shared/errors';
import {
  type CatalogueWorld,
  editableProducts,
  sandboxCalls,
  startCatalogueWorld,
} from '../../helpers/catalogue-world';

/**
 * Product pictures end to end against the sandbox (real HTTP): Get Product names them on the simulator's
 * picture CDN, main fetches, checks and caches them, serves them again without a request and offline, and
 * keeps the cache within its bound.
 */

let w: CatalogueWorld;
let products: string[] = [];
beforeEach(async () => {
  w = await startCatalogueWorld();
  products = [...(await editableProducts(w)).keys()];
  for (const id of products.slice(0, 3))
    await refreshProduct({ db: w.world.db, api: w.catalogue.api, now: Date.now }, id);
}, 60_000);
afterEach(async () => w.close());

const images = (limits?: { maxCacheBytes?: number }, now: () => number = Date.now) =>
  new ProductImages({
    db: w.world.db,
    sources: w.world.profile.imageSources,
    now,
    logger: silentLogger(),
    ...(limits ? { limits } : {}),
  });

const pictureRequests = async () => (await sandboxCalls(w.world, '~tplv-')).length;

function decoded(dataUrl: string): ReturnType<typeof imageInfo> {
  return imageInfo(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
}

describe('product pictures', () => {
  it('fetches the pictures Get Product names from the sandbox, then serves them from the cache', async () => {
    const service = images();
    const productId = products[0]!;
    const full = await service.image({ productId, index: 0, variant: 'full' });
    expect(full).toMatchObject({ mime: 'image/png', width: 800, height: 800, cached: false });
    expect(decoded(full.dataUrl)).toEqual({ mime: 'image/png', width: 800, height: 800 });
    const thumb = await service.image({ productId, index: 0, variant: 'thumb' });
    expect(thumb).toMatchObject({ width: 300, height: 300, cached: false });
    expect(await pictureRequests()).toBe(2);

    const again = await service.image({ productId, index: 0, variant: 'full' });
    expect(again).toMatchObject({ cached: true, dataUrl: full.dataUrl, fetchedAt: full.fetchedAt });
    // A new service (the app started again) reads the same cache.
    expect((await images().image({ productId, index: 0, variant: 'thumb' })).cached).toBe(true);
    expect(await pictureRequests()).toBe(2);
  });

  it('asks once when the same picture is wanted twice at the same time', async () => {
    const service = images();
    const [a, b] = await Promise.all([
      service.image({ productId: products[1]!, index: 0, variant: 'full' }),
      service.image({ productId: products[1]!, index: 0, variant: 'full' }),
    ]);
    expect(a.dataUrl).toBe(b.dataUrl);
    expect(await pictureRequests()).toBe(1);
  });

  it('shows a cached picture offline and says OFFLINE for one never fetched', async () => {
    const service = images();
    const seen = await service.image({ productId: products[0]!, index: 0, variant: 'full' });
    await w.world.sandbox.close();
    expect(await service.image({ productId: products[0]!, index: 0, variant: 'full' })).toMatchObject({
      cached: true,
      dataUrl: seen.dataUrl,
    });
    const err = await service
      .image({ productId: products[1]!, index: 0, variant: 'full' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'OFFLINE' });
    expect(w.world.db.prepare('SELECT count(*) FROM product_image_cache').pluck().get()).toBe(1);
  });

  it('keeps the cache within its bound, dropping the picture shown longest ago', async () => {
    // One millisecond for every use: the order of showing must still decide, not the clock's ties.
    const frozen = () => 1_750_000_000_000;
    const first = await images({}, frozen).image({ productId: products[0]!, index: 0, variant: 'thumb' });
    const service = images({ maxCacheBytes: first.size * 2 + 10 }, frozen);
    await service.image({ productId: products[1]!, index: 0, variant: 'thumb' });
    await service.image({ productId: products[0]!, index: 0, variant: 'thumb' }); // shown again: now newest
    await service.image({ productId: products[2]!, index: 0, variant: 'thumb' });
    const rows = w.world.db
      .prepare('SELECT product_id, size FROM product_image_cache ORDER BY product_id')
      .all() as Array<{ product_id: string; size: number }>;
    expect(rows.reduce((n, r) => n + r.size, 0)).toBeLessThanOrEqual(first.size * 2 + 10);
    expect(rows.map((r) => r.product_id).sort()).toEqual([products[0]!, products[2]!].sort());
  });

  it('refuses a picture address outside the image hosts without asking anyone', async () => {
    const productId = products[0]!;
    w.world.db
      .prepare('UPDATE product_media SET images = ? WHERE product_id = ?')
      .run(
        JSON.stringify([{ url: `${w.world.info.adminBase}/requests`, thumbUrl: null, width: 1, height: 1 }]),
        productId,
      );
    const before = (await sandboxCalls(w.world, '')).length;
    const err = await images()
      .image({ productId, index: 0, variant: 'full' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'REMOTE', key: 'tiktok.errors.imageSourceRefused' });
    expect((await sandboxCalls(w.world, '')).length).toBe(before);
  });

  it('says NOT_FOUND for a picture the product does not have, and a purged product takes its pictures', async () => {
    const service = images();
    await expect(service.image({ productId: products[0]!, index: 9, variant: 'full' })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
        key: 'products.errors.noPicture',
      },
    );
    await service.image({ productId: products[0]!, index: 0, variant: 'full' });
    w.world.db.prepare('DELETE FROM products WHERE product_id = ?').run(products[0]!);
    expect(w.world.db.prepare('SELECT count(*) FROM product_image_cache').pluck().get()).toBe(0);
  });
});

it("accepts the picture addresses of Get Product's official sample under the production rules", () => {
  const sample = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../fixtures/tiktok/get-product-202309.json'), 'utf8'),
  ) as { data: unknown };
  const product = normaliseProductDetail(productDetailDataSchema.parse(sample.data));
  const rules = parseImageSources(productionProfile().imageSources);
  expect(product.images.length).toBeGreaterThan(0);
  for (const image of product.images) {
    expect(imageUrlVerdict(image.url, rules).ok).toBe(true);
    expect(imageUrlVerdict(image.thumbUrl!, rules).ok).toBe(true);
  }
});
