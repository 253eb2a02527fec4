import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxBodyBytes, startWebBridge, type WebBridge } from '../../src-main/web/bridge';
import { makeTestApp } from '../helpers/app';
import { makeTempDir } from '../helpers/tmp';

/**
 * The web bridge against requests a hostile page or tool on this computer can make (issue 15 item 8):
 * cookies planted from other localhost ports, broken %-encoding, chunked bodies over the limit, redirect
 * tricks in the token swap. Each answer is a clear 4xx, never a 500, a reset or a log line with a stack.
 */

const token = 'test-token-123';
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
  const staticDir = makeTempDir();
  writeFileSync(join(staticDir.dir, 'index.html'), '<!doctype html><title>ShopMesh</title>');
  bridge = await startWebBridge({ app: t.app, staticDir: staticDir.dir, token });
  cleanups = [() => bridge.close(), t.cleanup, staticDir.cleanup];
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
    const socket = connect(bridge.port, '127.0.0.1', () => socket.end(text));
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
    const planted = await fetch(`${base()}/ipc/app:info`, {
      method: 'POST',
      headers: { ...json, Cookie: `shopmesh_session=planted-by-another-port; shopmesh_session=${token}` },
      body: '{}',
    });
    expect(planted.status).toBe(200);
    const undecodable = await fetch(`${base()}/ipc/app:info`, {
      method: 'POST',
      headers: { ...json, Cookie: `shopmesh_session=%E0%A4%A; shopmesh_session=${token}` },
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
