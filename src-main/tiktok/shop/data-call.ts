import type { z } from 'zod';
import type { Logger } from '../../log/logger';
import type { WriteResult } from '../http-core';
import type { RejectedRecord } from '../records';
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
  /** Records of the page that could not be read in full (records.ts); the sync keeps them aside. */
  rejected: RejectedRecord[];
  /** '' on the last page. */
  nextPageToken: string;
  totalCount: number | null;
}

export interface ShopCall<S extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  data: S;
}

function request<S extends z.ZodType>(ctx: ShopDataContext, api: string, call: ShopCall<S>) {
  return {
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
  };
}

/** A read: every transient failure is retried. */
export function shopCall<S extends z.ZodType>(
  ctx: ShopDataContext,
  api: string,
  call: ShopCall<S>,
): Promise<z.output<S>> {
  return shopRequest(request(ctx, api, call));
}

/**
 * A call that changes something at TikTok (a price, stock, an invitation, a message). Only a refusal that
 * proves nothing happened is retried; a lost or failed answer comes back as `{ kind: 'unknown' }`, which
 * the caller reconciles by reading the remote state before trying again (errors-and-limits.md, "Writes").
 */
export function shopWrite<S extends z.ZodType>(
  ctx: ShopDataContext,
  api: string,
  call: ShopCall<S>,
): Promise<WriteResult<z.output<S>>> {
  return shopRequest({ ...request(ctx, api, call), mode: 'write' });
}
