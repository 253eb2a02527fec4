import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProtocolResponse } from '../../../src-main/security/app-protocol';
import { contentSecurityPolicy } from '../../../src-main/security/csp';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'shopmesh-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>ShopMesh</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('appProtocolResponse', () => {
  it.each([
    ['GET', 'app://shopmesh/index.html', 200, 'text/html; charset=utf-8'],
    ['GET', 'app://shopmesh/', 200, 'text/html; charset=utf-8'],
    ['GET', 'app://shopmesh/assets/app.js', 200, 'text/javascript; charset=utf-8'],
    ['GET', 'app://shopmesh/assets/app.js?v=1#x', 200, 'text/javascript; charset=utf-8'],
    ['GET', 'app://shopmesh/settings', 200, 'text/html; charset=utf-8'],
    ['GET', 'app://SHOPMESH/index.html', 200, 'text/html; charset=utf-8'],
    ['GET', 'app://shopmesh/a/../index.html', 200, 'text/html; charset=utf-8'],
  ])('%s %s → %i %s', async (method, url, status, type) => {
    const res = await appProtocolResponse({ method, url }, root);
    expect(res.status).toBe(status);
    expect(res.headers['Content-Type']).toBe(type);
    expect(res.headers['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(res.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it.each([
    ['POST', 'app://shopmesh/index.html', 405],
    ['PUT', 'app://shopmesh/index.html', 405],
    ['HEAD', 'app://shopmesh/index.html', 405],
    ['get', 'app://shopmesh/index.html', 405],
    ['GET', 'app://other/index.html', 404],
    ['GET', 'app://shopmesh.evil/index.html', 404],
    ['GET', 'app://user:pw@shopmesh/index.html', 404],
    ['GET', 'https://shopmesh/index.html', 404],
    ['GET', 'file:///etc/passwd', 404],
    ['GET', 'not a url', 400],
    ['GET', 'app://shopmesh/missing.js', 404],
    // traversal, in every spelling
    ['GET', 'app://shopmesh/../secret.txt', 403],
    ['GET', 'app://shopmesh/assets/../../secret.txt', 403],
    ['GET', 'app://shopmesh/%2e%2e/secret.txt', 403],
    ['GET', 'app://shopmesh/%2E%2E/secret.txt', 403],
    ['GET', 'app://shopmesh/..%2fsecret.txt', 403],
    ['GET', 'app://shopmesh/..%5csecret.txt', 403],
    ['GET', 'app://shopmesh/..\\secret.txt', 403],
    ['GET', 'app://shopmesh/%00index.html', 403],
    ['GET', 'app://shopmesh/%E0%A4%A', 403],
  ])('%s %s → %i', async (method, url, status) => {
    const res = await appProtocolResponse({ method, url }, root);
    expect(res.status).toBe(status);
    expect(res.headers['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(String(res.body)).not.toContain('outside the renderer');
  });

  it('an absolute-looking path stays inside the renderer (client route fallback to index.html)', async () => {
    const res = await appProtocolResponse({ method: 'GET', url: 'app://shopmesh//etc/passwd' }, root);
    expect(String(res.body)).toBe('<!doctype html><title>ShopMesh</title>');
  });

  it('serves the file bytes', async () => {
    const res = await appProtocolResponse({ method: 'GET', url: 'app://shopmesh/assets/app.js' }, root);
    expect(String(res.body)).toBe('export {}');
  });
});
