import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShopmeshApp } from '../../src-main/app';
import { maxBodyBytes, startWebBridge, type WebBridge } from '../../src-main/web/bridge';
import { makeTestApp } from '../helpers/app';
import { makeTempDir } from '../helpers/tmp';

let app: ShopmeshApp;
let bridge: WebBridge;
let cleanups: (() => unknown)[] = [];

beforeEach(async () => {
  const t = await makeTestApp();
  app = t.app;
  const staticDir = makeTempDir();
  writeFileSync(join(staticDir.dir, 'index.html'), '<!doctype html><title>ShopMesh</title>');
  mkdirSync(join(staticDir.dir, 'assets'));
  writeFileSync(join(staticDir.dir, 'assets', 'app.js'), 'export {}');
  writeFileSync(join(staticDir.dir, 'favicon.svg'), icon);
  bridge = await startWebBridge({ app, staticDir: staticDir.dir, token: 'test-token-123' });
  cleanups = [() => bridge.close(), t.cleanup, staticDir.cleanup];
});
afterEach(async () => {
  for (const c of cleanups) await c();
});

const base = () => `http://127.0.0.1:${bridge.port}`;
const auth = { Authorization: 'Bearer test-token-123' };
const json = { 'Content-Type': 'application/json' };
const icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';

/** Raw request so tests can send headers fetch() forbids (Host). */
function rawRequest(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web bridge', () => {
  it('refuses requests without the session token with 401', async () => {
    const res = await fetch(`${base()}/ipc/app:info`, { method: 'POST', headers: json, body: '{}' });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { ok: boolean };
    expect(body.ok).toBe(false);
    expect((await fetch(`${base()}/`)).status).toBe(401);
    expect((await fetch(`${base()}/?token=wrong`)).status).toBe(401);
  });

  it('trades the token in the URL for an HttpOnly SameSite=Strict cookie', async () => {
    const res = await fetch(`${base()}/?token=test-token-123`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${base()}/`, { headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>ShopMesh</title>');
  });

  it('rejects a foreign Origin or Host with 403', async () => {
    const foreign = await fetch(`${base()}/ipc/app:info`, {
      method: 'POST',
      headers: { ...auth, ...json, Origin: 'https://evil.example' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    const rebinding = await rawRequest('/', { ...auth, Host: `evil.example:${bridge.port}` });
    expect(rebinding.status).toBe(403);
    const ok = await fetch(`${base()}/ipc/app:info`, {
      method: 'POST',
      headers: { ...auth, ...json, Origin: base() },
      body: '{}',
    });
    expect(ok.status).toBe(200);
  });

  it('answers a channel with the contract envelope', async () => {
    const res = await fetch(`${base()}/ipc/app:info`, {
      method: 'POST',
      headers: { ...auth, ...json },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ok: true,
      result: { name: 'ShopMesh', transport: 'web', profile: 'sandbox' },
    });
  });

  it('answers an unknown channel with 404 NOT_FOUND', async () => {
    const res = await fetch(`${base()}/ipc/shops:nuke`, {
      method: 'POST',
      headers: { ...auth, ...json },
      body: '{}',
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a body over 1 MiB with 413 and stores nothing', async () => {
    const before = app.settings.get();
    const huge = JSON.stringify({ theme: 'dark', pad: 'x'.repeat(maxBodyBytes) });
    const res = await fetch(`${base()}/ipc/settings:update`, {
      method: 'POST',
      headers: { ...auth, ...json },
      body: huge,
    });
    expect(res.status).toBe(413);
    expect(app.settings.get()).toEqual(before);
  });

  it('returns VALIDATION for malformed JSON and bad input, never a stack trace', async () => {
    const broken = await fetch(`${base()}/ipc/settings:update`, {
      method: 'POST',
      headers: { ...auth, ...json },
      body: '{"theme":',
    });
    expect(broken.status).toBe(400);
    const brokenText = await broken.text();
    expect(brokenText).toContain('VALIDATION');
    expect(brokenText).not.toMatch(/at .*\.ts:\d+/);

    const bad = await fetch(`${base()}/ipc/settings:update`, {
      method: 'POST',
      headers: { ...auth, ...json },
      body: JSON.stringify({ syncIntervalMinutes: 'soon' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it("answers the browser's own /favicon.ico with the window's SVG icon, not a 404", async () => {
    const res = await fetch(`${base()}/favicon.ico`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(await res.text()).toBe(icon);
  });

  it('refuses traversal out of the renderer folder', async () => {
    const res = await rawRequest('/..%2f..%2fetc%2fpasswd', auth);
    expect([403, 404]).toContain(res.status);
    expect(res.body).not.toContain('root:');
  });

  it('streams events to subscribers over server-sent events', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base()}/events`, { headers: auth, signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    await reader.read(); // the ": connected" preamble
    await fetch(`${base()}/ipc/settings:update`, {
      method: 'POST',
      headers: { ...auth, ...json },
      body: '{"theme":"dark"}',
    });
    let text = '';
    while (!text.includes('event: settings:changed')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain('event: settings:changed');
    expect(text).toContain('"theme":"dark"');
  });
});
