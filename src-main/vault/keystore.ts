import { z } from 'zod';

/**
 * Where data keys live. The vault never persists a key itself; swapping the backend (Electron safeStorage,
 * another keyring binding) means one new implementation of this interface.
 */
export interface KeyStore {
  readonly kind: 'keychain' | 'passphrase';
  /** The key, or null when this store has none under that id. Throws `LOCKED` when the store is unusable. */
  get(keyId: string): Promise<Buffer | null>;
  set(keyId: string, key: Buffer): Promise<void>;
  /** Idempotent: deleting a key that is not there is not an error. */
  delete(keyId: string): Promise<void>;
}

export const keyStoreKindSchema = z.enum(['keychain', 'passphrase']);
export type KeyStoreKind = z.infer<typeof keyStoreKindSchema>;
