import type { z } from 'zod';
import { AppError } from '@shared/errors';
import type { Logger } from '../log/logger';
import { backoffDelay, type BackoffPolicy, defaultBackoff } from './backoff';
import { type Clock, realClock, type TokenBucket } from './token-bucket';
import { type ExchangeProgress, send, TransportError, type TransportResponse } from './transport';
import { tiktokTexts } from './texts';

/**
 * One logical API call over HTTP: rate limiting, sending, classifying the answer and retrying what may be
 * retried. Which failures are transient is written down in docs/tiktok-api/errors-and-limits.md.
 */

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export type HttpResponse = TransportResponse;

export type Outcome<T> =
  | { kind: 'ok'; value: T }
  /**
   * Transient: try again after a backoff (429, 5xx other than 501, TikTok's rate-limit codes, a dropped
   * connection, a body cut short). `rateLimited`: the server refused the request before acting on it.
   */
  | { kind: 'retry'; error: AppError; retryAfterMs?: number; rateLimited?: boolean }
  | { kind: 'fail'; error: AppError };

/**
 * `read` (default): every transient failure is retried. `write`: only a refusal that proves nothing was done
 * (a rate limit, a connection that never carried the whole request) is retried; anything after which the
 * server may have acted comes back as `{ kind: 'unknown' }` for the caller to reconcile.
 */
export type CallMode = 'read' | 'write';

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

/** What a write whose outcome is unknown sent, minus anything secret: enough to look the write up again. */
export interface SentRequest {
  method: HttpRequest['method'];
  /** The URL with secret query values (`sign`, `access_token`, app secrets, codes) replaced by `***`. */
  url: string;
  /** The request body as sent (writes carry their new values here). */
  body: string | null;
  /** Our clock when the last attempt was sent, UTC epoch ms. */
  sentAt: number;
  /** Attempts made, this one included (earlier ones were refused before the server acted). */
  attempts: number;
}

export type UnknownReason = 'timeout' | 'reset' | 'server_error' | 'malformed' | 'cancelled';

/**
 * A write that may or may not have happened: the request reached TikTok and the answer was lost (timeout,
 * reset), was a server error, or could not be read. It is never retried blind; the caller reads the remote
 * state to find out (docs/tiktok-api/errors-and-limits.md, "Writes").
 */
export class OutcomeUnknown extends AppError {
  constructor(
    readonly reason: UnknownReason,
    readonly sent: SentRequest,
    cause: AppError,
  ) {
    // `sent` stays off `details`: details cross IPC, and a write's body is the caller's business.
    super('OUTCOME_UNKNOWN', `${cause.message}; the change may or may not have been made`, { reason });
    this.name = 'OutcomeUnknown';
  }
}

export function isOutcomeUnknown(err: unknown): err is OutcomeUnknown {
  return err instanceof OutcomeUnknown;
}

/** The result of a write-mode call: definite refusals are thrown as usual; a lost answer is returned. */
export type WriteResult<T> = { kind: 'done'; value: T } | { kind: 'unknown'; unknown: OutcomeUnknown };

/** For callers that cannot reconcile on the spot: the value, or the OutcomeUnknown thrown. */
export function doneOrThrow<T>(result: WriteResult<T>): T {
  if (result.kind === 'unknown') throw result.unknown;
  return result.value;
}

const networkOffline = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** How one exchange ended before any classification, with whether the request had left in full. */
type Sent =
  | { kind: 'answer'; response: HttpResponse }
  | { kind: 'lost'; reason: 'timeout' | 'reset'; error: AppError; sent: boolean }
  | { kind: 'offline'; error: AppError }
  | { kind: 'cancelled'; reason: unknown; sent: boolean };

async function sendOnce(
  req: HttpRequest,
  service: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Sent> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const progress: ExchangeProgress = { sent: false };
  try {
    const response = await send(req, signal ? AbortSignal.any([signal, timeout]) : timeout, progress);
    return { kind: 'answer', response };
  } catch (err) {
    if (signal?.aborted) return { kind: 'cancelled', reason: signal.reason, sent: progress.sent };
    const code = err instanceof TransportError ? err.code : undefined;
    if (timeout.aborted) {
      return {
        kind: 'lost',
        reason: 'timeout',
        sent: progress.sent,
        error: new AppError('REMOTE', tiktokTexts.timeout({ service, seconds: timeoutMs / 1000 })),
      };
    }
    if (code && networkOffline.has(code)) {
      return {
        kind: 'offline',
        error: new AppError('OFFLINE', tiktokTexts.unreachable({ service, reason: code })),
      };
    }
    return {
      kind: 'lost',
      reason: 'reset',
      sent: progress.sent,
      error: new AppError('REMOTE', tiktokTexts.connectionClosed({ service, reason: code ?? 'reset' })),
    };
  }
}

function retryAfterMs(headers: Headers): number | undefined {
  const v = headers.get('retry-after');
  if (!v) return undefined;
  const seconds = Number(v);
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

const secretQueryKeys =
  /^(sign|access_token|app_secret|secret|client_secret|refresh_token|auth_code|code|code_verifier|token)$/i;

function redactedUrl(url: string): string {
  const u = new URL(url);
  for (const key of [...u.searchParams.keys()]) if (secretQueryKeys.test(key)) u.searchParams.set(key, '***');
  return u.toString();
}

/**
 * One logical API call: waits for the rate limiter, sends, classifies, and retries transient failures with
 * jittered exponential backoff, giving up with the last error after `policy.maxAttempts`. In `write` mode
 * the answer is a WriteResult (see CallMode).
 */
export function callWithRetry<T>(options: CallOptions<T> & { mode: 'write' }): Promise<WriteResult<T>>;
export function callWithRetry<T>(options: CallOptions<T> & { mode?: 'read' }): Promise<T>;
export async function callWithRetry<T>(
  options: CallOptions<T> & { mode?: CallMode },
): Promise<T | WriteResult<T>> {
  const policy = options.policy ?? defaultBackoff;
  const clock = options.clock ?? realClock;
  const write = options.mode === 'write';
  let last: AppError | undefined;
  for (let attempt = 0; attempt < policy.maxAttempts; attempt++) {
    await options.bucket?.take(options.signal);
    const req = options.request();
    const sentAt = clock.now();
    const sent = await sendOnce(req, options.service, options.timeoutMs ?? 30_000, options.signal);
    const unknown = (reason: UnknownReason, cause: AppError): WriteResult<T> => {
      const record: SentRequest = {
        method: req.method,
        url: redactedUrl(req.url),
        body:
          typeof req.body === 'string'
            ? req.body
            : req.body === undefined
              ? null
              : `(${req.body.length} bytes)`,
        sentAt,
        attempts: attempt + 1,
      };
      options.logger?.warn(
        { service: options.service, path: new URL(req.url).pathname, reason, attempts: attempt + 1 },
        'write outcome unknown',
      );
      return { kind: 'unknown', unknown: new OutcomeUnknown(reason, record, cause) };
    };

    let outcome: Outcome<T>;
    if (sent.kind === 'cancelled') {
      if (write && sent.sent)
        return unknown(
          'cancelled',
          new AppError('CANCELLED', tiktokTexts.cancelled({ service: options.service })),
        );
      throw sent.reason;
    } else if (sent.kind === 'offline') {
      throw sent.error;
    } else if (sent.kind === 'lost') {
      if (write && sent.sent) return unknown(sent.reason, sent.error);
      outcome = { kind: 'retry', error: sent.error };
    } else {
      outcome = options.classify(sent.response);
      if (outcome.kind === 'retry' && outcome.retryAfterMs === undefined) {
        const after = retryAfterMs(sent.response.headers);
        if (after !== undefined) outcome = { ...outcome, retryAfterMs: after };
      }
      // A write is only repeated when the server said it did nothing; any other transient answer may
      // follow a change that was made.
      if (write && outcome.kind === 'retry' && !outcome.rateLimited) {
        return unknown(sent.response.status >= 500 ? 'server_error' : 'malformed', outcome.error);
      }
    }
    if (outcome.kind === 'ok') return write ? { kind: 'done', value: outcome.value } : outcome.value;
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
  throw last ?? new AppError('REMOTE', tiktokTexts.failed({ service: options.service }));
}

/**
 * What the HTTP status alone decides (errors-and-limits.md): 429 and every 5xx but 501 are transient; 501
 * (not implemented) is final. Null: the body decides.
 */
export function statusOutcome(status: number, service: string): Outcome<never> | null {
  if (status === 429)
    return {
      kind: 'retry',
      rateLimited: true,
      error: new AppError('RATE_LIMITED', tiktokTexts.rateLimited({ service })),
    };
  if (status === 501)
    return {
      kind: 'fail',
      error: new AppError('REMOTE', tiktokTexts.unsupported({ service }), {
        httpStatus: 501,
      }),
    };
  if (status >= 500)
    return { kind: 'retry', error: new AppError('REMOTE', tiktokTexts.httpStatus({ service, status })) };
  return null;
}

/**
 * Parses an answer's JSON envelope. A 2xx body that is not JSON was cut short on the way (transient); a
 * non-2xx one is a final error named by its status (a 404 from a proxy, an HTML error page).
 */
export function envelopeOf<S extends z.ZodType>(
  res: HttpResponse,
  service: string,
  schema: S,
): { kind: 'envelope'; envelope: z.output<S> } | { kind: 'outcome'; outcome: Outcome<never> } {
  let raw: unknown;
  try {
    raw = JSON.parse(res.text);
  } catch {
    const error =
      res.status >= 200 && res.status < 300
        ? new AppError('REMOTE', tiktokTexts.notJson({ service }))
        : new AppError('REMOTE', tiktokTexts.httpStatus({ service, status: res.status }), {
            httpStatus: res.status,
          });
    return {
      kind: 'outcome',
      outcome: res.status < 300 ? { kind: 'retry', error } : { kind: 'fail', error },
    };
  }
  try {
    return { kind: 'envelope', envelope: validate(service, raw, schema) };
  } catch (err) {
    return { kind: 'outcome', outcome: { kind: 'fail', error: err as AppError } };
  }
}

/** Parses JSON and validates it; a malformed response is a REMOTE error naming the field, never a crash. */
export function parseJson<S extends z.ZodType>(service: string, text: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('REMOTE', tiktokTexts.notJson({ service }));
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
    throw new AppError('REMOTE', tiktokTexts.unexpectedResponse({ service, where }), {
      issues: parsed.error.issues
        .slice(0, 5)
        .map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  return parsed.data;
}
