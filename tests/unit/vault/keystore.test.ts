import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { newDataKey } from '../../../src-main/vault/crypto';
import {
  KEYCHAIN_SERVICE,
  KeychainKeyStore,
  keychainAccount,
  type KeytarLike,
} from '../../../src-main/vault/keychain-keystore';
import { createKeyStore } from '../../../src-main/vault/create-keystore';
import { openVault } from '../../../src-main/vault/open-vault';
import { PassphraseKeyStore } from '../../../src-main/vault/passphrase-keystore';
import { makeTempDir } from '../../helpers/tmp';

class FakeKeytar implements KeytarLike {
  readonly entries = new Map<string, string>();
  fail: Error | undefined;
  async getPassword(service: string, account: string) {
    if (this.fail) throw this.fail;
    return this.entries.get(`${service}/${account}`) ?? null;
  }
  async setPassword(service: string, account: string, password: string) {
    if (this.fail) throw this.fail;
    this.entries.set(`${service}/${account}`, password);
  }
  async deletePassword(service: string, account: string) {
    if (this.fail) throw this.fail;
    return this.entries.delete(`${service}/${account}`);
  }
}

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

describe('KeychainKeyStore', () => {
  it('names entries per data folder so two folders never share a key', () => {
    expect(keychainAccount('/data/a', 'k1')).not.toBe(keychainAccount('/data/b', 'k1'));
    expect(keychainAccount('/data/a', 'k1')).toBe(keychainAccount('/data/a/../a', 'k1'));
    expect(keychainAccount('/data/a', 'k1')).toMatch(/^vault-[0-9a-f]{24}-k1$/);
  });

  it('stores keys base64 under service ShopMesh and maps keyring errors to LOCKED', async () => {
    const keytar = new FakeKeytar();
    const store = new KeychainKeyStore({ dataDir: dir, keytar });
    const key = newDataKey();
    await store.set('k1', key);
    expect(keytar.entries.get(`${KEYCHAIN_SERVICE}/${store.accountFor('k1')}`)).toBe(key.toString('base64'));
    expect(await store.get('k1')).toEqual(key);
    await store.delete('k1');
    expect(await store.get('k1')).toBeNull();

    keytar.fail = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    await expect(store.get('k1')).rejects.toMatchObject({ code: 'LOCKED', message: /D-Bus/ });
  });
});

describe('createKeyStore / openVault', () => {
  it('defaults to the keychain and probes it', async () => {
    const keytar = new FakeKeytar();
    const store = await createKeyStore({ env: {}, dataDir: dir, loadKeytar: async () => keytar });
    expect(store).toBeInstanceOf(KeychainKeyStore);
  });

  it('names the remedy when no keychain is reachable', async () => {
    const keytar = new FakeKeytar();
    keytar.fail = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    const attempt = createKeyStore({
      env: { SHOPMESH_KEYSTORE: 'keychain' },
      dataDir: dir,
      loadKeytar: async () => keytar,
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringMatching(
        /No system keychain .* is reachable.*SHOPMESH_KEYSTORE=passphrase.*SHOPMESH_VAULT_PASSPHRASE/,
      ),
    });
    const broken = createKeyStore({
      env: {},
      dataDir: dir,
      loadKeytar: () => Promise.reject(new Error('no .node')),
    });
    await expect(broken).rejects.toMatchObject({ code: 'LOCKED', message: /keytar native module/ });
  });

  it('selects the passphrase store, and insists on a passphrase', async () => {
    const env = { SHOPMESH_KEYSTORE: 'passphrase', SHOPMESH_VAULT_PASSPHRASE: 'long enough passphrase' };
    expect(await createKeyStore({ env, dataDir: dir })).toBeInstanceOf(PassphraseKeyStore);
    await expect(
      createKeyStore({ env: { SHOPMESH_KEYSTORE: 'passphrase' }, dataDir: dir }),
    ).rejects.toMatchObject({
      code: 'LOCKED',
      message: /SHOPMESH_VAULT_PASSPHRASE/,
    });
    await expect(
      createKeyStore({ env: { ...env, SHOPMESH_VAULT_PASSPHRASE: 'short' }, dataDir: dir }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(createKeyStore({ env: { SHOPMESH_KEYSTORE: 'safe' }, dataDir: dir })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('openVault starts locked, with the reason, when the key store cannot be created', async () => {
    const db = openDatabase(join(dir, 'shopmesh.db'));
    try {
      const keytar = new FakeKeytar();
      keytar.fail = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
      const vault = await openVault({ db, env: {}, dataDir: dir, loadKeytar: async () => keytar });
      expect(vault.status()).toMatchObject({
        state: 'locked',
        cause: 'keystore_unavailable',
        text: expect.objectContaining({ key: 'vault.errors.noKeychain' }),
      });
      keytar.fail = undefined;
      const ok = await openVault({ db, env: {}, dataDir: dir, loadKeytar: async () => keytar });
      expect(ok.unlocked).toBe(true);
    } finally {
      db.close();
    }
  });
});
