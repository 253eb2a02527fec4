import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '@shared/errors';
import { keyIdSchema } from './crypto';
import type { KeyStore } from './keystore';
import { vaultTexts } from './texts';

/** The three keytar calls we use; an interface so tests can count calls or inject failures. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'ShopMesh';

/** keytar is CommonJS: under Node ESM, vitest and the bundled main alike its exports arrive as `default`. */
export async function loadKeytar(): Promise<KeytarLike> {
  const mod = await import('keytar');
  return mod.default;
}

/** A harmless read that fails fast when no keyring daemon or D-Bus session exists. */
export async function probeKeychain(keytar: KeytarLike): Promise<void> {
  await keytar.getPassword(KEYCHAIN_SERVICE, 'probe');
}

/**
 * Entries are named per data folder (a hash of its absolute path), so two data folders, such as parallel
 * test runs or a second profile, never read or overwrite each other's key.
 */
export function keychainAccount(dataDir: string, keyId: string): string {
  const folder = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 24);
  return `vault-${folder}-${keyIdSchema.parse(keyId)}`;
}

const storedKeySchema = z.base64();

export interface KeychainKeyStoreOptions {
  dataDir: string;
  keytar: KeytarLike;
  service?: string;
}

export class KeychainKeyStore implements KeyStore {
  readonly kind = 'keychain' as const;
  private readonly dataDir: string;
  private readonly keytar: KeytarLike;
  private readonly service: string;

  constructor(options: KeychainKeyStoreOptions) {
    this.dataDir = options.dataDir;
    this.keytar = options.keytar;
    this.service = options.service ?? KEYCHAIN_SERVICE;
  }

  accountFor(keyId: string): string {
    return keychainAccount(this.dataDir, keyId);
  }

  async get(keyId: string): Promise<Buffer | null> {
    const stored = await this.call(() => this.keytar.getPassword(this.service, this.accountFor(keyId)));
    if (stored === null) return null;
    const parsed = storedKeySchema.safeParse(stored);
    // A malformed entry cannot be our key; reporting "wrong key" is more useful than a parse error.
    return parsed.success ? Buffer.from(parsed.data, 'base64') : Buffer.alloc(0);
  }

  async set(keyId: string, key: Buffer): Promise<void> {
    const account = this.accountFor(keyId);
    await this.call(() => this.keytar.setPassword(this.service, account, key.toString('base64')));
  }

  async delete(keyId: string): Promise<void> {
    const account = this.accountFor(keyId);
    await this.call(() => this.keytar.deletePassword(this.service, account));
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      // keytar's messages come from libsecret/D-Bus and never contain the stored value.
      const reason = err instanceof Error ? err.message : String(err);
      throw new AppError('LOCKED', vaultTexts.keychainFailed({ reason: reason.slice(0, 200) }));
    }
  }
}
