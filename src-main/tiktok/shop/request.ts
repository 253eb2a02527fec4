import { z } from 'zod';
import { AppError } from '@shared/errors';
import type { Logger } from '../../log/logger';
import { TokenRejected } from '../auth-failure';
import { callWithRetry, type HttpResponse, type Outcome, parseJson, validate } from '../http-core';
import type { TokenBucket } from '../token-bucket';
import { signShopRequest } from './signing';

export const shopService = 'TikTok Shop';

const envelopeSchema = z.object({
  code: z.number(),
  message: z.string(),
  request_id: z.string().optional(),
  data: z.unknown(),
});

/** Codes that mean "try again later" (shop-api.md §3.2). */
const transientCodes = new Set([36009002, 36009003, 36009007]);

export interface ShopAppCredentials {
  apiBase: string;
  appKey: string;
  appSecret: string;
}

export interface ShopRequest<S extends z.ZodType> {
  app: ShopAppCredentials;
  accessToken: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Versioned path, e.g. `/order/202309/orders/search`. */
  path: string;
  /** Decoded query values; `shop_cipher` goes here for shop-scoped APIs. */
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Schema of `data`. */
  data: S;
  bucket?: TokenBucket;
  signal?: AbortSignal;
  logger?: Logger;
  now?: () => number;
}

function classify<S extends z.ZodType>(res: HttpResponse, schema: S): Outcome<z.output<S>> {
  if (res.status >= 500)
    return { kind: 'retry', error: new AppError('REMOTE', `${shopService} answered HTTP ${res.status}`) };
  let env: z.infer<typeof envelopeSchema>;
  try {
    env = parseJson(shopService, res.text, envelopeSchema);
  } catch (err) {
    if (res.status === 429)
      return {
        kind: 'retry',
        rateLimited: true,
        error: new AppError('RATE_LIMITED', `${shopService} rate limit`),
      };
    return { kind: 'fail', error: err as AppError };
  }
  if (env.code === 0) {
    try {
      return { kind: 'ok', value: validate(shopService, env.data, schema) };
    } catch (err) {
      return { kind: 'fail', error: err as AppError };
    }
  }
  const message = `${shopService}: ${env.message} (code ${env.code})`;
  if (res.status === 429 || env.code === 36009002) {
    return { kind: 'retry', rateLimited: true, error: new AppError('RATE_LIMITED', message) };
  }
  if (transientCodes.has(env.code)) return { kind: 'retry', error: new AppError('REMOTE', message) };
  if (env.code === 105002) return { kind: 'fail', error: new TokenRejected('expired', message) };
  // 36009004 is the gateway's catch-all; only its access-token flavour means the grant is gone.
  if (env.code === 36009004 && /access.?token/i.test(env.message))
    return { kind: 'fail', error: new TokenRejected('revoked', message) };
  return { kind: 'fail', error: new AppError('REMOTE', message, { remoteCode: env.code }) };
}

/** One signed Open API call (202309+ signing), with retries, rate limiting and a validated `data`. */
export function shopRequest<S extends z.ZodType>(req: ShopRequest<S>): Promise<z.output<S>> {
  return callWithRetry({
    service: shopService,
    bucket: req.bucket,
    signal: req.signal,
    logger: req.logger,
    classify: (res) => classify(res, req.data),
    request: () => {
      // Sign afresh on each attempt: the timestamp window is five minutes and retries may wait.
      const body = req.body === undefined ? undefined : JSON.stringify(req.body);
      const query: Record<string, string> = {
        app_key: req.app.appKey,
        timestamp: String(Math.floor((req.now ?? Date.now)() / 1000)),
      };
      for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) query[k] = String(v);
      const sign = signShopRequest({
        appSecret: req.app.appSecret,
        path: req.path,
        query,
        body,
        contentType: 'application/json',
      });
      const url = new URL(req.app.apiBase + req.path);
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      url.searchParams.set('sign', sign);
      return {
        method: req.method,
        url: url.toString(),
        headers: { 'content-type': 'application/json', 'x-tts-access-token': req.accessToken },
        body,
      };
    },
  });
}
