import { describe, expect, it } from 'vitest';
import {
  newDataKey,
  openWithKey,
  packSealed,
  sealWithKey,
  secretAad,
  unpackSealed,
} from '../../../src-main/vault/crypto';

const key = newDataKey();
const aad = secretAad('account:1', 'access_token');
const token = 'act.TOKEN-crypto-test-0123456789';

function flip(buf: Buffer, index = 0): Buffer {
  const copy = Buffer.from(buf);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

describe('vault crypto (AES-256-GCM)', () => {
  it('round-trips a secret with a 96-bit IV and a 128-bit tag', () => {
    const sealed = sealWithKey(key, 'k1', token, aad);
    expect(sealed.iv).toHaveLength(12);
    expect(sealed.tag).toHaveLength(16);
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext.toString('utf8')).not.toContain('TOKEN');
    expect(openWithKey(key, sealed, aad).toString('utf8')).toBe(token);
  });

  it('uses a fresh IV every time, so equal secrets never produce equal ciphertext', () => {
    const a = sealWithKey(key, 'k1', token, aad);
    const b = sealWithKey(key, 'k1', token, aad);
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
  });

  it.each(['iv', 'tag', 'ciphertext'] as const)('detects a modified %s', (field) => {
    const sealed = sealWithKey(key, 'k1', token, aad);
    const tampered = { ...sealed, [field]: flip(sealed[field], 3) };
    expect(() => openWithKey(key, tampered, aad)).toThrow(/integrity check/);
  });

  it('detects a truncated tag or iv instead of reading past it', () => {
    const sealed = sealWithKey(key, 'k1', token, aad);
    expect(() => openWithKey(key, { ...sealed, tag: sealed.tag.subarray(0, 8) }, aad)).toThrow(/integrity/);
    expect(() => openWithKey(key, { ...sealed, iv: sealed.iv.subarray(0, 8) }, aad)).toThrow(/integrity/);
  });

  it('refuses ciphertext moved to another row (associated data differs)', () => {
    const sealed = sealWithKey(key, 'k1', token, aad);
    expect(() => openWithKey(key, sealed, secretAad('account:2', 'access_token'))).toThrow(/integrity/);
    expect(() => openWithKey(key, sealed, secretAad('account:1', 'refresh_token'))).toThrow(/integrity/);
  });

  it('refuses the wrong key, and the error names no secret', () => {
    const sealed = sealWithKey(key, 'k1', token, aad);
    let message = '';
    try {
      openWithKey(newDataKey(), sealed, aad);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/integrity check/);
    expect(message).not.toContain(token);
  });

  it('packs a sealed value into one BLOB and back; tampering the BLOB is detected', () => {
    const sealed = sealWithKey(key, 'kAbc-1', 'creator@example.com', 'creator:7:email');
    const blob = packSealed(sealed);
    const back = unpackSealed(blob);
    expect(back).toEqual(sealed);
    expect(openWithKey(key, back, 'creator:7:email').toString()).toBe('creator@example.com');
    expect(() => openWithKey(key, unpackSealed(flip(blob, blob.length - 1)), 'creator:7:email')).toThrow(
      /integrity/,
    );
    expect(() => unpackSealed(Buffer.from([9, 1, 65]))).toThrow(/integrity/);
  });

  it('builds unambiguous associated data and rejects kinds with separators', () => {
    expect(secretAad('account:42', 'access_token')).toBe('account:42:access_token');
    expect(() => secretAad('account', '42:access_token')).toThrow();
    expect(() => secretAad('', 'access_token')).toThrow();
  });
});
