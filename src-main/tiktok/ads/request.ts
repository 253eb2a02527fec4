import { z } from 'zod';
import { AppError } from '@shared/errors';
import type { Logger } from '../../log/logger';
import { TokenRejected } from '../auth-failure';
import {
  callWithRetry,
  envelopeOf,
  type HttpResponse,
  type Outcome,
  statusOutcome,
  validate,
} from '../http-core';
import type { TokenBucket } from '../token-bucket';
import { tiktokTexts } from '../texts';

export const adsService = 'TikTok Ads';

const envelopeSchema = z.object({
  code: z.number(),
  message: z.string(),
  request_id: z.string().optional(),
  data: z.unknown(),
});

/** Refused for frequency or maintenance before anything was done (docs/tiktok-api/ads.md). */
const rateLimitCodes = new Set([40100, 40016, 40133, 60001]);
/** Server trouble: transient for reads, outcome unknown for writes. */
const serverCodes = new Set([50000, 50002]);

export interface AdsRequest<S extends z.ZodType> {
  /** Base such as `https://business-api.tiktok.com`; the path carries `/open_api/v1.3/…/`. */
  base: string;
  /** Omitted for the token exchange, which authenticates with app id and secret. */
  accessToken?: string;
  method: 'GET' | 'POST';
  path: string;
  /** Arrays and objects are sent JSON-encoded, as API for Business expects. */
  query?: Record<
    string,
    string | number | boolean | readonly unknown[] | Record<string, unknown> | undefined
  >;
  body?: unknown;
  data: S;
  bucket?: TokenBucket;
  signal?: AbortSignal;
  logger?: Logger;
}

function classify<S extends z.ZodType>(res: HttpResponse, schema: S): Outcome<z.output<S>> {
  const byStatus = statusOutcome(res.status, adsService);
  if (byStatus) return byStatus;
  const parsed = envelopeOf(res, adsService, envelopeSchema);
  if (parsed.kind === 'outcome') return parsed.outcome;
  const env = parsed.envelope;
  if (env.code === 0) {
    try {
      return { kind: 'ok', value: validate(adsService, env.data, schema) };
    } catch (err) {
      return { kind: 'fail', error: err as AppError };
    }
  }
  const message = tiktokTexts.refused({ service: adsService, message: env.message, code: env.code });
  if (rateLimitCodes.has(env.code)) {
    // 40100 is API for Business's 429: the request was refused unprocessed; back off, then retry.
    return { kind: 'retry', rateLimited: true, error: new AppError('RATE_LIMITED', message) };
  }
  if (serverCodes.has(env.code)) return { kind: 'retry', error: new AppError('REMOTE', message) };
  // Marketing tokens never expire on a timer: an invalid one was revoked by the advertiser or by us.
  if (env.code === 40105 || env.code === 40104)
    return { kind: 'fail', error: new TokenRejected('revoked', message) };
  if (env.code === 40102) return { kind: 'fail', error: new TokenRejected('expired', message) };
  return { kind: 'fail', error: new AppError('REMOTE', message, { remoteCode: env.code }) };
}

export function adsRequest<S extends z.ZodType>(req: AdsRequest<S>): Promise<z.output<S>> {
  return callWithRetry({
    service: adsService,
    bucket: req.bucket,
    signal: req.signal,
    logger: req.logger,
    classify: (res) => classify(res, req.data),
    request: () => {
      const url = new URL(req.base + req.path);
      for (const [k, v] of Object.entries(req.query ?? {})) {
        if (v === undefined) continue;
        url.searchParams.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (req.accessToken) headers['Access-Token'] = req.accessToken;
      return {
        method: req.method,
        url: url.toString(),
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
      };
    },
  });
}
