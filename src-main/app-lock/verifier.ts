import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The app lock's passphrase check. Only an scrypt hash of the passphrase is kept, with its random salt and
 * cost, so the cost can rise later without breaking a stored verifier; the passphrase itself never is.
 * N=2^15, r=8 (32 MiB, ~100 ms): checked once per unlock, cheaper than the vault's key derivation because
 * nothing is decrypted with it — it only gates the UI, and wrong guesses are slowed by `attempts.ts`.
 */
export const DEFAULT_APP_LOCK_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const hashBytes = 32;
const saltBytes = 16;

export const appLockVerifierSchema = z.object({
  kdf: z.literal('scrypt'),
  // Bounds keep a hand-edited file from asking for gigabytes (or for a trivially cheap hash).
  N: z
    .number()
    .int()
    .min(2 ** 10)
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  hash: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
});
export type AppLockVerifier = z.infer<typeof appLockVerifierSchema>;
export type ScryptCost = { N: number; r: number; p: number };

function derive(passphrase: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      hashBytes,
      // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) refuses N=2^15, r=8.
      { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

/** A new verifier for a chosen passphrase: a fresh random salt every time, so equal passphrases differ. */
export async function createVerifier(
  passphrase: string,
  cost: ScryptCost = DEFAULT_APP_LOCK_SCRYPT,
): Promise<AppLockVerifier> {
  const salt = randomBytes(saltBytes);
  const hash = await derive(passphrase, salt, cost);
  return { kdf: 'scrypt', ...cost, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

/** Whether a typed passphrase is the one the verifier was made from; compared in constant time. */
export async function verifyPassphrase(passphrase: string, verifier: AppLockVerifier): Promise<boolean> {
  const expected = Buffer.from(verifier.hash, 'base64');
  const actual = await derive(passphrase, Buffer.from(verifier.salt, 'base64'), verifier);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
