import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits of randomness, URL-safe, so it survives any provider's query-string handling untouched. */
export function createState(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first so unequal lengths take the same path and the
 * comparison leaks neither content nor length.
 */
export function statesEqual(expected: string, received: string | null | undefined): boolean {
  if (typeof received !== 'string' || expected.length === 0) return false;
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(received, 'utf8').digest();
  return timingSafeEqual(a, b);
}
