import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  MAX_WAIT_MS,
  noAttempts,
  retryAt,
  waitAfter,
} from '../../../src-main/app-lock/attempts';
import {
  appLockVerifierSchema,
  createVerifier,
  DEFAULT_APP_LOCK_SCRYPT,
  verifyPassphrase,
} from '../../../src-main/app-lock/verifier';

const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('app lock verifier', () => {
  it('keeps scrypt parameters, a random salt and a hash, never the passphrase', async () => {
    const v = await createVerifier('correct horse battery', cheap);
    expect(appLockVerifierSchema.parse(v)).toEqual(v);
    expect(v).toMatchObject({ kdf: 'scrypt', N: 2 ** 10, r: 8, p: 1 });
    expect(Buffer.from(v.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(v.hash, 'base64')).toHaveLength(32);
    expect(JSON.stringify(v)).not.toContain('correct horse');
    // The same passphrase twice gives different salts and hashes.
    const again = await createVerifier('correct horse battery', cheap);
    expect(again.salt).not.toBe(v.salt);
    expect(again.hash).not.toBe(v.hash);
  });

  it('accepts the passphrase and refuses any other, including near misses', async () => {
    const v = await createVerifier('correct horse battery', cheap);
    expect(await verifyPassphrase('correct horse battery', v)).toBe(true);
    for (const wrong of ['correct horse batter', 'Correct horse battery', 'correct horse battery ', '']) {
      expect(await verifyPassphrase(wrong, v)).toBe(false);
    }
  });

  it('checks with the cost stored in the verifier, not the default of the day', async () => {
    const v = await createVerifier('päss wörd ∆', { N: 2 ** 11, r: 4, p: 1 });
    expect(v).toMatchObject({ N: 2 ** 11, r: 4 });
    expect(await verifyPassphrase('päss wörd ∆', v)).toBe(true);
    // Unicode is compared normalised: the decomposed form of the same text is the same passphrase.
    expect(await verifyPassphrase('päss wörd ∆'.normalize('NFD'), v)).toBe(true);
  });

  // Seconds on a loaded machine: the timeout is generous, the test waits on the result only.
  it('the default cost is scrypt N=2^15, r=8 and it verifies', { timeout: 60_000 }, async () => {
    expect(DEFAULT_APP_LOCK_SCRYPT).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    const v = await createVerifier('a default-cost passphrase');
    expect(await verifyPassphrase('a default-cost passphrase', v)).toBe(true);
  });

  it('refuses a stored cost outside the bounds (a hand-edited file)', () => {
    const base = { kdf: 'scrypt', r: 8, p: 1, salt: 'AAAA', hash: 'AAAA' };
    expect(appLockVerifierSchema.safeParse({ ...base, N: 2 ** 30 }).success).toBe(false);
    expect(appLockVerifierSchema.safeParse({ ...base, N: 1000 }).success).toBe(false);
    expect(appLockVerifierSchema.safeParse({ ...base, N: 2 ** 4 }).success).toBe(false);
  });
});

describe('app lock attempts', () => {
  it('waits 1 s after the first wrong passphrase, doubling up to 5 minutes', () => {
    expect([0, 1, 2, 3, 4].map(waitAfter)).toEqual([0, 1000, 2000, 4000, 8000]);
    expect(waitAfter(9)).toBe(256_000);
    expect(waitAfter(10)).toBe(MAX_WAIT_MS);
    expect(waitAfter(1000)).toBe(MAX_WAIT_MS);
  });

  it('tells when the next attempt may be made', () => {
    expect(retryAt(noAttempts, 0)).toBeNull();
    let state = afterFailure(noAttempts, 10_000);
    expect(retryAt(state, 10_000)).toBe(11_000);
    expect(retryAt(state, 11_000)).toBeNull();
    state = afterFailure(state, 11_000);
    expect(state.failed).toBe(2);
    expect(retryAt(state, 11_500)).toBe(13_000);
  });

  it('a clock set back never makes the wait longer than from now', () => {
    const state = afterFailure(afterFailure(noAttempts, 1_000_000), 1_000_000);
    expect(retryAt(state, 500_000)).toBe(502_000);
  });
});
