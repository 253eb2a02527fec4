import { describe, expect, it } from 'vitest';
import {
  codeChallenge,
  codeChallengeBase64Url,
  codeChallengeHex,
  createCodeVerifier,
  createPkcePair,
} from '../../../src-main/oauth/pkce';
import { createState, statesEqual } from '../../../src-main/oauth/state';

// RFC 7636 Appendix B.
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
// `printf %s <verifier> | sha256sum`: what TikTok Login Kit (desktop) expects for the same verifier.
const HEX_CHALLENGE = '13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3';

describe('PKCE', () => {
  it('matches the RFC 7636 Appendix B vector (base64url)', () => {
    expect(codeChallengeBase64Url(RFC_VERIFIER)).toBe(RFC_CHALLENGE);
    expect(codeChallenge(RFC_VERIFIER, 'base64url')).toBe(RFC_CHALLENGE);
  });

  it('computes TikTok’s desktop challenge: lower-case hex SHA-256 of the verifier', () => {
    expect(codeChallengeHex(RFC_VERIFIER)).toBe(HEX_CHALLENGE);
    expect(codeChallenge('a'.repeat(43), 'hex')).toBe(
      '66d34fba71f8f450f7e45598853e53bfc23bbd129027cbb131a2f4ffd7878cd0',
    );
  });

  it('generates verifiers of 43–128 unreserved characters, different every time', () => {
    for (const length of [43, 64, 128]) {
      const v = createCodeVerifier(length);
      expect(v).toMatch(new RegExp(`^[A-Za-z0-9\\-._~]{${length}}$`));
    }
    expect(createCodeVerifier()).not.toBe(createCodeVerifier());
    expect(() => createCodeVerifier(42)).toThrow();
    expect(() => createCodeVerifier(129)).toThrow();
  });

  it('uses the whole alphabet (no modulo bias hiding characters)', () => {
    const seen = new Set(Array.from({ length: 50 }, () => createCodeVerifier(128)).join(''));
    expect(seen.size).toBe(66);
  });

  it('pairs a verifier with its challenge and refuses malformed verifiers', () => {
    const pair = createPkcePair('hex');
    expect(pair.method).toBe('S256');
    expect(pair.challenge).toBe(codeChallengeHex(pair.verifier));
    expect(pair.challenge).toMatch(/^[0-9a-f]{64}$/);
    expect(() => codeChallengeHex('short')).toThrow();
    expect(() => codeChallengeHex(`${'a'.repeat(43)} `)).toThrow();
  });
});

describe('state', () => {
  it('is random and URL-safe', () => {
    const s = createState();
    expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createState()).not.toBe(s);
  });

  it('compares exactly, for any length, and never accepts a missing value', () => {
    const s = createState();
    expect(statesEqual(s, s)).toBe(true);
    expect(statesEqual(s, `${s}x`)).toBe(false);
    expect(statesEqual(s, s.slice(0, -1))).toBe(false);
    expect(statesEqual(s, null)).toBe(false);
    expect(statesEqual(s, undefined)).toBe(false);
    expect(statesEqual('', '')).toBe(false);
  });
});
