import { describe, expect, it } from 'vitest';
import { decideNavigation, windowOpenDecision } from '../../../src-main/security/navigation';

const dev = 'http://localhost:5173';

describe('decideNavigation', () => {
  it.each([
    ['app://shopmesh/index.html', undefined, 'allow'],
    ['app://shopmesh/settings?tab=sync#x', undefined, 'allow'],
    ['app://other/index.html', undefined, 'block'],
    ['app://shopmesh.evil.com/', undefined, 'block'],
    ['https://www.tiktok.com/', undefined, 'block'],
    ['https://partner.tiktokshop.com/docv2', undefined, 'block'],
    ['http://localhost:5173/', undefined, 'block'],
    ['http://localhost:5173/', dev, 'allow'],
    ['http://localhost:5173/src/main.tsx', dev, 'allow'],
    ['http://localhost:9999/', dev, 'block'],
    ['file:///etc/passwd', undefined, 'block'],
    ['file:///etc/passwd', dev, 'block'],
    ['javascript:alert(1)', undefined, 'block'],
    ['data:text/html,<script>1</script>', undefined, 'block'],
    ['about:blank', undefined, 'block'],
    ['chrome://gpu', undefined, 'block'],
    ['', undefined, 'block'],
    ['::::', undefined, 'block'],
  ] as const)('%j (dev=%j) → %s', (url, devUrl, verdict) => {
    expect(decideNavigation(url, devUrl)).toBe(verdict);
  });
});

describe('windowOpenDecision', () => {
  it.each([
    ['https://partner.tiktokshop.com/docv2/page/x', [], true],
    ['https://www.tiktok.com/@creator', [], true],
    ['http://www.tiktok.com/', [], false],
    ['https://evil.example.com/', [], false],
    ['app://shopmesh/index.html', [], false],
    ['file:///etc/passwd', [], false],
    ['about:blank', [], false],
    ['http://127.0.0.1:43123/oauth/authorize', ['http://127.0.0.1:43123'], true],
    ['http://127.0.0.1:43123/oauth/authorize', [], false],
  ] as const)('%j (auth %j): deny, openExternally=%j', (url, auth, external) => {
    expect(windowOpenDecision(url, auth)).toEqual({ action: 'deny', openExternally: external });
  });
});
