import type { KeyStore } from '../../../src-main/vault/keystore';

/**
 * An in-memory KeyStore for unit tests (the integration tests use the real keychain). `failOn` makes one
 * operation throw, the way an unreachable keyring daemon would.
 */
export class MemoryKeyStore implements KeyStore {
  readonly kind = 'keychain' as const;
  readonly keys = new Map<string, Buffer>();
  failOn: Partial<Record<'get' | 'set' | 'delete', Error>> = {};
  calls: string[] = [];

  async get(keyId: string): Promise<Buffer | null> {
    this.calls.push(`get:${keyId}`);
    if (this.failOn.get) throw this.failOn.get;
    const key = this.keys.get(keyId);
    return key ? Buffer.from(key) : null;
  }

  async set(keyId: string, key: Buffer): Promise<void> {
    this.calls.push(`set:${keyId}`);
    if (this.failOn.set) throw this.failOn.set;
    this.keys.set(keyId, Buffer.from(key));
  }

  async delete(keyId: string): Promise<void> {
    this.calls.push(`delete:${keyId}`);
    if (this.failOn.delete) throw this.failOn.delete;
    this.keys.delete(keyId);
  }
}
