import type { Database } from 'better-sqlite3';
import type { ProductImage } from '@shared/catalogue';
import { AppError } from '@shared/errors';
import type { ImageMime } from '../core/image-info';
import type { Logger } from '../log/logger';
import { type FetchedImage, fetchImage, type ImageRule, parseImageSources } from '../tiktok/images';
import { productsTexts } from './texts';

/**
 * A product's pictures for the product dialog (`products:image`). The renderer shows no remote image (CSP),
 * so main fetches the picture Get Product named, under `tiktok/images.ts`'s rules (TikTok's image hosts
 * only, size cap, type check), and answers a `data:` URL. Pictures are kept in `product_image_cache`
 * (migration 034), bounded in total size by dropping the least recently shown, so a picture seen once shows
 * offline. docs/catalogue.md "Product pictures".
 */

export const defaultImageLimits = {
  /** One picture: TikTok's own upload limit (docs/tiktok-api/product-images.md). */
  maxImageBytes: 10 * 1024 * 1024,
  /** Every cached picture together. */
  maxCacheBytes: 48 * 1024 * 1024,
};

interface StoredImage {
  url: string;
  thumbUrl: string | null;
}

interface CacheRow {
  mime: ImageMime;
  width: number;
  height: number;
  size: number;
  bytes: Buffer;
  fetched_at: number;
}

/** The cache key: the address without its query (TikTok's CDN names a picture by its path). */
export function imageCacheKey(address: string): string {
  const url = new URL(address);
  return `${url.origin}${url.pathname}`;
}

export class ProductImages {
  private readonly rules: ImageRule[];
  private readonly limits: typeof defaultImageLimits;
  private readonly inFlight = new Map<string, Promise<FetchedImage>>();

  constructor(
    private readonly deps: {
      db: Database;
      /** The Profile's `imageSources`. */
      sources: readonly string[];
      now: () => number;
      logger: Logger;
      limits?: Partial<typeof defaultImageLimits>;
      /** Test seam: how a picture is fetched. */
      fetch?: typeof fetchImage;
    },
  ) {
    this.rules = parseImageSources(deps.sources);
    this.limits = { ...defaultImageLimits, ...deps.limits };
  }

  async image(input: { productId: string; index: number; variant: 'full' | 'thumb' }): Promise<ProductImage> {
    const { db } = this.deps;
    const stored = db
      .prepare('SELECT images FROM product_media WHERE product_id = ?')
      .pluck()
      .get(input.productId) as string | undefined;
    const picture = stored ? (JSON.parse(stored) as StoredImage[])[input.index] : undefined;
    if (!picture)
      throw new AppError(
        'NOT_FOUND',
        productsTexts.noPicture({ productId: input.productId, index: input.index + 1 }),
      );
    const address = input.variant === 'thumb' ? (picture.thumbUrl ?? picture.url) : picture.url;
    const key = imageCacheKey(address);
    const now = this.deps.now();
    const hit = db
      .prepare(
        'SELECT mime, width, height, size, bytes, fetched_at FROM product_image_cache WHERE url_key = ?',
      )
      .get(key) as CacheRow | undefined;
    if (hit) {
      db.prepare('UPDATE product_image_cache SET used_at = ? WHERE url_key = ?').run(this.nextUse(now), key);
      return answer(hit, true);
    }
    const fetched = await this.fetchOnce(key, address);
    const fetchedAt = this.deps.now();
    this.store(key, input.productId, fetched, fetchedAt);
    return answer(
      { ...fetched, size: fetched.bytes.length, fetched_at: fetchedAt, bytes: fetched.bytes },
      false,
    );
  }

  /** One request per picture however many ask for it at once (a dialog opened twice, thumbnails). */
  private fetchOnce(key: string, address: string): Promise<FetchedImage> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      const fetch = this.deps.fetch ?? fetchImage;
      pending = fetch(address, { rules: this.rules, maxBytes: this.limits.maxImageBytes }).finally(() =>
        this.inFlight.delete(key),
      );
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private store(key: string, productId: string, image: FetchedImage, at: number): void {
    const { db } = this.deps;
    db.transaction(() => {
      // The product may have gone (an Account purge) while the picture was on its way.
      const known = db.prepare('SELECT 1 FROM products WHERE product_id = ?').get(productId);
      if (!known) return;
      db.prepare(
        `INSERT INTO product_image_cache (url_key, product_id, mime, width, height, size, bytes, fetched_at, used_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (url_key) DO UPDATE SET mime = excluded.mime, width = excluded.width,
           height = excluded.height, size = excluded.size, bytes = excluded.bytes,
           fetched_at = excluded.fetched_at, used_at = excluded.used_at`,
      ).run(
        key,
        productId,
        image.mime,
        image.width,
        image.height,
        image.bytes.length,
        image.bytes,
        at,
        this.nextUse(at),
      );
      this.evict(key);
    }).immediate();
  }

  /**
   * A use time later than every stored one: two pictures shown within the same millisecond must still be
   * ordered, or eviction drops the one shown last (the clock's ties broke by key).
   */
  private nextUse(now: number): number {
    const last = this.deps.db.prepare('SELECT max(used_at) FROM product_image_cache').pluck().get() as
      number | null;
    return last === null ? now : Math.max(now, last + 1);
  }

  /** Drops the least recently shown pictures until the cache fits its bound again (never `keep`). */
  private evict(keep: string): void {
    const { db } = this.deps;
    let total = db.prepare('SELECT coalesce(sum(size), 0) FROM product_image_cache').pluck().get() as number;
    if (total <= this.limits.maxCacheBytes) return;
    const oldest = db
      .prepare('SELECT url_key, size FROM product_image_cache WHERE url_key != ? ORDER BY used_at, url_key')
      .iterate(keep) as IterableIterator<{ url_key: string; size: number }>;
    const gone: string[] = [];
    for (const row of oldest) {
      if (total <= this.limits.maxCacheBytes) break;
      gone.push(row.url_key);
      total -= row.size;
    }
    const drop = db.prepare('DELETE FROM product_image_cache WHERE url_key = ?');
    for (const k of gone) drop.run(k);
    this.deps.logger.debug({ dropped: gone.length, total }, 'product picture cache trimmed');
  }
}

function answer(row: Omit<CacheRow, 'bytes'> & { bytes: Buffer }, cached: boolean): ProductImage {
  return {
    dataUrl: `data:${row.mime};base64,${row.bytes.toString('base64')}`,
    mime: row.mime,
    width: row.width,
    height: row.height,
    size: row.size,
    fetchedAt: row.fetched_at,
    cached,
  };
}
