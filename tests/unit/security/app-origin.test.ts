import { describe, expect, it } from 'vitest';
import {
  appEntryUrl,
  appOrigin,
  appSchemePrivileges,
  isTrustedOrigin,
  originOf,
  trustedOrigins,
} from '../../../src-main/security/app-origin';

describe('app origin', () => {
  it('is app://shopmesh and the entry page lives on it', () => {
    expect(appOrigin).toBe('app://shopmesh');
    expect(originOf(appEntryUrl)).toBe(appOrigin);
  });

  it('registers the scheme as standard and secure, nothing that bypasses CSP', () => {
    expect(appSchemePrivileges).toEqual({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      codeCache: true,
    });
    expect(Object.isFrozen(appSchemePrivileges)).toBe(true);
    expect(appSchemePrivileges).not.toHaveProperty('bypassCSP');
  });

  it.each([
    ['app://shopmesh/index.html', 'app://shopmesh'],
    ['app://SHOPMESH/index.html', 'app://shopmesh'],
    ['app://shopmesh', 'app://shopmesh'],
    ['app://shopmesh:8080/', null],
    ['app://user:pw@shopmesh/', null],
    ['app://evil/index.html', 'app://evil'],
    ['http://localhost:5173/x?y', 'http://localhost:5173'],
    ['https://user@example.com/', null],
    ['about:blank', null],
    ['data:text/html,hi', null],
    ['file:///etc/passwd', null],
    ['not a url', null],
    ['', null],
  ])('originOf(%j) = %j', (url, expected) => {
    expect(originOf(url)).toBe(expected);
  });

  it.each([
    [undefined, ['app://shopmesh']],
    ['', ['app://shopmesh']],
    ['http://localhost:5173/', ['app://shopmesh', 'http://localhost:5173']],
    ['garbage', ['app://shopmesh']],
  ])('trustedOrigins(%j)', (dev, expected) => {
    expect(trustedOrigins(dev)).toEqual(expected);
  });

  it.each([
    ['app://shopmesh/settings', undefined, true],
    ['app://shopmeshx/', undefined, false],
    ['http://localhost:5173/', undefined, false],
    ['http://localhost:5173/', 'http://localhost:5173', true],
    ['http://localhost:5174/', 'http://localhost:5173', false],
    ['http://127.0.0.1:5173/', 'http://localhost:5173', false],
  ])('isTrustedOrigin(%j, dev=%j) = %j', (url, dev, expected) => {
    expect(isTrustedOrigin(url, dev)).toBe(expected);
  });
});
