import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../log/logger';
import { handleAdmin } from './admin';
import { corruptFirstRecord } from './corrupt';
import { handleAds } from './ads/routes';
import type { FaultAction, Family } from './faults';
import { html, json, type Reply, type SandboxRequest } from './http';
import { requestId } from './ids';
import { handleMedia } from './media';
import { handleLogin } from './login/routes';
import { shopApiEnvelopeFor } from './shop/fault-replies';
import { shopTokenGet, shopTokenRefresh, shopAuthorizeDecision, shopAuthorizePage } from './shop/auth';
import { handleShopApi } from './shop/gate';
import { shopRouter } from './shop/routes';
import type { SandboxState, WriteEntry } from './state';

// A 10 MB message image (TikTok's limit) with its multipart framing fits.
const MAX_BODY = 11 * 1024 * 1024;
/** Admin bodies are small JSON patches; a larger one is a mistake or an attack. */
const MAX_ADMIN_BODY = 256 * 1024;

export const prefixes = {
  shopAuth: '/shop-auth',
  shopApi: '/shop-api',
  ads: '/ads',
  login: '/login',
  admin: '/admin',
  media: '/media',
} as const;

/** Consent screens are for people: faults target API calls only. */
function isConsentPath(family: Family, path: string): boolean {
  if (family === 'shop-auth') return path.startsWith('/oauth/authorize');
  if (family === 'ads') return path.startsWith('/portal/auth');
  if (family === 'login') return path.startsWith('/v2/auth/authorize');
  return false;
}

function familyOf(first: string): Family | 'admin' | null {
  switch (first) {
    case 'shop-auth':
      return 'shop-auth';
    case 'shop-api':
      return 'shop-api';
    case 'ads':
      return 'ads';
    case 'login':
      return 'login';
    case 'admin':
      return 'admin';
    default:
      return null;
  }
}

type ErrorAction = 'rateLimit' | 'serverError' | 'notImplemented';

/** The family's own error answer for an injected fault; 501 reuses the server-error body with its status. */
function faultReply(state: SandboxState, family: Family, path: string, action: ErrorAction): Reply {
  if (action === 'notImplemented') {
    const reply = faultReply(state, family, path, 'serverError');
    return { ...reply, status: 501 };
  }
  if (family === 'shop-api' || family === 'shop-auth') return shopApiEnvelopeFor(state, action);
  if (family === 'ads') {
    return action === 'rateLimit'
      ? json(
          200,
          {
            code: 40100,
            message: 'Requests made too frequently. Please try again later.',
            request_id: requestId(state.clock.nowMs()),
            data: {},
          },
          40100,
        )
      : json(
          500,
          {
            code: 50000,
            message: 'System error, please retry later.',
            request_id: requestId(state.clock.nowMs()),
            data: {},
          },
          50000,
        );
  }
  const logId = requestId(state.clock.nowMs());
  if (path.startsWith('/v2/oauth/')) {
    return action === 'rateLimit'
      ? json(
          429,
          { error: 'rate_limit_exceeded', error_description: 'Too many requests.', log_id: logId },
          'rate_limit_exceeded',
        )
      : json(
          500,
          { error: 'server_error', error_description: 'Internal error.', log_id: logId },
          'server_error',
        );
  }
  return action === 'rateLimit'
    ? json(
        429,
        { data: {}, error: { code: 'rate_limit_exceeded', message: 'Too many requests.', log_id: logId } },
        'rate_limit_exceeded',
      )
    : json(
        500,
        { data: {}, error: { code: 'internal_error', message: 'Internal error.', log_id: logId } },
        'internal_error',
      );
}

/**
 * The body, or null when it is over `limit`. The rest of an oversized body is read and dropped, so the client
 * gets its 413 instead of a connection reset while it is still sending.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) chunks.length = 0;
      else chunks.push(c);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function createSandboxServer(state: SandboxState, adminToken: string, logger: Logger): Server {
  const router = shopRouter();

  async function dispatch(family: Family | 'admin', req: SandboxRequest): Promise<Reply> {
    switch (family) {
      case 'shop-auth':
        if (req.method === 'GET' && req.path === '/oauth/authorize')
          return shopAuthorizePage(state, req, prefixes.shopAuth);
        if (req.method === 'POST' && req.path === '/oauth/authorize/decision')
          return shopAuthorizeDecision(state, req);
        if (req.method === 'GET' && req.path === '/api/v2/token/get') return shopTokenGet(state, req);
        if (req.method === 'GET' && req.path === '/api/v2/token/refresh') return shopTokenRefresh(state, req);
        return json(
          404,
          {
            code: 36009009,
            message: `Path not found: ${req.path}`,
            request_id: requestId(state.clock.nowMs()),
            data: null,
          },
          36009009,
        );
      case 'shop-api':
        return handleShopApi(state, router, req, logger);
      case 'ads':
        return handleAds(state, req, prefixes.ads, logger);
      case 'login':
        return handleLogin(state, req, prefixes.login);
      case 'admin':
        return handleAdmin(state, req, adminToken);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const pathname = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
    const segments = pathname.split('/');
    const family = familyOf(segments[1] ?? '');
    const method = (req.method ?? 'GET').toUpperCase();
    const limit = family === 'admin' ? MAX_ADMIN_BODY : MAX_BODY;
    const body = await readBody(req, limit);
    if (body === null) {
      send(res, json(413, { error: `body too large (at most ${limit} bytes)` }));
      return;
    }
    if (family === null && segments[1] === 'media') {
      const reply = handleMedia({
        method,
        path: pathname.slice('/media'.length),
        rawQuery,
        query: new URLSearchParams(rawQuery),
        headers: req.headers,
        body,
      });
      send(res, reply);
      logRequest('media', method, pathname, rawQuery, reply.status, null, started, null, false);
      return;
    }
    if (family === null) {
      const reply =
        pathname === '/'
          ? html(
              200,
              '<!doctype html><title>ShopMesh Sandbox</title><p>ShopMesh Sandbox is running. See docs/sandbox.md.</p>',
            )
          : json(404, {
              error: 'unknown path; families live under /shop-auth, /shop-api, /ads, /login, /admin, /media',
            });
      send(res, reply);
      return;
    }
    const path = pathname.slice(segments[1]!.length + 1) || '/';
    const sreq: SandboxRequest = {
      method,
      path,
      rawQuery,
      query: new URLSearchParams(rawQuery),
      headers: req.headers,
      body,
    };

    let action: FaultAction | null = null;
    if (family !== 'admin' && !isConsentPath(family, path)) {
      const decision = state.faults.decide(family, path);
      action = decision.action;
      if (decision.latencyMs > 0) await new Promise((r) => setTimeout(r, decision.latencyMs));
      if (action === 'drop') {
        logRequest(family, method, path, rawQuery, 0, null, started, action, false);
        // Destroying the socket with no response is what a client sees when a proxy or the network drops it.
        req.socket.destroy();
        return;
      }
    }
    let reply: Reply;
    let writes: WriteEntry[] = [];
    if (action === 'rateLimit' || action === 'serverError' || action === 'notImplemented') {
      reply = faultReply(state, family as Family, path, action);
    } else {
      try {
        ({ result: reply, writes } = await state.collectWrites(() => dispatch(family, sreq)));
      } catch (err) {
        logger.error({ err, family, path }, 'sandbox request failed');
        reply = json(500, { error: 'internal sandbox error' });
      }
      if (action === 'corruptRecord') {
        const f = state.faults.get();
        reply = corruptFirstRecord(reply, f.corruptField ?? 'id', f.corruptValue ?? { unexpected: true });
      }
      if (action === 'malformedJson') {
        // A truncated body: valid start, no end, as when a connection is cut mid-response. Cut as text
        // (half its characters), whichever form the handler gave it in.
        const text = typeof reply.body === 'string' ? reply.body : reply.body.toString('utf8');
        reply = {
          ...reply,
          status: 200,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: text.slice(0, Math.max(12, Math.floor(text.length / 2))),
        };
      }
    }
    const committed = writes.length > 0;
    if (action === 'commitThenDrop') {
      // Done, then lost: the client cannot tell this from a request that never arrived.
      for (const w of writes) w.answer = 'dropped';
      logRequest(family, method, path, rawQuery, 0, null, started, action, committed);
      req.socket.destroy();
      return;
    }
    if (action === 'commitThenServerError') {
      for (const w of writes) w.answer = 'server_error';
      reply = faultReply(state, family as Family, path, 'serverError');
    }
    if (action === 'commitThenGatewayTimeout') {
      for (const w of writes) w.answer = 'gateway_timeout';
      reply = {
        status: 504,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: '<html><body><h1>504 Gateway Time-out</h1></body></html>',
      };
    }
    send(res, reply);
    if (family !== 'admin') {
      logRequest(
        family,
        method,
        path,
        rawQuery,
        reply.status,
        reply.code ?? null,
        started,
        action,
        committed,
      );
    }
  }

  function logRequest(
    family: Family | 'admin' | 'media',
    method: string,
    path: string,
    query: string,
    status: number,
    code: string | number | null,
    started: number,
    fault: FaultAction | null,
    committed: boolean,
  ): void {
    state.log({
      time: state.clock.nowSec(),
      family,
      method,
      path,
      query,
      status,
      code,
      durationMs: performance.now() - started,
      fault,
      committed,
    });
  }

  return createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      logger.error({ err }, 'sandbox handler crashed');
      if (!res.headersSent) send(res, json(500, { error: 'internal sandbox error' }));
    });
  });
}

function send(res: ServerResponse, reply: Reply): void {
  // Encoded once: a page of orders is ~250 kB, and measuring then writing the string would encode it twice.
  // Large replies come already encoded.
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  const headers: Record<string, string | number> = {
    ...(reply.headers ?? {}),
    'content-length': body.length,
  };
  res.writeHead(reply.status, headers);
  res.end(body);
}
