import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../src-main/security/csp';

const electron = vi.hoisted(() => ({
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

const { registerAppScheme, serveAppProtocol } = await import('../../../src-main/shell/app-protocol');

const root = mkdtempSync(join(tmpdir(), 'shopmesh-app-protocol-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>ShopMesh</title>');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('app:// protocol wiring', () => {
  it('registers app as a standard, secure scheme without CSP bypass', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });

  it('answers with a Response carrying the CSP header', async () => {
    serveAppProtocol(root);
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] as [
      string,
      (r: Request) => Promise<Response>,
    ];
    expect(scheme).toBe('app');

    const ok = await handler(new Request('app://shopmesh/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await ok.text()).toContain('<title>ShopMesh</title>');

    const post = await handler(new Request('app://shopmesh/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    const traversal = await handler({
      method: 'GET',
      url: 'app://shopmesh/%2e%2e/%2e%2e/etc/passwd',
    } as Request);
    expect(traversal.status).toBe(403);
  });
});
