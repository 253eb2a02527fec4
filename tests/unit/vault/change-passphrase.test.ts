import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { newDataKey } from '../../../src-main/vault/crypto';
import {
  PassphraseKeyStore,
  type PassphraseStep,
  VAULT_FILE,
} from '../../../src-main/vault/passphrase-keystore';
import { Vault } from '../../../src-main/vault/vault';
import { makeTempDir } from '../../helpers/tmp';
import { MemoryKeyStore } from './memory-keystore';

// The minimum accepted cost keeps the suite fast; the default (2^17) is exercised by the app and bench.
const scrypt = { N: 2 ** 15, r: 8, p: 1 };
// Each case derives several scrypt keys (~100 ms each on a quiet core, seconds when CI's two cores are
// shared): a generous timeout, since how long a derivation takes is not what these cases check.
const slow = { timeout: 90_000 };
const OLD = 'correct horse battery staple';
const NEW = 'a brand-new passphrase 42';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

const store = (passphrase: string, onStep?: (step: PassphraseStep) => void) =>
  new PassphraseKeyStore({
    dataDir: dir,
    passphrase,
    scrypt,
    source: 'prompt',
    ...(onStep ? { onStep } : {}),
  });
const vaultFile = () => readFileSync(join(dir, VAULT_FILE), 'utf8');

describe('PassphraseKeyStore.changePassphrase', slow, () => {
  it('re-wraps every key under the new passphrase with a new salt; the old one stops working', async () => {
    const [k1, k2] = [newDataKey(), newDataKey()];
    const s = store(OLD);
    await s.set('k1', k1);
    await s.set('k2', k2);
    const before = JSON.parse(vaultFile()) as { kdf: { salt: string } };

    await s.changePassphrase(OLD, NEW);

    const after = JSON.parse(vaultFile()) as { kdf: { salt: string } };
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    expect(await store(NEW).get('k1')).toEqual(k1);
    expect(await store(NEW).get('k2')).toEqual(k2);
    await expect(store(OLD).get('k1')).rejects.toMatchObject({
      code: 'LOCKED',
      details: { vault: 'wrong_passphrase' },
    });
    // The same instance goes on writing under the new passphrase (rotation after a change).
    const k3 = newDataKey();
    await s.set('k3', k3);
    expect(await store(NEW).get('k3')).toEqual(k3);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('changes nothing for a wrong current passphrase and says which passphrase was wrong', async () => {
    const s = store(OLD);
    await s.set('k1', newDataKey());
    const before = vaultFile();
    await expect(s.changePassphrase('not the passphrase', NEW)).rejects.toMatchObject({
      code: 'LOCKED',
      text: { key: 'vault.errors.wrongCurrentPassphrase' },
      details: { vault: 'wrong_passphrase' },
    });
    expect(vaultFile()).toBe(before);
    expect(await store(OLD).get('k1')).not.toBeNull();
  });

  it('a crash after writing the new file but before the swap leaves the old passphrase working', async () => {
    const k1 = newDataKey();
    await store(OLD).set('k1', k1);
    const before = vaultFile();
    const crashing = store(OLD, (step) => {
      if (step === 'change-file-written') throw new Error('power cut');
    });
    await expect(crashing.changePassphrase(OLD, NEW)).rejects.toThrow('power cut');

    expect(vaultFile()).toBe(before);
    expect(await store(OLD).get('k1')).toEqual(k1);
    await expect(store(NEW).get('k1')).rejects.toMatchObject({ code: 'LOCKED' });
    // After the "restart" the change can simply be made again; the leftover temporary file is replaced.
    await store(OLD).changePassphrase(OLD, NEW);
    expect(await store(NEW).get('k1')).toEqual(k1);
  });

  it('refuses when there is no vault.json yet', async () => {
    expect(existsSync(join(dir, VAULT_FILE))).toBe(false);
    await expect(store(OLD).changePassphrase(OLD, NEW)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(existsSync(join(dir, VAULT_FILE))).toBe(false);
  });
});

describe('Vault.changePassphrase', slow, () => {
  it('keeps every sealed value readable under the new passphrase, also across a queued rotation', async () => {
    const db = openDatabase(join(dir, 'shopmesh.db'));
    try {
      const vault = await Vault.open({ db, keyStore: store(OLD) });
      vault.putSecret('account:1', 'access_token', 'act.change-passphrase-token');
      const sealedBefore = db.prepare('SELECT * FROM secrets').all();

      // Queued one after the other: the rotated key must be wrapped under the new passphrase.
      await Promise.all([vault.changePassphrase(OLD, NEW), vault.rotateKey()]);
      expect(vault.getSecret('account:1', 'access_token')).toBe('act.change-passphrase-token');

      const reopened = await Vault.open({ db, keyStore: store(NEW) });
      expect(reopened.getSecret('account:1', 'access_token')).toBe('act.change-passphrase-token');
      const withOld = await Vault.open({ db, keyStore: store(OLD) });
      expect(withOld.status()).toMatchObject({ state: 'locked', cause: 'wrong_key' });
      expect(db.prepare('SELECT * FROM secrets').all()).not.toEqual(sealedBefore); // rotated, not lost
    } finally {
      db.close();
    }
  });

  it('a wrong current passphrase leaves the vault unlocked and the file untouched', async () => {
    const db = openDatabase(join(dir, 'shopmesh.db'));
    try {
      const vault = await Vault.open({ db, keyStore: store(OLD) });
      vault.putSecret('account:1', 'access_token', 'act.kept');
      const before = vaultFile();
      await expect(vault.changePassphrase('wrong passphrase!', NEW)).rejects.toMatchObject({
        code: 'LOCKED',
      });
      expect(vault.status()).toMatchObject({ state: 'unlocked' });
      expect(vault.getSecret('account:1', 'access_token')).toBe('act.kept');
      expect(vaultFile()).toBe(before);
    } finally {
      db.close();
    }
  });

  it('refuses for a keychain-held key and while locked', async () => {
    const db = openDatabase(join(dir, 'shopmesh.db'));
    try {
      const keychain = await Vault.open({ db, keyStore: new MemoryKeyStore() });
      await expect(keychain.changePassphrase(OLD, NEW)).rejects.toMatchObject({
        code: 'CONFLICT',
        text: { key: 'vault.errors.notPassphraseStore' },
      });
      keychain.close();
      await expect(keychain.changePassphrase(OLD, NEW)).rejects.toMatchObject({ code: 'LOCKED' });
    } finally {
      db.close();
    }
  });
});
