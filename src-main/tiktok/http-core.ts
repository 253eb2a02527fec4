import type { z } from 'zod';
import { AppError } from '@shared/errors';
import type { Logger } from '../log/logger';
import { backoffDelay, type BackoffPolicy, defaultBackoff } from './backoff';
import { type Clock, realClock, type TokenBucket } from './token-bucket';
import { send, TransportError, type TransportResponse } from './transport';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export type HttpResponse = TransportResponse;

export type Outcome<T> =
  | { kind: 'ok'; value: T }
  /** Transient: try again after a backoff (5xx, 429, TikTok's rate-limit codes, a dropped connection). */
  | { kind: 'retry'; error: AppError; retryAfterMs?: number; rateLimited?: boolean }
  | { kind: 'fail'; error: AppError };

export interface CallOptions<T> {
  request: () => HttpRequest;
  classify: (response: HttpResponse) => Outcome<T>;
  /** Names the API in error messages ("TikTok Shop", "TikTok Ads", "TikTok Login Kit"). */
  service: string;
  bucket?: TokenBucket;
  policy?: BackoffPolicy;
  timeoutMs?: number;
  clock?: Clock;
  random?: () => number;
  signal?: AbortSignal;
  logger?: Logger;
}

const networkOffline = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

async function sendOnce(
  req: HttpRequest,
  service: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Outcome<HttpResponse>> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const res = await send(req, signal ? AbortSignal.any([signal, timeout]) : timeout);
    return { kind: 'ok', value: res };
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    const code = err instanceof TransportError ? err.code : undefined;
    if (timeout.aborted) {
      return {
        kind: 'retry',
        error: new AppError('REMOTE', `${service} did not answer within ${timeoutMs / 1000} s`),
      };
    }
    if (code && networkOffline.has(code)) {
      return {
        kind: 'fail',
        error: new AppError(
          'OFFLINE',
          `${service} cannot be reached (${code}). Check the network connection.`,
        ),
      };
    }
    // A reset or half-closed connection: the request may not have arrived; safe to retry for reads.
    return {
      kind: 'retry',
      error: new AppError('REMOTE', `${service} closed the connection${code ? ` (${code})` : ''}`),
    };
  }
}

function retryAfterMs(headers: Headers): number | undefined {
  const v = headers.get('retry-after');
  if (!v) return undefined;
  const seconds = Number(v);
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

/**
 * One logical API call: waits for the rate limiter, sends, classifies, and retries transient failures with
 * jittered exponential backoff. Gives up with the last error after `policy.maxAttempts`.
 */
export async function callWithRetry<T>(options: CallOptions<T>): Promise<T> {
  const policy = options.policy ?? defaultBackoff;
  const clock = options.clock ?? realClock;
  let last: AppError | undefined;
  for (let attempt = 0; attempt < policy.maxAttempts; attempt++) {
    await options.bucket?.take(options.signal);
    const req = options.request();
    const sent = await sendOnce(req, options.service, options.timeoutMs ?? 30_000, options.signal);
    let outcome: Outcome<T>;
    if (sent.kind !== 'ok') outcome = sent;
    else {
      outcome = options.classify(sent.value);
      if (outcome.kind === 'retry' && outcome.retryAfterMs === undefined) {
        const after = retryAfterMs(sent.value.headers);
        if (after !== undefined) outcome = { ...outcome, retryAfterMs: after };
      }
    }
    if (outcome.kind === 'ok') return outcome.value;
    if (outcome.kind === 'fail') throw outcome.error;
    last = outcome.error;
    if (outcome.rateLimited) options.bucket?.drain();
    if (attempt + 1 < policy.maxAttempts) {
      const wait = backoffDelay(attempt, policy, options.random, outcome.retryAfterMs);
      options.logger?.warn(
        {
          service: options.service,
          path: new URL(req.url).pathname,
          attempt: attempt + 1,
          waitMs: wait,
          reason: last.message,
        },
        'retrying API call',
      );
      await clock.sleep(wait, options.signal);
    }
  }
  throw last ?? new AppError('REMOTE', `${options.service} call failed`);
}

/** Parses JSON and validates it; a malformed response is a REMOTE error naming the field, never a crash. */
export function parseJson<S extends z.ZodType>(service: string, text: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('REMOTE', `${service} returned a response that is not JSON`);
  }
  return validate(service, raw, schema);
}

/** Validates an already-parsed value (an envelope's `data`) with the same error shape as parseJson. */
export function validate<S extends z.ZodType>(service: string, raw: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first
      ? `${first.path.map(String).join('.') || '(root)'}: ${first.message}`
      : 'unknown field';
    throw new AppError('REMOTE', `${service} returned an unexpected response (${where})`, {
      issues: parsed.error.issues
        .slice(0, 5)
        .map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  return parsed.data;
}
