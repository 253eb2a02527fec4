import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isChannel, type ResultEnvelope } from '@shared/contract';
import type { AppErrorShape } from '@shared/errors';
import type { ShopmeshApp } from '../app';
import { contentSecurityPolicy } from '../security/csp';
import {
  isAllowedHost,
  isAllowedOrigin,
  readBearer,
  readCookies,
  sameOriginLocation,
  sessionCookie,
  sessionCookieName,
  tokensEqual,
  writeNeedsOrigin,
  tryDecode,
} from './security';
import { httpStatusByCode } from './http-status';
import { loadAsset } from '../security/static-files';

export const maxBodyBytes = 1024 * 1024;

/**
 * Channels whose input may be larger: a message template carries its picture, up to TikTok's 10 MB as
 * base64 (docs/outreach.md, "Message types").
 */
const largeBodies: Readonly<Record<string, number>> = { 'templates:save': 15 * 1024 * 1024 };

export interface WebBridgeOptions {
  app: ShopmeshApp;
  /** Built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface WebBridge {
  readonly port: number;
  readonly token: string;
  /** The URL to open: it carries the token once, then the session cookie takes over. */
  readonly url: string;
  close(): Promise<void>;
}

const baseHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: ResultEnvelope): void {
  res.writeHead(status, {
    ...baseHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, error: AppErrorShape): void {
  sendJson(res, status, { ok: false, error });
}

/** The longest body drained after the limit is passed, so the client reads the 413 instead of a reset. */
const maxDrainBytes = 16 * 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // A chunked body has no length to refuse up front: the rest is read and dropped while the 413 goes
      // out (destroying the socket now would reach the client as a reset), up to a bound past which the
      // connection is cut after all.
      chunks.length = 0;
      reject(new BodyTooLarge());
      if (size > maxDrainBytes) req.destroy();
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The loopback web bridge: the same router as Electron's ipcMain, over HTTP, for the renderer in any
 * Chromium and as ShopMesh's local automation API (docs/API.md).
 */
export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const { app } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const sseClients = new Set<ServerResponse>();

  const authorised = (req: IncomingMessage, url: URL): 'cookie' | 'bearer' | 'query' | null => {
    // The Bearer header first: a client that sends it knows the token (a page on another port cannot), even
    // when its cookie jar also holds the session cookie (Playwright's page.request, say).
    if (tokensEqual(token, readBearer(req.headers.authorization))) return 'bearer';
    if (readCookies(req.headers.cookie, sessionCookieName).some((v) => tokensEqual(token, v)))
      return 'cookie';
    if (req.method === 'GET' && tokensEqual(token, url.searchParams.get('token'))) return 'query';
    return null;
  };

  /** `channel` is undefined when its %-encoding is broken: no channel has such a name. */
  const handleIpc = async (
    req: IncomingMessage,
    res: ServerResponse,
    channel: string | undefined,
  ): Promise<void> => {
    if (channel === undefined || !isChannel(channel)) {
      const name = channel === undefined ? 'with a broken %-encoding' : `"${channel.slice(0, 100)}"`;
      sendError(res, 404, { code: 'NOT_FOUND', message: `Unknown channel ${name}` });
      return;
    }
    const type = req.headers['content-type'] ?? '';
    let raw: Buffer;
    try {
      raw = await readBody(req, largeBodies[channel] ?? maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        sendError(res, 413, {
          code: 'VALIDATION',
          message: `Request body is larger than ${maxBodyBytes} bytes`,
        });
      } else {
        sendError(res, 400, { code: 'VALIDATION', message: 'Request body could not be read' });
      }
      return;
    }
    if (raw.length > 0 && !type.toLowerCase().startsWith('application/json')) {
      sendError(res, 415, {
        code: 'VALIDATION',
        message: 'Send the input as Content-Type: application/json',
      });
      return;
    }
    let input: unknown = {};
    if (raw.length > 0) {
      try {
        input = JSON.parse(raw.toString('utf8'));
      } catch {
        sendError(res, 400, { code: 'VALIDATION', message: 'Request body is not valid JSON' });
        return;
      }
    }
    const envelope = await app.router.invoke(channel, input);
    sendJson(res, envelope.ok ? 200 : httpStatusByCode[envelope.error.code], envelope);
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, {
      ...baseHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    sseClients.add(res);
    const unsubscribe = app.subscribeRenderer((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    // Proxies and browsers drop idle streams; a comment line every 25 s keeps it open.
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
    heartbeat.unref();
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      sseClients.delete(res);
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      sendError(res, 403, {
        code: 'VALIDATION',
        message: 'Requests must come from ShopMesh on this computer',
      });
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      sendError(res, 400, { code: 'VALIDATION', message: 'The request target is not a valid URL' });
      return;
    }
    const auth = authorised(req, url);
    if (auth === null) {
      sendError(res, 401, {
        code: 'VALIDATION',
        message: 'Open ShopMesh with the link it printed when it started (it carries a session token)',
      });
      return;
    }
    if (writeNeedsOrigin(req.method, auth) && req.headers.origin === undefined) {
      sendError(res, 403, {
        code: 'VALIDATION',
        message: 'Requests must come from ShopMesh on this computer',
      });
      return;
    }
    if (auth === 'query') {
      // Trade the token in the address bar for an HttpOnly cookie, so it is not left in history or shared links.
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...baseHeaders,
        'Set-Cookie': sessionCookie(token),
        Location: sameOriginLocation(url.pathname, url.search),
      });
      res.end();
      return;
    }
    if (url.pathname.startsWith('/ipc/')) {
      if (req.method !== 'POST') {
        res.writeHead(405, { ...baseHeaders, Allow: 'POST' });
        res.end();
        return;
      }
      await handleIpc(req, res, tryDecode(url.pathname.slice('/ipc/'.length)));
      return;
    }
    if (url.pathname === '/events' && req.method === 'GET') {
      handleEvents(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...baseHeaders, Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    // A page that links no icon makes Chromium ask for /favicon.ico, which the window's icon answers (it is
    // linked only after the first screen, app/favicon.ts; a 404 would be an error in the page's console).
    const path = url.pathname === '/favicon.ico' ? '/favicon.svg' : url.pathname;
    const asset = await loadAsset(options.staticDir, path);
    if (asset === 'forbidden' || asset === 'missing') {
      res.writeHead(asset === 'forbidden' ? 403 : 404, {
        ...baseHeaders,
        'Content-Type': 'text/plain; charset=utf-8',
      });
      res.end(asset === 'forbidden' ? 'Forbidden' : 'Not found');
      return;
    }
    res.writeHead(200, {
      ...baseHeaders,
      'Content-Type': asset.contentType,
      'Content-Security-Policy': contentSecurityPolicy,
      'Cache-Control': asset.contentType.startsWith('text/html') ? 'no-store' : 'private, max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      app.logger.error({ err, path: req.url?.split('?')[0] }, 'web bridge request failed');
      if (!res.headersSent)
        sendError(res, 500, { code: 'INTERNAL', message: 'Something went wrong inside ShopMesh' });
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    async close() {
      for (const client of sseClients) client.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // close() waits for every keep-alive socket; a browser tab holds some open indefinitely.
      server.closeAllConnections();
      await closed;
    },
  };
}
