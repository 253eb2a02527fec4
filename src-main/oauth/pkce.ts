import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@shared/errors';

/** RFC 7636 §4.1 unreserved characters. */
const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
export const codeVerifierSchema = z.string().regex(/^[A-Za-z0-9\-._~]{43,128}$/, 'not a PKCE code verifier');

/**
 * TikTok Login Kit's desktop flow hashes the verifier to lower-case hex (CryptoJS `enc.Hex`), not the RFC's
 * base64url; the other providers follow the RFC. See docs/tiktok-api/login-kit.md.
 */
export type ChallengeEncoding = 'hex' | 'base64url';

export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256';
}

export function createCodeVerifier(length = 64): string {
  if (!Number.isInteger(length) || length < 43 || length > 128) {
    throw new AppError('INTERNAL', 'A PKCE code verifier is 43 to 128 characters long.');
  }
  // Rejection sampling: 66 symbols do not divide 256, so bytes ≥ 198 (3 × 66) are dropped to avoid bias.
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 198 && out.length < length) out += UNRESERVED[byte % UNRESERVED.length];
    }
  }
  return out;
}

function sha256(verifier: string): Buffer {
  return createHash('sha256').update(codeVerifierSchema.parse(verifier), 'ascii').digest();
}

/** `hex(SHA-256(verifier))`: 64 lower-case hex characters, as TikTok Login Kit (desktop) verifies it. */
export function codeChallengeHex(verifier: string): string {
  return sha256(verifier).toString('hex');
}

/** RFC 7636 S256: `BASE64URL(SHA-256(verifier))` without padding. */
export function codeChallengeBase64Url(verifier: string): string {
  return sha256(verifier).toString('base64url');
}

export function codeChallenge(verifier: string, encoding: ChallengeEncoding): string {
  return encoding === 'hex' ? codeChallengeHex(verifier) : codeChallengeBase64Url(verifier);
}

export function createPkcePair(encoding: ChallengeEncoding, length = 64): PkcePair {
  const verifier = createCodeVerifier(length);
  return { verifier, challenge: codeChallenge(verifier, encoding), method: 'S256' };
}
