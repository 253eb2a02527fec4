import { describe, expect, it, vi } from 'vitest';
import {
  externalHostAllowList,
  externalUrlToOpen,
  isAllowedExternalUrl,
  maxExternalUrlLength,
  openExternalSafely,
} from '../../../src-main/security/external-links';

const sandboxAuth = ['http://127.0.0.1:43123'];

describe('isAllowedExternalUrl', () => {
  it.each([
    // allow-listed https hosts
    ['https://www.tiktok.com/v2/auth/authorize/?client_key=x&state=y', [], true],
    ['https://vm.tiktok.com/ZM123/', [], true],
    ['https://developers.tiktok.com/doc/login-kit-desktop/', [], true],
    ['https://business-api.tiktok.com/portal/auth?app_id=1&state=s&redirect_uri=x', [], true],
    ['https://partner.tiktokshop.com/docv2/page/sign-your-api-request', [], true],
    ['https://services.tiktokshop.com/open/authorize?service_id=1', [], true],
    ['https://services.us.tiktokshop.com/open/authorize?service_id=1', [], true],
    ['https://services.tiktokshops.us/open/authorize?service_id=1', [], true],
    ['https://auth.tiktok-shops.com/oauth/authorize?app_key=k', [], true],
    ['HTTPS://WWW.TIKTOK.COM/', [], true],
    ['https://www.tiktok.com:443/', [], true],
    // scheme
    ['http://www.tiktok.com/', [], false],
    ['ftp://www.tiktok.com/', [], false],
    ['file:///C:/Windows/System32/calc.exe', [], false],
    ['smb://www.tiktok.com/share', [], false],
    ['javascript:alert(1)//https://www.tiktok.com', [], false],
    ['data:text/html,https://www.tiktok.com', [], false],
    ['mailto:someone@tiktok.com', [], false],
    ['app://shopmesh/index.html', [], false],
    // host tricks
    ['https://tiktok.com/', [], false],
    ['https://evil.com/www.tiktok.com', [], false],
    ['https://www.tiktok.com.evil.com/', [], false],
    ['https://www.tiktok.com./', [], false],
    ['https://evil.com?https://www.tiktok.com', [], false],
    ['https://www.tiktok.com@evil.com/', [], false],
    ['https://sub.www.tiktok.com/', [], false],
    ['https://www.tiktok.com:8443/', [], false],
    // credentials
    ['https://user:pass@www.tiktok.com/', [], false],
    ['https://user@www.tiktok.com/', [], false],
    // malformed
    ['', [], false],
    ['www.tiktok.com', [], false],
    ['//www.tiktok.com/', [], false],
    ['https://', [], false],
    // Profile auth hosts: loopback http only when passed in, exact origin
    ['http://127.0.0.1:43123/oauth/authorize?state=s', sandboxAuth, true],
    ['http://127.0.0.1:43124/oauth/authorize', sandboxAuth, false],
    ['http://127.0.0.1:43123/oauth/authorize', [], false],
    ['https://127.0.0.1:43123/', sandboxAuth, false],
    ['http://localhost:43123/', sandboxAuth, false],
    ['http://localhost:5000/cb', ['http://localhost:5000'], true],
    ['http://[::1]:5000/cb', ['http://[::1]:5000'], true],
    ['http://192.168.1.10:5000/', ['http://192.168.1.10:5000'], false],
    ['http://auth.example.com/', ['http://auth.example.com'], false],
    ['https://auth.example.com/authorize', ['https://auth.example.com'], true],
    ['https://auth.example.com/authorize', ['auth.example.com'], true],
    ['https://auth.example.com:8443/authorize', ['auth.example.com'], false],
    ['https://auth.example.com:8443/authorize', ['https://auth.example.com:8443'], true],
    ['https://other.example.com/', ['https://auth.example.com'], false],
    ['https://auth.example.com/', ['https://user:pw@auth.example.com'], false],
    ['https://auth.example.com/', ['not a url at all'], false],
    ['http://127.0.0.1:43123/', ['javascript:alert(1)'], false],
  ] as const)('%j with auth hosts %j → %j', (url, authHosts, expected) => {
    expect(isAllowedExternalUrl(url, authHosts)).toBe(expected);
  });

  it('refuses absurdly long URLs', () => {
    const url = `https://www.tiktok.com/${'a'.repeat(maxExternalUrlLength)}`;
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAllowedExternalUrl(undefined as unknown as string)).toBe(false);
    expect(isAllowedExternalUrl({ toString: () => 'https://www.tiktok.com/' } as unknown as string)).toBe(
      false,
    );
  });

  it('allow-list is exact host names, frozen, no wildcards', () => {
    expect(Object.isFrozen(externalHostAllowList)).toBe(true);
    for (const host of externalHostAllowList) {
      expect(host).toMatch(/^[a-z0-9.-]+$/);
      expect(host).toBe(new URL(`https://${host}`).hostname);
    }
  });
});

describe('externalUrlToOpen', () => {
  it.each([
    ['  https://www.tiktok.com/a b  ', 'https://www.tiktok.com/a%20b'],
    ['https://WWW.TikTok.com/x/../y', 'https://www.tiktok.com/y'],
    ['https://www.tik\ttok.com/', 'https://www.tiktok.com/'],
    ['https://www.tiktok.com/\n?q=<x>', 'https://www.tiktok.com/?q=%3Cx%3E'],
  ])('re-serialises %j as %j', (input, href) => {
    expect(externalUrlToOpen(input)).toBe(href);
  });
});

describe('openExternalSafely', () => {
  it('opens the re-serialised href of an allowed URL', async () => {
    const open = vi.fn(async (_url: string) => undefined);
    await expect(openExternalSafely(' https://WWW.tiktok.com/@shop ', open)).resolves.toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith('https://www.tiktok.com/@shop');
  });

  it.each([
    'file:///etc/passwd',
    'https://evil.com/',
    'http://127.0.0.1:43123/',
    'https://a:b@www.tiktok.com/',
  ])('never calls the opener for %j', async (url) => {
    const open = vi.fn(async (_url: string) => undefined);
    await expect(openExternalSafely(url, open)).resolves.toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('passes the Profile auth hosts through', async () => {
    const open = vi.fn(async (_url: string) => undefined);
    await expect(openExternalSafely('http://127.0.0.1:43123/cb', open, sandboxAuth)).resolves.toBe(true);
    expect(open).toHaveBeenCalledWith('http://127.0.0.1:43123/cb');
  });

  it('propagates the opener failure', async () => {
    const open = vi.fn(async () => {
      throw new Error('no handler');
    });
    await expect(openExternalSafely('https://www.tiktok.com/', open)).rejects.toThrow('no handler');
  });
});
