import { createHash } from 'node:crypto';

/** TikTok desktop PKCE: code_challenge = hex(sha256(verifier)), not RFC 7636 base64url (C3). */
export function pkceChallengeHex(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('hex');
}

export function pkceChallengeBase64url(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function verifierWellFormed(verifier: string): boolean {
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(verifier);
}

export function pkceMatches(verifier: string, challenge: string, acceptBase64url: boolean): boolean {
  if (!verifierWellFormed(verifier)) return false;
  if (pkceChallengeHex(verifier) === challenge) return true;
  return acceptBase64url && pkceChallengeBase64url(verifier) === challenge;
}
