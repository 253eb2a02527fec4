import { describe, expect, it } from 'vitest';
import { permissionDecision } from '../../../src-main/security/permissions';

describe('permissionDecision', () => {
  it.each([
    ['media', 'app://shopmesh/index.html'],
    ['notifications', 'app://shopmesh/index.html'],
    ['geolocation', 'app://shopmesh/'],
    ['clipboard-read', 'app://shopmesh/'],
    ['clipboard-sanitized-write', 'app://shopmesh/'],
    ['openExternal', 'app://shopmesh/'],
    ['fullscreen', 'https://evil.com/'],
    ['midi', undefined],
    ['hid', undefined],
    ['unknown-future-permission', 'app://shopmesh/'],
  ])('%s from %j is denied', (permission, url) => {
    expect(permissionDecision(permission, url)).toBe(false);
  });
});
