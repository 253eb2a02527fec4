import { randomBytes, scrypt } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '@shared/errors';
import { keyIdSchema, openWithKey, sealWithKey } from './crypto';
import type { KeyStore } from './keystore';
import { vaultTexts } from './texts';

/**
 * scrypt cost. N=2^17, r=8 is OWASP's current recommendation (128 MiB, a few hundred ms once per launch).
 * Stored in vault.json so the cost can rise later without breaking existing folders; never below 2^15.
 */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const MIN_LOG2_N = 15;

const b64 = z.base64();
const wrappedSchema = z.object({ iv: b64, tag: b64, ciphertext: b64 });
const vaultFileSchema = z.object({
  version: z.literal(1),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .refine(
        (n) => n >= 2 ** MIN_LOG2_N && n <= 2 ** 22 && (n & (n - 1)) === 0,
        'N must be a power of two ≥ 2^15',
      ),
    r: z.number().int().min(8).max(32),
    p: z.number().int().min(1).max(4),
    salt: b64,
  }),
  /** The KEK sealing a known constant: tells a wrong passphrase apart from a damaged key entry. */
  check: wrappedSchema,
  keys: z.record(keyIdSchema, wrappedSchema),
});
type VaultFile = z.infer<typeof vaultFileSchema>;
type Wrapped = z.infer<typeof wrappedSchema>;

const CHECK_AAD = 'shopmesh:passphrase-check';
const CHECK_PLAINTEXT = 'shopmesh passphrase check v1';
const wrapAad = (keyId: string) => `shopmesh:wrapped-key:${keyId}`;

export const VAULT_FILE = 'vault.json';

export interface PassphraseKeyStoreOptions {
  dataDir: string;
  passphrase: string;
  /** Cost for a new vault.json; an existing file keeps its own. */
  scrypt?: { N: number; r: number; p: number };
  /** Where the passphrase came from, so a wrong one is reported in terms the reader recognises. */
  source?: 'env' | 'prompt';
  /** Test seam for crash simulation (a throwing hook is the process dying there); never set in the app. */
  onStep?: (step: PassphraseStep) => void;
}

/** `change-file-written`: the re-wrapped vault.json is on disk under its temporary name, not yet renamed. */
export type PassphraseStep = 'change-file-written';

const wrongPassphraseTexts = {
  env: vaultTexts.wrongPassphraseEnv,
  prompt: vaultTexts.wrongPassphrase,
} as const;

/**
 * The ids of the data keys vault.json holds (no passphrase needed), or null when there is no vault.json:
 * tells whether a passphrase can open this folder's key at all. Throws `LOCKED` for a damaged file.
 */
export function passphraseFileKeyIds(dataDir: string): string[] | null {
  const file = readVaultFile(join(dataDir, VAULT_FILE));
  return file ? Object.keys(file.keys) : null;
}

/**
 * The fallback for hosts without a keychain. Data keys stay random; each is wrapped (AES-256-GCM) with a
 * key-encryption key derived from the passphrase by scrypt, salt and cost kept in `vault.json`. Wrapping
 * rather than using the derived key directly lets rotation and the vault work exactly as with the keychain.
 */
export class PassphraseKeyStore implements KeyStore {
  readonly kind = 'passphrase' as const;
  readonly file: string;
  private passphrase: string;
  private source: 'env' | 'prompt';
  private readonly onStep: ((step: PassphraseStep) => void) | undefined;
  private readonly cost: { N: number; r: number; p: number };
  private kek: { salt: string; key: Buffer } | undefined;
  /** Operations run one at a time: two first-time `set`s must not each create a vault.json with its own salt. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(options: PassphraseKeyStoreOptions) {
    this.file = join(options.dataDir, VAULT_FILE);
    this.passphrase = options.passphrase;
    this.source = options.source ?? 'env';
    this.cost = options.scrypt ?? DEFAULT_SCRYPT;
    this.onStep = options.onStep;
  }

  /**
   * Re-wraps every data key (and the check value) under a key derived from `next` with a fresh salt, in
   * one new vault.json that replaces the old one by rename: until the rename the old passphrase opens the
   * folder, after it only the new one. The data keys themselves, and so every sealed value, stay as they
   * are. A wrong `current` changes nothing and throws `LOCKED` with `details.vault = 'wrong_passphrase'`.
   */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.exclusive(async () => {
      const file = this.read();
      if (!file) throw new AppError('CONFLICT', vaultTexts.noVaultFile());
      const oldKek = await derive(current, file.kdf);
      try {
        openWithKey(oldKek, unwrapFields('kek', file.check), CHECK_AAD);
      } catch {
        throw new AppError('LOCKED', vaultTexts.wrongCurrentPassphrase(), { vault: 'wrong_passphrase' });
      }
      const keys = Object.entries(file.keys).map(([keyId, wrapped]) => {
        try {
          return { keyId, key: openWithKey(oldKek, unwrapFields(keyId, wrapped), wrapAad(keyId)) };
        } catch {
          // Re-wrapping cannot mend a damaged entry, and dropping it would lose the key for good.
          throw new AppError('LOCKED', vaultTexts.vaultFileDamaged());
        }
      });
      const salt = randomBytes(16).toString('base64');
      // The cost of the day: a vault.json made under an older, cheaper setting is raised on the way.
      const kdf = { name: 'scrypt' as const, ...this.cost, salt };
      const newKek = await derive(next, kdf);
      const rewrapped: VaultFile = vaultFileSchema.parse({
        version: 1,
        kdf,
        check: wrapFields(sealWithKey(newKek, 'kek', CHECK_PLAINTEXT, CHECK_AAD)),
        keys: Object.fromEntries(
          keys.map(({ keyId, key }) => [keyId, wrapFields(sealWithKey(newKek, 'kek', key, wrapAad(keyId)))]),
        ),
      });
      for (const { key } of keys) key.fill(0);
      oldKek.fill(0);
      this.write(rewrapped, 'change-file-written');
      this.passphrase = next;
      this.source = 'prompt';
      this.kek = { salt, key: newKek };
    });
  }

  get(keyId: string): Promise<Buffer | null> {
    return this.exclusive(() => this.getNow(keyId));
  }

  set(keyId: string, key: Buffer): Promise<void> {
    return this.exclusive(() => this.setNow(keyId, key));
  }

  delete(keyId: string): Promise<void> {
    return this.exclusive(async () => this.deleteNow(keyId));
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async getNow(keyId: string): Promise<Buffer | null> {
    const file = this.read();
    const wrapped = file?.keys[keyIdSchema.parse(keyId)];
    if (!file || !wrapped) return null;
    const kek = await this.unlock(file);
    try {
      return openWithKey(kek, unwrapFields(keyId, wrapped), wrapAad(keyId));
    } catch {
      return Buffer.alloc(0); // damaged entry under a correct passphrase: the vault reports "does not match"
    }
  }

  private async setNow(keyId: string, key: Buffer): Promise<void> {
    keyIdSchema.parse(keyId);
    const file = this.read() ?? (await this.create());
    const kek = await this.unlock(file);
    file.keys[keyId] = wrapFields(sealWithKey(kek, 'kek', key, wrapAad(keyId)));
    this.write(file);
  }

  private deleteNow(keyId: string): void {
    const file = this.read();
    if (!file || !(keyIdSchema.parse(keyId) in file.keys)) return;
    delete file.keys[keyId];
    this.write(file);
  }

  private read(): VaultFile | null {
    return readVaultFile(this.file);
  }

  private async create(): Promise<VaultFile> {
    const salt = randomBytes(16).toString('base64');
    const kdf = { name: 'scrypt' as const, ...this.cost, salt };
    const kek = await derive(this.passphrase, kdf);
    this.kek = { salt, key: kek };
    const file: VaultFile = {
      version: 1,
      kdf,
      check: wrapFields(sealWithKey(kek, 'kek', CHECK_PLAINTEXT, CHECK_AAD)),
      keys: {},
    };
    // Parse our own output so a cost outside the accepted bounds fails now, not at the next launch.
    this.write(vaultFileSchema.parse(file));
    return file;
  }

  private async unlock(file: VaultFile): Promise<Buffer> {
    if (this.kek?.salt === file.kdf.salt) return this.kek.key;
    const key = await derive(this.passphrase, file.kdf);
    try {
      openWithKey(key, unwrapFields('kek', file.check), CHECK_AAD);
    } catch {
      throw new AppError('LOCKED', wrongPassphraseTexts[this.source](), { vault: 'wrong_passphrase' });
    }
    this.kek = { salt: file.kdf.salt, key };
    return key;
  }

  private write(file: VaultFile, step?: PassphraseStep): void {
    const dir = join(this.file, '..');
    mkdirSync(dir, { recursive: true });
    // Write, flush, then rename: a crash (or power loss) mid-write must never leave a truncated file
    // holding the only copy of a key; the rename swaps old for new whole.
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (step) this.onStep?.(step);
    renameSync(tmp, this.file);
    syncDir(dir);
  }
}

/** Makes the rename itself durable where the platform allows it (directories cannot be opened on Windows). */
function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function readVaultFile(path: string): VaultFile | null {
  if (!existsSync(path)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AppError('LOCKED', vaultTexts.vaultFileNotJson());
  }
  const parsed = vaultFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('LOCKED', vaultTexts.vaultFileDamaged());
  }
  return parsed.data;
}

function derive(passphrase: string, kdf: { N: number; r: number; p: number; salt: string }): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    scrypt(
      passphrase.normalize('NFKC'),
      Buffer.from(kdf.salt, 'base64'),
      32,
      // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) rejects N=2^15,r=8 outright.
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolvePromise(key)),
    );
  });
}

function wrapFields(sealed: { iv: Buffer; tag: Buffer; ciphertext: Buffer }): Wrapped {
  return {
    iv: sealed.iv.toString('base64'),
    tag: sealed.tag.toString('base64'),
    ciphertext: sealed.ciphertext.toString('base64'),
  };
}

function unwrapFields(keyId: string, w: Wrapped) {
  return {
    keyId,
    iv: Buffer.from(w.iv, 'base64'),
    tag: Buffer.from(w.tag, 'base64'),
    ciphertext: Buffer.from(w.ciphertext, 'base64'),
  };
}
