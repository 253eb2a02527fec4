import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { AppError } from '@shared/errors';
import type { Logger } from '../log/logger';
import { OAuthCallbackError } from './errors';
import { callbackPage, closeScriptHash, type CallbackPageKind } from './loopback-pages';
import { providers } from '@shared/accounts';
import { languages } from '@shared/settings';
import { statesEqual } from './state';
import { oauthTexts } from './texts';

export const DEFAULT_CALLBACK_TIMEOUT_MS = 5 * 60_000;
/** RFC 8252 §8.3: the literal loopback IP, never `localhost` (which may resolve elsewhere or to ::1). */
const HOST = '127.0.0.1';

const optionsSchema = z.object({
  expectedState: z.string().min(16),
  /** 0 = an ephemeral port (Login Kit); a fixed one when the provider pins the redirect URL (Shop, Ads). */
  port: z.number().int().min(0).max(65535).default(0),
  callbackPath: z
    .string()
    .regex(/^\/[A-Za-z0-9\-._~/]*$/)
    .default('/callback'),
  timeoutMs: z
    .number()
    .int()
    .positive()
    .max(60 * 60_000)
    .default(DEFAULT_CALLBACK_TIMEOUT_MS),
  /** What the browser's page says: which connection, in the app's language. */
  page: z
    .object({ provider: z.enum(providers), language: z.enum(languages) })
    .default({ provider: 'identity', language: 'en' }),
});

export type LoopbackOptions = z.input<typeof optionsSchema> & { logger?: Logger };

export interface LoopbackCallback {
  /** The redirect's query, URL-decoded. Contains the code: hand it to the token exchange, never to a log. */
  params: URLSearchParams;
}

export interface LoopbackListener {
  readonly redirectUri: string;
  readonly port: number;
  /** The same promise on every call; rejects with an `OAuthCallbackError`. */
  waitForCallback(): Promise<LoopbackCallback>;
  /** Rejects the wait with outcome `cancelled` and closes the listener; a no-op once settled. */
  cancel(): void;
  /** Resolves once the server and every connection are closed. */
  readonly closed: Promise<void>;
}

const securityHeaders = {
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; script-src ${closeScriptHash}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  Connection: 'close',
} as const;

/**
 * An RFC 8252 loopback redirect listener for one authorization attempt: binds 127.0.0.1 only, answers
 * exactly one GET on the callback path with the right Host, checks `state` in constant time, then closes.
 */
export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const { expectedState, port, callbackPath, timeoutMs, page: pageOptions } = optionsSchema.parse(options);
  const logger = options.logger;
  let settled = false;
  let consumed = false;
  let resolveWait!: (value: LoopbackCallback) => void;
  let rejectWait!: (err: OAuthCallbackError) => void;
  const wait = new Promise<LoopbackCallback>((res, rej) => {
    resolveWait = res;
    rejectWait = rej;
  });
  // A caller that cancels before ever awaiting must not crash the process with an unhandled rejection.
  wait.catch(() => undefined);

  const server = createServer((req, res) => handle(req, res));
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  const closed = new Promise<void>((res) => server.once('close', () => res()));
  const timers: { timeout?: NodeJS.Timeout } = {};

  const shutdown = () => {
    clearTimeout(timers.timeout);
    server.close();
    server.closeAllConnections();
  };

  const settle = (outcome: LoopbackCallback | OAuthCallbackError) => {
    if (settled) return;
    settled = true;
    if (outcome instanceof OAuthCallbackError) {
      logger?.info({ outcome: outcome.outcome }, 'oauth callback failed');
      rejectWait(outcome);
    } else {
      logger?.info('oauth callback received');
      resolveWait(outcome);
    }
  };

  const reply = (res: ServerResponse, status: number, page: CallbackPageKind | string, extra = {}) => {
    const html = page === 'success' || page === 'denied' || page === 'invalid' || page === 'used';
    res.writeHead(status, {
      ...securityHeaders,
      'Content-Type': html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
      ...extra,
    });
    res.end(html ? callbackPage(page, pageOptions) : page);
  };

  let expectedHost = '';
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // Host first: a DNS-rebinding page reaches 127.0.0.1 under a foreign name and must learn nothing.
    if ((req.headers.host ?? '').toLowerCase() !== expectedHost) return reply(res, 403, 'Forbidden\n');
    if (!req.url?.startsWith('/')) return reply(res, 400, 'Bad Request\n');
    const url = new URL(req.url, `http://${expectedHost}`);
    if (url.pathname !== callbackPath) return reply(res, 404, 'Not Found\n');
    if (req.method !== 'GET') return reply(res, 405, 'Method Not Allowed\n', { Allow: 'GET' });
    if (consumed || settled) return reply(res, 410, 'used');
    consumed = true;
    res.once('close', shutdown);

    const params = url.searchParams;
    const states = params.getAll('state');
    const stateOk = states.length === 1 && statesEqual(expectedState, states[0]);
    const providerError = params.get('error');
    if (states.length > 0 && !stateOk) {
      reply(res, 400, 'invalid');
      return settle(stateMismatch());
    }
    // A provider may omit state on an error redirect; a refusal is reported as such either way.
    if (providerError !== null) {
      reply(res, 200, 'denied');
      return settle(denied(providerError, params.get('error_description')));
    }
    if (!stateOk) {
      reply(res, 400, 'invalid');
      return settle(stateMismatch());
    }
    reply(res, 200, 'success');
    settle({ params: new URLSearchParams(params) });
  };

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        rejectListen(new OAuthCallbackError('port_in_use', oauthTexts.portInUse({ port }), { port }));
      } else {
        rejectListen(
          new AppError('INTERNAL', oauthTexts.cannotListen({ port, reason: err.code ?? 'error' })),
        );
      }
    });
    server.listen({ port, host: HOST, exclusive: true }, () => resolveListen());
  });

  const actualPort = (server.address() as AddressInfo).port;
  expectedHost = `${HOST}:${actualPort}`;
  timers.timeout = setTimeout(() => {
    settle(new OAuthCallbackError('timeout', oauthTexts.timeout()));
    shutdown();
  }, timeoutMs);
  timers.timeout.unref();

  return {
    redirectUri: `http://${expectedHost}${callbackPath}`,
    port: actualPort,
    waitForCallback: () => wait,
    cancel: () => {
      if (settled) return;
      settle(new OAuthCallbackError('cancelled', oauthTexts.cancelled()));
      shutdown();
    },
    closed,
  };
}

function stateMismatch(): OAuthCallbackError {
  return new OAuthCallbackError('state_mismatch', oauthTexts.stateMismatch());
}

const providerErrorSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);

function denied(error: string, description: string | null): OAuthCallbackError {
  const code = providerErrorSchema.safeParse(error);
  // The description is provider text shown to the user: control characters stripped, length capped.
  // eslint-disable-next-line no-control-regex
  const cleanDescription = description?.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 300);
  return new OAuthCallbackError('denied', oauthTexts.denied(), {
    providerError: code.success ? code.data : 'unknown',
    ...(cleanDescription ? { providerErrorDescription: cleanDescription } : {}),
  });
}
