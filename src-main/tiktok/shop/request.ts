import { z } from 'zod';
import { AppError } from '@shared/errors';
import type { Logger } from '../../log/logger';
import { TokenRejected } from '../auth-failure';
import {
  type CallMode,
  callWithRetry,
  envelopeOf,
  type HttpResponse,
  type Outcome,
  statusOutcome,
  validate,
  type WriteResult,
} from '../http-core';
import type { TokenBucket } from '../token-bucket';
import { signShopRequest } from './signing';
import { tiktokTexts } from '../texts';

export const shopService = 'TikTok Shop';

const envelopeSchema = z.object({
  code: z.number(),
  message: z.string(),
  request_id: z.string().optional(),
  data: z.unknown(),
});

/** Codes that mean "try again later" (docs/tiktok-api/errors-and-limits.md). */
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
  /** A body sent as these bytes with this content type instead of JSON (multipart uploads). */
  rawBody?: { contentType: string; bytes: Uint8Array };
  /** Schema of `data`. */
  data: S;
  bucket?: TokenBucket;
  signal?: AbortSignal;
  logger?: Logger;
  now?: () => number;
  /** `write` for calls that change something at TikTok: a lost answer is returned, never retried blind. */
  mode?: CallMode;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
}

function classify<S extends z.ZodType>(res: HttpResponse, schema: S): Outcome<z.output<S>> {
  const byStatus = statusOutcome(res.status, shopService);
  if (byStatus && res.status !== 429) return byStatus;
  const parsed = envelopeOf(res, shopService, envelopeSchema);
  if (parsed.kind === 'outcome') return byStatus ?? parsed.outcome;
  const env = parsed.envelope;
  if (env.code === 0) {
    try {
      return { kind: 'ok', value: validate(shopService, env.data, schema) };
    } catch (err) {
      return { kind: 'fail', error: err as AppError };
    }
  }
  const message = tiktokTexts.refused({ service: shopService, message: env.message, code: env.code });
  if (res.status === 429 || env.code === 36009002) {
    return { kind: 'retry', rateLimited: true, error: new AppError('RATE_LIMITED', message) };
  }
  if (transientCodes.has(env.code)) return { kind: 'retry', error: new AppError('REMOTE', message) };
  if (env.code === 105002) return { kind: 'fail', error: new TokenRejected('expired', message) };
  // 36009004 is the gateway's catch-all; only its access-token flavour means the grant is gone.
  if (env.code === 36009004 && /access.?token/i.test(env.message))
    return { kind: 'fail', error: new TokenRejected('revoked', message) };
  // Everything else is final, 36009009 (unknown path) and 36009014 (retired version) included.
  return { kind: 'fail', error: new AppError('REMOTE', message, { remoteCode: env.code }) };
}

/** One signed Open API call (202309+ signing), with retries, rate limiting and a validated `data`. */
export function shopRequest<S extends z.ZodType>(
  req: ShopRequest<S> & { mode: 'write' },
): Promise<WriteResult<z.output<S>>>;
export function shopRequest<S extends z.ZodType>(
  req: ShopRequest<S> & { mode?: 'read' },
): Promise<z.output<S>>;
export function shopRequest<S extends z.ZodType>(
  req: ShopRequest<S>,
): Promise<z.output<S> | WriteResult<z.output<S>>> {
  const options = {
    service: shopService,
    timeoutMs: req.timeoutMs,
    bucket: req.bucket,
    signal: req.signal,
    logger: req.logger,
    classify: (res: HttpResponse) => classify(res, req.data),
    request: () => {
      // Sign afresh on each attempt: the timestamp window is five minutes and retries may wait.
      const body = req.rawBody?.bytes ?? (req.body === undefined ? undefined : JSON.stringify(req.body));
      const contentType = req.rawBody?.contentType ?? 'application/json';
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
        contentType,
      });
      const url = new URL(req.app.apiBase + req.path);
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      url.searchParams.set('sign', sign);
      return {
        method: req.method,
        url: url.toString(),
        headers: { 'content-type': contentType, 'x-tts-access-token': req.accessToken },
        body,
      };
    },
  };
  return req.mode === 'write' ? callWithRetry({ ...options, mode: 'write' }) : callWithRetry(options);
}
