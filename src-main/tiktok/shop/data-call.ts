import type { z } from 'zod';
import type { Logger } from '../../log/logger';
import type { TokenBucket } from '../token-bucket';
import { type ShopAppCredentials, shopRequest } from './request';

/**
 * What every Shop data client needs for one shop: credentials, the Account's current token, the shop's
 * cipher, and the rate limiter bucket of each API (TikTok counts QPS per API per app+shop).
 */
export interface ShopDataContext {
  app: ShopAppCredentials;
  accessToken: string;
  cipher: string;
  bucket?: (api: string) => TokenBucket | undefined;
  signal?: AbortSignal;
  logger?: Logger;
  now?: () => number;
}

/** One cursor-paginated page, normalised. */
export interface Page<T> {
  items: T[];
  /** '' on the last page. */
  nextPageToken: string;
  totalCount: number | null;
}

export function shopCall<S extends z.ZodType>(
  ctx: ShopDataContext,
  api: string,
  call: {
    method: 'GET' | 'POST';
    path: string;
    query?: Record<string, string | number | undefined>;
    body?: unknown;
    data: S;
  },
): Promise<z.output<S>> {
  return shopRequest({
    app: ctx.app,
    accessToken: ctx.accessToken,
    method: call.method,
    path: call.path,
    query: { ...call.query, shop_cipher: ctx.cipher },
    body: call.body,
    data: call.data,
    bucket: ctx.bucket?.(api),
    signal: ctx.signal,
    logger: ctx.logger,
    now: ctx.now,
  });
}
