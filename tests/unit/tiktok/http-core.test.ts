import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@shared/errors';
import {
  type CallOptions,
  callWithRetry,
  envelopeOf,
  type HttpResponse,
  type Outcome,
  parseJson,
  statusOutcome,
} from '../../../src-main/tiktok/http-core';
import type { Clock } from '../../../src-main/tiktok/token-bucket';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** Serves the scripted responses in order, one per request. */
async function scripted(
  responses: { status: number; body: string; headers?: Record<string, string>; drop?: boolean }[],
) {
  let i = 0;
  const hits: number[] = [];
  server = createServer((req, res) => {
    const r = responses[Math.min(i, responses.length - 1)]!;
    hits.push(i++);
    if (r.drop) {
      req.socket.destroy();
      return;
    }
    res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers });
    res.end(r.body);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/x`, hits };
}

const sleeps: number[] = [];
const instant: Clock = { now: () => 0, sleep: async (ms) => void sleeps.push(ms) };

function classify(res: HttpResponse): Outcome<string> {
  if (res.status >= 500) return { kind: 'retry', error: new AppError('REMOTE', `HTTP ${res.status}`) };
  if (res.status === 429)
    return { kind: 'retry', error: new AppError('RATE_LIMITED', 'slow down'), rateLimited: true };
  if (res.status >= 400) return { kind: 'fail', error: new AppError('REMOTE', `HTTP ${res.status}`) };
  return { kind: 'ok', value: res.text };
}

const policy = { maxAttempts: 4, baseMs: 100, maxMs: 1000 };

/** A GET through callWithRetry with the test's classifier, policy and instant clock; `extra` overrides. */
const get = (url: string, extra: Partial<CallOptions<string>> = {}): Promise<string> =>
  callWithRetry({
    request: () => ({ method: 'GET', url }),
    classify,
    service: 'Test',
    policy,
    clock: instant,
    ...extra,
  });

describe('callWithRetry', () => {
  it('retries 5xx and a dropped connection, then returns the answer', async () => {
    const s = await scripted([
      { status: 503, body: '' },
      { status: 200, body: '', drop: true },
      { status: 200, body: 'fine' },
    ]);
    const out = await get(s.url);
    expect(out).toBe('fine');
    expect(s.hits).toHaveLength(3);
  });

  it('waits at least Retry-After after a 429', async () => {
    sleeps.length = 0;
    const s = await scripted([
      { status: 429, body: '', headers: { 'retry-after': '1' } },
      { status: 200, body: 'ok' },
    ]);
    await get(s.url, { random: () => 0 });
    expect(sleeps[0]).toBe(1000);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const s = await scripted([{ status: 500, body: '' }]);
    await expect(get(s.url)).rejects.toMatchObject({ code: 'REMOTE', message: 'HTTP 500' });
    expect(s.hits).toHaveLength(4);
  });

  it('does not retry a permanent failure', async () => {
    const s = await scripted([{ status: 400, body: '' }]);
    await expect(get(s.url)).rejects.toMatchObject({ code: 'REMOTE' });
    expect(s.hits).toHaveLength(1);
  });

  it('reports OFFLINE when nothing listens', async () => {
    const s = await scripted([{ status: 200, body: '' }]);
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    await expect(get(s.url, { service: 'TikTok Shop' })).rejects.toMatchObject({
      code: 'OFFLINE',
      message: expect.stringContaining('TikTok Shop cannot be reached'),
    });
  });

  it('times out a silent server', async () => {
    server = createServer(() => undefined);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await expect(get(url, { policy: { ...policy, maxAttempts: 1 }, timeoutMs: 200 })).rejects.toMatchObject({
      code: 'REMOTE',
      message: expect.stringContaining('did not answer'),
    });
    server.closeAllConnections();
  });

  /** A server whose handler writes the raw response itself (partial bodies, split characters). */
  async function rawServer(handle: (res: ServerResponse, hit: number) => void): Promise<string> {
    let hit = 0;
    server = createServer((req, res) => handle(res, hit++));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  it('retries a response cut off halfway through its body', async () => {
    const url = await rawServer((res, hit) => {
      if (hit === 0) {
        res.writeHead(200, { 'content-length': '1000' });
        res.write('{"orders":[');
        setTimeout(() => res.socket?.destroy(), 20);
      } else res.end('whole');
    });
    const out = await get(url);
    expect(out).toBe('whole');
  });

  it('decodes UTF-8 characters split across network chunks', async () => {
    const text = '{"name":"珊瑚色 🎁 Bình"}';
    const bytes = Buffer.from(text, 'utf8');
    const url = await rawServer((res) => {
      res.writeHead(200, { 'content-length': String(bytes.length) });
      // One byte at a time, so every multi-byte character straddles writes.
      let i = 0;
      const next = (): void => {
        if (i < bytes.length) res.write(bytes.subarray(i, ++i), next);
        else res.end();
      };
      next();
    });
    const out = await get(url);
    expect(out).toBe(text);
  });

  it('stops at once with the cancel reason when cancelled while the body is still arriving', async () => {
    const url = await rawServer((res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('{"orders":[');
    });
    const controller = new AbortController();
    const reason = new AppError('CANCELLED', 'Sync cancelled');
    setTimeout(() => controller.abort(reason), 50);
    await expect(get(url, { signal: controller.signal })).rejects.toBe(reason);
    server!.closeAllConnections();
  });
});

/** The classification the TikTok clients use: status first, then a JSON envelope `{ok: boolean}`. */
function tiktokLike(res: HttpResponse): Outcome<string> {
  const byStatus = statusOutcome(res.status, 'Test');
  if (byStatus) return byStatus;
  const parsed = envelopeOf(res, 'Test', z.object({ ok: z.boolean() }));
  if (parsed.kind === 'outcome') return parsed.outcome;
  return parsed.envelope.ok
    ? { kind: 'ok', value: 'done' }
    : { kind: 'fail', error: new AppError('REMOTE', 'refused') };
}

describe('what is retried', () => {
  it('a 501 costs one request and names it', async () => {
    const s = await scripted([{ status: 501, body: '{"code":36009003,"message":"Not Implemented"}' }]);
    await expect(get(s.url, { classify: tiktokLike })).rejects.toMatchObject({
      code: 'REMOTE',
      message: expect.stringContaining('HTTP 501'),
    });
    expect(s.hits).toHaveLength(1);
  });

  it('a 404 whose body is not JSON fails at once with its status', async () => {
    const s = await scripted([{ status: 404, body: '<html>Not Found</html>' }]);
    await expect(get(s.url, { classify: tiktokLike })).rejects.toMatchObject({
      message: expect.stringContaining('HTTP 404'),
    });
    expect(s.hits).toHaveLength(1);
  });

  it('a 200 body cut short is retried', async () => {
    const s = await scripted([
      { status: 200, body: '{"ok":tr' },
      { status: 200, body: '{"ok":true}' },
    ]);
    expect(await get(s.url, { classify: tiktokLike })).toBe('done');
    expect(s.hits).toHaveLength(2);
  });
});

describe('write mode', () => {
  const write = (url: string, extra: Partial<CallOptions<string>> = {}) =>
    callWithRetry({
      request: () => ({ method: 'POST', url: `${url}?app_key=k&sign=abc123`, body: '{"price":"9.99"}' }),
      classify: tiktokLike,
      service: 'Test',
      policy,
      clock: instant,
      mode: 'write',
      ...extra,
    });

  it('a connection dropped after the request was sent is an unknown outcome, not retried', async () => {
    const s = await scripted([{ status: 200, body: '', drop: true }]);
    const r = await write(s.url);
    expect(s.hits).toHaveLength(1);
    expect(r.kind).toBe('unknown');
    if (r.kind !== 'unknown') return;
    expect(r.unknown).toMatchObject({ code: 'OUTCOME_UNKNOWN', reason: 'reset' });
    // What was sent, for reconciliation; the signature is not kept.
    expect(r.unknown.sent).toMatchObject({ method: 'POST', body: '{"price":"9.99"}', attempts: 1 });
    expect(r.unknown.sent.url).not.toContain('abc123');
    expect(r.unknown.toShape()).toEqual({
      code: 'OUTCOME_UNKNOWN',
      message: expect.stringContaining('may or may not have been made'),
      details: { reason: 'reset' },
    });
  });

  it('a 5xx is an unknown outcome; a 429 is retried because nothing was done', async () => {
    const s1 = await scripted([{ status: 503, body: '' }]);
    const r1 = await write(s1.url);
    expect(r1).toMatchObject({ kind: 'unknown', unknown: { reason: 'server_error' } });
    expect(s1.hits).toHaveLength(1);
    await new Promise<void>((r) => server!.close(() => r()));

    const s2 = await scripted([
      { status: 429, body: '' },
      { status: 200, body: '{"ok":true}' },
    ]);
    expect(await write(s2.url)).toEqual({ kind: 'done', value: 'done' });
    expect(s2.hits).toHaveLength(2);
  });

  it('a timeout after sending is an unknown outcome', async () => {
    let hits = 0;
    server = createServer(() => void hits++);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/w`;
    const r = await write(url, { timeoutMs: 150 });
    expect(r).toMatchObject({ kind: 'unknown', unknown: { reason: 'timeout' } });
    expect(hits).toBe(1);
    server.closeAllConnections();
  });

  it('a refusal in the body is thrown as usual', async () => {
    const s = await scripted([{ status: 200, body: '{"ok":false}' }]);
    await expect(write(s.url)).rejects.toMatchObject({ code: 'REMOTE', message: 'refused' });
  });

  it('nothing listening is OFFLINE: the request never left', async () => {
    const s = await scripted([{ status: 200, body: '' }]);
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    await expect(write(s.url)).rejects.toMatchObject({ code: 'OFFLINE' });
  });
});

describe('parseJson', () => {
  const schema = z.object({ data: z.object({ orders: z.array(z.object({ id: z.string() })) }) });
  it('names the malformed field', () => {
    expect(() => parseJson('TikTok Shop', '{"data":{"orders":[{"id":"1"},{"id":2}]}}', schema)).toThrow(
      /data\.orders\.1\.id/,
    );
  });
  it('rejects text that is not JSON', () => {
    expect(() => parseJson('TikTok Shop', '<html>', schema)).toThrow(/not JSON/);
  });
});
