import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShopmeshApp } from '../../src-main/app';
import { maxBodyBytes, startWebBridge, type WebBridge } from '../../src-main/web/bridge';
import { makeTestApp } from '../helpers/app';
import { makeTempDir } from '../helpers/tmp';

/**
 * The web bridge against requests a hostile page or tool on this computer can make (issue 15 items 7 and 8):
 * cookies planted from other localhost ports, broken %-encoding, chunked bodies over the limit, redirect
 * tricks in the token swap, a page on another local port posting a form or asking a CORS preflight, a write
 * without an Origin, the token in the query of an API call, traversal with encoded dots and backslashes.
 * Each answer is a clear 4xx, never a 500, a reset or a log line with a stack, and nothing stored changes.
 * (No, wrong and foreign-Origin/Host requests, oversized and malformed bodies: web-bridge.test.ts.)
 */

const token = 'test-token-123';
const outsideSecret = 'outside-the-renderer-folder';
let app: ShopmeshApp;
let bridge: WebBridge;
let logLines: { level: number; msg?: string }[];
let cleanups: (() => unknown)[] = [];

beforeEach(async () => {
  logLines = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logLines.push(JSON.parse(line) as { level: number; msg?: string });
      done();
    },
  });
  const t = await makeTestApp({ logger: pino({ level: 'debug' }, sink) });
  app = t.app;
  // The renderer folder sits beside a file no request may read.
  const outer = makeTempDir();
  const staticDir = join(outer.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ShopMesh</title>');
  writeFileSync(join(outer.dir, 'secret.txt'), outsideSecret);
  bridge = await startWebBridge({ app: t.app, staticDir, token });
  cleanups = [() => bridge.close(), t.cleanup, outer.cleanup];
});
afterEach(async () => {
  for (const c of cleanups) await c();
});

const base = () => `http://127.0.0.1:${bridge.port}`;
const json = { 'Content-Type': 'application/json' };
const errorsLogged = () => logLines.filter((l) => l.level >= 50);

/** A request written byte for byte: fetch() normalises paths and refuses some headers. */
function raw(text: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    // Written, not ended: a client that half-closes before an asynchronous answer (a file read) gets none.
    const socket = connect(bridge.port, '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.on('data', (c: Buffer) => (data += c.toString('latin1')));
    socket.on('end', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), head, body });
    });
    socket.on('error', reject);
  });
}

const get = (path: string, headers: string[] = []) =>
  raw(
    [`GET ${path} HTTP/1.1`, `Host: 127.0.0.1:${bridge.port}`, 'Connection: close', ...headers, '', ''].join(
      '\r\n',
    ),
  );

describe('web bridge against hostile requests', () => {
  it('accepts the session cookie when another localhost port planted one of the same name first', async () => {
    // As the page sends it: the browser adds its Origin to every POST.
    const planted = await fetch(`${base()}/ipc/app:info`, {
      method: 'POST',
      headers: {
        ...json,
        Origin: base(),
        Cookie: `shopmesh_session=planted-by-another-port; shopmesh_session=${token}`,
      },
      body: '{}',
    });
    expect(planted.status).toBe(200);
    const undecodable = await fetch(`${base()}/ipc/app:info`, {
      method: 'POST',
      headers: { ...json, Origin: base(), Cookie: `shopmesh_session=%E0%A4%A; shopmesh_session=${token}` },
      body: '{}',
    });
    expect(undecodable.status).toBe(200);
  });

  it('answers 401 to an undecodable cookie alone, and logs no error for it', async () => {
    const res = await get('/', ['Cookie: shopmesh_session=%E0%A4%A']);
    expect(res.status).toBe(401);
    expect(errorsLogged()).toEqual([]);
  });

  it('answers 404 to a channel name with broken %-encoding', async () => {
    const res = await fetch(`${base()}/ipc/app:info%E0%A4%A`, {
      method: 'POST',
      headers: { ...json, Authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(errorsLogged()).toEqual([]);
  });

  it('answers 400 to a request target that is not a URL, unauthenticated, without an error log', async () => {
    const res = await get('http://[bad/');
    expect(res.status).toBe(400);
    expect(errorsLogged()).toEqual([]);
  });

  it('refuses a chunked body over the limit with 413, not a reset', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > maxBodyBytes * 2) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    const res = await fetch(`${base()}/ipc/settings:update`, {
      method: 'POST',
      headers: { ...json, Authorization: `Bearer ${token}` },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('redirects the token swap only to a path on this origin', async () => {
    for (const path of ['/.//evil.example/x', '//evil.example/x', '/./\\evil.example/x', '/\\evil.example']) {
      const res = await get(`${path}?token=${token}`);
      expect(res.status).toBe(303);
      const location = /\r\nlocation: ([^\r]*)/i.exec(res.head)?.[1] ?? '';
      expect(location).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, base()).origin).toBe(base());
    }
  });
});

/** What a page on another localhost port (here :5173, a dev server) can make the browser send. */
describe('web bridge against a page on another local port', () => {
  const cookie = `shopmesh_session=${token}`;
  const otherPort = 'http://127.0.0.1:5173';

  it('refuses a text/plain form POST from another port (the browser sends the cookie, not our Origin)', async () => {
    const before = app.settings.get();
    // <form enctype="text/plain" method="post"> can carry a JSON-looking body: {"theme":"dark","x":"=…"}.
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await fetch(`${base()}/ipc/settings:update`, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: otherPort, 'Content-Type': type },
        body: '{"theme":"dark"}',
      });
      expect(res.status, type).toBe(403);
    }
    // Even with our own Origin, a body that is not declared JSON is never read as input.
    const sameOrigin = await fetch(`${base()}/ipc/settings:update`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: base(), 'Content-Type': 'text/plain' },
      body: '{"theme":"dark"}',
    });
    expect(sameOrigin.status).toBe(415);
    expect(app.settings.get()).toEqual(before);
  });

  it('answers a CORS preflight from another port with no permission to call', async () => {
    const res = await fetch(`${base()}/ipc/settings:update`, {
      method: 'OPTIONS',
      headers: {
        Origin: otherPort,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, authorization',
      },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    for (const h of [
      'access-control-allow-origin',
      'access-control-allow-methods',
      'access-control-allow-headers',
    ])
      expect(res.headers.get(h), h).toBeNull();
  });

  it('refuses a write carried by the session cookie without an Origin; the API client with its Bearer token may omit it', async () => {
    const before = app.settings.get();
    const noOrigin = await fetch(`${base()}/ipc/settings:update`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: '{"theme":"dark"}',
    });
    expect(noOrigin.status).toBe(403);
    expect(app.settings.get()).toEqual(before);
    const ourPage = await fetch(`${base()}/ipc/settings:update`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: base(), 'Content-Type': 'application/json' },
      body: '{"theme":"dark"}',
    });
    expect(ourPage.status).toBe(200);
    const automation = await fetch(`${base()}/ipc/app:info`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(automation.status).toBe(200);
    // A client with the token and a cookie jar that also holds the cookie (Playwright's page.request).
    const both = await fetch(`${base()}/ipc/app:info`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, Cookie: cookie, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(both.status).toBe(200);
  });

  it('does not take the token from the query of an API call or the event stream', async () => {
    const call = await fetch(`${base()}/ipc/app:info?token=${token}`, {
      method: 'POST',
      headers: { ...json, Origin: base() },
      body: '{}',
      redirect: 'manual',
    });
    expect(call.status).toBe(401);
    // The page's first load trades it for the cookie and goes on without it; nothing is streamed.
    const events = await get(`/events?token=${token}`);
    expect(events.status).toBe(303);
    expect(events.head).not.toMatch(/text\/event-stream/);
    expect(/\r\nlocation: ([^\r]*)/i.exec(events.head)?.[1]).toBe('/events');
  });

  it('refuses traversal out of the renderer folder with encoded dots and backslashes', async () => {
    // 404: the URL parser already folded the dots (or a raw backslash) into the path, which then names no
    // file inside the folder. 403: what is left after decoding would leave it, or holds a backslash (a
    // separator on Windows), and is refused as such.
    const paths: Array<[string, number]> = [
      ['/../secret.txt', 404],
      ['/%2e%2e/secret.txt', 404],
      ['/.%2e/secret.txt', 404],
      ['/..\\secret.txt', 404],
      ['/%252e%252e/secret.txt', 404],
      ['/%2E%2E%2Fsecret.txt', 403],
      ['/..%2fsecret.txt', 403],
      ['/assets/..%2f..%2fsecret.txt', 403],
      ['/..%5csecret.txt', 403],
      ['/%2e%2e%5csecret.txt', 403],
    ];
    for (const [path, status] of paths) {
      const res = await get(path, [cookieHeader(cookie)]);
      expect(res.status, path).toBe(status);
      expect(res.body, path).not.toContain(outsideSecret);
    }
    // The folder itself is served: the refusals above are not a broken server.
    expect((await get('/', [cookieHeader(cookie)])).status).toBe(200);
  });
});

const cookieHeader = (cookie: string) => `Cookie: ${cookie}`;
